import Foundation

/// Reads the inline markup of paper inputs and letter templates: `**bold**`, `*italic*`,
/// `[text](url)`, bare `https://…` links, `{ref:label}`, `{ref:first..last}`, and backslash
/// escapes (`\*`, `\{`, `\[`, …).
///
/// Markup that does not close or is not known is an error at the character that starts it: an
/// unclosed `**` or `*`, a `[` without `](…)`, a link inside a link, `{Ref:` in another case, a
/// `{key:` other than `{ref:`, and a reference after the word it prints ("paragraph {ref:x}"
/// would print "paragraph paragraph 12"). A `*` with white space after it opens nothing and is
/// text ("5 * 3"). One pass with an explicit stack of open markup: time is linear in the text and
/// nesting costs no call depth. References come out unresolved (`shown` empty).
public enum InlineMarkup {
  /// The inlines of `text`; `location` is given to every reference and to errors.
  public static func parse(_ text: String, at location: SourceLocation) throws(BoardpackError)
    -> [Inline]
  {
    try parse(SourceText(text: text, origin: Origin(location: location, sourceLine: nil)))
  }

  /// The inlines of `text`, with errors at the line and column in its file where the markup
  /// starts, when its file's lines come with it.
  static func parse(_ text: SourceText) throws(BoardpackError) -> [Inline] {
    var scanner = Scanner(characters: Array(text.text), location: text.origin.location)
    do throws(Problem) {
      return try scanner.inlines()
    } catch {
      throw text.origin(ofCharacter: error.offset).error(error.message)
    }
  }

  /// Markup that cannot be read, at its offset in the text (in characters).
  private struct Problem: Error {
    let offset: Int
    let message: String
  }

  /// Markup opened and not yet closed, with the inlines read inside it so far.
  private struct Frame {
    enum Kind { case whole, strong, emphasis, link }

    let kind: Kind
    /// The offset of the character that opened it.
    let start: Int
    var inlines: [Inline] = []
    var text = ""

    mutating func flush() {
      if !text.isEmpty { inlines.append(.text(text)) }
      text = ""
    }

    /// The error for markup of this kind left open.
    var unclosed: Problem {
      switch kind {
      case .strong:
        Problem(
          offset: start,
          message: "\"**\" is not closed; bold text is written **like this** (\\* for an asterisk)")
      case .emphasis:
        Problem(
          offset: start,
          message: "\"*\" is not closed; italic text is written *like this* (\\* for an asterisk)")
      case .link, .whole:
        Problem(
          offset: start,
          message: "\"[\" starts no link; a link is written [text](https://…) (\\[ for a bracket)")
      }
    }
  }

  /// The characters a backslash escapes.
  static let escapable: Set<Character> = ["\\", "*", "{", "}", "[", "]", "(", ")"]

  private struct Scanner {
    let characters: [Character]
    let location: SourceLocation
    var index = 0
    var stack: [Frame] = [Frame(kind: .whole, start: 0)]
    /// True while reading a link's text, where a URL is text, not another link.
    var inLink = false

    init(characters: [Character], location: SourceLocation) {
      self.characters = characters
      self.location = location
    }

    mutating func inlines() throws(Problem) -> [Inline] {
      while index < characters.count {
        let current = characters[index]
        switch current {
        case "\\" where InlineMarkup.escapable.contains(character(at: index + 1) ?? " "):
          stack[stack.count - 1].text.append(characters[index + 1])
          index += 2
        case "*": asterisks()
        case "[":
          guard !inLink else {
            throw Problem(
              offset: index, message: "a link cannot hold another \"[\" (\\[ for a bracket)")
          }
          inLink = true
          open(.link, width: 1)
        case "]" where inLink:
          guard stack.last!.kind == .link else { throw stack.last!.unclosed }
          try closeLink()
          inLink = false
        case "{": try brace()
        case "h" where !inLink && (matches("https://") || matches("http://")): bareLink()
        default:
          stack[stack.count - 1].text.append(current)
          index += 1
        }
      }
      if stack.count > 1 { throw stack[1].unclosed }
      stack[0].flush()
      return stack[0].inlines
    }

    /// `**` or `*`: closes the markup on top when it is the same and follows text, else opens
    /// markup when text follows it, else is text.
    private mutating func asterisks() {
      let width = matches("**") ? 2 : 1
      let followsText = index > 0 && !characters[index - 1].isWhitespace
      switch stack.last!.kind {
      case .strong where width == 2 && followsText: close(width: 2) { .strong($0) }
      case .emphasis where followsText: close(width: 1) { .emphasis($0) }
      default:
        if let next = character(at: index + width), !next.isWhitespace {
          open(width == 2 ? .strong : .emphasis, width: width)
        } else {
          stack[stack.count - 1].text += String(repeating: "*", count: width)
          index += width
        }
      }
    }

    private mutating func open(_ kind: Frame.Kind, width: Int) {
      stack.append(Frame(kind: kind, start: index))
      index += width
    }

    /// Ends the markup on top, `width` characters wide, as the inline `make` builds.
    private mutating func close(width: Int, _ make: ([Inline]) -> Inline) {
      var frame = stack.removeLast()
      frame.flush()
      stack[stack.count - 1].flush()
      stack[stack.count - 1].inlines.append(make(frame.inlines))
      index += width
    }

    /// `](url)` after a link's text; brackets in the address must balance.
    private mutating func closeLink() throws(Problem) {
      guard character(at: index + 1) == "(" else { throw stack.last!.unclosed }
      let open = index + 1
      var depth = 0
      var end = open
      repeat {
        if characters[end] == "(" { depth += 1 }
        if characters[end] == ")" { depth -= 1 }
        end += 1
      } while depth > 0 && end < characters.count
      guard depth == 0 else {
        throw Problem(offset: open, message: "the link's address has no closing \")\"")
      }
      let url = String(characters[open + 1..<end - 1])
      index = end - 1
      close(width: 1) { .link(url: url, content: $0) }
    }

    /// `{ref:…}`; any other `{key:` is an error, and so is `{Ref:`; a brace before anything else is text.
    private mutating func brace() throws(Problem) {
      var end = index + 1
      while let next = character(at: end),
        next.isLetter || next.isNumber || next == "-" || next == "_"
      {
        end += 1
      }
      let key = String(characters[index + 1..<end])
      guard character(at: end) == ":", key.first?.isLetter == true else {
        stack[stack.count - 1].text.append("{")
        index += 1
        return
      }
      switch key {
      case "ref":
        try checkWordBeforeReference()
        let start = index
        index = end + 1
        let reference = try self.reference(from: start)
        stack[stack.count - 1].flush()
        stack[stack.count - 1].inlines.append(.reference(reference))
      case _ where key.lowercased() == "ref":
        throw Problem(offset: index, message: "\"{\(key):\" is written in lower case: {ref:label}")
      case "slot", "meta":
        throw Problem(
          offset: index,
          message:
            "{\(key):…} works only in a skeleton's own text; write the text itself here (\\{ for a brace)"
        )
      default:
        throw Problem(
          offset: index,
          message:
            "unknown markup \"{\(key):\"; the one brace markup is {ref:label} (\\{ for a brace)")
      }
    }

    /// `label}` or `first..last}` after `{ref:`, which starts at `start`.
    private mutating func reference(from start: Int) throws(Problem) -> Reference {
      guard let close = characters[index...].firstIndex(of: "}") else {
        throw Problem(offset: start, message: "\"{ref:\" has no closing \"}\"")
      }
      let body = String(characters[index..<close])
      index = close + 1
      let parts = body.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
      guard (1...2).contains(parts.count), !parts.contains(where: \.isEmpty) else {
        throw Problem(
          offset: start,
          message: "\"{ref:\(body)}\" names no label; write {ref:label} or {ref:first..last}")
      }
      return Reference(
        target: Label(parts[0]), through: parts.count == 2 ? Label(parts[1]) : nil,
        location: location)
    }

    /// A reference prints its own noun ("paragraph 12", "Table 2"), so the same noun written
    /// before it would be printed twice.
    private func checkWordBeforeReference() throws(Problem) {
      let before = stack.last!.text
      guard before.last?.isWhitespace == true else { return }
      let word = before.reversed().drop(while: \.isWhitespace).prefix(while: \.isLetter)
      let noun = String(word.reversed())
      guard Self.nouns.contains(noun.lowercased()) else { return }
      throw Problem(
        offset: index,
        message:
          "\"\(noun) {ref:…}\" prints \"\(noun)\" twice: a reference prints its own word (\"paragraph 12\", \"Table 2\"); leave out \"\(noun)\""
      )
    }

    /// A bare `https://…` link, up to white space, less trailing punctuation.
    private mutating func bareLink() {
      var end = index
      while end < characters.count && !characters[end].isWhitespace { end += 1 }
      while end > index && ".,;:!?)'\"".contains(characters[end - 1]) { end -= 1 }
      let url = String(characters[index..<end])
      index = end
      stack[stack.count - 1].flush()
      stack[stack.count - 1].inlines.append(.link(url: url, content: [.text(url)]))
    }

    private func character(at position: Int) -> Character? {
      position < characters.count ? characters[position] : nil
    }

    private func matches(_ literal: String) -> Bool {
      var position = index
      for character in literal {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
      }
      return true
    }

    /// The words references print, which must not come before one.
    static let nouns: Set<String> = [
      "paragraph", "paragraphs", "para", "paras", "table", "tables", "figure", "figures",
      "appendix", "appendices", "row", "rows",
    ]
  }
}
