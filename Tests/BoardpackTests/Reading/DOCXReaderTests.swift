import Boardpack
import Foundation
import Testing

/// The `.docx` reader: numbers as Word and LibreOffice print them, tables with merged cells and
/// header rows, fields, text boxes and tracked changes.
@Suite struct DOCXReaderTests {
  /// Reads a package through `PaperFile`, as `boardpack validate` does.
  static func read(_ package: Data, named name: String = "paper.docx") throws -> Document {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-docx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try package.write(to: file)
    return try PaperFile.read(path: file.path)
  }

  /// Every paragraph and list item as printed, marker first, in reading order.
  static func printed(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
      switch block {
      case .paragraph(let paragraph):
        let own = (paragraph.number.map { "\($0). " } ?? "") + paragraph.content.plainText
        return [own] + printed(paragraph.children)
      case .list(let list):
        return list.items.flatMap {
          [($0.marker.map { $0 + " " } ?? "") + $0.content.plainText] + printed($0.children)
        }
      default: return []
      }
    }
  }

  /// One list definition used by five instances: one continued by another, one restarting it
  /// (`w:startOverride`), one overriding a level's format and start; and a second definition
  /// starting at 5 with "5.1"-style sub-items.
  static let numbering = try! WordPackage.make(
    body: [
      ("Alpha one", 1, 0), ("Alpha two", 1, 0), ("Alpha sub", 1, 1), ("Alpha sub two", 1, 1),
      ("Alpha sub sub", 1, 2), ("Alpha three", 1, 0), ("Alpha sub again", 1, 1),
      ("Plain paragraph", nil, 0), ("Continued by num two", 2, 0), ("Continued sub", 2, 1),
      ("Restarted by num three", 3, 0), ("Restarted next", 3, 0), ("Back to num one", 1, 0),
      ("Override item", 4, 0), ("Override sub", 4, 1), ("Override sub two", 4, 1), ("Five", 5, 0),
      ("Five sub", 5, 1), ("Six", 5, 0), ("Six sub", 5, 1),
    ].map { WordPackage.paragraph($0.0, numId: $0.1, level: $0.2) }.joined(),
    numbering: #"<w:abstractNum w:abstractNumId="1">"#
      + WordPackage.level(0, "decimal", "%1.") + WordPackage.level(1, "lowerLetter", "(%2)")
      + WordPackage.level(2, "lowerRoman", "%3)") + "</w:abstractNum>"
      + #"<w:abstractNum w:abstractNumId="2">"# + WordPackage.level(0, "decimal", "%1.", start: 5)
      + WordPackage.level(1, "decimal", "%1.%2") + "</w:abstractNum>"
      + #"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
      + #"<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#
      + #"<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#
      + #"<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">"#
      + WordPackage.level(1, "upperLetter", "%2.", start: 3) + "</w:lvlOverride></w:num>"
      + #"<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>"#)

  /// What LibreOffice 7.4 prints for `numbering` (its PDF, through pdftotext).
  static let printedByLibreOffice = [
    "1. Alpha one", "2. Alpha two", "(a) Alpha sub", "(b) Alpha sub two", "i) Alpha sub sub",
    "3. Alpha three", "(a) Alpha sub again", "Plain paragraph", "4. Continued by num two",
    "(a) Continued sub",
    "1. Restarted by num three", "2. Restarted next", "3. Back to num one", "4. Override item",
    "C. Override sub", "D. Override sub two", "5. Five", "5.1 Five sub", "6. Six", "6.1 Six sub",
  ]

  @Test func numbersListsAsWordAndLibreOfficePrintThem() throws {
    let document = try Self.read(Self.numbering)
    #expect(Self.printed(document.blocks) == Self.printedByLibreOffice)
  }

  @Test func libreOfficePrintsTheSameNumbers() throws {
    let text = try LibreOffice.text(of: Self.numbering, named: "numbering.docx")
    let lines = text.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }.filter {
      !$0.isEmpty
    }
    #expect(lines == Self.printedByLibreOffice.map { $0.filter { !$0.isWhitespace } })
  }

  @Test func readsHeadingsFromStylesAndOutlineLevels() throws {
    let styles =
      #"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>"#
      + #"<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>"#
    let document = try Self.read(
      try WordPackage.make(
        body: WordPackage.paragraph("Finance", style: "Heading1")
          + WordPackage.paragraph("Capital", style: "Sub") + WordPackage.paragraph("Text."),
        styles: styles))
    #expect(
      document.blocks.map { block -> String in
        switch block {
        case .heading(let heading): "h\(heading.level) \(heading.content.plainText)"
        case .paragraph(let paragraph): "p \(paragraph.content.plainText)"
        default: "other"
        }
      } == ["h1 Finance", "h2 Capital", "p Text."])
  }

  @Test func readsMergedCellsAndRepeatedHeaderRows() throws {
    func cell(_ text: String, _ properties: String = "") -> String {
      "<w:tc><w:tcPr>\(properties)</w:tcPr>\(WordPackage.paragraph(text))</w:tc>"
    }
    let header = #"<w:trPr><w:tblHeader/></w:trPr>"#
    let table =
      "<w:tbl>"
      + "<w:tr>\(header)\(cell("Area", #"<w:vMerge w:val="restart"/>"#))\(cell("2025", #"<w:gridSpan w:val="2"/>"#))</w:tr>"
      + "<w:tr>\(header)\(cell("", "<w:vMerge/>"))\(cell("Cases"))\(cell("Spend £"))</w:tr>"
      + "<w:tr>\(cell("North"))\(cell("3"))\(cell("1,200"))</w:tr>"
      + "<w:tr>\(cell("Total"))\(cell("3"))\(cell("1,200"))</w:tr>"
      + "</w:tbl>"
    let document = try Self.read(try WordPackage.make(body: table))
    guard case .table(let read) = document.blocks.first else {
      Issue.record("no table: \(document.blocks)")
      return
    }
    #expect(read.columns.map(\.header) == ["Area", "2025 Cases", "2025 Spend £"])
    #expect(
      read.rows.map { $0.cells.map(\.shown) } == [
        ["North", "3", "1,200"], ["Total", "3", "1,200"],
      ])
    #expect(read.rows.map(\.isTotal) == [false, true])
  }

  @Test func readsFieldsBookmarksAndLinksAsReferences() throws {
    let body =
      #"<w:p><w:bookmarkStart w:id="1" w:name="_Ref1"/><w:r><w:t>The plan.</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>"#
      + #"<w:p><w:r><w:t xml:space="preserve">See paragraph </w:t></w:r>"#
      + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \r \h </w:instrText></w:r>"#
      + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
      + #"<w:r><w:t xml:space="preserve">, </w:t></w:r><w:hyperlink w:anchor="_Ref1"><w:r><w:t>the plan</w:t></w:r></w:hyperlink>"#
      + #"<w:r><w:t xml:space="preserve"> and </w:t></w:r><w:hyperlink r:id="rId3"><w:r><w:t>online</w:t></w:r></w:hyperlink>"#
      + #"<w:r><w:t>.</w:t></w:r></w:p>"#
    let document = try Self.read(try WordPackage.make(body: body))
    guard case .paragraph(let target) = document.blocks.first,
      case .paragraph(let citing) = document.blocks.last
    else {
      Issue.record("not two paragraphs: \(document.blocks)")
      return
    }
    #expect(target.label == Label("_Ref1"))
    #expect(citing.content.plainText == "See paragraph 1, the plan and online.")
    let references = citing.content.compactMap { inline -> Reference? in
      if case .reference(let reference) = inline { return reference }
      return nil
    }
    #expect(references.map(\.target) == [Label("_Ref1"), Label("_Ref1")])
    #expect(references.map(\.hasNumberFields) == [true, false])
    #expect(
      citing.content.contains(.link(url: "https://example.org/plan", content: [.text("online")])))
  }

  @Test func readsTrackedChangesAcceptedAndSaysSo() throws {
    let body =
      #"<w:p><w:r><w:t xml:space="preserve">The total is </w:t></w:r>"#
      + #"<w:del w:id="1" w:author="A"><w:r><w:delText>£100</w:delText></w:r></w:del>"#
      + #"<w:ins w:id="2" w:author="A"><w:r><w:t>£120</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>"#
    let document = try Self.read(try WordPackage.make(body: body))
    #expect(
      document.blocks == [
        .paragraph(
          Paragraph(
            content: [.text("The total is £120.")],
            location: document.blocks.first.flatMap {
              if case .paragraph(let paragraph) = $0 { paragraph.location } else { nil }
            }))
      ])
    #expect(document.metadata.hasTrackedChanges)
    let findings = Validator().check(document, file: "paper.docx")
    #expect(findings.map(\.rule) == [.trackedChanges])
    #expect(findings.first?.severity == .warning)
  }

  @Test func readsTextBoxesHiddenTextAndFootnoteMarks() throws {
    let body =
      #"<w:p><w:r><w:t xml:space="preserve">Shown</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>"#
      + #"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>"#
      + #"<w:r><w:t>.</w:t></w:r></w:p>"#
      + #"<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Box"/>"#
      + #"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>"#
      + #"<w:txbxContent>\#(WordPackage.paragraph("In the box."))</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"#
    let document = try Self.read(try WordPackage.make(body: body))
    #expect(
      document.blocks.compactMap { block -> String? in
        if case .paragraph(let paragraph) = block { return paragraph.content.plainText }
        return nil
      } == ["Shown.", "In the box."])
  }
}

/// A pack made of papers, each opening with its title: findings name each report by its title.
@Suite struct PackTitleTests {
  static let styles =
    #"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>"#
    + #"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>"#

  static let numbering =
    #"<w:abstractNum w:abstractNumId="1">"# + WordPackage.level(0, "decimal", "%1.")
    + "</w:abstractNum>"
    + #"<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
    + #"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#

  /// A paper: its title, a section and two numbered paragraphs, the second with an impossible date.
  static func paper(_ title: String, numId: Int) -> String {
    WordPackage.paragraph(title, style: "Title")
      + WordPackage.paragraph("Purpose of Report", style: "Heading1")
      + WordPackage.paragraph("The report sets out the work.", numId: numId)
      + WordPackage.paragraph("The panel met on 31st June 2026.", numId: numId)
  }

  @Test func findingsNameEachReportOfAPackByItsTitle() throws {
    let package = try WordPackage.make(
      body: Self.paper("Item 10: Commissioner's Update Report (Q4)", numId: 1)
        + Self.paper("Item 11: Police and Crime Plan Delivery Update", numId: 2),
      numbering: Self.numbering, styles: Self.styles)
    let document = try DOCXReaderTests.read(package)
    #expect(
      Validator().check(document, file: "pack.docx").map { $0.location.report } == [
        "Item 10: Commissioner's Update Report (Q4)",
        "Item 11: Police and Crime Plan Delivery Update",
      ])
  }

  @Test func findingsNameEachReportOfABoardpackXHTMLPackByItsTitle() throws {
    let paper = { (title: String) in
      "<h1>\(title)</h1><h2>Purpose of Report</h2>"
        + #"<div class="bp-para" data-bp-number="1"><p><span class="bp-number">1.</span> The report sets out the work.</p></div>"#
        + #"<div class="bp-para" data-bp-number="2"><p><span class="bp-number">2.</span> The panel met on 31st June 2026.</p></div>"#
    }
    let xhtml =
      #"<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="generator" content="Boardpack"/><meta name="bp:template" content="pcc-update-report"/></head><body>"#
      + paper("Item 10: Commissioner's Update Report (Q4)")
      + paper("Item 11: Police and Crime Plan Delivery Update")
      + "</body></html>"
    let document = try PaperFile.read(Data(xhtml.utf8), name: "pack.xhtml", isODF: false)
    #expect(
      Validator().check(document, file: "pack.xhtml").map { $0.location.report } == [
        "Item 10: Commissioner's Update Report (Q4)",
        "Item 11: Police and Crime Plan Delivery Update",
      ])
  }
}
