import Boardpack
import Testing

@Suite struct PercentChangeRuleTests {
  @Test(arguments: [
    ("Arrests increased from 120 to 150, a rise of 20%.", "25%"),
    ("Calls fell from 200 to 150 (a 20% reduction).", "25%"),
    ("Spending saw a 10% increase from £1,200 to £1,500.", "25%"),
    ("Referrals went from 1,000 to 1,333, an increase of 33.0%.", "33.3%"),
  ])
  func findsAChangeThatContradictsItsFigures(_ text: String, expected: String) {
    let found = PercentChangeRule().findings(in: [Build.paragraph(6, text)])
    #expect(found.map(\.expected) == [expected])
    #expect(found.map(\.rule) == [.derivedColumn])
    #expect(found.first?.location.paragraph == "6")
  }

  @Test func findsAChangeGoingTheWrongWay() {
    let text = "Repeat victims went from 26 to 20, a 23% increase."
    let found = PercentChangeRule().findings(in: [Build.paragraph(3, text)])
    #expect(found.map(\.message) == ["the text calls a change from 26 to 20 a rise"])
  }

  @Test(arguments: [
    "Arrests increased from 120 to 150, a rise of 25%.",
    "Calls fell from 200 to 150 (a 25% reduction).",
    "Referrals went from 1,000 to 1,333, an increase of 33%.",
    "The rate went from 45% to 50%, an increase of 5%.",
    "The rate went from 45% to 50%, an increase of 11%.",
    "Young people aged from 12 to 17, a 20% increase on last year.",
    "The precept went from 66% to 58%, placing a greater burden on local taxpayers.",
    "Sessions ran from 12 to 17 with a programme called Crowd Control.",
    "Crime fell from 40,861 to 38,000 in the year (a 7% reduction), and rose from 13,202 to 14,000, a 6% increase.",
    "There was a 25% rise in arrests from 120 to 150.",
    "The budget rose from £6.897m to £10.497m, a 52% increase.",
    "The budget rose from £900k to £1.2m, a 33% increase.",
  ])
  func isSilentOnConsistentText(_ text: String) {
    #expect(PercentChangeRule().findings(in: [Build.paragraph(5, text)]) == [])
  }
}
