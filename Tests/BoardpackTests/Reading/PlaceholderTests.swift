import Boardpack
import Foundation
import Testing

/// A figure not yet known (`blank: [tbc, n/a]`) prints as written, and every figure computed
/// without it says so.
@Suite struct PlaceholderTests {
  let fixture = GeneratorFixture()

  static let contracts = """
    Area,2024-25,2025-26,Cases
    Blaby,"£50,000.00","£52,665.76",3
    Rutland,"£10,000.00",TBC,n/a
    Melton,£20.00,£30.00,4

    """

  static let input =
    GeneratorFixture.inputHead + """
        summary:
          - table: tables/contracts.csv
            blank: [tbc, n/a]
            total: row
            total-column: {column: Both years, of: [2024-25, 2025-26]}
            derive:
              - {column: Change, difference: [2025-26, 2024-25]}
              - {column: Share, share: 2025-26}

      """

  func table() throws -> Table {
    fixture.writeInput("tables/contracts.csv", Self.contracts)
    let document = try fixture.generate(Self.input)
    let table = document.blocks.lazy.compactMap { block -> Table? in
      if case .table(let table) = block { table } else { nil }
    }.first
    return try #require(table)
  }

  @Test func printsPlaceholdersAsWrittenAndSaysWhatTotalsLeaveOut() throws {
    let table = try table()
    #expect(table.columns.map(\.type) == [.text, .money, .money, .count, .money, .money, .percent])
    #expect(
      table.rows.map { $0.cells.map(\.shown) } == [
        [
          "Blaby", "£50,000.00", "£52,665.76", "3", "£102,665.76", "£2,665.76",
          "99.9% (excluding TBC)",
        ],
        ["Rutland", "£10,000.00", "TBC", "n/a", "£10,000.00 (excluding TBC)", "TBC", "TBC"],
        ["Melton", "£20.00", "£30.00", "4", "£50.00", "£10.00", "0.1% (excluding TBC)"],
        [
          "Total", "£60,020.00", "£52,695.76 (excluding TBC)", "7 (excluding n/a)",
          "£112,715.76 (excluding TBC)", "-£7,324.24 (excluding TBC)", "100.0% (excluding TBC)",
        ],
      ])
    #expect(table.rows[1].cells[2].value == .text("TBC"))
    #expect(table.rows[3].cells[2].value == .money(Decimal(string: "52695.76")!))
  }

  @Test func theChecksFindNothingInTheTableOrInItsPaperReadBack() throws {
    let table = try table()
    let document = Document(metadata: Metadata(title: "T"), blocks: [.table(table)])
    #expect(Validator().check(document, file: "paper") == [])
    for (name, data, isODF) in [
      ("paper.xhtml", XHTMLWriter().render(document), false),
      ("paper.fodt", FODTWriter(reference: WritingFixtures.reference).render(document), true),
    ] {
      let read = try PaperFile.read(data, name: name, isODF: isODF)
      #expect(Validator().check(read, file: name) == [])
    }
  }

  @Test func aColumnOfPlaceholdersOnlyTotalsToThem() throws {
    fixture.writeInput("tables/t.csv", "Area,Spent\nBlaby,tbc\nRutland,tbc\n")
    let document = try fixture.generate(
      GeneratorFixture.inputHead
        + "  summary:\n    - table: tables/t.csv\n      types: {Spent: money}\n      blank: tbc\n      total: row\n"
    )
    guard case .table(let table) = document.blocks[3] else {
      Issue.record("expected a table")
      return
    }
    #expect(
      table.rows.map { $0.cells.map(\.shown) } == [
        ["Blaby", "tbc"], ["Rutland", "tbc"], ["Total", "tbc"],
      ])
  }
}
