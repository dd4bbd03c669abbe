import Foundation

/// Reads figures as papers and spreadsheets print them: "£1,234.56", "1,234", "-£40", "(£40)",
/// "34.8%", "+2.1pp", "Nil", "-", "" — shared by the CSV reader and the readers of finished papers.
public enum FigureParser {
  /// Why a figure with a "£" read as "Â£" is not one: its file was saved in one character set and
  /// read in another; "" for any other text.
  public static func encodingHint(for text: String) -> String {
    guard text.contains("Â£") else { return "" }
    return "; its £ reads as \"Â£\", so the file was saved in another character set: save it again as CSV with the character set Unicode (UTF-8)"
  }

  /// The value of `text` read as `type`, or nil when the text is not of that type.
  public static func parse(_ text: String, as type: ValueType) -> Value? {
    let trimmed = text.trimmedOfWhiteSpace
    if type == .text { return trimmed.isEmpty ? .blank : .text(trimmed) }
    if trimmed.isEmpty { return .blank }
    if isNil(trimmed) { return .nilValue }
    var body = Substring(trimmed)
    var negative = false
    if body.first == "(" && body.last == ")" {
      negative = true
      body = body.dropFirst().dropLast()
    }
    if let first = body.first, first == "-" || first == "−" || first == "–" || first == "+" {
      negative = negative || first != "+"
      body = body.dropFirst().drop(while: \.isWhitespace)
    }
    switch type {
    case .money:
      guard body.first == "£" else { return number(body, negative).map(Value.money) }
      return number(body.dropFirst(), negative).map(Value.money)
    case .percent:
      guard body.last == "%" else { return nil }
      return number(body.dropLast(), negative).map(Value.percent)
    case .points:
      let stripped =
        body.hasSuffix("pp") ? body.dropLast(2) : body.hasSuffix("%") ? body.dropLast() : body
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
    let filled = samples.map(\.trimmedOfSpaces).filter { !$0.isEmpty && !isNil($0) }
    guard !filled.isEmpty else { return .text }
    for type in [ValueType.money, .percent, .count, .decimal] {
      // Money needs a "£" in the column: a look for the scalar is cheaper than parsing every cell,
      // and a "£" that is part of a longer character fails to parse anyway.
      let marked = type != .money || filled.contains { $0.unicodeScalars.contains("£") }
      if marked && filled.allSatisfy({ parse($0, as: type) != nil }) { return type }
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
    // Lowercasing never makes fewer scalars, so longer text cannot become one of these; counting
    // only the first four scalars keeps a long cell's check short.
    text.unicodeScalars.prefix(4).count <= 3 && ["nil", "-", "–", "—"].contains(text.lowercased())
  }

  /// Digits with optional grouping commas in threes and at most one decimal point, spaces around
  /// them allowed, read exactly: the digits become the significand and the point the exponent.
  private static func number(_ text: Substring, _ negative: Bool) -> Decimal? {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isSpace }) else { return nil }
    let figure = scalars[first...scalars.lastIndex { !$0.isSpace }!]
    var significand: UInt64 = 0
    var overflowed = false
    var digits = 0
    var fraction: Int?
    var group: Int?  // digits since the last comma, once there is one
    for scalar in figure {
      switch scalar {
      case "0"..."9":
        let (times10, overflow) = significand.multipliedReportingOverflow(by: 10)
        overflowed = overflowed || overflow
        significand = times10 &+ UInt64(scalar.value - 48)
        digits += 1
        if fraction != nil {
          fraction! += 1
        } else if group != nil {
          group! += 1
        }
      case ".":
        guard fraction == nil, digits > 0 else { return nil }
        fraction = 0
      case ",":
        // Grouping must be in threes: "1,234" but not "12,34" or "1234,567".
        let inThrees = group.map { $0 == 3 } ?? (1...3).contains(digits)
        guard fraction == nil, inThrees else { return nil }
        group = 0
      default:
        return nil
      }
    }
    guard digits > 0, fraction != 0, group ?? 3 == 3 else { return nil }
    // More digits than 64 bits hold: the slow exact reading of the same digits.
    let value =
      overflowed
      ? Decimal(
        string: String(String.UnicodeScalarView(figure.filter { $0 != "," })), locale: posix)!
      : Decimal(sign: .plus, exponent: -(fraction ?? 0), significand: Decimal(significand))
    return negative ? -value : value
  }

  private static let posix = Locale(identifier: "en_US_POSIX")
}
