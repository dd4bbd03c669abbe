/// What the readers of finished papers recognise in printed text: whitespace as a renderer
/// collapses it, paragraph numbers ("12."), item markers ("a.", "(iv)") and appendix headings.
enum PrintedText {
  /// A printed marker at the start of a paragraph or item.
  enum Marker: Equatable {
    /// "12." — a numbered paragraph.
    case number(Int)
    /// "a.", "(b)", "c)", "A." — a lettered item, with its letter in lower case.
    case letter(printed: String, letter: Character)
    /// "(i)", "iv." — a roman item.
    case roman(printed: String)
  }

  /// Merges neighbouring text and trims both ends; `collapsing` runs of whitespace to one space
  /// as a browser or word processor shows them, which Boardpack's own papers do not need: their
  /// writers put no layout whitespace inside a paragraph, so spaces and tabs there are content.
  static func normalised(_ inlines: [Inline], collapsing: Bool = true) -> [Inline] {
    var result = merged(inlines, collapsing: collapsing)
    trimSpace(&result)
    return result
  }

  /// The marker `text` starts with, and how many characters it takes with the space after it;
  /// nil when it starts with none or nothing follows it.
  /// `previousLetter` lets "i" after "h" read as a letter rather than a roman one.
  static func marker(in text: String, previousLetter: Character? = nil) -> (
    marker: Marker, length: Int
  )? {
    guard
      let space = text.prefix(12).firstIndex(where: \.isMarkerSpace),
      let marker = marker(spelledBy: text[..<space], previousLetter: previousLetter)
    else { return nil }
    let rest = text[space...].drop(while: \.isLayoutSpace)
    guard !rest.isEmpty else { return nil }
    return (marker, text.distance(from: text.startIndex, to: rest.startIndex))
  }

  /// The marker `token` ("12.", "(b)", "iv.") spells, if it spells one.
  private static func marker(spelledBy token: Substring, previousLetter: Character?) -> Marker? {
    // Every marker ends with "." or ")"; most first words of a paragraph do not.
    guard token.last == "." || token.last == ")" else { return nil }
    if token.hasSuffix("."), let number = Int(token.dropLast()), token.count <= 5, number > 0 {
      return .number(number)
    }
    var body = token
    if body.hasPrefix("(") && body.hasSuffix(")") {
      body = body.dropFirst().dropLast()
    } else if body.hasSuffix(".") || body.hasSuffix(")") {
      body = body.dropLast()
    } else {
      return nil
    }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    let lower = body.lowercased()
    let isRoman = body.allSatisfy(\.isLowercase) && lower.allSatisfy({ "ivxl".contains($0) })
    if body.count == 1, let letter = lower.first {
      let follows = previousLetter?.asciiValue.map { Character(UnicodeScalar($0 + 1)) } == letter
      return isRoman && !follows
        ? .roman(printed: String(token)) : .letter(printed: String(token), letter: letter)
    }
    return isRoman ? .roman(printed: String(token)) : nil
  }

  /// `inlines` without their first `count` characters of text (a printed marker and its space).
  static func dropping(_ count: Int, from inlines: [Inline]) -> [Inline] {
    var remaining = count
    var result: [Inline] = []
    for inline in inlines {
      guard remaining > 0 else {
        result.append(inline)
        continue
      }
      switch inline {
      case .text(let text):
        // Counting only as far as `remaining`: the text is often a whole paragraph.
        if let cut = text.index(text.startIndex, offsetBy: remaining, limitedBy: text.endIndex),
          cut < text.endIndex
        {
          result.append(.text(String(text[cut...])))
          remaining = 0
        } else {
          remaining -= text.count
        }
      case .strong(let content), .emphasis(let content):
        let length = content.plainText.count
        if length <= remaining {
          remaining -= length
        } else {
          let inner = dropping(remaining, from: content)
          remaining = 0
          if case .strong = inline {
            result.append(.strong(inner))
          } else {
            result.append(.emphasis(inner))
          }
        }
      default:
        remaining = 0
        result.append(inline)
      }
    }
    trimSpace(&result)
    return result
  }

  /// The appendix number of a heading such as "Appendix One – CSP projects" or "Appendix 1".
  static func appendixNumber(_ heading: String) -> Int? {
    // The first two words are all it needs; the rest of a long heading stays unsplit.
    let words = heading.split(maxSplits: 2) {
      $0 == " " || $0 == "\u{A0}" || $0 == ":" || $0 == "."
    }
    guard words.count >= 2, words[0].lowercased() == "appendix" else { return nil }
    let word = words[1].lowercased()
    if let number = Int(word) { return number }
    let names = [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve",
    ]
    if let index = names.firstIndex(of: word) { return index + 1 }
    if word.count == 1, let letter = word.unicodeScalars.first, ("a"..."z").contains(letter) {
      return Int(letter.value) - 96
    }
    return nil
  }

  /// The item marker for `index` (0-based) in a list numbered with `format` ("1", "a", "A", "i", "I").
  static func generatedMarker(_ index: Int, format: String) -> String {
    // A list may start anywhere (`start="-5"`, `text:start-value` of 19 digits); letters and
    // romans are made only for positions a list can print, the rest shown as a figure.
    let printable = format.lowercased() == "i" ? 0..<3999 : 0..<1_000_000
    switch format {
    case _ where !printable.contains(index):
      return "\(index &+ 1)."
    case "a", "A":
      var n = index
      var letters = ""
      repeat {
        letters = String(UnicodeScalar(UInt8(97 + n % 26))) + letters
        n = n / 26 - 1
      } while n >= 0
      return (format == "A" ? letters.uppercased() : letters) + "."
    case "i", "I":
      let roman = romanNumeral(index + 1)
      return "(" + (format == "I" ? roman.uppercased() : roman) + ")"
    default:
      return "\(index &+ 1)."
    }
  }

  private static func romanNumeral(_ value: Int) -> String {
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
      (40, "xl"), (10, "x"),
      (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
    var remaining = value
    var result = ""
    for (amount, symbol) in table {
      while remaining >= amount {
        result += symbol
        remaining -= amount
      }
    }
    return result
  }

  /// `text` with each run of spaces, tabs and line ends as one space. These are one-byte ASCII
  /// scalars, which never occur inside a multi-byte UTF-8 sequence, so the work is on bytes.
  private static func collapse(_ text: String) -> String {
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
    var text = text
    let collapsed: String? = text.withUTF8 { bytes in
      guard needsCollapsing(bytes) else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count) { buffer in
        var count = 0
        var inSpace = false
        for byte in bytes {
          if isSpace(byte) {
            if !inSpace {
              buffer[count] = 0x20
              count += 1
            }
            inSpace = true
          } else {
            buffer[count] = byte
            count += 1
            inSpace = false
          }
        }
        return count
      }
    }
    return collapsed ?? text
  }

  /// Whether `bytes` hold a tab, a line end or two spaces in a row: something `collapse` changes.
  private static func needsCollapsing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20) {
        return true
      }
      previous = byte
    }
    return false
  }

  /// Collapses whitespace and merges neighbouring text, inside containers too, without trimming.
  private static func merged(_ inlines: [Inline], collapsing: Bool) -> [Inline] {
    var result: [Inline] = []
    for inline in inlines {
      switch inline {
      case .text(let text):
        let collapsed = collapsing ? collapse(text) : text
        if collapsed.isEmpty { continue }
        if case .text(let previous) = result.last {
          let joined =
            collapsing && previous.hasSuffix(" ") && collapsed.hasPrefix(" ")
            ? previous + collapsed.dropFirst() : previous + collapsed
          result[result.count - 1] = .text(joined)
        } else {
          result.append(.text(collapsed))
        }
      case .strong(let content):
        let inner = merged(content, collapsing: collapsing)
        if !inner.isEmpty { result.append(.strong(inner)) }
      case .emphasis(let content):
        let inner = merged(content, collapsing: collapsing)
        if !inner.isEmpty { result.append(.emphasis(inner)) }
      case .link(let url, let content):
        result.append(.link(url: url, content: merged(content, collapsing: collapsing)))
      case .reference, .lineBreak:
        result.append(inline)
      }
    }
    return result
  }

  /// Trims layout space from the text at both ends of `inlines`, in place.
  private static func trimSpace(_ inlines: inout [Inline]) {
    if case .text(let first) = inlines.first {
      let text = first.trimmingLeadingSpace()
      if text.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(text) }
    }
    if case .text(let last) = inlines.last {
      let text = last.trimmingTrailingSpace()
      if text.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .text(text) }
    }
  }

}

extension String {
  // A layout space Character starts and ends with a layout-space scalar, so a look at the end
  // scalar (cheap) spares the look at the end Character (slow) for most text.

  fileprivate func trimmingLeadingSpace() -> String {
    guard unicodeScalars.first?.isLayoutSpace == true, first?.isLayoutSpace == true else {
      return self
    }
    return String(drop(while: \.isLayoutSpace))
  }

  fileprivate func trimmingTrailingSpace() -> String {
    guard unicodeScalars.last?.isLayoutSpace == true, last?.isLayoutSpace == true else {
      return self
    }
    guard let last = lastIndex(where: { !$0.isLayoutSpace }) else { return "" }
    return String(self[...last])
  }
}

extension Character {
  /// Space, tab, no-break space and line ends: what papers trim from the ends of their text.
  fileprivate var isLayoutSpace: Bool {
    // "\r\n" is one Character, whose `asciiValue` is that of "\n".
    guard let ascii = asciiValue else { return self == "\u{A0}" }
    return ascii == 0x20 || ascii == 0x09 || ascii == 0x0A || ascii == 0x0D
  }

  /// Space, tab or no-break space: what separates a printed marker from its text.
  fileprivate var isMarkerSpace: Bool {
    guard let ascii = asciiValue else { return self == "\u{A0}" }
    return ascii == 0x20 || ascii == 0x09
  }
}

extension Unicode.Scalar {
  /// Space, tab, no-break space, line feed or carriage return.
  fileprivate var isLayoutSpace: Bool {
    self == " " || self == "\t" || self == "\u{A0}" || self == "\n" || self == "\r"
  }
}
