/// The characters XML 1.0 cannot carry; input text holding one is rejected before it reaches a writer.
enum XMLCharacters {
  /// Whether XML 1.0 forbids `scalar`: controls other than tab, LF and CR, and U+FFFE, U+FFFF.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: false
    case 0..<0x20, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// The first scalar of `text` that XML 1.0 forbids.
  static func firstForbidden(in text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first(where: isForbidden)
  }

  /// "U+0001", as error messages name a scalar.
  static func name(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
