/// Reads a run of decimal digits, in any script ("2026", "٢٠٢٦", "２０２６"), without trapping.
///
/// `Int(_:)` reads ASCII digits only, and `Character.isNumber` also accepts "½", "²" and "Ⅻ";
/// code that pairs the two can index past what it parsed. Every digit of a run read here is a
/// decimal digit of one script, and a run too long for the value to be useful is refused, so no
/// arithmetic on the result can overflow.
enum DecimalDigits {
  /// The most digits read: eighteen, so the value and any sum of two fit in an `Int`.
  static let maximumCount = 18

  /// The value of `text` when it is one to `maximumCount` decimal digits of one script, else nil.
  static func value(of text: some StringProtocol) -> Int? {
    var value = 0
    var count = 0
    var zero: UInt32?
    for scalar in text.unicodeScalars {
      guard let digit = digit(scalar) else { return nil }
      // The scalar of the script's zero: digits of two scripts in one number are not a number.
      let scriptZero = scalar.value - UInt32(digit)
      guard zero == nil || zero == scriptZero else { return nil }
      zero = scriptZero
      count += 1
      guard count <= maximumCount else { return nil }
      value = value * 10 + digit
    }
    return count == 0 ? nil : value
  }

  /// The value of a decimal digit of any script, nil for anything else (including "½" and "²").
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    if scalar.isASCII {
      return (48...57).contains(scalar.value) ? Int(scalar.value) - 48 : nil
    }
    guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
      value >= 0, value <= 9
    else { return nil }
    return Int(value)
  }

  /// Whether `character` is one decimal digit (one scalar).
  static func isDigit(_ character: Character) -> Bool {
    character.unicodeScalars.count == 1 && digit(character.unicodeScalars.first!) != nil
  }
}
