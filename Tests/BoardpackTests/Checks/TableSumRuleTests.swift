import Boardpack
import Testing

@Suite struct TableSumRuleTests {
  @Test func findsTheQ4EngagementErrors() {
    let found = TableSumRule().findings(in: [Build.table(Seeds.engagements)])
    let rows = found.filter { $0.message.hasPrefix("\"Total Engagements since May 2024\" is not the sum of \"") }.map {
      [$0.location.row, $0.stated, $0.expected]
    }
    #expect(
      rows == [
        ["Hinckley and Bosworth", "30", "27"], ["Leicester City", "162", "161"],
        ["North West Leicestershire", "39", "35"],
      ])
    let totals = found.filter { $0.message == "\"Total\" is not the sum of the 9 rows above it" }
    #expect(totals.count == 1)
    #expect(totals.first?.location.column == "Total Engagements since May 2024")
    #expect(totals.first?.stated == "413")
    #expect(totals.first?.expected == "421")
    #expect(
      found.allSatisfy {
        $0.rule == .tableSum && $0.severity == .error && $0.location.report == "Test report"
      })
  }

  @Test(arguments: [
    Seeds.allocations, Seeds.modalities, Seeds.complaintReviews, Seeds.dashboard, Seeds.calls999,
  ])
  func isSilentOnCorrectTables(_ rows: [[String]]) {
    #expect(TableSumRule().findings(in: [Build.table(rows)]) == [])
  }

  @Test func warnsOfWholePoundTotalsOffByRounding() {
    let found = TableSumRule().findings(in: [Build.table(Seeds.s106)])
    #expect(found.map(\.location.column) == ["Total Agreements £", "Total remaining £"])
    #expect(found.map(\.stated) == ["12,739,137", "8,092,406"])
    #expect(found.map(\.expected) == ["12,739,138", "8,092,405"])
    #expect(found.allSatisfy { $0.severity == .warning })
  }

  @Test func checksATotalPrintedAboveItsRows() {
    let rows = [
      ["Area", "Referrals"], ["Total", "60"], ["Charnwood", "25"], ["Melton", "30"],
    ]
    let found = TableSumRule().findings(in: [Build.table(rows)])
    #expect(found.map(\.stated) == ["60"])
    #expect(found.map(\.expected) == ["55"])
    #expect(found.first?.message == "\"Total\" is not the sum of the 2 rows below it")
  }

  @Test func checksSubTotalsAndTheGrandTotalOfThem() {
    let rows = [
      ["Area", "Referrals"], ["Charnwood", "25"], ["Melton", "30"], ["Sub-total:", "55"],
      ["Blaby", "10"], ["Rutland", "5"], ["Sub-total:", "15"], ["Grand total", "75"],
    ]
    let found = TableSumRule().findings(in: [Build.table(rows)])
    #expect(found.map(\.stated) == ["75"])
    #expect(found.map(\.expected) == ["70"])
    #expect(found.first?.message == "\"Grand total\" is not the sum of the 2 sub-totals above it")
  }

  @Test func checksATotalAgainstTheRowsOfWhichItIsMade() {
    let found = TableSumRule().findings(in: [Build.table(Seeds.s106Agreements)])
    #expect(found.map(\.location.column) == ["10/03/2026 £"])
    #expect(found.map(\.stated) == ["12,759,259"])
    #expect(found.map(\.expected) == ["12,525,248"])
    #expect(found.map(\.severity) == [.error])
  }

  @Test func reportsABrokenMonthInATotalColumn() {
    var rows = Seeds.modalities
    rows[2][5] = "12"
    let found = TableSumRule().findings(in: [Build.table(rows)])
    #expect(found.map(\.location.row) == ["Modality Ends (all)"])
    #expect(found.first?.expected == "124")
  }

  @Test func addsUpSharesToTheirHundredPercent() {
    let good = [
      ["Area", "Share"], ["A", "33.3%"], ["B", "33.3%"], ["C", "33.3%"], ["Total", "100.0%"],
    ]
    #expect(TableSumRule().findings(in: [Build.table(good)]) == [])
    let bad = [
      ["Area", "Share"], ["A", "43.3%"], ["B", "33.3%"], ["C", "33.3%"], ["Total", "100.0%"],
    ]
    #expect(TableSumRule().findings(in: [Build.table(bad)]).map(\.expected) == ["109.9%"])
  }

  @Test func judgesPenceExactly() {
    let rows = [["Area", "Amount"], ["A", "£10.01"], ["B", "£20.02"], ["Total", "£30.02"]]
    let found = TableSumRule().findings(in: [Build.table(rows)])
    #expect(found.map(\.stated) == ["£30.02"])
    #expect(found.map(\.expected) == ["£30.03"])
  }

  @Test func allowsRoundingOfRoundedFigures() {
    let rows = [
      ["Area", "Rate"], ["A", "1.24"], ["B", "2.24"], ["C", "3.24"], ["Total", "6.7"],
    ]
    #expect(TableSumRule().findings(in: [Build.table(rows)]) == [])
  }

  @Test func checksADeclaredTotalColumn() {
    let rows = [["Area", "A", "B", "Sum"], ["X", "1", "2", "3"], ["Y", "4", "5", "10"]]
    let found = TableSumRule().findings(in: [
      Build.table(rows, relations: [.totalColumn(column: 3, of: [1, 2])])
    ])
    #expect(found.map(\.location.row) == ["Y"])
  }
}
