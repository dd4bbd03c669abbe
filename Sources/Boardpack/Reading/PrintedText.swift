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
    trimmed(merged(inlines, collapsing: collapsing))
  }

  /// The marker `text` starts with, and how many characters it takes with the space after it;
  /// nil when it starts with none or nothing follows it.
  /// `previousLetter` lets "i" after "h" read as a letter rather than a roman one.
  static func marker(in text: String, previousLetter: Character? = nil) -> (
    marker: Marker, length: Int
  )? {
    guard
      let space = text.prefix(12).firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }),
      let marker = marker(spelledBy: text[..<space], previousLetter: previousLetter)
    else { return nil }
    let rest = text[space...].drop(while: \.isLayoutSpace)
    guard !rest.isEmpty else { return nil }
    return (marker, text.distance(from: text.startIndex, to: rest.startIndex))
  }

  /// The marker `token` ("12.", "(b)", "iv.") spells, if it spells one.
  private static func marker(spelledBy token: Substring, previousLetter: Character?) -> Marker? {
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
    return trimmed(result)
  }

  /// The appendix number of a heading such as "Appendix One – CSP projects" or "Appendix 1".
  static func appendixNumber(_ heading: String) -> Int? {
    let words = heading.split(whereSeparator: {
      $0 == " " || $0 == "\u{A0}" || $0 == ":" || $0 == "."
    })
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

  /// "Total" and "Totals" label total rows.
  static func isTotalLabel(_ text: String) -> Bool {
    let lower = text.trimmedOfWhiteSpace.lowercased()
    return lower == "total" || lower == "totals"
  }

  /// The item marker for `index` (0-based) in a list numbered with `format` ("1", "a", "A", "i", "I").
  static func generatedMarker(_ index: Int, format: String) -> String {
    switch format {
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
      return "\(index + 1)."
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
    let utf8 = text.utf8
    return String(unsafeUninitializedCapacity: utf8.count) { buffer in
      var count = 0
      var inSpace = false
      for byte in utf8 {
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

  private static func trimmed(_ inlines: [Inline]) -> [Inline] {
    var result = inlines
    if case .text(let first) = result.first {
      let text = first.trimmingLeadingSpace()
      if text.isEmpty { result.removeFirst() } else { result[0] = .text(text) }
    }
    if case .text(let last) = result.last {
      let text = last.trimmingTrailingSpace()
      if text.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(text) }
    }
    return result
  }

}

extension String {
  fileprivate func trimmingLeadingSpace() -> String {
    String(drop(while: \.isLayoutSpace))
  }

  fileprivate func trimmingTrailingSpace() -> String {
    guard let last = lastIndex(where: { !$0.isLayoutSpace }) else { return "" }
    return String(self[...last])
  }
}

extension Character {
  /// Space, tab, no-break space and line ends: what papers trim from the ends of their text.
  fileprivate var isLayoutSpace: Bool {
    self == " " || self == "\t" || self == "\u{A0}" || self == "\n" || self == "\r"
      || self == "\r\n"
  }
}
