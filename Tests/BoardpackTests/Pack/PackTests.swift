import Boardpack
import BoardpackXML
import Foundation
import Testing

/// `boardpack pack` as a user runs it: the example meeting's pack as a PDF whose agenda prints each
/// paper's real pages and which has a bookmark per paper, valid ODF and well-formed XHTML whose
/// contents list reaches every paper, and an exempt paper kept out of the public pack.
@Suite(.serialized) struct PackTests {
  static let meeting = "Inputs/meetings/2026-06-23-panel.yaml"

  /// The example pack as a PDF, made once for the tests that read it.
  static let pdf: Result<String, PackFailure> = {
    let folder = NSTemporaryDirectory() + "boardpack-pack-" + UUID().uuidString
    do {
      let run = try BoardpackCLI.run(["pack", meeting, "--format", "pdf", "--out", folder])
      guard run.status == 0 else { return .failure(PackFailure(description: run.errors)) }
      return .success(folder + "/2026-06-23-panel.pdf")
    } catch {
      return .failure(PackFailure(description: "\(error)"))
    }
  }()

  struct PackFailure: Error, CustomStringConvertible { var description: String }

  /// The papers of the example pack, in agenda order.
  static func papers() throws -> [Pack.Paper] {
    try #require(
      Pack.packs(forMeetingAt: meeting, templates: TemplateLibrary(directory: "Templates")).last
    ).papers
  }

  /// `text` in lower case with runs of white space made one space, to find a title however it wraps.
  static func flattened(_ text: String) -> String {
    text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A paper's title: its metadata's, else (a paper read elsewhere) its first heading.
  static func title(of document: Document) -> String {
    guard document.metadata.title.isEmpty else { return document.metadata.title }
    return document.blocks.lazy.compactMap {
      if case .heading(let heading) = $0 { heading.content.plainText } else { nil }
    }
    .first ?? ""
  }

  @Test func theAgendaPrintsThePagesOfEachPaper() throws {
    let pdf = try Self.pdf.get()
    var pages = try LibreOffice.run(LibreOffice.executable("pdftotext"), ["-layout", pdf, "-"])
      .components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "" { pages.removeLast() }
    let papers = try Self.papers()
    // The ranges, in agenda order, from the pages before the first paper.
    let agendaPages = try #require(pages.firstIndex { $0.contains(papers[0].header) })
    let agenda = pages[..<agendaPages].joined(separator: "\n")
    let ranges = agenda.matches(of: /\(Pages\s+(\d+)\s+-\s+(\d+)\)/).map {
      (Int($0.1)!, Int($0.2)!)
    }
    #expect(ranges.count == papers.count)
    // Where each paper's title is printed: its first page; the page before the next one's: its last.
    var starts: [Int] = []
    var from = agendaPages
    for paper in papers {
      let title = Self.flattened(String(Self.title(of: paper.document).prefix(40)))
      let page = try #require(
        pages[from...].firstIndex { Self.flattened($0).contains(title) },
        "\(paper.header): title not printed")
      starts.append(page + 1)
      from = page + 1
    }
    let ends = starts.dropFirst().map { $0 - 1 } + [pages.count]
    for (index, paper) in papers.enumerated() where index < ranges.count {
      #expect(ranges[index] == (starts[index], ends[index]), "\(paper.header)")
      // Every page of the range carries the paper's running header, and page numbers run on.
      for page in starts[index]...ends[index] {
        #expect(
          pages[page - 1].contains(paper.header), "page \(page) has no header \(paper.header)")
        #expect(pages[page - 1].contains("Page \(page)"), "page \(page) is not numbered \(page)")
        // No page holds only its header and number (a paper that ends on a landscape table
        // once left its end on a portrait page of its own).
        let words = pages[page - 1].split(whereSeparator: \.isWhitespace).count
        #expect(words > paper.header.split(separator: " ").count + 2, "page \(page) is empty")
      }
    }
  }

  @Test func minutesPrintTheNumbersTheyRunOnWith() throws {
    // The minutes of 12 February 2026 (Item 4) are numbered 74 to 77, on from the last meeting's.
    let text = try LibreOffice.run(
      LibreOffice.executable("pdftotext"), ["-layout", try Self.pdf.get(), "-"])
    let minutes = try #require(
      text.components(separatedBy: "\u{0C}").first { $0.contains("Agenda Item 4") })
    #expect(minutes.contains(/\n\s*74\.\s+Chairman’?'?s Announcement/))
    #expect(!minutes.contains(/\n\s*1\.\s+Chairman/))
  }

  @Test func thePDFHasABookmarkForEachPaper() throws {
    let pdf = try Data(contentsOf: URL(fileURLWithPath: try Self.pdf.get()))
    let text = String(decoding: pdf.map { $0 < 128 ? $0 : 32 }, as: UTF8.self)
    let root = try #require(text.firstMatch(of: /\/Outlines (\d+) 0 R/)).1
    // The outline's top level: the entries whose parent is the root, in order.
    let titles = text.matches(of: /\/Title<FEFF([0-9A-F]*)>\s*\/Dest\[[^\]]*\]\/Parent (\d+) 0 R/)
      .filter { $0.2 == root }
      .map { match in
        let hex = Array(match.1)
        let units = stride(from: 0, to: hex.count, by: 4).map {
          UInt16(String(hex[$0..<$0 + 4]), radix: 16)!
        }
        return String(decoding: units, as: UTF16.self)
      }
    #expect(titles.filter { $0.hasPrefix("Agenda Item") } == (try Self.papers()).map(\.header))
  }

  @Test func bothFilesAreValidAndTheContentsReachEveryPaper() throws {
    let folder = TemporaryDirectory()
    let run = try BoardpackCLI.run(["pack", Self.meeting, "--out", folder.path])
    #expect(run.status == 0, "\(run.errors)")
    let fodt = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/2026-06-23-panel.fodt"))
    #expect(try WritingFixtures.schemaErrors(in: fodt, name: "2026-06-23-panel.fodt") == [])
    let xhtml = try XMLDocument(
      parsing: try Data(contentsOf: URL(fileURLWithPath: folder.path + "/2026-06-23-panel.xhtml")),
      name: "pack.xhtml")
    var elements: [XMLNode] = []
    func collect(_ node: XMLNode) {
      elements.append(node)
      node.elements.forEach(collect)
    }
    collect(try #require(xhtml.root))
    let ids = elements.compactMap { $0.attribute("id") }
    #expect(Set(ids).count == ids.count, "an id is given twice")
    let nav = try #require(elements.first { $0.name == "nav" })
    var contents: [XMLNode] = []
    func links(_ node: XMLNode) {
      if node.name == "a" { contents.append(node) }
      node.elements.forEach(links)
    }
    links(nav)
    #expect(
      contents.compactMap { $0.attribute("href") }
        == (try Self.papers()).map { "#" + $0.start.name })
    // The agenda's links reach the papers.
    let agendaLinks = elements.compactMap { $0.attribute("href") }.filter {
      $0.hasPrefix("#agenda-item-")
    }
    #expect(agendaLinks.count == 2 * (try Self.papers()).count)
    for link in agendaLinks {
      #expect(ids.contains(String(link.dropFirst())), "\(link) leads nowhere")
    }
  }

  /// Read back, the pack Boardpack wrote has no errors: its papers' prefixed row anchors
  /// ("item11-row-34") are the rows references reach, and a read paper's link to nothing is text.
  /// Its four warnings are those `pack` gives: the headers carried over from other meetings (the
  /// membership review's 9 June, the Q4 report's and the delivery update's 21st April), and the
  /// go-live date that Items 10 and 14 give differently.
  @Test func thePackReadBackHasNoErrors() throws {
    let folder = TemporaryDirectory()
    let run = try BoardpackCLI.run(["pack", Self.meeting, "--out", folder.path])
    #expect(run.status == 0, "\(run.errors)")
    for format in ["xhtml", "fodt"] {
      let validate = try BoardpackCLI.run(["validate", folder.path + "/2026-06-23-panel." + format])
      #expect(validate.output.hasSuffix("0 errors, 4 warnings in 1 file\n"), "\(validate.output)")
      #expect(validate.output.contains("the header gives the meeting as 9 JUNE 2026"))
      for report in ["Commissioner's Update Report (Q4)", "Police and Crime Plan Delivery Update (Q3)"] {
        #expect(
          validate.output.contains(
            "the header gives the meeting as 21st April 2026, but the meeting is on 23rd June 2026: carried over from another meeting? (report \"\(report)\")"
          ))
      }
      #expect(validate.output.contains("the OOCR's start is given as 01/05/2026 here"))
    }
  }

  @Test func anExemptPaperIsOnlyInTheFullPack() throws {
    let folder = TemporaryDirectory()
    for file in ["complaints-against-pcc.yaml", "tables/complaints-against-pcc-2026-06.csv"] {
      folder.write(file, try Data(contentsOf: URL(fileURLWithPath: "Inputs/" + file)))
    }
    let meeting = folder.write(
      "meetings/m.yaml",
      """
      body: Police and Crime Panel
      date: 2026-06-23
      items:
        - title: Apologies
        - title: Complaints against the Police and Crime Commissioner
          paper: ../complaints-against-pcc.yaml
          exempt: 1
      """)
    let run = try BoardpackCLI.run(["pack", meeting, "--out", folder.path + "/out"])
    #expect(run.status == 0, "\(run.errors)")
    #expect(
      run.output
        == ["m-public.xhtml", "m-public.fodt", "m-full.xhtml", "m-full.fodt"].map {
          "wrote \(folder.path)/out/\($0)\n"
        }.joined())
    let paper = try Generator(templates: TemplateLibrary(directory: "Templates"))
      .document(forInputAt: folder.path + "/complaints-against-pcc.yaml")
    var texts: [String] = []
    paper.blocks.forEachText { texts.append($0) }
    // Shorter texts ("Leicestershire County Council", a cell) may be the front sheet's words too.
    texts = texts.filter { $0.count > 30 }
    #expect(texts.count > 20)
    for edition in ["public", "full"] {
      for format in ["xhtml", "fodt"] {
        let file = try String(
          contentsOfFile: "\(folder.path)/out/m-\(edition).\(format)", encoding: .utf8)
        let printed = texts.filter { file.contains(XMLText.escaped($0)) }
        if edition == "public" {
          #expect(printed == [], "m-public.\(format)")
          #expect(file.contains("paragraph 1 of Part 1 of Schedule 12A"))
        } else {
          #expect(printed == texts, "m-full.\(format)")
        }
      }
    }
  }
}

extension [Block] {
  /// Calls `body` with the plain text of every paragraph, heading, list item and table cell.
  func forEachText(_ body: (String) -> Void) {
    for block in self {
      switch block {
      case .heading(let heading): body(heading.content.plainText)
      case .paragraph(let paragraph):
        body(paragraph.content.plainText)
        paragraph.children.forEachText(body)
      case .list(let list):
        for item in list.items {
          body(item.content.plainText)
          item.children.forEachText(body)
        }
      case .quotation(let blocks): blocks.forEachText(body)
      case .table(let table): table.rows.forEach { $0.cells.forEach { body($0.shown) } }
      case .figure(let figure): body(figure.altText)
      case .pageBreak: break
      }
    }
  }
}

/// Text as the writers put it in XML: `&`, `<` and `>` escaped.
enum XMLText {
  static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}
