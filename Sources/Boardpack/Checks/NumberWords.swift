/// English number words from one to ninety-nine, as papers write small totals ("Forty-five").
enum NumberWords {
  private static let units = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
  ]
  private static let tens = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
  ]

  /// The value of a word such as "forty-five", "Forty five" or "seven"; nil for anything else.
  static func value(of text: String) -> Int? {
    let parts = text.lowercased().split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "‑" })
    guard let first = parts.first, parts.count <= 2 else { return nil }
    if parts.count == 1, let unit = units.firstIndex(of: String(first)) { return unit + 1 }
    guard let ten = tens.firstIndex(of: String(first)) else { return nil }
    guard parts.count == 2 else { return (ten + 2) * 10 }
    guard let unit = units.prefix(9).firstIndex(of: String(parts[1])) else { return nil }
    return (ten + 2) * 10 + unit + 1
  }

  /// A regular-expression alternation matching every number word, longest first.
  static let pattern: String = {
    let compound = tens.map { "\($0)(?:[- ](?:\(units.prefix(9).joined(separator: "|"))))?" }
    return (compound + units.reversed()).joined(separator: "|")
  }()
}
