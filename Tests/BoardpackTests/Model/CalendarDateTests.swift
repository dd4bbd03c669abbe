import Boardpack
import Testing

/// Why a date that parses does not exist, as errors give it.
@Suite struct CalendarDateTests {
  @Test(arguments: [
    ("2026-06-31", "June has 30 days"), ("29/02/2025", "February 2025 has 28 days"),
    ("23/13/2026", "there is no month 13"), ("2026-06-00", "there is no day 0"),
  ])
  func anImpossibleDateSaysWhy(text: String, reason: String) throws {
    #expect(try #require(CalendarDate(parsing: text)).whyInvalid == reason)
  }

  @Test func aDateThatExistsHasNoReason() throws {
    #expect(try #require(CalendarDate(parsing: "29/02/2028")).whyInvalid == nil)
  }
}
