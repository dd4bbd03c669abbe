import Boardpack
import Testing

@Suite struct ArithmeticRuleTests {
  @Test func findsTheYouthWorkerCostsOfAppendixOne() {
    let blocks = [
      Build.table([
        ["Project", "Description / Brief", "Area"],
        [
          "AAA foundation Netherhall Afterschool Club",
          "Activities that will be funded – Football, Basketball, Arts & Craft Staff Costs 1 Youth worker 3hrs @ £15ph per week over a period of 8 weeks= £576.00 1 Sports coach 3hrs @ £20ph per week over a period of 8 weeks = £720.00 Other Costs Arts & crafts materials: £100 (estimated for 8 weeks) Refreshments & incentives: £50 Total Programme Cost: £1,446.00",
          "Leicester City",
        ],
      ])
    ]
    let found = ArithmeticRule().findings(in: blocks)
    #expect(
      found.map(\.message) == [
        "the arithmetic written out does not make the result stated: 1 × 3 × £15 × 8 = £360.00",
        "the arithmetic written out does not make the result stated: 1 × 3 × £20 × 8 = £480.00",
      ])
    #expect(found.map(\.rule) == [.arithmetic, .arithmetic])
    #expect(found.map(\.severity) == [.error, .error])
    #expect(found.map(\.stated) == ["£576.00", "£720.00"])
    #expect(found.map(\.expected) == ["£360.00", "£480.00"])
    #expect(found.map(\.location.column) == ["Description / Brief", "Description / Brief"])
  }

  @Test(arguments: [
    ("The scheme costs £1,000 x 12 months = £1,200.", "£1,200", "£12,000"),
    ("We bought 4 laptops @ £500 each, totalling £2,500.", "£2,500", "£2,000"),
    ("Staffing of £250 + £100 + £75.50 = £435.50 was agreed.", "£435.50", "£425.50"),
    ("2 staff x 3 days x £100 per day = £500", "£500", "£600"),
    ("Sessions: 12 × 3 = 38.", "38", "36"),
  ])
  func findsWrongWrittenOutArithmetic(_ text: String, _ stated: String, _ expected: String) {
    let found = ArithmeticRule().findings(in: [Build.paragraph(5, text)])
    #expect(found.map(\.stated) == [stated])
    #expect(found.map(\.expected) == [expected])
    #expect(found.map(\.location.paragraph) == ["5"])
  }

  @Test(arguments: [
    // Right.
    "1 Youth worker 3hrs @ £15ph per week over a period of 8 weeks = £360.00",
    "We bought 4 laptops @ £500 each, totalling £2,000, and 3 x £33.33 = £100.",
    "Staffing: £250 + £100 = £350; 2 part-time staff x 3 days x £100 per day = £600.",
    // The result is itself a rate, or a rate has nothing to apply to.
    "1 worker 3hrs @ £15ph per week over a period of 8 weeks = £45 per week",
    "3hrs @ £15ph per week = £360",
    // Figures that may not be factors: names, years, ranges, hedges, scales, dates.
    "Room 101 hire 3 hours @ £20 = £60",
    "In week 3, 4 sessions @ £50 = £200",
    "In 2024 3 x £10 = £30",
    "3-4 hours @ £10 = £35",
    "approximately 3 x £10 = £35",
    "up to 3 x £10 = £40",
    "2 x £1.2m = £2.5m",
    "From 2 June, 8 weeks @ £10 = £90",
    // No operator, or operators mixed: not read.
    "The balance at 31 March 2026 = £4,000",
    "2 x £10 + £5 = £30",
    "£1,000 - £200 = £700",
    "n = 45 respondents; 1 = strongly agree",
  ])
  func isSilentOnWhatItCannotReadForCertain(_ text: String) {
    #expect(ArithmeticRule().findings(in: [Build.paragraph(1, text)]) == [])
  }
}
