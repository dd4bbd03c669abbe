import Foundation

/// A figure as any paper prints it, read without knowing the paper's conventions in advance:
/// "£1,234.56", "$  1,452.4", "€(62)", "(8.4%)", "US$ 5m", "1,234(1)", "12-", "+2.1pp", "35 bps",
/// "Nil", "—". Reading is lenient about signs, currencies and footnote markers and strict about the
/// digits: grouping commas in threes, at most one decimal point.
public struct PrintedFigure: Sendable, Equatable {
  /// What the figure measures, from the mark printed beside it.
  public enum Unit: Sendable, Equatable {
    case plain
    case percent
    /// Percentage points ("pp", "ppt") or basis points ("bps").
    case points
    /// A multiple or ratio ("1.5x").
    case multiple
  }

  public var value: Decimal
  /// Decimal places printed.
  public var places: Int
  public var unit: Unit
  /// The currency sign or code printed with it ("£", "$", "US$", "EUR"), if any.
  public var currency: String?
  /// "Nil" or a dash: a stated zero.
  public var isNil: Bool
  /// A scale printed with the figure ("£6.9m", "$2bn", "£900k").
  public var scale: String?

  /// Reads `text` as one printed figure; nil when it is anything else (words, dates, two figures).
  public init?(reading text: String) {
    let trimmed = text.trimmedOfWhiteSpace
    guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
    if FigureParser.isNil(trimmed) {
      self.init(value: 0, places: 0, unit: .plain, currency: nil, isNil: true, scale: nil)
      return
    }
    var scanner = Scanner(Array(trimmed.unicodeScalars))
    guard let figure = scanner.figure() else { return nil }
    self = figure
  }

  init(
    value: Decimal, places: Int, unit: Unit, currency: String?, isNil: Bool, scale: String?
  ) {
    self.value = value
    self.places = places
    self.unit = unit
    self.currency = currency
    self.isNil = isNil
    self.scale = scale
  }

  /// Currency signs and codes, longest first so that "US$" is not read as "$".
  static let currencies: [[Unicode.Scalar]] = {
    let signs: [String] = [
      "US$", "NZ$", "HK$", "A$", "C$", "S$", "R$", "$", "£", "€", "¥", "₹", "₩", "₽", "CHF",
      "USD", "EUR", "GBP", "RMB", "JPY", "INR", "AUD", "SGD", "HKD", "CAD", "CNY", "Rs.", "Rs",
    ]
    return signs.map { Array($0.unicodeScalars) }
  }()

  /// Marks after the digits, longest first; each must end the figure or be followed by a space,
  /// a bracket or a footnote marker.
  /// Basis points are read as hundredths of a percentage point.
  private static let suffixes: [(mark: [Unicode.Scalar], unit: Unit?, scale: String?)] = {
    let marks: [(String, Unit?, String?)] = [
      ("ppts", .points, nil), ("ppt", .points, nil), ("pp", .points, nil), ("bps", .points, "bp"),
      ("bp", .points, "bp"), ("%", .percent, nil), ("x", .multiple, nil), ("bn", nil, "bn"),
      ("m", nil, "m"), ("k", nil, "k"),
    ]
    return marks.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }
  }()

  /// A hand-written scanner: prefix marks (brackets, signs, currency), the digits, then suffix
  /// marks (units, currency, a closing bracket, a trailing minus, footnote markers).
  private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func figure() -> PrintedFigure? {
      var opened = 0
      var closed = 0
      var negative = false
      var signed = false
      var currency: String?
      var unit = Unit.plain
      var scale: String?
      // Prefix.
      while index < scalars.count {
        let scalar = scalars[index]
        if scalar.properties.isWhitespace {
          index += 1
        } else if scalar == "(" {
          guard opened == 0 else { return nil }
          opened = 1
          index += 1
        } else if !signed, ["-", "−", "–", "+"].contains(scalar) {
          negative = scalar != "+"
          signed = true
          index += 1
        } else if currency == nil, let sign = currencySign() {
          currency = sign
        } else {
          break
        }
      }
      if currency != nil || opened > 0, dash() {
        return PrintedFigure(
          value: 0, places: 0, unit: .plain, currency: currency, isNil: true, scale: nil)
      }
      guard let (value, places) = digits() else { return nil }
      // Suffix.
      while index < scalars.count {
        let scalar = scalars[index]
        if scalar.properties.isWhitespace {
          index += 1
        } else if scalar == ")" && opened > closed {
          closed += 1
          index += 1
        } else if !signed, ["-", "−"].contains(scalar), index + 1 == scalars.count {
          negative = true
          signed = true
          index += 1
        } else if unit == .plain, scale == nil, let suffix = suffix() {
          if let suffixUnit = suffix.unit { unit = suffixUnit }
          scale = suffix.scale
        } else if currency == nil, let sign = currencySign() {
          currency = sign
        } else if footnote() {
          continue
        } else {
          return nil
        }
      }
      guard opened == closed else { return nil }
      let basisPoints = scale == "bp"
      let points = basisPoints ? value * Decimal(sign: .plus, exponent: -2, significand: 1) : value
      return PrintedFigure(
        value: negative || opened == 1 ? -points : points,
        places: basisPoints ? places + 2 : places, unit: unit, currency: currency, isNil: false,
        scale: basisPoints ? nil : scale)
    }

    /// Digits with grouping commas in threes and at most one decimal point, read exactly.
    private mutating func digits() -> (Decimal, Int)? {
      var significand: UInt64 = 0
      var digits = 0
      var fraction: Int?
      var group: Int?  // digits since the last comma, once there is one
      scan: while index < scalars.count {
        let scalar = scalars[index]
        let nextIsDigit = index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])
        switch scalar {
        case "0"..."9":
          let (times10, overflow) = significand.multipliedReportingOverflow(by: 10)
          guard !overflow else { return nil }
          significand = times10 &+ UInt64(scalar.value - 48)
          digits += 1
          if fraction != nil { fraction! += 1 } else if group != nil { group! += 1 }
        case "." where fraction == nil && digits > 0 && nextIsDigit:
          guard group ?? 3 == 3 else { return nil }
          fraction = 0
        case "," where fraction == nil && nextIsDigit:
          guard group.map({ $0 == 3 }) ?? (1...3).contains(digits) else { return nil }
          group = 0
        default:
          break scan
        }
        index += 1
      }
      guard digits > 0, fraction != nil || group ?? 3 == 3 else { return nil }
      let places = fraction ?? 0
      return (Decimal(sign: .plus, exponent: -places, significand: Decimal(significand)), places)
    }

    /// A dash standing for the figure after a currency sign or bracket ("$—", "(—)"), with
    /// nothing but spaces and brackets after it.
    mutating func dash() -> Bool {
      guard index < scalars.count, "-–—".unicodeScalars.contains(scalars[index]),
        scalars[(index + 1)...].allSatisfy({ $0 == ")" || $0.properties.isWhitespace })
      else { return false }
      index = scalars.count
      return true
    }

    private mutating func currencySign() -> String? {
      for sign in PrintedFigure.currencies where matches(sign) {
        index += sign.count
        return String(String.UnicodeScalarView(sign))
      }
      return nil
    }

    private mutating func suffix() -> (unit: Unit?, scale: String?)? {
      for suffix in PrintedFigure.suffixes where matches(suffix.mark) {
        let end = index + suffix.mark.count
        guard end == scalars.count || !scalars[end].properties.isAlphabetic else { continue }
        index = end
        return (suffix.unit, suffix.scale)
      }
      return nil
    }

    /// A footnote marker: "(1)", "(a)", "*", "†", "‡", a superscript digit, or a bare digit or
    /// letter straight after a closing bracket of the figure is not one (it would be ambiguous).
    private mutating func footnote() -> Bool {
      let scalar = scalars[index]
      if "*†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains(scalar) {
        index += 1
        return true
      }
      guard scalar == "(" else { return false }
      var end = index + 1
      while end < scalars.count, end - index <= 3,
        scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end])
      {
        end += 1
      }
      guard end < scalars.count, scalars[end] == ")", end > index + 1, end - index <= 3 else {
        return false
      }
      index = end + 1
      return true
    }

    private func matches(_ mark: [Unicode.Scalar]) -> Bool {
      index + mark.count <= scalars.count && Array(scalars[index..<index + mark.count]) == mark
    }
  }
}
