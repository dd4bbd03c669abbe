import Boardpack
import Foundation
import Testing

/// Dashboards with computed Direction and RAG columns and labelled rows (FORMATS.md §7), generated
/// from inputs.
@Suite struct DashboardTableTests {
  let fixture = GeneratorFixture()

  /// Five rows of the Police and Crime Plan dashboard (agenda pack of 23rd June 2026, Appendix 1).
  static let dashboard = """
    Serial No,Metric,Target/Expectation,Baseline 2024/25,Latest
    1,Published Medium Term Financial Strategy (Annual figure),Completed Y/N,Y,Y
    25,Abstractions from N'hood Policing (%),Reduce,,
    34,Police referrals into drug treatment via required assessment,Increase,70,30
    54,Positive outcomes rate for Business crime offences,Increase,19.0%,17.0%
    57,Number of Casualties,Reduce,100,127

    """

  /// An input whose summary is `paragraph` and then the dashboard, with row labels, Direction and RAG.
  static func input(paragraph: String = "Referrals fell.") -> String {
    GeneratorFixture.inputHead + """
        summary:
          - \(paragraph)
          - table: tables/dashboard.csv
            label: dashboard
            types: {Serial No: text, Baseline 2024/25: text, Latest: text}
            row-labels: Serial No
            derive:
              - {column: Direction, direction: {baseline: "Baseline 2024/25", latest: Latest}}
              - {column: RAG, rag: {target: "Target/Expectation", baseline: "Baseline 2024/25", latest: Latest}}

      """
  }

  private func table(in document: Document) throws -> Table {
    try #require(
      document.blocks.lazy.compactMap { block -> Table? in
        if case .table(let table) = block { table } else { nil }
      }.first)
  }

  private func paragraph(_ number: Int, in document: Document) throws -> Paragraph {
    try #require(
      document.blocks.lazy.compactMap { block -> Paragraph? in
        if case .paragraph(let paragraph) = block, paragraph.number == number {
          paragraph
        } else {
          nil
        }
      }.first)
  }

  @Test func derivesDirectionAndRAGAndRecordsTheirRelations() throws {
    fixture.writeInput("tables/dashboard.csv", DashboardTableTests.dashboard)
    let table = try table(in: try fixture.generate(DashboardTableTests.input()))
    #expect(table.columns.map(\.header).suffix(2) == ["Direction", "RAG"])
    #expect(table.columns.map(\.type) == Array(repeating: .text, count: 7))
    #expect(
      table.relations == [
        .direction(column: 5, baseline: 3, latest: 4),
        .rag(column: 6, target: 2, baseline: 3, latest: 4),
      ])
    #expect(
      table.rows.map { [$0.cells[0].shown] + $0.cells.suffix(2).map(\.shown) } == [
        ["1", "↔", "Green"], ["25", "", ""], ["34", "↓", "Red"], ["54", "↓", "Red"],
        ["57", "↑", "Red"],
      ])
    #expect(table.rows[1].cells[5].value == .blank)
    #expect(table.rows.map(\.label) == ["row-1", "row-25", "row-34", "row-54", "row-57"])
  }

  @Test func relationsEncodeAsFORMATSStatesThem() throws {
    let relations: [Relation] = [
      .direction(column: 7, baseline: 5, latest: 6),
      .rag(column: 8, target: 4, baseline: 5, latest: 6),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(relations)
    #expect(
      String(decoding: json, as: UTF8.self)
        == #"[{"direction":{"baseline":5,"column":7,"latest":6}},{"rag":{"baseline":5,"column":8,"latest":6,"target":4}}]"#
    )
    #expect(try JSONDecoder().decode([Relation].self, from: json) == relations)
  }

  @Test func aReferenceToARowRendersItsKey() throws {
    fixture.writeInput("tables/dashboard.csv", DashboardTableTests.dashboard)
    let document = try fixture.generate(
      DashboardTableTests.input(
        paragraph: "Referrals, {ref:row-34}; outcomes, {ref:row-54..row-57}."))
    #expect(
      try paragraph(2, in: document).content == [
        .text("Referrals, "),
        .reference(Reference(target: "row-34", shown: "row 34", location: paragraphLocation)),
        .text("; outcomes, "),
        .reference(
          Reference(
            target: "row-54", through: "row-57", shown: "rows 54 to 57", location: paragraphLocation
          )),
        .text("."),
      ])
  }

  private var paragraphLocation: Boardpack.SourceLocation {
    SourceLocation(file: fixture.inputPath, line: 9, column: 7)
  }

  @Test func aReferenceToAnUnknownRowIsAnError() {
    fixture.writeInput("tables/dashboard.csv", DashboardTableTests.dashboard)
    let input = DashboardTableTests.input(paragraph: "See {ref:row-99}.")
    #expect(
      throws: fixture.error(
        "no paragraph, table, figure, appendix or row has the label \"row-99\"", line: 9, column: 7,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func twoRowsWithOneLabelAreAnError() {
    let csv = fixture.writeInput(
      "tables/dashboard.csv", DashboardTableTests.dashboard + "34,Again,Increase,1,2\n")
    #expect(
      throws: BoardpackError(
        "row 6: the label \"row-34\" is already row 3's (row-labels: Serial No)",
        at: SourceLocation(file: csv, line: 7))
    ) { try fixture.generate(DashboardTableTests.input()) }
  }

  @Test func rowLabelsComeFromTheKeyAsPrinted() {
    #expect(Row.label(forKey: "34") == "row-34")
    #expect(Row.label(forKey: " A/1 (b) ") == "row-a-1-b")
    #expect(Row.label(forKey: " – ") == nil)
  }

  @Test func aRowWithoutAKeyIsAnError() {
    let csv = fixture.writeInput(
      "tables/dashboard.csv", DashboardTableTests.dashboard + ",Unnumbered,Increase,1,2\n")
    #expect(
      throws: BoardpackError(
        "row 6: the row-labels column \"Serial No\" is empty, so the row has no label",
        at: SourceLocation(file: csv, line: 7))
    ) { try fixture.generate(DashboardTableTests.input()) }
  }

  @Test func aTargetWithoutARuleIsAnError() {
    let csv = fixture.writeInput(
      "tables/dashboard.csv",
      DashboardTableTests.dashboard + "82,Positive Outcome rate,90%,13.9%,16.0%\n")
    #expect(
      throws: BoardpackError(
        "row 6, column \"RAG\": the target \"90%\" has no rating rule; expected one of: Increase, Decrease, Reduce, Increase or maintain, Decrease or maintain, Reduce or maintain, Completed Y/N",
        at: SourceLocation(file: csv, line: 7))
    ) { try fixture.generate(DashboardTableTests.input()) }
  }

  @Test func aTypedDirectionColumnIsAnError() {
    let csv = fixture.writeInput(
      "tables/dashboard.csv", "Serial No,Baseline 2024/25,Latest,Direction\n1,2,3,↑\n")
    let input =
      GeneratorFixture.inputHead + """
          summary:
            - table: tables/dashboard.csv
              derive:
                - {column: Direction, direction: ["Baseline 2024/25", Latest]}

        """
    #expect(
      throws: BoardpackError(
        "column \"Direction\" is computed (total-column: or derive:) and must not be in the CSV",
        at: SourceLocation(file: csv, line: 1))
    ) { try fixture.generate(input) }
  }

  /// The rows whose printed arrow the rule does not give (Inputs/NOTES-papers2.md), with the arrow it does.
  static let seedDisagreements = [
    "1": "↔", "41": "↔", "43": "↔", "52": "↔", "70": "↓", "71": "↓", "83": "↔",
  ]

  /// The Direction column of Appendix 1 as the seed prints it, by serial number.
  static let seedDirections = [
    "1": "↑", "2": "↑", "3": "↓", "4": "↔", "5": "↓", "6": "↑", "7": "↓", "16": "↓", "24": "↑",
    "25": "",
    "26": "↑", "27": "↓", "28": "↔", "31": "↑", "32": "↓", "33": "↓", "34": "↓", "35": "↓",
    "36": "↓",
    "41": "↓", "42": "↓", "43": "↑", "48": "↓", "49": "", "52": "↓", "53": "", "54": "↓", "57": "↑",
    "58": "↔", "63": "↓", "64": "↓", "65": "↓", "66": "↔", "69": "↑", "70": "↔", "71": "↔",
    "76": "↑",
    "77": "↑", "82": "↑", "83": "↓",
  ]

  @Test func writersAnchorLabelledRows() throws {
    fixture.writeInput("tables/dashboard.csv", DashboardTableTests.dashboard)
    let document = try fixture.generate(DashboardTableTests.input(paragraph: "See {ref:row-34}."))
    let xhtml = String(decoding: XHTMLWriter().render(document), as: UTF8.self)
    #expect(xhtml.contains(##"<a class="bp-ref" href="#row-34">row 34</a>"##))
    #expect(xhtml.contains(#"<tr id="row-34"><th scope="row">34</th>"#))
    let fodt = String(
      decoding: FODTWriter(reference: WritingFixtures.reference).render(document), as: UTF8.self)
    #expect(fodt.contains(##"xlink:href="#row-34""##))
    #expect(fodt.contains(#"<text:bookmark text:name="row-34"/>34</text:p>"#))
  }

  @Test func thePlanDeliveryUpdateGeneratesWithTheSeedsArrowsSaveSeven() throws {
    // ExamplePaperTests checks its ODF against the schema and through LibreOffice.
    let document = try ExamplePaperTests.generate("pcp-delivery-update")
    let dashboard = try #require(
      document.blocks.lazy.compactMap { block -> Table? in
        if case .table(let table) = block, table.label == "pcp-dashboard" { table } else { nil }
      }.first)
    let directions = Dictionary(
      uniqueKeysWithValues: dashboard.rows.map { ($0.cells[0].shown, $0.cells[7].shown) })
    #expect(
      directions
        == DashboardTableTests.seedDirections.merging(DashboardTableTests.seedDisagreements) { $1 })
    #expect(dashboard.rows.map(\.label) == dashboard.rows.map { Label("row-" + $0.cells[0].shown) })
    #expect(
      try paragraph(11, in: document).content.plainText.hasPrefix(
        "The number of referrals into drug treatment, row 34,"))
    #expect(
      try paragraph(12, in: document).content.plainText.hasPrefix(
        "The number of casualties, row 57,"))
  }
}
