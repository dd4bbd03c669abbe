import Foundation

/// A spreadsheet cell's stored value as the text a person typed: numbers as plain decimals (no
/// grouping, no currency: "271818.47", which a template's `money` format prints), percentages as
/// "25%", dates as ISO `YYYY-MM-DD` (with " HH:MM" when the cell shows a time too), times as
/// "HH:MM", booleans as TRUE and FALSE.
///
/// Figures are read from the stored text into `Decimal`, never through `Double`; a figure stored
/// with more than the 15 significant digits a spreadsheet keeps ("271818.46999999997", as Excel
/// writes some values) is rounded to 15, which is what the spreadsheet shows and what was typed.
enum SheetValue {
  /// The significant digits Excel and LibreOffice keep.
  static let significantDigits = 15

  /// The figure stored as `text` (`-1234.5`, `1.5E-3`), or nil when `text` is no such number.
  static func decimal(_ text: String) -> Decimal? {
    var bytes = Substring(text.trimmingCharacters(in: .whitespaces)).utf8[...]
    let negative = bytes.first == UInt8(ascii: "-")
    if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
    var digits: [UInt8] = []
    var exponent = 0
    var seenPoint = false
    var seenDigit = false
    while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        seenDigit = true
        // Leading zeros carry no digit; digits after the point lower the exponent.
        if !(digits.isEmpty && byte == UInt8(ascii: "0")) {
          digits.append(byte - UInt8(ascii: "0"))
        }
        if seenPoint { exponent -= 1 }
      } else {
        return nil
      }
    }
    guard seenDigit else { return nil }
    if !bytes.isEmpty {
      let power = String(Substring(bytes.dropFirst()))
      guard power.count <= 4, let value = Int(power) else { return nil }
      exponent += value
    }
    if digits.count > significantDigits {
      let roundUp = digits[significantDigits] >= 5
      exponent += digits.count - significantDigits
      digits.removeLast(digits.count - significantDigits)
      if roundUp {
        var index = digits.count - 1
        while index >= 0 && digits[index] == 9 {
          digits[index] = 0
          index -= 1
        }
        if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0) }
      }
    }
    while digits.last == 0 {
      digits.removeLast()
      exponent += 1
    }
    guard !digits.isEmpty else { return 0 }
    guard (-100...100).contains(exponent) else { return nil }
    let significand = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
    return Decimal(
      sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
  }

  /// A fraction stored for a percentage cell (0.25) as the person typed it: "25%".
  static func percent(_ value: Decimal) -> String { (value * 100).plainText + "%" }

  /// The date (and, with `showsTime`, time of day) `days` days after `epoch`, with its fraction
  /// the time: "2026-06-25", "2026-06-25 14:30". Nil before year 1 or after 9999.
  static func date(days value: Decimal, after epoch: CalendarDate, showsTime: Bool) -> String? {
    let whole = whole(value)
    guard value >= 0, whole < 4_000_000 else { return nil }
    let days = NSDecimalNumber(decimal: whole).intValue
    guard let date = date(days: days, after: epoch) else { return nil }
    return showsTime ? date + " " + time(of: value) : date
  }

  /// `value` without its fraction (rounded down).
  private static func whole(_ value: Decimal) -> Decimal {
    var whole = Decimal()
    var copy = value
    NSDecimalRound(&whole, &copy, 0, .down)
    return whole
  }

  /// The ISO date `days` days after `epoch`, nil outside years 1 to 9999.
  static func date(days: Int, after epoch: CalendarDate) -> String? {
    // Days from 1970-01-01 to a civil date and back (Howard Hinnant's algorithms).
    func ordinal(_ date: CalendarDate) -> Int {
      let y = date.month <= 2 ? date.year - 1 : date.year
      let era = (y >= 0 ? y : y - 399) / 400
      let yearOfEra = y - era * 400
      let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + (date.day ?? 1) - 1
      return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }
    let z = ordinal(epoch) + days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shifted + 2) / 5 + 1
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    let result = CalendarDate(year: year, month: month, day: day)
    return result.isValid ? result.iso : nil
  }

  /// "14:30" (or "14:30:05" when the seconds are not zero) for the fraction of a day in `value`,
  /// to the nearest second.
  static func time(of value: Decimal) -> String {
    var rounded = Decimal()
    var total = (value - whole(value)) * 86_400
    NSDecimalRound(&rounded, &total, 0, .plain)
    let all = min(86_399, max(0, NSDecimalNumber(decimal: rounded).intValue))
    let parts =
      all % 60 != 0 ? [all / 3600, all / 60 % 60, all % 60] : [all / 3600, all / 60 % 60]
    return parts.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
  }
}
