import Boardpack
import Foundation
import Testing

@Test func formatsMoneyTheUKWay() {
  #expect(UKFormat.money(Decimal(string: "271818.47")!) == "£271,818.47")
  #expect(UKFormat.money(0) == "Nil")
  #expect(UKFormat.money(Decimal(string: "-40.5")!) == "-£40.50")
  #expect(UKFormat.money(19338, places: 0) == "£19,338")
}

@Test func formatsDatesAndYears() {
  #expect(CalendarDate(year: 2026, month: 6, day: 25).longUK == "25th June 2026")
  #expect(CalendarDate(year: 2026, month: 6, day: 23).weekday == "Tuesday")
  #expect(CalendarDate(year: 2025, month: 6, day: 31).isValid == false)
  #expect(CalendarDate(parsing: "31st June 2025")?.isValid == false)
  #expect(CalendarDate(year: 2026, month: 3, day: 31).financialYear.label == "2025-26")
  #expect(CalendarDate(year: 2026, month: 4, day: 1).quarter == 1)
  #expect(CalendarDate(year: 2026, month: 3, day: 1).quarter == 4)
  #expect(FinancialYear(label: "2023-23") == nil)
  #expect(FinancialYear(label: "2025/26")?.startYear == 2025)
}

@Test(arguments: [
  ("£1,234.56", ValueType.money, Value.money(Decimal(string: "1234.56")!)),
  ("Nil", .money, .nilValue),
  ("-", .count, .nilValue),
  ("(£40)", .money, .money(-40)),
  ("1,234", .count, .count(1234)),
  ("34.8%", .percent, .percent(Decimal(string: "34.8")!)),
  ("+2.1pp", .points, .points(Decimal(string: "2.1")!)),
])
func parsesFigures(text: String, type: ValueType, value: Value) {
  #expect(FigureParser.parse(text, as: type) == value)
}

@Test func rejectsTextInAMoneyColumn() {
  #expect(FigureParser.parse("about £40", as: .money) == nil)
  #expect(FigureParser.parse("12,34", as: .count) == nil)
}

@Test func readsASpacedMinusBeforeGroupedFigures() {
  #expect(FigureParser.parse("- 771,737", as: .count) == .count(-771737))
  #expect(FigureParser.parse("- £1,294,118", as: .money) == .money(-1294118))
}

@Test func readsAndWritesISODatesAsMetadataCarriesThem() {
  #expect(CalendarDate(iso: "2026-04-21") == CalendarDate(year: 2026, month: 4, day: 21))
  #expect(CalendarDate(iso: "2026-06") == CalendarDate(year: 2026, month: 6))
  #expect(CalendarDate(iso: "2025-26-1") == nil)
  #expect(CalendarDate(iso: "21/04/2026") == nil)
  #expect(CalendarDate(year: 2026, month: 6).iso == "2026-06")
  #expect(CalendarDate(year: 2026, month: 4, day: 1).iso == "2026-04-01")
}
