import Foundation

extension Decimal {
  /// The same text as `description` ("-1234.5", "0.05", "1000"): the significand's digits, when they
  /// fit in 64 bits, with the point placed by the exponent; `description` divides by ten per digit.
  var plainText: String {
    guard isFinite, !isZero else { return description }
    let whole = NSDecimalNumber(decimal: significand).uint64Value
    guard Decimal(whole) == significand else { return description }
    var digits = Array(String(whole).utf8)
    if exponent > 0 {
      digits += repeatElement(UInt8(ascii: "0"), count: exponent)
    } else if exponent < 0 {
      let zeros = 1 - exponent - digits.count
      if zeros > 0 {
        digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros), at: 0)
      }
      digits.insert(UInt8(ascii: "."), at: digits.count + exponent)
    }
    if sign == .minus { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
  }
}
