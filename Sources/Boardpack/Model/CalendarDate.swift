import Foundation

/// A calendar date as papers print it; the day is nil for "June 2026".
public struct CalendarDate: Sendable, Equatable, Hashable, Comparable, Codable {
  public var year: Int
  public var month: Int
  public var day: Int?

  public init(year: Int, month: Int, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  public static let monthNames = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ]
  public static let weekdayNames = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  ]

  /// Whether the date exists (no 31st June, no 29th February 2025).
  public var isValid: Bool {
    guard (1...12).contains(month), (1...9999).contains(year) else { return false }
    guard let day else { return true }
    return (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
  }

  /// Why the date does not exist, in words for an error: "June has 30 days", "February 2025 has
  /// 28 days", "there is no month 13", "there is no day 0"; nil for a date that exists.
  public var whyInvalid: String? {
    guard (1...12).contains(month) else { return "there is no month \(month)" }
    guard (1...9999).contains(year) else { return "a year is from 1 to 9999" }
    guard let day, !(1...CalendarDate.days(inMonth: month, year: year)).contains(day) else {
      return nil
    }
    return day < 1 ? "there is no day \(day)" : CalendarDate.length(ofMonth: month, year: year)
  }

  /// "June has 30 days"; February's days are its year's, "February 2025 has 28 days", or without a
  /// year "February has 29 days".
  public static func length(ofMonth month: Int, year: Int?) -> String {
    let days = days(inMonth: month, year: year ?? 2024)
    let named = monthNames[month - 1] + (month == 2 ? year.map { " \($0)" } ?? "" : "")
    return "\(named) has \(days) days"
  }

  /// The error for `text` that is not a date: `"31/06/2026" is not a date (June has 30 days);
  /// write 2026-06-25`, with `forms` after "write" and the reason when the date is impossible.
  public static func notADate(_ text: String, write forms: String) -> String {
    let reason = CalendarDate(parsing: text)?.whyInvalid.map { " (\($0))" } ?? ""
    return "\"\(text)\" is not a date\(reason); write \(forms)"
  }

  public static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The weekday name, for a valid date with a day.
  public var weekday: String? {
    guard let day, isValid else { return nil }
    // Sakamoto's method; 0 = Sunday.
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    let y = month < 3 ? year - 1 : year
    let index = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    return CalendarDate.weekdayNames[(index + 6) % 7]
  }

  /// "25th June 2026", or "June 2026" without a day; a month that does not exist (13) prints the
  /// date as ISO rather than trapping.
  public var longUK: String {
    guard (1...12).contains(month) else { return iso }
    let monthName = CalendarDate.monthNames[month - 1]
    guard let day else { return "\(monthName) \(year)" }
    return "\(day)\(CalendarDate.ordinalSuffix(day)) \(monthName) \(year)"
  }

  public static func ordinalSuffix(_ day: Int) -> String {
    if (11...13).contains(day % 100) { return "th" }
    switch day % 10 {
    case 1: return "st"
    case 2: return "nd"
    case 3: return "rd"
    default: return "th"
    }
  }

  /// The financial year (April to March) the date falls in.
  public var financialYear: FinancialYear {
    FinancialYear(startYear: month >= 4 ? year : year &- 1)
  }

  /// The quarter of the financial year, Q1 = April to June.
  public var quarter: Int { ((month &+ 8) % 12 + 12) % 12 / 3 + 1 }

  /// Parses ISO "2026-06-25", UK "25/06/2026", "25th June 2026", "25 June 2026" or "June 2026".
  /// Returns nil for text that is not a date; an impossible date parses and reports `isValid == false`.
  public init?(parsing text: String) {
    let text = text.trimmedOfSpaces
    // ISO "2026-06-25", the usual form in data files, read straight from its ten ASCII bytes.
    let bytes = Array(text.utf8)
    let digit = { (index: Int) in Int(bytes[index]) - 48 }
    if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ (0...9).contains(digit($0)) })
    {
      self.init(
        year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
        month: digit(5) * 10 + digit(6), day: digit(8) * 10 + digit(9))
      return
    }
    // Digits of any script are read ("23-06-٢٠٢٦"); anything else that Unicode calls a number
    // ("½", "²") or a run of digits too long for a date part is not a date.
    let numbers = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
    if numbers.count == 3, numbers.allSatisfy({ $0.allSatisfy(DecimalDigits.isDigit) }) {
      guard numbers.allSatisfy({ $0.count <= 4 }) else { return nil }
      let parts = numbers.compactMap { DecimalDigits.value(of: $0) }
      guard parts.count == 3 else { return nil }
      if numbers[0].count == 4 {
        self.init(year: parts[0], month: parts[1], day: parts[2])
      } else if numbers[2].count == 4 {
        self.init(year: parts[2], month: parts[1], day: parts[0])
      } else {
        return nil
      }
      return
    }
    let words = text.split(separator: " ")
    guard (2...3).contains(words.count), let last = words.last, last.count == 4,
      let year = DecimalDigits.value(of: last),
      let month = CalendarDate.month(named: String(words[words.count - 2]))
    else { return nil }
    if words.count == 2 {
      self.init(year: year, month: month)
      return
    }
    let dayText = words[0].lowercased()
    let digits = dayText.prefix(while: DecimalDigits.isDigit)
    let suffix = dayText.dropFirst(digits.count)
    guard digits.count <= 2, let day = DecimalDigits.value(of: digits),
      ["", "st", "nd", "rd", "th"].contains(suffix)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// ISO 8601 as metadata carries it: "2026-04-21", or "2026-06" without a day.
  public var iso: String {
    func padded(_ number: Int, _ width: Int) -> String {
      let digits = String(number)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let month = padded(year, 4) + "-" + padded(self.month, 2)
    return day.map { month + "-" + padded($0, 2) } ?? month
  }

  /// Today, in the machine's time zone.
  public static var today: CalendarDate {
    let today = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: today.year!, month: today.month!, day: today.day!)
  }

  /// Reads `iso`'s two forms, "2026-04-21" and "2026-06", of ASCII digits, and nothing else; nil
  /// for a date that does not exist (month 13, 31st June).
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ $0.count == 2 }),
      parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
      let year = Int(parts[0]), let month = Int(parts[1])
    else { return nil }
    self.init(year: year, month: month, day: parts.count == 3 ? Int(parts[2]) : nil)
    if parts.count == 3 && day == nil || !isValid { return nil }
  }

  /// The month number of a full or three-letter English month name.
  public static func month(named name: String) -> Int? {
    let lower = name.lowercased()
    guard lower.count >= 3 else { return nil }
    return monthNames.firstIndex {
      $0.lowercased() == lower || ($0.lowercased().hasPrefix(lower) && lower.count == 3)
    }
    .map { $0 + 1 }
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
    (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
  }
}

/// A UK public-sector financial year, April to March, labelled "2025-26".
public struct FinancialYear: Sendable, Equatable, Hashable, Codable {
  public var startYear: Int

  public init(startYear: Int) { self.startYear = startYear }

  /// "2025-26".
  public var label: String { String(format: "%d-%02d", startYear, (startYear &+ 1) % 100) }

  /// Parses "2025-26", "2025/26", "2025-2026", "25/26"; nil for anything else, including
  /// ill-formed labels such as "2023-23" (see `isWellFormedLabel`).
  public init?(label text: String) {
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "–" }).map(String.init)
    guard parts.count == 2, parts.allSatisfy({ [2, 4].contains($0.count) }),
      let first = Int(parts[0]), let second = Int(parts[1]), first >= 0, second >= 0
    else {
      return nil
    }
    let start = parts[0].count == 2 ? 2000 + first : first
    let end = parts[1].count == 2 ? (start / 100) * 100 + second : second
    guard end == start + 1 || (parts[1].count == 2 && second == (start + 1) % 100) else {
      return nil
    }
    self.init(startYear: start)
  }
}

/// Which part of a numeric date such as 06/07/2026 is the day: the first, as in the UK (6th July),
/// or the second, as in the US (June 7th).
public enum DateOrder: Sendable, Equatable {
  case dayFirst, monthFirst

  /// The order of a document's numeric dates, each given as its first two parts: what the dates
  /// themselves show (a first part over 12 is a day, a second part over 12 is a day), else, when
  /// they show nothing or contradict each other, month first for a US language ("en-US"); nil when
  /// neither decides.
  ///
  /// The dates come first because papers are often tagged with the language of the machine that
  /// saved them: a UK paper saved by a US-English LibreOffice still prints 23/06/2026.
  public init?(dates: [(first: Int, second: Int)], language: String?) {
    let dayFirst = dates.contains { $0.first > 12 }
    let monthFirst = dates.contains { $0.second > 12 }
    if dayFirst != monthFirst {
      self = dayFirst ? .dayFirst : .monthFirst
    } else if let language,
      language.split(whereSeparator: { $0 == "-" || $0 == "_" }).dropFirst().contains(where: {
        $0.uppercased() == "US"
      })
    {
      self = .monthFirst
    } else {
      return nil
    }
  }

  /// The date whose first two numeric parts are `first` and `second`, read in this order.
  public func date(_ first: Int, _ second: Int, year: Int) -> CalendarDate {
    self == .dayFirst
      ? CalendarDate(year: year, month: second, day: first)
      : CalendarDate(year: year, month: first, day: second)
  }
}
