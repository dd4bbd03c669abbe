import Boardpack
import Foundation
import Testing

@Suite struct GeneratorTests {
  let fixture = GeneratorFixture()

  /// The CSP allocations of the Q4 2025-26 update report (agenda pack of 23rd June 2026), as typed by its author.
  static let cspAllocations = """
    CSP Area,2025-26 Allocations,2025-26 Expenditure
    Leicester,"£271,818.47","£236,492.47"
    Charnwood,"£89,530.24","£89,530.24"
    SNWLP,"£53,776.10","£37,078.21"
    Blaby,"£52,665.76","£40,405.42"
    Hinckley and Bosworth,"£51,217.55","£46,485.80"
    Harborough,"£37,479.75","£31,110.60"
    Oadby and Wigston,"£32,554.58",Nil
    Melton Mowbray,"£31,335.75","£31,335.75"
    Rutland,"£19,296.80","£15,354.00"

    """

  private func firstTable(in document: Document) -> Table? {
    document.blocks.lazy.compactMap { block -> Table? in
      if case .table(let table) = block { table } else { nil }
    }.first
  }

  @Test func derivesTheRemainingBalanceAndTotalsTheCSPTable() throws {
    fixture.writeInput("tables/csp.csv", GeneratorTests.cspAllocations)
    let document = try fixture.generate(
      GeneratorFixture.inputHead + """
          summary:
            - table: tables/csp.csv
              label: csp
              caption: CSP allocations 2025-26
              total: row
              derive:
                - {column: 2025-26 Remaining CSP Balance, difference: [2025-26 Allocations, 2025-26 Expenditure]}

        """)
    let table = try #require(firstTable(in: document))
    // Nothing refers to the table by number: its caption keeps the house style, unnumbered.
    #expect(table.caption == [.text("CSP allocations 2025-26")])
    #expect(table.columns.map(\.type) == [.text, .money, .money, .money])
    #expect(table.columns.last?.header == "2025-26 Remaining CSP Balance")
    #expect(table.relations == [.difference(column: 3, minuend: 1, subtrahend: 2), .totalRow])
    #expect(
      table.rows.map { $0.cells.map(\.shown) }
        == Seeds.allocations.dropFirst() + [["Total", "£639,675.00", "£527,792.49", "£111,882.51"]])
    #expect(table.rows.map(\.isTotal) == Array(repeating: false, count: 9) + [true])
    #expect(table.rows[6].cells[2].value == .nilValue)
    #expect(table.rows[6].cells[3].value == .money(Decimal(string: "32554.58")!))
    #expect(table.rows[1].cells[3].value == .money(0))
    #expect(
      table.rows[0].location
        == SourceLocation(file: fixture.directory.path + "/Inputs/tables/csp.csv", line: 2))
    #expect(table.caption == [.text("CSP allocations 2025-26")])
  }

  @Test func computesTotalColumnsChangesAndShares() throws {
    fixture.writeInput(
      "tables/calls.csv",
      "Area,2024,2025,2024 rate,2025 rate\nNorth,100,150,50.0%,52.5%\nSouth,300,250,40.0%,39.6%\n")
    let document = try fixture.generate(
      GeneratorFixture.inputHead + """
          summary:
            - table: tables/calls.csv
              total: row
              total-column: {column: Both years, of: ["2024", "2025"]}
              derive:
                - {column: Change, difference: ["2025", "2024"]}
                - {column: "% change", percent-change: {new: "2025", old: "2024"}}
                - {column: pp change, point-change: {new: 2025 rate, old: 2024 rate}}
                - {column: Share, share: "2025"}

        """)
    let table = try #require(firstTable(in: document))
    #expect(
      table.columns.map(\.type) == [
        .text, .count, .count, .percent, .percent, .count, .count, .percent, .points, .percent,
      ])
    #expect(
      table.relations == [
        .totalColumn(column: 5, of: [1, 2]), .difference(column: 6, minuend: 2, subtrahend: 1),
        .percentChange(column: 7, new: 2, old: 1), .pointChange(column: 8, new: 4, old: 3),
        .share(column: 9, part: 2),
        .totalRow,
      ])
    #expect(
      table.rows.map { $0.cells.map(\.shown) } == [
        ["North", "100", "150", "50.0%", "52.5%", "250", "50", "50.0%", "+2.5pp", "37.5%"],
        ["South", "300", "250", "40.0%", "39.6%", "550", "-50", "-16.7%", "-0.4pp", "62.5%"],
        ["Total", "400", "400", "", "", "800", "0", "0.0%", "", "100.0%"],
      ])
  }

  @Test func bindsSlotsNumbersParagraphsAndResolvesReferences() throws {
    fixture.writeInput("tables/t.csv", "Area,Count\nBlaby,3\n")
    let document = try fixture.generate(
      GeneratorFixture.inputHead + """
          summary:
            - p: See {ref:first..last}, {ref:counts}, {ref:map}, {ref:appendix-one} and {ref:numbers}.
              label: first
              items:
                - Is the Panel satisfied?
                - text: Would the Panel like more?
                  bullets: [one, two]
            - text: An unnumbered paragraph.
            - p: The last numbered one.
              label: last
          background:
            - heading: Numbers
              label: numbers
            - table: tables/t.csv
              label: counts
            - figure: chart
              alt: A chart of counts.
              label: map
            - appendix: Appendix One – Projects
              label: appendix-one

        """)
    #expect(document.metadata.template == "test-report")
    #expect(document.metadata.letterhead == ["OFFICE OF THE TEST"])
    #expect(document.metadata.titleBlock == [.reportDate, .author])
    #expect(document.metadata.reportDate == CalendarDate(year: 2026, month: 6))
    #expect(document.metadata.author == Author(name: "A Person", role: "Director"))
    let paragraphs = document.blocks.compactMap { block -> Paragraph? in
      if case .paragraph(let paragraph) = block { paragraph } else { nil }
    }
    #expect(paragraphs.map(\.number) == [1, 2, nil, 3, nil])
    #expect(paragraphs[0].content.plainText == "This report covers Quarter 4 and is by A Person.")
    #expect(
      paragraphs[1].content.plainText
        == "See paragraphs 2 to 3, Table 1, Figure 1, Appendix 1 and Numbers.")
    #expect(
      paragraphs[1].children == [
        .list(
          List(
            style: .letter,
            items: [
              ListItem(content: [.text("Is the Panel satisfied?")]),
              ListItem(
                content: [.text("Would the Panel like more?")],
                children: [
                  .list(
                    List(
                      style: .bullet,
                      items: [ListItem(content: [.text("one")]), ListItem(content: [.text("two")])])
                  )
                ]),
            ]))
      ])
    // A paper that refers to its tables and figures by number prints the numbers in their captions.
    let captions = document.blocks.compactMap { block -> String? in
      switch block {
      case .table(let table): table.caption.plainText
      case .figure(let figure): figure.caption.plainText
      default: nil
      }
    }
    #expect(captions == ["Table 1", "Figure 1"])
    #expect(paragraphs[4].style == "End of Report")
    #expect(
      paragraphs[4].content == [
        .text("----- "), .strong([.text("End of Report")]), .text(" -----"),
      ])
    let location = SourceLocation(file: fixture.inputPath, line: 9, column: 10)
    guard case .reference(let reference) = paragraphs[1].content[1] else {
      Issue.record("expected a reference")
      return
    }
    #expect(
      reference
        == Reference(
          target: "first", through: "last", shown: "paragraphs 2 to 3", location: location))
  }

  @Test func passesMarkupCharactersThroughAsPlainText() throws {
    let document = try fixture.generate(
      GeneratorFixture.inputHead
        + "  summary:\n    - 'Fish & chips <b> \"quoted\" ''single'' ]]>'\n")
    guard case .paragraph(let paragraph) = document.blocks[3] else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(paragraph.content == [.text("Fish & chips <b> \"quoted\" 'single' ]]>")])
  }

  @Test func listsTheSkeletons() throws {
    let skeletons = try fixture.templates.skeletons()
    #expect(skeletons.map(\.id) == ["test-report"])
    #expect(skeletons[0].name == "Test Report")
    #expect(
      skeletons[0].slots == [
        Skeleton.Slot(name: "period", kind: .text, isRequired: true, help: "The period covered"),
        Skeleton.Slot(name: "summary", kind: .blocks, isRequired: true, help: "The summary"),
        Skeleton.Slot(name: "background", kind: .blocks, isRequired: false, help: "The rest"),
      ])
  }

  @Test func findsTheTemplatesFolderFromTheEnvironment() {
    #expect(
      TemplateLibrary(environment: ["BOARDPACK_TEMPLATES": "/srv/templates"]).directory
        == "/srv/templates")
    #expect(TemplateLibrary(environment: [:]).directory == "Templates")
    #expect(
      TemplateLibrary(directory: "/x", environment: ["BOARDPACK_TEMPLATES": "/srv/templates"])
        .directory == "/x")
  }
}
