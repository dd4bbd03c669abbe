import Foundation

/// Dates as printed: a weekday agrees with its date, no impossible dates ("31st June"; a numeric
/// date read in the document's order, `Report.dateOrder`), and a quarter given with its months
/// agrees with them (Q1 = April to June … Q4 = January to March). With `checksDeadlines` (a
/// merged letter's checks), a deadline ("by 25th June 2026", "no later than …") before the date of
/// the letter is an error: in a paper it may tell what happened by then, in a letter it asks for
/// what can no longer be done.
///
/// With `remembersPassages` (a merge, whose letters repeat the same boilerplate), what a passage
/// gives is worked out once for each text, report date and date order.
public struct DateRule: ReportRule {
  public let checksDeadlines: Bool
  private let memo: PassageMemo?

  public init(checksDeadlines: Bool = false, remembersPassages: Bool = false) {
    self.checksDeadlines = checksDeadlines
    memo = remembersPassages ? PassageMemo() : nil
  }

  public func check(_ report: Report, into findings: inout Findings) {
    for passage in report.passages {
      guard let memo else {
        check(passage, in: report, into: &findings)
        continue
      }
      let key = PassageMemo.Key(text: passage.text, date: report.date, order: report.dateOrder)
      memo.findings(for: passage, key, into: &findings) { check(passage, in: report, into: &$0) }
    }
  }

  private func check(_ passage: Passage, in report: Report, into findings: inout Findings) {
    checkDates(passage, near: report.date, into: &findings)
    checkNumericDates(passage, order: report.dateOrder, into: &findings)
    checkQuarters(passage, into: &findings)
  }

  static let monthPattern =
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"

  /// Every month name in `monthPattern` begins with one of these.
  private static let monthClues = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// "Tuesday 23rd June 2026", "23 June", "June 23rd, 2026".
  private static let dates: [TextPattern] = {
    let weekday =
      "(?:(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+(?:the\\s+)?)?"
    let dayFirst =
      "\\b" + weekday + "(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>"
      + monthPattern
      + ")\\b,?(?:\\s+(?<year>\\d{4})\\b)?"
    let monthFirst =
      "\\b" + weekday + "(?<month>" + monthPattern
      + ")\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)\\b,?(?:\\s+(?<year>\\d{4})\\b)?"
    let digits = (0...9).map(String.init)
    return [dayFirst, monthFirst].map { TextPattern($0, needing: monthClues, digits) }
  }()

  /// "April - June 2026", "between January and March".
  private static let monthRanges = TextPattern(
    "(?i)\\b(?<between>between\\s+)?(?<first>" + monthPattern
      + ")\\s*(?<firstYear>\\d{4})?\\s*(?<separator>-|–|—|to|and)\\s*(?<last>" + monthPattern
      + ")\\b\\s*(?<lastYear>\\d{4})?",
    needing: monthClues.map { $0.lowercased() })

  /// "31/06/2026", day or month first.
  private static let slashedDates = TextPattern(
    #"(?:^|[^\d/.-])(?<first>\d{1,2})/(?<second>\d{1,2})/(?<year>\d{4})(?![\d/])"#,
    needing: ["/"], ["19", "20"])

  /// "2026-06-31".
  private static let isoDates = TextPattern(
    #"(?:^|[^\d/.-])(?<year>(?:19|20)\d\d)-(?<month>\d\d)-(?<day>\d\d)(?![\d/-])"#,
    needing: ["-"], ["19", "20"])

  /// The dates written with slashes in `text` ("31/06/2026", "1/31/2018"), by their parts.
  static func numericDates(in text: String) -> [(first: Int, second: Int, year: Int, shown: String)]
  {
    guard hasDateShape(text, separator: UInt8(ascii: "/")) else { return [] }
    return slashedDates.matches(in: text).compactMap { match in
      guard let first = match["first"].flatMap({ Int($0) }),
        let second = match["second"].flatMap({ Int($0) }),
        let year = match["year"].flatMap({ Int($0) })
      else { return nil }
      return (first, second, year, String(match.text.drop { !$0.isNumber }))
    }
  }

  /// Whether `text` holds one or two digits between two `separator`s ("/06/", "-31-"), as every
  /// numeric date does: most text, "2025-26" and "24/7" among it, is passed over without a regular
  /// expression, which costs far more than this scan.
  static func hasDateShape(_ text: String, separator: UInt8) -> Bool {
    var digits = -1  // Digits since the last separator; -1 before the first.
    for byte in text.utf8 {
      if byte == separator {
        if digits == 1 || digits == 2 { return true }
        digits = 0
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        if digits >= 0 { digits += 1 }
      } else {
        digits = -1
      }
    }
    return false
  }

  // MARK: Dates and weekdays

  /// Words just before a date that put it in the future: "is scheduled for the", "will be held on".
  private static let futureEvents = TextPattern(
    #"(?i)\b(?:(?:is|are)\s+(?:scheduled|due|planned|booked|set)(?:\s+to\s+(?:take\s+place|be\s+held|meet))?|will\s+(?:be\s+held|take\s+place|meet|be\s+published|be\s+presented))\s+(?:for|on)\s+(?:the\s+)?$"#,
    needing: ["is", "are", "will"])

  /// Words just before a date that make it a deadline: "by", "before", "no later than".
  private static let deadlines = TextPattern(
    #"(?i)\b(?:by|before|(?:no|not)\s+later\s+than|deadline\s+(?:is|of))\s+(?:the\s+)?$"#,
    needing: ["by", "before", "later", "deadline"])

  private func checkDates(
    _ passage: Passage, near reportDate: CalendarDate?, into findings: inout Findings
  ) {
    for pattern in Self.dates {
      for match in pattern.matches(in: passage.text) {
        guard let dayText = match["day"], let day = Int(dayText),
          let monthText = match["month"],
          let month = CalendarDate.month(named: String(monthText))
        else { continue }
        let year = match["year"].flatMap { Int($0) }
        let shown = String(match.text).trimmedOfWhiteSpace
        // Without a year, February has 29 days.
        let date = CalendarDate(year: year ?? 2024, month: month, day: day)
        guard date.isValid else {
          findings.add(
            .date, .error,
            "no such date: \(CalendarDate.length(ofMonth: month, year: year))",
            at: passage.place, stated: shown)
          continue
        }
        guard let dated = year != nil ? date : Self.nearest(day: day, month: month, to: reportDate)
        else { continue }
        let assumed = year == nil ? " (taking the year to be \(dated.year))" : ""
        if let stated = match["weekday"].map(String.init), let actual = dated.weekday,
          actual != stated
        {
          findings.add(
            .date, .error, "\(dated.longUK) is a \(actual), not a \(stated)\(assumed)",
            at: passage.place,
            stated: shown, expected: "\(actual) \(dated.longUK)")
        }
        let before = passage.text[..<match.range.lowerBound].suffix(60)
        if let reportDate, dated < reportDate, Self.futureEvents.firstMatch(in: before) != nil {
          findings.add(
            .date, .warning,
            "an event still to come is dated before the report (\(reportDate.longUK))\(assumed)",
            at: passage.place, stated: shown, expected: "a date after \(reportDate.longUK)")
        }
        if checksDeadlines, let reportDate, dated < reportDate,
          Self.deadlines.firstMatch(in: before) != nil
        {
          findings.add(
            .date, .error, "a deadline before the letter's date (\(reportDate.longUK))\(assumed)",
            at: passage.place, stated: shown, expected: "a date after \(reportDate.longUK)")
        }
      }
    }
  }

  /// A numeric date that does not exist read in the document's order; when the order is unknown,
  /// one that exists in neither (31/06/2026 is no date either way, 1/31/2018 is 31st January).
  private func checkNumericDates(
    _ passage: Passage, order: DateOrder?, into findings: inout Findings
  ) {
    let orders = order.map { [$0] } ?? [.dayFirst, .monthFirst]
    for date in Self.numericDates(in: passage.text)
    where orders.allSatisfy({ !$0.date(date.first, date.second, year: date.year).isValid }) {
      findings.add(.date, .error, "no such date", at: passage.place, stated: date.shown)
    }
    let isoShaped = Self.hasDateShape(passage.text, separator: UInt8(ascii: "-"))
    for match in isoShaped ? Self.isoDates.matches(in: passage.text) : [] {
      guard let day = match["day"].flatMap({ Int($0) }),
        let month = match["month"].flatMap({ Int($0) }),
        let year = match["year"].flatMap({ Int($0) }),
        !CalendarDate(year: year, month: month, day: day).isValid
      else { continue }
      findings.add(
        .date, .error, "no such date", at: passage.place,
        stated: String(match.text.drop { !$0.isNumber }))
    }
  }

  /// A date printed without its year, read in the year that puts it nearest the report's date;
  /// nil when there is no report date or the nearest is more than nine months away.
  static func nearest(day: Int, month: Int, to reportDate: CalendarDate?) -> CalendarDate? {
    guard let reportDate else { return nil }
    let reportMonth = reportDate.year * 12 + reportDate.month
    let candidates = (reportDate.year - 1...reportDate.year + 1).map {
      CalendarDate(year: $0, month: month, day: day)
    }
    guard
      let best = candidates.min(by: {
        abs($0.year * 12 + $0.month - reportMonth) < abs($1.year * 12 + $1.month - reportMonth)
      }),
      abs(best.year * 12 + best.month - reportMonth) <= 9, best.isValid
    else { return nil }
    return best
  }

  // MARK: Quarters

  /// "Q2", "Quarter 4 2025-26", "quarter three".
  private static let quarters = TextPattern(
    #"(?i)\b(?:q|quarter\s*)([1-4]|one|two|three|four)\b(?:\s*(?:of\s+)?((?:19|20)\d\d\s?[-/]\s?\d{2,4}))?"#,
    needing: ["q1", "q2", "q3", "q4", "qone", "qtwo", "qthree", "qfour", "quarter"])

  /// A quarter ("Q2", "Quarter 4", "quarter three") and the months given with it in the same
  /// sentence: the months must be that quarter of the financial year (or, when no financial year
  /// is named, of the calendar year).
  private func checkQuarters(_ passage: Passage, into findings: inout Findings) {
    guard Self.quarters.mightMatch(passage.text) else { return }
    for sentence in passage.text.split(whereSeparator: { $0 == ";" }).flatMap({
      $0.components(separatedBy: ". ")
    }) {
      let quarters = Self.quarters.matches(in: sentence)
      guard quarters.count == 1, let quarter = quarters.first else { continue }
      let ranges = Self.monthRanges.matches(in: sentence).filter {
        $0["separator"] != "and" || $0["between"] != nil
      }
      guard ranges.count == 1, let range = ranges.first,
        let first = range["first"].flatMap({ CalendarDate.month(named: String($0)) }),
        let last = range["last"].flatMap({ CalendarDate.month(named: String($0)) }),
        let quarterText = quarter[1]
      else { continue }
      let number = ["1": 1, "2": 2, "3": 3, "4": 4, "one": 1, "two": 2, "three": 3, "four": 4][
        quarterText.lowercased()]!
      let fiscal = CalendarDate(year: 2000, month: first).quarter
      let calendar = (first - 1) / 3 + 1
      let spansQuarter = (last - first + 12) % 12 == 2 && (first - 1) % 3 == 0
      let label = quarter[2].flatMap {
        FinancialYear(label: String($0).replacingOccurrences(of: " ", with: ""))
      }
      let monthsText = String(range.text).trimmedOfSpaces
      let fiscalMonths = { (q: Int) in
        let start = ((q - 1) * 3 + 3) % 12 + 1
        return "\(CalendarDate.monthNames[start - 1]) - \(CalendarDate.monthNames[start + 1])"
      }
      // A longer period (year to date) is not the quarter's months.
      guard spansQuarter else { continue }
      if fiscal != number && (label != nil || calendar != number) {
        findings.add(
          .date, .error, "Q\(number) does not match the months given with it", at: passage.place,
          stated: "\(quarter.text) with \(monthsText)",
          expected: "Q\(number) = \(fiscalMonths(number))")
        continue
      }
      // The months' years, when given, must fall in the labelled financial year.
      let year =
        range["lastYear"].flatMap { Int($0) } ?? range["firstYear"].flatMap { Int($0) }
      if let label, let year, CalendarDate(year: year, month: last).financialYear != label {
        findings.add(
          .date, .error, "the months given are not in financial year \(label.label)",
          at: passage.place,
          stated: "\(quarter.text) with \(monthsText)")
      }
    }
  }
}
