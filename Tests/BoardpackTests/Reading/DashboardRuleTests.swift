import Boardpack
import Testing

/// The dashboard rule of FORMATS.md §7 on rows of the Police and Crime Plan dashboard (agenda pack
/// of 23rd June 2026, item 11, Appendix 1).
@Suite struct DashboardRuleTests {
  /// One dashboard row: its serial number, target, baseline and latest as printed, and what the rule gives.
  struct Example: Sendable, CustomTestStringConvertible {
    let row: String
    let target: String
    let baseline: String
    let latest: String
    let direction: Direction?
    let rag: RAGStatus?

    var testDescription: String { "row \(row): \(baseline) → \(latest)" }
  }

  static let examples = [
    // Percentages compare in percentage points: stable under 2pp, a movement from 2pp on.
    Example(
      row: "2", target: "Increase", baseline: "65.9%", latest: "72.2%", direction: .up, rag: .green),
    Example(
      row: "28", target: "Increase", baseline: "4.40%", latest: "4.30%", direction: .stable,
      rag: .amber),
    Example(
      row: "54", target: "Increase", baseline: "19.0%", latest: "17.0%", direction: .down, rag: .red
    ),
    Example(
      row: "69", target: "Increase", baseline: "87.7%", latest: "89.7%", direction: .up, rag: .green
    ),
    Example(
      row: "71", target: "Increase", baseline: "97.50%", latest: "95.00%", direction: .down,
      rag: .red),
    Example(
      row: "42", target: "Increase", baseline: "80%", latest: "77.0%", direction: .down, rag: .red),
    // Plain figures compare by % change of the baseline: stable under 5 %, a movement from 5 % on.
    Example(
      row: "24", target: "Increase or maintain", baseline: "664", latest: "700", direction: .up,
      rag: .green),
    Example(
      row: "66", target: "Decrease", baseline: "0.75", latest: "0.78", direction: .stable,
      rag: .amber),
    Example(
      row: "58", target: "Reduce", baseline: "100.75", latest: "102", direction: .stable,
      rag: .amber),
    Example(
      row: "34", target: "Increase", baseline: "70", latest: "30", direction: .down, rag: .red),
    Example(row: "57", target: "Reduce", baseline: "100", latest: "127", direction: .up, rag: .red),
    Example(
      row: "27", target: "Decrease", baseline: "11,545", latest: "9,603", direction: .down,
      rag: .green),
    Example(
      row: "16", target: "Increase", baseline: "200,000", latest: "188,000", direction: .down,
      rag: .red),
    Example(
      row: "33", target: "Decrease", baseline: "0.0017", latest: "0.0000", direction: .down,
      rag: .green),
    Example(
      row: "41", target: "Decrease", baseline: "18.96", latest: "18.1", direction: .stable,
      rag: .amber),
    // Baseline 0: stable only when the latest is 0 too.
    Example(
      row: "4", target: "Increase", baseline: "0", latest: "0", direction: .stable, rag: .amber),
    // Yes/no measures.
    Example(
      row: "1", target: "Completed Y/N", baseline: "Y", latest: "Y", direction: .stable, rag: .green
    ),
    // No data, or a percentage against a plain figure: no arrow and no rating.
    Example(row: "25", target: "Reduce", baseline: "", latest: "", direction: nil, rag: nil),
    Example(
      row: "x", target: "Increase", baseline: "65.9%", latest: "70", direction: nil, rag: nil),
    Example(
      row: "y", target: "Completed Y/N", baseline: "Y", latest: "1", direction: nil, rag: nil),
  ]

  @Test(arguments: examples)
  func ratesTheSeedsRows(_ example: Example) throws {
    #expect(
      try DashboardRule.direction(baseline: example.baseline, latest: example.latest)
        == example.direction)
    #expect(
      try DashboardRule.rag(
        target: example.target, baseline: example.baseline, latest: example.latest)
        == example.rag)
  }

  @Test func boundsAreStrict() throws {
    // Exactly on the band is a movement; just inside it is not.
    #expect(try DashboardRule.direction(baseline: "50.0%", latest: "52.0%") == .up)
    #expect(try DashboardRule.direction(baseline: "50.0%", latest: "51.99%") == .stable)
    #expect(try DashboardRule.direction(baseline: "50.0%", latest: "48.0%") == .down)
    #expect(try DashboardRule.direction(baseline: "200", latest: "210") == .up)
    #expect(try DashboardRule.direction(baseline: "200", latest: "209.99") == .stable)
    #expect(try DashboardRule.direction(baseline: "200", latest: "190") == .down)
    #expect(try DashboardRule.direction(baseline: "-200", latest: "-190") == .up)
  }

  @Test func baselineZeroMovesByTheSignOfTheLatest() throws {
    #expect(try DashboardRule.direction(baseline: "0", latest: "0.001") == .up)
    #expect(try DashboardRule.direction(baseline: "Nil", latest: "-3") == .down)
    #expect(try DashboardRule.direction(baseline: "-", latest: "0") == .stable)
  }

  @Test func yesNoMeasures() throws {
    #expect(try DashboardRule.direction(baseline: "N", latest: "Y") == .up)
    #expect(try DashboardRule.direction(baseline: "y", latest: "n") == .down)
    #expect(try DashboardRule.rag(target: "Completed Y/N", baseline: "Y", latest: "N") == .red)
    #expect(try DashboardRule.rag(target: "Completed Y/N", baseline: "N", latest: "Y") == .green)
  }

  @Test func maintainTargetsHaveNoAmber() throws {
    #expect(
      try DashboardRule.rag(target: "Increase or maintain", baseline: "664", latest: "670")
        == .green)
    #expect(
      try DashboardRule.rag(target: "increase or maintain", baseline: "664", latest: "600") == .red)
    #expect(
      try DashboardRule.rag(target: " Reduce or maintain ", baseline: "10", latest: "10") == .green)
    #expect(
      try DashboardRule.rag(target: "Decrease or maintain", baseline: "10", latest: "11") == .red)
  }

  @Test func problems() {
    #expect(throws: DashboardRule.Problem.unknownTarget("90%")) {
      try DashboardRule.rag(target: "90%", baseline: "80%", latest: "85%")
    }
    #expect(throws: DashboardRule.Problem.unreadable("tbc")) {
      try DashboardRule.direction(baseline: "tbc", latest: "3")
    }
    #expect(throws: DashboardRule.Problem.notYesOrNo("3")) {
      try DashboardRule.rag(target: "Completed Y/N", baseline: "2", latest: "3")
    }
    #expect(
      DashboardRule.Problem.unknownTarget("90%").message
        == "the target \"90%\" has no rating rule; expected one of: Increase, Decrease, Reduce, Increase or maintain, Decrease or maintain, Reduce or maintain, Completed Y/N"
    )
  }

  @Test func recomputesARelationsCellFromARowAsPrinted() throws {
    let row = ["34", "Increase", "70", "30", "↓", "Red"]
    #expect(
      try DashboardRule.cell(of: .direction(column: 4, baseline: 2, latest: 3), in: row) == "↓")
    #expect(
      try DashboardRule.cell(of: .rag(column: 5, target: 1, baseline: 2, latest: 3), in: row)
        == "Red")
    #expect(
      try DashboardRule.cell(
        of: .direction(column: 4, baseline: 2, latest: 3), in: ["", "", "", ""]) == "")
    #expect(
      try DashboardRule.cell(of: .difference(column: 3, minuend: 1, subtrahend: 2), in: row) == nil)
  }
}
