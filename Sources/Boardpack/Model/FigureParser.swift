import Foundation

/// Reads figures as papers and spreadsheets print them: "£1,234.56", "1,234", "-£40", "(£40)",
/// "34.8%", "+2.1pp", "Nil", "-", "" — shared by the CSV reader and the readers of finished papers.
public enum FigureParser {
  /// The value of `text` read as `type`, or nil when the text is not of that type.
  public static func parse(_ text: String, as type: ValueType) -> Value? {
    let trimmed = text.trimming(.whitespacesAndNewlines)
    if type == .text { return trimmed.isEmpty ? .blank : .text(trimmed) }
    if trimmed.isEmpty { return .blank }
    if isNil(trimmed) { return .nilValue }
    var body = Substring(trimmed)
    var negative = false
    if body.hasPrefix("(") && body.hasSuffix(")") {
      negative = true
      body = body.dropFirst().dropLast()
    }
    if let first = body.first, first == "-" || first == "−" || first == "–" || first == "+" {
      negative = negative || first != "+"
      body = body.dropFirst().drop(while: \.isWhitespace)
    }
    switch type {
    case .money:
      guard body.hasPrefix("£") else { return number(body, negative).map(Value.money) }
      return number(body.dropFirst(), negative).map(Value.money)
    case .percent:
      guard body.hasSuffix("%") else { return nil }
      return number(body.dropLast(), negative).map(Value.percent)
    case .points:
      let stripped = body.hasSuffix("pp") ? body.dropLast(2) : body.hasSuffix("%") ? body.dropLast() : body
      return number(stripped, negative).map(Value.points)
    case .count:
      guard let n = number(body, negative), n == UKFormat.rounded(n, places: 0) else { return nil }
      return .count(n)
    case .decimal:
      return number(body, negative).map(Value.decimal)
    case .text:
      return .text(trimmed)
    }
  }

  /// The most specific type that reads every one of `samples` (blank and Nil fit any figure type).
  public static func inferType(of samples: [String]) -> ValueType {
    let filled = samples.map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty && !isNil($0) }
    guard !filled.isEmpty else { return .text }
    for type in [ValueType.money, .percent, .count, .decimal] {
      let fits = filled.allSatisfy { parse($0, as: type) != nil }
      let marked = type != .money || filled.contains { $0.contains("£") }
      if fits && marked { return type }
    }
    return .text
  }

  /// The number of decimal places printed in `text` ("£35,326.00" → 2, "34.8%" → 1).
  public static func places(in text: String) -> Int {
    guard let dot = text.lastIndex(of: ".") else { return 0 }
    return text[text.index(after: dot)...].prefix(while: \.isNumber).count
  }

  /// "Nil", "nil", "-", "–" and "—" all state a zero.
  public static func isNil(_ text: String) -> Bool {
    ["nil", "-", "–", "—"].contains(text.lowercased())
  }

  private static let posix = Locale(identifier: "en_US_POSIX")

  private static func number(_ text: Substring, _ negative: Bool) -> Decimal? {
    // Only digits, points, commas and spaces can make a number (checked first: it is cheap).
    guard
      text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0.isWhitespace })
    else { return nil }
    let digits = text.replacingOccurrences(of: ",", with: "").trimming(.whitespaces)
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      digits.filter({ $0 == "." }).count <= 1, digits.first != ".", digits.last != "."
    else { return nil }
    // Grouping, when present, must be in threes: "1,234" but not "12,34".
    if text.contains(",") {
      let whole = text.split(separator: ".", maxSplits: 1)[0].split(separator: ",")
      guard whole.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(whole[0].count) else { return nil }
    }
    guard let value = Decimal(string: digits, locale: posix) else { return nil }
    return negative ? -value : value
  }
}
