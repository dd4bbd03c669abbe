import Foundation

/// Reads the inline markup of paper inputs: `**bold**`, `*italic*`, `[text](url)`, bare
/// `https://…` links, `{ref:label}`, `{ref:first..last}`, and backslash escapes (`\*`, `\{`, `\[`, …).
///
/// Markup that does not close (a lone `*`, a `[` without `](…)`) is kept as plain text; a `{ref:`
/// without its `}` or without a label is an error. References come out unresolved (`shown` empty).
public enum InlineMarkup {
  /// The inlines of `text`; `location` is given to every reference and to errors.
  public static func parse(_ text: String, at location: SourceLocation) throws(BoardpackError)
    -> [Inline]
  {
    var scanner = Scanner(characters: Array(text), location: location)
    return try scanner.inlines(until: nil) ?? []
  }

  private struct Scanner {
    let characters: [Character]
    let location: SourceLocation
    var index = 0
    /// True while reading a link's text, where a URL is text, not another link.
    var inLinkText = false

    init(characters: [Character], location: SourceLocation) {
      self.characters = characters
      self.location = location
    }

    /// Inlines up to `closing` (consumed), or to the end when `closing` is nil; nil when `closing` never comes.
    mutating func inlines(until closing: String?) throws(BoardpackError) -> [Inline]? {
      var result: [Inline] = []
      var text = ""
      func flush() {
        if !text.isEmpty { result.append(.text(text)) }
        text = ""
      }
      while index < characters.count {
        if let closing, matches(closing) {
          index += closing.count
          flush()
          return result
        }
        let character = characters[index]
        let start = index
        switch character {
        case "\\"
        where index + 1 < characters.count && Scanner.escapable.contains(characters[index + 1]):
          text.append(characters[index + 1])
          index += 2
          continue
        case "*":
          let delimiter = matches("**") ? "**" : "*"
          index += delimiter.count
          if let inner = try inlines(until: delimiter), !inner.isEmpty {
            flush()
            result.append(delimiter == "**" ? .strong(inner) : .emphasis(inner))
            continue
          }
        case "[":
          index += 1
          inLinkText = true
          let inner = try inlines(until: "](")
          inLinkText = false
          if let inner, let url = take(until: ")") {
            flush()
            result.append(.link(url: url, content: inner))
            continue
          }
        case "{" where matches("{ref:"):
          index += 5
          flush()
          result.append(.reference(try reference()))
          continue
        case "h" where !inLinkText && (matches("https://") || matches("http://")):
          var end = index
          while end < characters.count && !characters[end].isWhitespace { end += 1 }
          while end > index && ".,;:!?)'\"".contains(characters[end - 1]) { end -= 1 }
          let url = String(characters[index..<end])
          index = end
          flush()
          result.append(.link(url: url, content: [.text(url)]))
          continue
        default:
          break
        }
        // Not markup (or markup that did not close): the character is text.
        index = start + 1
        text.append(character)
      }
      flush()
      return closing == nil ? result : nil
    }

    /// `label}` or `first..last}` after `{ref:`.
    mutating func reference() throws(BoardpackError) -> Reference {
      guard let body = take(until: "}") else {
        throw BoardpackError("\"{ref:\" has no closing \"}\"", at: location)
      }
      let parts = body.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
      guard (1...2).contains(parts.count), !parts.contains(where: \.isEmpty) else {
        throw BoardpackError(
          "\"{ref:\(body)}\" names no label; write {ref:label} or {ref:first..last}", at: location)
      }
      return Reference(
        target: Label(parts[0]), through: parts.count == 2 ? Label(parts[1]) : nil,
        location: location)
    }

    /// The plain text up to `terminator` (consumed); nil, consuming nothing, when there is none.
    mutating func take(until terminator: Character) -> String? {
      guard let end = characters[index...].firstIndex(of: terminator) else { return nil }
      defer { index = end + 1 }
      return String(characters[index..<end])
    }

    func matches(_ literal: String) -> Bool {
      var position = index
      for character in literal {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
      }
      return true
    }

    static let escapable: Set<Character> = ["\\", "*", "{", "}", "[", "]", "(", ")"]
  }
}
