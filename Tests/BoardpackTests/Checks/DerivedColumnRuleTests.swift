import Boardpack
import Testing

@Suite struct DerivedColumnRuleTests {
  @Test(arguments: [Seeds.allocations, Seeds.calls999, Seeds.engagements, Seeds.modalities])
  func isSilentOnCorrectTables(_ rows: [[String]]) {
    #expect(DerivedColumnRule().findings(in: [Build.table(rows)]) == [])
  }

  @Test func warnsOfARemainderOffByRoundingWholePounds() {
    let found = DerivedColumnRule().findings(in: [Build.table(Seeds.s106)])
    #expect(found.map(\.location.row) == ["Rutland", "Total"])
    #expect(found.map(\.stated) == ["38,315", "8,092,406"])
    #expect(found.map(\.expected) == ["38,316", "8,092,405"])
    #expect(found.allSatisfy { $0.severity == .warning && $0.rule == .derivedColumn })
  }

  @Test func findsAWrongRemainingBalance() {
    var rows = Seeds.allocations
    rows[4][3] = "£12,620.34"
    let found = DerivedColumnRule().findings(in: [Build.table(rows)])
    #expect(found.count == 1)
    #expect(found.first?.location.row == "Blaby")
    #expect(found.first?.location.column == "2025-26 Remaining CSP Balance")
    #expect(found.first?.stated == "£12,620.34")
    #expect(found.first?.expected == "£12,260.34")
  }

  @Test func warnsOfAPointDifferencePrintedAsAPercentChange() {
    let found = DerivedColumnRule().findings(in: [Build.table(Seeds.drugTesting)])
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.location.row == "% of Required Assessments attended")
    #expect(found.first?.stated == "-23%")
  }

  @Test func findsAWrongChangeBetweenYears() {
    var rows = Seeds.calls999
    rows[1][3] = "+53,378"
    rows[2][4] = "-3.2pp"
    let found = DerivedColumnRule().findings(in: [Build.table(rows)])
    #expect(found.map(\.stated) == ["+53,378", "-3.2pp"])
    #expect(found.map(\.expected) == ["+53,387", "-3.6pp"])
  }

  @Test func findsADirectionArrowPointingTheWrongWay() {
    let found = DerivedColumnRule().findings(in: [Build.table(Seeds.dashboard)])
    #expect(found.map(\.location.row) == ["83"])
    #expect(found.map(\.stated) == ["↓"])
    #expect(found.map(\.expected) == ["↑"])
  }

  @Test func checksDeclaredDashboardColumnsByTheDashboardRule() {
    let rows = [
      [
        "Serial No", "Metric", "Target/Expectation", "Baseline 2024/25", "Latest", "Direction",
        "RAG",
      ],
      ["34", "Police referrals into drug treatment", "Increase", "70", "30", "↓", "Red"],
      ["83", "Volumes of Out of Court Resolutions", "Increase", "3575", "3582", "↓", "Green"],
    ]
    let relations: [Relation] = [
      .direction(column: 5, baseline: 3, latest: 4),
      .rag(column: 6, target: 2, baseline: 3, latest: 4),
    ]
    let found = DerivedColumnRule().findings(in: [Build.table(rows, relations: relations)])
    #expect(found.map(\.location.row) == ["83", "83"])
    #expect(found.map(\.stated) == ["↓", "Green"])
    #expect(found.map(\.expected) == ["↔", "Amber"])
  }

  @Test func checksDeclaredRelationsInEveryRow() {
    let rows = [
      ["Area", "Old", "New", "Change", "% change"], ["A", "10", "12", "2", "20.0%"],
      ["B", "10", "15", "4", "50.0%"],
    ]
    let relations: [Relation] = [
      .difference(column: 3, minuend: 2, subtrahend: 1), .percentChange(column: 4, new: 2, old: 1),
    ]
    let found = DerivedColumnRule().findings(in: [Build.table(rows, relations: relations)])
    #expect(found.map(\.stated) == ["4"])
    #expect(found.map(\.expected) == ["5"])
  }
}
