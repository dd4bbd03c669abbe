import Boardpack
import Foundation
import Testing

/// `PrintedFigure` reads figures as any paper prints them, and nothing else.
@Suite struct PrintedFigureTests {
  @Test(
    arguments: [
      ("$  1,452.4", "1452.4", 1, PrintedFigure.Unit.plain, "$"),
      ("$(62)", "-62", 0, .plain, "$"),
      ("($62)", "-62", 0, .plain, "$"),
      ("€m 5", nil, 0, .plain, nil),
      ("US$ 5m", "5", 0, .plain, "US$"),
      ("(8.4%)", "-8.4", 1, .percent, nil),
      ("(4.1)%", "-4.1", 1, .percent, nil),
      ("1,234(1)", "1234", 0, .plain, nil),
      ("$1,234 *", "1234", 0, .plain, "$"),
      ("12-", "-12", 0, .plain, nil),
      ("- 1,294,118", "-1294118", 0, .plain, nil),
      ("−119", "-119", 0, .plain, nil),
      ("+2.1pp", "2.1", 1, .points, nil),
      ("(16) bps", "-0.16", 2, .points, nil),
      ("1.5x", "1.5", 1, .multiple, nil),
      ("£1,234.56", "1234.56", 2, .plain, "£"),
      ("EUR 3,000", "3000", 0, .plain, "EUR"),
    ] as [(String, String?, Int, PrintedFigure.Unit, String?)])
  func readsAFigure(
    _ text: String, _ value: String?, _ places: Int, _ unit: PrintedFigure.Unit, _ currency: String?
  ) {
    let figure = PrintedFigure(reading: text)
    #expect(figure?.value == value.flatMap { Decimal(string: $0) })
    if let figure {
      #expect(figure.places == places)
      #expect(figure.unit == unit)
      #expect(figure.currency == currency)
    }
  }

  @Test(arguments: ["—", "–", "-", "Nil", "$—", "$ —", "(—)"])
  func readsADashAsAStatedZero(_ text: String) {
    #expect(PrintedFigure(reading: text)?.isNil == true)
    #expect(PrintedFigure(reading: text)?.value == 0)
  }

  @Test(arguments: [
    "2.978,478", "1 234", "Dec 28, 2019", "1/31/2018", "3hrs", "n/a", "nm", "12,34", "ASU 2014-09",
    "(62", "62)", "$", "Total (1)", "",
  ])
  func readsNoFigureInOtherText(_ text: String) {
    #expect(PrintedFigure(reading: text) == nil)
  }
}
