import Boardpack
import Testing

@Suite struct AccessibilityRuleTests {
  @Test func warnsOfTheEmptySumColumnUnderTotalFunding() {
    let blocks = [
      Build.paragraph(8, "Please see below a table of the 6 funded projects for this round:"),
      Build.table(Seeds.peopleZones),
      Build.paragraph(nil, "Total funding: £40,474.77"),
    ]
    let found = AccessibilityRule().findings(in: blocks)
    #expect(found.count == 1)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.location.column == "Sum")
    #expect(found.first?.stated == "£40,474.77")
    #expect(found.first?.message.hasPrefix("empty column under a stated total") == true)
  }

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
