import Boardpack
import Foundation
import Testing

/// The example papers as a reader gets them: `generate --format pdf` and `--format docx` (and the
/// `.docx` printed by LibreOffice again), read back with pdftotext and pdfinfo. No word of a table is
/// broken across lines, no table leaves one row alone on a page, the dashboard's rows take a line
/// each, the Q4 Appendix One takes at most half the 17 pages it took, and the PDF is tagged.
@Suite(.serialized) struct PrintedPaperTests {
  /// The papers, generated once for every test: `pdf/NAME.pdf`, `docx/NAME.docx`, and
  /// `docx-pdf/NAME.pdf` (the `.docx` converted again).
  static let printed: Result<String, PrintFailure> = {
    let folder = NSTemporaryDirectory() + "boardpack-printed-" + UUID().uuidString
    do {
      let inputs = ExamplePaperTests.inputs.map { "Inputs/\($0).yaml" }
      for format in ["pdf", "docx"] {
        let run = try BoardpackCLI.run(
          ["generate"] + inputs + ["--format", format, "--out", folder + "/" + format])
        guard run.status == 0 else { return .failure(PrintFailure(description: run.errors)) }
      }
      let docx = ExamplePaperTests.inputs.map { folder + "/docx/\($0).docx" }
      try LibreOffice.convertAll(docx, to: "pdf", into: folder + "/docx-pdf")
      return .success(folder)
    } catch {
      return .failure(PrintFailure(description: "\(error)"))
    }
  }()

  struct PrintFailure: Error, CustomStringConvertible { var description: String }

  /// The text of each page of a PDF, as pdftotext prints it in reading order (`-raw`).
  static func pages(_ pdf: String) throws -> [String] {
    let text = try LibreOffice.run(LibreOffice.executable("pdftotext"), ["-raw", pdf, "-"])
    var pages = text.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines) == "" { pages.removeLast() }
    return pages
  }

  static func tables(in document: Document) -> [Table] {
    document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
  }

  static func words(of table: Table) -> Set<String> {
    var words: Set<String> = []
    for text in table.columns.map(\.header) + table.rows.flatMap({ $0.cells.map(\.shown) }) {
      for word in text.split(whereSeparator: \.isWhitespace) where word.count > 1 {
        words.insert(String(word))
      }
    }
    return words
  }

  @Test(arguments: ExamplePaperTests.inputs)
  func noWordOfATableIsBrokenAcrossLines(_ name: String) throws {
    let folder = try Self.printed.get()
    let words = Self.tables(in: try ExamplePaperTests.generate(name)).reduce(into: Set<String>()) {
      $0.formUnion(Self.words(of: $1))
    }
    for pdf in ["\(folder)/pdf/\(name).pdf", "\(folder)/docx-pdf/\(name).pdf"] {
      // A word broken across lines prints as its start at the end of one line and its rest at the
      // start of the next.
      var broken: Set<String> = []
      for page in try Self.pages(pdf) {
        let lines = page.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace) }
        for (line, next) in zip(lines, lines.dropFirst()) {
          guard let end = line.last, let start = next.first else { continue }
          let joined = String(end + start)
          // After a hyphen or dash a line may break, as at a space ("multi-" / "agency").
          guard words.contains(joined), !words.contains(String(end)), !"-–—".contains(end.last!)
          else { continue }
          broken.insert(joined)
        }
      }
      #expect(broken.isEmpty, "\(pdf): words broken across lines: \(broken.sorted())")
    }
  }

  /// The page each body row of `table` starts on, found in order in `pages` by a word of the row.
  static func rowPages(
    _ table: Table, in pages: [String], from start: inout (page: Int, offset: String.Index?)
  )
    -> [Int]
  {
    var result: [Int] = []
    for row in table.rows {
      let texts = row.cells.map(\.shown).filter { !$0.isEmpty }
      guard
        let key = texts.max(by: { $0.count < $1.count })?.split(whereSeparator: \.isWhitespace)
          .first
      else { continue }
      var page = start.page
      var found: Range<String.Index>?
      while page < pages.count {
        let from =
          page == start.page ? (start.offset ?? pages[page].startIndex) : pages[page].startIndex
        if let range = pages[page].range(of: String(key), range: from..<pages[page].endIndex) {
          found = range
          break
        }
        page += 1
      }
      guard let found else { continue }
      start = (page, found.upperBound)
      result.append(page)
    }
    return result
  }

  @Test(arguments: ExamplePaperTests.inputs)
  func noTableLeavesOneRowAloneOnAPage(_ name: String) throws {
    let folder = try Self.printed.get()
    let pages = try Self.pages("\(folder)/pdf/\(name).pdf")
    var start: (page: Int, offset: String.Index?) = (0, nil)
    for table in Self.tables(in: try ExamplePaperTests.generate(name)) {
      // Rows are looked for after the table's caption.
      let caption = table.caption.plainText.split(whereSeparator: \.isWhitespace).prefix(4).joined(
        separator: " ")
      if !caption.isEmpty {
        var page = start.page
        while page < pages.count {
          let from =
            page == start.page ? (start.offset ?? pages[page].startIndex) : pages[page].startIndex
          if let found = pages[page].range(of: caption, range: from..<pages[page].endIndex) {
            start = (page, found.upperBound)
            break
          }
          page += 1
        }
      }
      let rowPages = Self.rowPages(table, in: pages, from: &start)
      guard table.rows.count >= 2 else { continue }
      let counts = Dictionary(grouping: rowPages, by: { $0 }).mapValues(\.count)
      guard counts.count > 1 else { continue }
      let alone = counts.filter { $0.value == 1 }.keys.sorted()
      #expect(
        alone.isEmpty,
        "\(name): table \(table.caption.plainText) has one row alone on page(s) \(alone.map { $0 + 1 })"
      )
    }
  }

  @Test func theDashboardPrintsARowALineOnLandscapePages() throws {
    let folder = try Self.printed.get()
    let dashboard = try #require(
      Self.tables(in: try ExamplePaperTests.generate("pcp-delivery-update")).first {
        $0.label?.name == "pcp-dashboard"
      })
    let pages = try Self.pages("\(folder)/pdf/pcp-delivery-update.pdf")
    let lines = Set(pages.flatMap { $0.split(separator: "\n").map(String.init) })
    let metrics = dashboard.rows.map { $0.cells[2].shown }
    let wrapped = metrics.filter { metric in !lines.contains { $0.contains(metric) } }
    #expect(wrapped.isEmpty, "metrics that wrap: \(wrapped)")
    let info = try LibreOffice.run(
      LibreOffice.executable("pdfinfo"),
      ["-f", "1", "-l", "99", "\(folder)/pdf/pcp-delivery-update.pdf"])
    #expect(info.contains("841.89 x 595."))  // A4 landscape pages among the portrait ones
  }

  @Test func theQ4AppendixOneTakesAtMostHalfItsFormerSeventeenPages() throws {
    let folder = try Self.printed.get()
    let pages = try Self.pages("\(folder)/pdf/pcc-update-2026-04-21-q4.pdf")
    let first = try #require(pages.firstIndex { $0.contains("Appendix One –") })
    #expect(pages.count - first <= 8, "Appendix One takes \(pages.count - first) pages")
  }

  @Test(arguments: ExamplePaperTests.inputs)
  func thePDFIsTaggedWithTheTitleAndLanguage(_ name: String) throws {
    let folder = try Self.printed.get()
    let pdf = "\(folder)/pdf/\(name).pdf"
    let info = try LibreOffice.run(LibreOffice.executable("pdfinfo"), [pdf])
    #expect(info.contains("Tagged:          yes"))
    let title = try ExamplePaperTests.generate(name).metadata.title
    #expect(info.contains("Title:           \(title)"))
    let structure = try LibreOffice.run(LibreOffice.executable("pdfinfo"), ["-struct", pdf])
    let tags = Set(
      structure.split(separator: "\n").compactMap {
        $0.split(separator: " ").first.map(String.init)
      })
    let document = try ExamplePaperTests.generate(name)
    // A paper's highest headings are tagged by their level (minutes start at level 2).
    let headingLevel = document.blocks.compactMap { if case .heading(let heading) = $0 { heading.level } else { nil } }.min()
    let hasTables = !Self.tables(in: document).isEmpty
    let hasCharts = document.blocks.contains {
      if case .figure(let figure) = $0 { figure.chart != nil } else { false }
    }
    let expected =
      ["Document", "P"] + (headingLevel.map { ["H\($0)"] } ?? [])
      + (hasTables || !document.metadata.titleBlock.isEmpty ? ["TD"] : [])
      + (hasTables ? ["Table", "TR", "TH"] : [])
      + (hasCharts ? ["Figure"] : [])
    for tag in expected {
      #expect(
        tags.contains(tag) || tags.contains(tag + ":"), "\(name): no \(tag) in the structure tree")
    }
    let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
    #expect(bytes.range(of: Data("/Lang(en-GB)".utf8)) != nil)
    #expect(bytes.range(of: Data("pdfuaid:part>1<".utf8)) != nil)
  }

  @Test func theQ4StructureHoldsHeadingsListsAndTables() throws {
    let folder = try Self.printed.get()
    let structure = try LibreOffice.run(
      LibreOffice.executable("pdfinfo"), ["-struct", "\(folder)/pdf/pcc-update-2026-04-21-q4.pdf"])
    let tags = Set(
      structure.split(separator: "\n").compactMap {
        $0.split(separator: " ").first.map(String.init)
      })
    for tag in ["H1", "H2", "L", "LI", "LBody", "Table", "TH", "TD"] {
      #expect(tags.contains(tag) || tags.contains(tag + ":"), "no \(tag) in the structure tree")
    }
  }
}
