import Boardpack
import Foundation
import Testing

/// The seed papers, transcribed to XHTML by `Fixtures/seeds/make_fixtures.py` and converted to
/// flat ODF by LibreOffice, read back into the model.
@Suite struct SeedFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/seeds").standardizedFileURL.path

  static func read(_ name: String) throws -> Document {
    try PaperFile.read(path: "\(folder)/\(name)")
  }

  /// What must survive a trip through LibreOffice: numbering, markers, headings and tables.
  struct Outline: Equatable, CustomStringConvertible {
    var numbers: [Int] = []
    var markers: [String] = []
    var appendices: [Int] = []
    var tables: [String] = []

    init(_ document: Document) {
      for block in document.blocks {
        switch block {
        case .paragraph(let paragraph):
          if let number = paragraph.number { numbers.append(number) }
          for case .list(let list) in paragraph.children {
            markers += list.items.compactMap(\.marker)
          }
        case .list(let list): markers += list.items.compactMap(\.marker)
        case .heading(let heading):
          if let appendix = heading.appendix { appendices.append(appendix) }
        case .table(let table):
          let totals = table.rows.filter(\.isTotal).count
          tables.append(
            "\(table.caption.plainText) [\(table.columns.count)x\(table.rows.count), \(totals) total]"
          )
        default: break
        }
      }
    }

    var description: String {
      "numbers \(numbers)\nmarkers \(markers)\nappendices \(appendices)\ntables \(tables)"
    }
  }

  static let converted = [
    "lrscsb-2024-03-22", "lrscsb-2025-06-20", "pcc-update-2024-10-28", "complaints-2026-06-23",
    "pcc-update-q4-2026-04-21", "plan-delivery-q3-2026-04-21",
  ]

  /// The transcription, LibreOffice's flat ODF of it and LibreOffice's XHTML export of that.
  @Test(arguments: converted)
  func libreOfficeKeepsTheOutline(name: String) throws {
    let xhtml = Outline(try Self.read("\(name).xhtml"))
    let fodt = Outline(try Self.read("\(name).fodt"))
    let exported = Outline(try Self.read("\(name).libreoffice.xhtml"))
    #expect(xhtml == fodt)
    #expect(xhtml == exported)
    #expect(!xhtml.numbers.isEmpty)
  }

  @Test(arguments: ["pcc-update-q4-2026-04-21.xhtml", "pcc-update-q4-2026-04-21.fodt"])
  func q4EngagementTotalRow(file: String) throws {
    let table = try #require(
      Self.table("Engagements since May 2024 by local authority", in: try Self.read(file)))
    #expect(table.rows.count == 10)
    #expect(table.columns.map(\.type) == [.text, .count, .count, .count])
    let total = try #require(table.rows.last)
    #expect(total.isTotal)
    #expect(total.cells.map(\.value) == [.text("Total"), .count(413), .count(234), .count(179)])
    #expect(table.rows.dropLast().allSatisfy { !$0.isTotal })
  }

  @Test(arguments: ["pcc-update-q4-2026-04-21.xhtml", "pcc-update-q4-2026-04-21.fodt"])
  func cspRemainingBalances(file: String) throws {
    let table = try #require(
      Self.table("CSP allocations and expenditure 2025-26", in: try Self.read(file)))
    #expect(table.columns.map(\.type) == [.text, .money, .money, .money])
    #expect(table.rows.count == 9)
    let charnwood = try #require(table.rows.first { $0.cells[0].shown == "Charnwood" })
    #expect(charnwood.cells[3].value == .nilValue)
    #expect(charnwood.cells[3].shown == "Nil")
    #expect(table.rows[0].cells[1].value == .money(Decimal(string: "271818.47")!))
  }

  @Test(arguments: ["pcc-update-q4-2026-04-21.xhtml", "pcc-update-q4-2026-04-21.fodt"])
  func q4NumberingLettersAndAppendix(file: String) throws {
    let document = try Self.read(file)
    let outline = Outline(document)
    #expect(outline.numbers == Array(1...86))
    #expect(outline.appendices == [1])
    guard case .paragraph(let three) = document.blocks.first(where: { Self.number(of: $0) == 3 }),
      case .list(let questions) = three.children.first
    else {
      Issue.record("paragraph 3 has no lettered questions")
      return
    }
    #expect(questions.style == .letter)
    #expect(questions.items.map(\.marker) == ["a.", "b."])
    #expect(
      questions.items[0].content.plainText
        == "Is the Panel satisfied with the work update provided by the PCC?")
  }

  @Test func seedErrorsSurviveTranscription() throws {
    // Paragraph 9 of the June 2025 update was printed as a bullet: the gap must stay.
    let june = Outline(try Self.read("lrscsb-2025-06-20.xhtml"))
    #expect(june.numbers == Array(1...8) + Array(10...23))
    let peopleZones = try #require(
      Self.table(
        "People Zones Round 3 funded projects", in: try Self.read("lrscsb-2025-06-20.xhtml")))
    #expect(peopleZones.rows.count == 6)
    #expect(peopleZones.rows.allSatisfy { $0.cells[3].value == .blank })
    // The contact demand report prints paragraph 4 twice and no 7 or 8 after the table.
    let contact = Outline(try Self.read("contact-demand-2026-06-23.xhtml"))
    #expect(contact.numbers.prefix(6) == [1, 2, 3, 4, 4, 5])
    #expect(
      try Self.text(ofParagraph: 37, in: Self.read("pcc-update-2024-10-28.fodt")).contains(
        "2023-23"))
  }

  @Test func agendaPackRestartsNumberingInEachReport() throws {
    let pack = try Self.read("agenda-pack-2026-06-23.xhtml")
    let reports = pack.blocks.filter {
      if case .heading(let heading) = $0 { heading.level == 1 } else { false }
    }
    #expect(reports.count == 13)
    #expect(Outline(pack).numbers.filter { $0 == 1 }.count >= 11)
    let alone = try Self.read("complaints-2026-06-23.xhtml")
    let caption = "Complaints received or being processed"
    let shown = { (table: Table?) in table?.rows.map { $0.cells.map(\.shown) } ?? [] }
    #expect(shown(Self.table(caption, in: pack)) == shown(Self.table(caption, in: alone)))
    #expect(shown(Self.table(caption, in: alone)).count == 9)
  }

  @Test(arguments: [
    ("pcc-update-q4-2026-04-21.xhtml", CalendarDate(year: 2026, month: 4, day: 21)),
    ("pcc-update-q4-2026-04-21.fodt", CalendarDate(year: 2026, month: 4, day: 21)),
    ("pcc-update-2024-10-28.fodt", CalendarDate(year: 2024, month: 10, day: 28)),
    ("contact-demand-2026-06-23.xhtml", CalendarDate(year: 2026, month: 3, day: 10)),
    ("lcjb-update-2026-06-23.xhtml", CalendarDate(year: 2026, month: 6)),
  ])
  func titleBlocksFillTheMetadata(file: String, date: CalendarDate) throws {
    let metadata = try Self.read(file).metadata
    #expect(metadata.reportDate == date)
    #expect(metadata.titleBlock == [.reportDate, .author, .classification])
  }

  @Test func externalLinksStayLinks() throws {
    let document = try Self.read("pcc-update-2024-10-28.fodt")
    let links = document.blocks.flatMap { block -> [String] in
      guard case .paragraph(let paragraph) = block else { return [] }
      return paragraph.content.compactMap { if case .link(let url, _) = $0 { url } else { nil } }
    }
    #expect(links.contains { $0.hasPrefix("https://democracy.leics.gov.uk/documents/s185423/") })
  }

  static func table(_ caption: String, in document: Document) -> Table? {
    for case .table(let table) in document.blocks where table.caption.plainText == caption {
      return table
    }
    return nil
  }

  static func number(of block: Block) -> Int? {
    if case .paragraph(let paragraph) = block { paragraph.number } else { nil }
  }

  static func text(ofParagraph number: Int, in document: Document) -> String {
    for case .paragraph(let paragraph) in document.blocks where paragraph.number == number {
      return paragraph.content.plainText
    }
    return ""
  }
}
