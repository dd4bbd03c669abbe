import Boardpack
import Foundation
import Testing

/// `FODTReader` on small flat ODF documents written inline, in Boardpack's own encoding.
@Suite struct FODTReaderTests {
  static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
    xmlns:xlink="http://www.w3.org/1999/xlink" \
    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    """

  static func document(meta: String = "", styles: String = "", body: String) throws -> Document {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document \(namespaces) office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
      <office:meta><dc:title>Commissioner's Update Report (Q4)</dc:title>\(meta)</office:meta>
      <office:styles>
      <text:list-style style:name="BP_20_Numbering" style:display-name="BP Numbering">
      <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
      <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix="."/>
      </text:list-style>
      <text:list-style style:name="BP_20_Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
      \(styles)
      </office:styles>
      <office:automatic-styles><style:style style:name="Centred" style:family="paragraph">\
      <style:paragraph-properties fo:text-align="center"/></style:style></office:automatic-styles>
      <office:body><office:text>
      \(body)
      </office:text></office:body></office:document>
      """
    return try PaperFile.read(Data(xml.utf8), name: "inline.fodt", isODF: true)
  }

  @Test func readsTheDocumentsLanguage() throws {
    let defaultStyle = """
      <style:default-style style:family="paragraph">\
      <style:text-properties fo:language="en" fo:country="US"/></style:default-style>
      """
    let body = "<text:p>As of 1/31/2018.</text:p>"
    #expect(try Self.document(body: body).metadata.language == nil)
    #expect(try Self.document(styles: defaultStyle, body: body).metadata.language == "en-US")
    let declared = try Self.document(
      meta: "<dc:language>en-GB</dc:language>", styles: defaultStyle, body: body)
    #expect(declared.metadata.language == "en-GB")
  }

  static func numbers(_ document: Document) -> [Int] {
    document.blocks.compactMap {
      if case .paragraph(let paragraph) = $0 { paragraph.number } else { nil }
    }
  }

  @Test func continuedListsNumberOnAcrossHeadings() throws {
    let document = try Self.document(
      body: """
        <text:h text:outline-level="1">Purpose of Report</text:h>
        <text:list xml:id="list1" text:style-name="BP_20_Numbering">
          <text:list-item><text:p>First.</text:p></text:list-item>
          <text:list-item><text:p>Second, asking:</text:p>
            <text:list><text:list-item><text:p>Is the Panel satisfied?</text:p></text:list-item>
            <text:list-item><text:p>Would the Panel like more?</text:p></text:list-item></text:list>
          </text:list-item>
        </text:list>
        <text:h text:outline-level="1">Summary</text:h>
        <text:list xml:id="list2" text:continue-list="list1" text:style-name="BP_20_Numbering">
          <text:list-item><text:p>Third.</text:p></text:list-item>
        </text:list>
        <text:h text:outline-level="2">Detail</text:h>
        <text:list text:continue-numbering="true" text:style-name="BP_20_Numbering">
          <text:list-item><text:p>Fourth.</text:p></text:list-item>
          <text:list-item><text:p>Fifth.</text:p></text:list-item>
        </text:list>
        <text:list text:continue-list="list2" text:style-name="BP_20_Numbering">
          <text:list-item><text:p>Sixth.</text:p></text:list-item>
        </text:list>
        """)
    #expect(Self.numbers(document) == [1, 2, 3, 4, 5, 6])
    let headings = document.blocks.compactMap {
      if case .heading(let heading) = $0 { heading.level } else { nil }
    }
    #expect(headings == [1, 1, 2])
    guard case .paragraph(let second) = document.blocks[2],
      case .list(let questions) = second.children.first
    else {
      Issue.record("paragraph 2 lost its lettered items")
      return
    }
    #expect(questions.style == .letter)
    #expect(
      questions.items.map(\.content.plainText) == [
        "Is the Panel satisfied?", "Would the Panel like more?",
      ])
    // Outside a Boardpack paper the markers LibreOffice would print are kept.
    #expect(questions.items.map(\.marker) == ["a.", "b."])
  }

  @Test func aListThatDoesNotContinueStartsAgain() throws {
    let document = try Self.document(
      body: """
        <text:list text:style-name="BP_20_Numbering"><text:list-item><text:p>One.</text:p></text:list-item>
        <text:list-item><text:p>Two.</text:p></text:list-item></text:list>
        <text:h text:outline-level="1">Next report</text:h>
        <text:list text:style-name="BP_20_Numbering"><text:list-item><text:p>One again.</text:p></text:list-item></text:list>
        <text:list text:style-name="BP_20_Numbering"><text:list-item text:start-value="7"><text:p>Seven.</text:p></text:list-item></text:list>
        <text:list text:style-name="BP_20_Bullets"><text:list-item><text:p>A bullet.</text:p></text:list-item></text:list>
        """)
    #expect(Self.numbers(document) == [1, 2, 1, 7])
    guard case .list(let bullets) = document.blocks.last else {
      Issue.record("the bullets are missing")
      return
    }
    #expect(bullets.style == .bullet)
  }

  @Test func readsTablesReferencesFiguresAndRelations() throws {
    let document = try Self.document(
      meta: """
        <meta:user-defined meta:name="bp:template">pcc-update-report</meta:user-defined>
        <meta:user-defined meta:name="bp:report-date">2026-04-21</meta:user-defined>
        <meta:user-defined meta:name="bp:relations:csp">[{"totalRow":{}},{"share":{"column":2,"part":1}}]</meta:user-defined>
        """,
      body: """
        <text:p text:style-name="Title">Ignored: the title comes from dc:title</text:p>
        <text:list text:style-name="BP_20_Numbering"><text:list-item><text:p><text:bookmark text:name="csp-para"/>\
        See <text:a xlink:type="simple" xlink:href="#csp">Table 1</text:a> and \
        <text:a xlink:type="simple" xlink:href="https://www.leics.pcc.police.uk/">the website</text:a>.</text:p></text:list-item></text:list>
        <text:p text:style-name="BP_20_Table_20_Caption"><text:bookmark text:name="csp"/>CSP allocations 2025-26</text:p>
        <table:table table:name="csp">
          <table:table-column table:number-columns-repeated="3"/>
          <table:table-header-rows><table:table-row>
            <table:table-cell office:value-type="string"><text:p>CSP Area</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>Allocation</text:p></table:table-cell>
            <table:table-cell office:value-type="string"><text:p>Share</text:p></table:table-cell>
          </table:table-row></table:table-header-rows>
          <table:table-row>
            <table:table-cell office:value-type="string"><text:p>Blaby</text:p></table:table-cell>
            <table:table-cell office:value-type="currency" office:currency="GBP" office:value="52665.76"><text:p>£52,665.76</text:p></table:table-cell>
            <table:table-cell office:value-type="percentage" office:value="0.348"><text:p>34.8%</text:p></table:table-cell>
          </table:table-row>
          <table:table-row>
            <table:table-cell office:value-type="string"><text:p>Rutland</text:p></table:table-cell>
            <table:table-cell office:value-type="currency" office:currency="GBP" office:value="0"><text:p>Nil</text:p></table:table-cell>
            <table:table-cell table:number-columns-repeated="1"><text:p/></table:table-cell>
          </table:table-row>
          <table:table-row>
            <table:table-cell office:value-type="string"><text:p>Total</text:p></table:table-cell>
            <table:table-cell office:value-type="currency" office:currency="GBP" office:value="52665.76"><text:p>£52,665.76</text:p></table:table-cell>
            <table:table-cell office:value-type="percentage" office:value="1"><text:p>100.0%</text:p></table:table-cell>
          </table:table-row>
        </table:table>
        <text:p><draw:frame draw:name="map"><draw:image xlink:href="images/q4-map.png"/><svg:title>Map of LLR with community days as stars</svg:title></draw:frame></text:p>
        <text:p><draw:frame draw:name="chart"><draw:image xlink:href="images/chart.png"/><svg:title/></draw:frame></text:p>
        """)
    #expect(document.metadata.title == "Commissioner's Update Report (Q4)")
    #expect(document.metadata.template == "pcc-update-report")
    #expect(document.metadata.reportDate == CalendarDate(year: 2026, month: 4, day: 21))
    guard case .paragraph(let paragraph) = document.blocks[0],
      case .table(let table) = document.blocks[1],
      case .figure(let map) = document.blocks[2], case .figure(let chart) = document.blocks[3]
    else {
      Issue.record("unexpected blocks: \(document.blocks)")
      return
    }
    #expect(paragraph.number == 1)
    #expect(paragraph.label == "csp-para")
    #expect(paragraph.content.plainText == "See Table 1 and the website.")
    #expect(
      paragraph.content.contains {
        if case .reference(let reference) = $0 {
          reference.target == "csp" && reference.shown == "Table 1"
        } else {
          false
        }
      })
    #expect(
      paragraph.content.contains {
        if case .link(let url, _) = $0 { url == "https://www.leics.pcc.police.uk/" } else { false }
      })
    #expect(table.label == "csp")
    #expect(table.caption.plainText == "CSP allocations 2025-26")
    #expect(table.relations == [.totalRow, .share(column: 2, part: 1)])
    #expect(table.columns.map(\.header) == ["CSP Area", "Allocation", "Share"])
    #expect(table.columns.map(\.type) == [.text, .money, .percent])
    #expect(table.rows.map(\.isTotal) == [false, false, true])
    #expect(
      table.rows[0].cells.map(\.value) == [
        .text("Blaby"), .money(Decimal(string: "52665.76")!), .percent(Decimal(string: "34.8")!),
      ])
    #expect(table.rows[1].cells.map(\.value) == [.text("Rutland"), .nilValue, .blank])
    #expect(map.altText == "Map of LLR with community days as stars")
    #expect(map.source == "images/q4-map.png")
    #expect(chart.altText == "")
  }

  @Test func aFigureJustBeforeATableIsNotItsCaption() throws {
    let document = try Self.document(
      body: """
        <text:p text:style-name="Centred"><draw:frame draw:name="Figure1"><draw:image xlink:href="map.png"/>\
        <svg:title>Map of LLR</svg:title></draw:frame></text:p>
        <table:table table:name="Table1"><table:table-row><table:table-cell><text:p>Blaby</text:p></table:table-cell>\
        </table:table-row></table:table>
        """)
    #expect(document.blocks.count == 2)
    guard case .figure(let figure) = document.blocks.first,
      case .table(let table) = document.blocks.last
    else {
      Issue.record("unexpected blocks: \(document.blocks)")
      return
    }
    #expect(figure.altText == "Map of LLR")
    #expect(table.caption == [])
    #expect(table.label == nil)
  }

  @Test func refusesBrokenRelations() throws {
    #expect(throws: BoardpackError.self) {
      try Self.document(
        meta: "<meta:user-defined meta:name=\"bp:relations:csp\">[{\"sum\":1}]</meta:user-defined>",
        body: "")
    }
  }

  @Test func refusesADocumentThatIsNotText() throws {
    let xml =
      "<office:document \(Self.namespaces)><office:body><office:spreadsheet/></office:body></office:document>"
    #expect(
      throws: BoardpackError(
        "not a text document: there is no office:body/office:text",
        at: SourceLocation(file: "sheet.fodt", line: 1))
    ) {
      try PaperFile.read(Data(xml.utf8), name: "sheet.fodt", isODF: true)
    }
  }
}

/// Lists numbered by LibreOffice itself, from an `.xhtml` and after a trip through `.docx`.
@Suite struct LibreOfficeListTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/reading").standardizedFileURL.path

  @Test(arguments: ["lists.xhtml", "lists-libreoffice.fodt", "lists-via-docx.fodt"])
  func numbersAsLibreOfficeDoes(file: String) throws {
    let document = try PaperFile.read(path: "\(Self.folder)/\(file)")
    #expect(FODTReaderTests.numbers(document) == [1, 2, 3, 4, 5])
    let headings = document.blocks.compactMap { block -> String? in
      if case .heading(let heading) = block { heading.content.plainText } else { nil }
    }
    #expect(headings == ["Purpose of Report", "Summary"])
    guard case .paragraph(let second) = document.blocks[2],
      case .list(let questions) = second.children.first
    else {
      Issue.record("paragraph 2 lost its lettered items: \(document.blocks)")
      return
    }
    #expect(questions.items.map(\.marker) == ["a.", "b."])
    #expect(questions.items.map(\.content.plainText) == ["first question;", "second question."])
  }
}
