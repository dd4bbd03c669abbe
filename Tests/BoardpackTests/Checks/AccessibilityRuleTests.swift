import Boardpack
import Testing

@Suite struct AccessibilityRuleTests {
  @Test func isSilentOnAFilledTable() {
    #expect(
      AccessibilityRule().findings(in: [
        Build.table(Seeds.complaintReviews), Build.paragraph(nil, "Total: 45"),
      ]) == [])
  }

  @Test func findsAFigureWithoutAltText() {
    let blocks: [Block] = [
      .figure(Figure(kind: .map, altText: " ")),
      .figure(Figure(kind: .chart, altText: "Engagements by month")),
    ]
    let found = AccessibilityRule().findings(in: blocks)
    #expect(found.map(\.message) == ["map has no alt text"])
  }

  @Test func warnsOfATableWithoutAHeaderRow() {
    let found = AccessibilityRule().findings(in: [Build.table([["", ""], ["Blaby", "33"]])])
    #expect(found.map(\.message) == ["table has no header row"])
  }
}
