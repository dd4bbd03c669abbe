/// The printed width of text in Arial (Liberation Sans, which LibreOffice substitutes, has the same
/// advance widths), from the fonts' metrics in thousandths of an em, so that column widths can be
/// worked out from the text without a font at hand.
///
/// Characters outside the tables are taken as wide (an em), so a measure errs on the wide side.
struct TextWidth: Sendable {
  /// The font size in points.
  let size: Double
  let bold: Bool

  /// The width of `text` in points, as one line.
  func points(_ text: Substring) -> Double {
    let widths = bold ? TextWidth.bold : TextWidth.regular
    var total = 0
    for scalar in text.unicodeScalars {
      let value = Int(scalar.value)
      if value >= 32 && value < 127 {
        total += Int(widths[value - 32])
      } else {
        total += TextWidth.other(scalar)
      }
    }
    return Double(total) * size / 1000
  }

  func points(_ text: String) -> Double { points(text[...]) }

  /// The widest word of `text` (words split at white space only: LibreOffice and browsers may break
  /// after a hyphen or slash, which splits "Jan-25"), and the width of the whole text on one line.
  /// One pass over the text, in thousandths of an em, with no allocation.
  func measure(_ text: String) -> (word: Double, line: Double) {
    let widths = bold ? TextWidth.bold : TextWidth.regular
    let space = Int(widths[0])
    var widest = 0
    var word = 0
    var line = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 32 || value == 10 || value == 9 || value == 13 {
        if inWord {
          widest = max(widest, word)
          line += word
          word = 0
          inWord = false
        }
        continue
      }
      if !inWord {
        if line > 0 { line += space }
        inWord = true
      }
      word += value >= 32 && value < 127 ? Int(widths[Int(value) - 32]) : TextWidth.other(scalar)
    }
    if inWord {
      widest = max(widest, word)
      line += word
    }
    return (Double(widest) * size / 1000, Double(line) * size / 1000)
  }

  private static func other(_ scalar: Unicode.Scalar) -> Int {
    switch scalar {
    case "£", "€", "–", "‐", "‑": 556
    case "’", "‘": 222
    case "“", "”": 333
    case "•": 350
    case "…", "—": 1000
    case "\u{00A0}": 278
    default:
      // Latin letters with accents are about as wide as the letters; anything else (arrows, symbols)
      // is taken as an em.
      scalar.properties.isAlphabetic && scalar.value < 0x250 ? 600 : 1000
    }
  }

  /// Advance widths of U+0020 to U+007E, Arial (Helvetica metrics).
  private static let regular: [Int16] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p to ~
  ]

  /// Advance widths of U+0020 to U+007E, Arial Bold (Helvetica Bold metrics).
  private static let bold: [Int16] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ]
}
