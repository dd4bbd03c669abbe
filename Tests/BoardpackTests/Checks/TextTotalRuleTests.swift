import Boardpack
import Testing

@Suite struct TextTotalRuleTests {
  @Test func acceptsTheComplaintReviewsTotal() {
    let blocks = [
      Build.paragraph(
        63,
        "Forty-five complaint reviews were received by the OPCC in the period Jan-Mar 2026, with 47 being closed within the same period."
      ),
      Build.table(Seeds.complaintReviews),
    ]
    #expect(TextTotalRule().findings(in: blocks) == [])
  }

  @Test func findsAStatedTotalTheTableContradicts() {
    let blocks = [
      Build.paragraph(
        63, "Forty complaint reviews were received by the OPCC in the period Jan-Mar 2026."),
      Build.table(Seeds.complaintReviews),
    ]
    let found = TextTotalRule().findings(in: blocks)
    #expect(found.map(\.stated) == ["40"])
    #expect(found.map(\.expected) == ["45"])
    #expect(found.first?.location.column == "No of reviews received")
    #expect(found.first?.location.paragraph == "63")
  }

  @Test func leavesACountOfAPartAlone() {
    let blocks = [
      Build.table(Seeds.complaintReviews),
      Build.paragraph(64, "Two reviews were upheld. £300 was spent on training."),
    ]
    #expect(TextTotalRule().findings(in: blocks) == [])
  }

  @Test func checksATotalOfAfterTheTable() {
    let blocks = [
      Build.table(Seeds.engagements),
      Build.paragraph(14, "The Commissioner has completed a total of 431 engagements."),
    ]
    let found = TextTotalRule().findings(in: blocks)
    #expect(found.map(\.stated) == ["431"])
    #expect(found.map(\.expected) == ["413"])
  }

  @Test func checksTotalFundingAgainstTheMoneyColumn() {
    let rows = [
      ["Organisation", "Project", "Sum"], ["A", "One", "£20,000.00"], ["B", "Two", "£20,474.77"],
    ]
    #expect(
      TextTotalRule().findings(in: [
        Build.table(rows), Build.paragraph(nil, "Total funding: £40,474.77"),
      ]) == [])
    let found = TextTotalRule().findings(in: [
      Build.table(rows), Build.paragraph(nil, "Total funding: £40,747.77"),
    ])
    #expect(found.map(\.expected) == ["£40,474.77"])
  }

  @Test func matchesInflectedWordsToHeaders() {
    let text = "In total, £580,000.00 was allocated to the partnerships."
    let found = TextTotalRule().findings(in: [
      Build.paragraph(26, text), Build.table(Seeds.allocations),
    ])
    #expect(found.map(\.location.column) == ["2025-26 Allocations"])
    #expect(found.map(\.expected) == ["£639,675.00"])
  }

  @Test func warnsOfTheEmptySumColumnUnderTotalFunding() {
    let blocks = [
      Build.paragraph(8, "Please see below a table of the 6 funded projects for this round:"),
      Build.table(Seeds.peopleZones), Build.paragraph(nil, "Total funding: £40,474.77"),
    ]
    let found = TextTotalRule().findings(in: blocks)
    #expect(found.count == 1)
    #expect(found.first?.rule == .textTotal)
    #expect(found.first?.severity == .warning)
    #expect(found.first?.location.column == "Sum")
    #expect(found.first?.stated == "£40,474.77")
    #expect(found.first?.message.hasPrefix("empty column under a stated total") == true)
  }
}
