import Foundation
import Yams

/// A node of a composed YAML file that knows where it is, so every error points at the offending
/// node with its line, column and source line.
struct YAMLNode {
  /// The file's path and lines, shared by all its nodes.
  final class Source {
    let path: String
    let lines: [Substring]

    init(path: String, text: String) {
      self.path = path
      lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// Where `line` and `column` are in the file, with the source line for the caret display.
    func origin(line: Int, column: Int?) -> Origin {
      let sourceLine = lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil
      return Origin(
        location: SourceLocation(file: path, line: line, column: column), sourceLine: sourceLine)
    }

    func error(_ message: String, line: Int, column: Int?) -> BoardpackError {
      origin(line: line, column: column).error(message)
    }

    /// Yams' `message` about the character at `line` and `column`, in the author's terms where
    /// the cause is a common slip: a tab, or text holding ": " that is not quoted.
    func explanation(of message: String, line: Int, column: Int) -> String {
      let text = lines.indices.contains(line - 1) ? Array(lines[line - 1]) : []
      if text.indices.contains(column - 1), text[column - 1] == "\t" {
        return "a tab; YAML indents with spaces, never tabs"
      }
      if message.hasSuffix("mapping values are not allowed in this context") {
        return message + "; text containing \": \" must be quoted (\"…\")"
      }
      return message
    }
  }

  let node: Node
  let source: Source

  /// Composes `text`; malformed YAML is an error at Yams' line and column. An empty file is an empty
  /// mapping. Anchors, aliases and text past the limits are refused first (`YAMLGuard`).
  static func compose(_ text: String, path: String) throws(BoardpackError) -> YAMLNode {
    let source = Source(path: path, text: text)
    try YAMLGuard.check(text, source: source)
    do {
      return YAMLNode(
        node: try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([])), source: source)
    } catch let error as YamlError {
      switch error {
      case .scanner(let context, let problem, let mark, _),
        .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        throw source.error(
          "malformed YAML: "
            + source.explanation(
              of: [context?.text, problem].compactMap { $0 }.joined(separator: ": "),
              line: mark.line,
              column: mark.column), line: mark.line, column: mark.column)
      case .reader(let problem, let offset, let value, _):
        let before = text.prefix(offset ?? 0)
        let line = 1 + before.count { $0.isNewline }
        let column =
          before.count
          - (before.lastIndex(where: \.isNewline).map {
            before.distance(from: before.startIndex, to: $0) + 1
          } ?? 0) + 1
        let character =
          value >= 0
          ? Unicode.Scalar(UInt32(value)).map { " (\(XMLCharacters.name($0)))" } ?? "" : ""
        throw source.error("malformed YAML: \(problem)\(character)", line: line, column: column)
      case .duplicatedKeysInMapping(let duplicates, let context):
        throw source.error(
          "malformed YAML: the key \"\(duplicates.joined(separator: "\", \""))\" appears more than once",
          line: context.mark.line, column: context.mark.column)
      default:
        throw BoardpackError("malformed YAML: \(error)", at: SourceLocation(file: path))
      }
    } catch {
      throw BoardpackError("malformed YAML: \(error)", at: SourceLocation(file: path))
    }
  }

  var location: SourceLocation {
    SourceLocation(file: source.path, line: node.mark?.line, column: node.mark?.column)
  }

  /// Where the node is, for errors raised after reading.
  var origin: Origin {
    guard let mark = node.mark else { return Origin(location: location, sourceLine: nil) }
    return source.origin(line: mark.line, column: mark.column)
  }

  /// An error pointing at this node.
  func error(_ message: String) -> BoardpackError { origin.error(message) }

  /// The node's text with where it was written; an error when it is empty (`- # TODO`, `text: ""`).
  func sourceText(_ what: String) throws(BoardpackError) -> SourceText {
    let text = try text(what)
    guard !text.trimmedOfWhiteSpace.isEmpty else {
      let comment =
        origin.sourceLine?.contains(" #") == true
        ? " (in YAML, \" #\" starts a comment, which is not text)" : ""
      throw error("\(what) is empty\(comment); write its text, or remove the entry")
    }
    return SourceText(
      text: text, origin: origin,
      lines: node.mark.map { source.lines[min($0.line - 1, source.lines.count)...] } ?? [])
  }

  /// The node's text; an error when it is a list or mapping, or holds a character XML forbids.
  func text(_ what: String) throws(BoardpackError) -> String {
    guard let scalar = node.scalar else { throw error("\(what) must be text") }
    if let forbidden = XMLCharacters.firstForbidden(in: scalar.string) {
      throw error(
        "\(what) contains the character \(XMLCharacters.name(forbidden)), which papers cannot hold")
    }
    return scalar.string
  }

  var isText: Bool { node.scalar != nil }

  /// The items of a list; an error when the node is not one.
  func items(_ what: String) throws(BoardpackError) -> [YAMLNode] {
    guard let sequence = node.sequence else { throw error("\(what) must be a list") }
    return sequence.map { YAMLNode(node: $0, source: source) }
  }

  /// The entries of a mapping in file order, each with its key node; an error for a key not in `allowed`.
  func entries(_ what: String, allowed: Set<String>? = nil) throws(BoardpackError) -> [Entry] {
    guard let mapping = node.mapping else {
      throw error("\(what) must be a mapping of keys to values")
    }
    var result: [Entry] = []
    for (key, value) in mapping {
      let keyNode = YAMLNode(node: key, source: source)
      let name = try keyNode.text("a key")
      if let allowed, !allowed.contains(name) {
        throw keyNode.error(
          "unknown key \"\(name)\" in \(what)\(Suggestion.didYouMean(name, among: allowed.sorted())); expected one of: \(allowed.sorted().joined(separator: ", "))"
        )
      }
      result.append(Entry(name: name, key: keyNode, value: YAMLNode(node: value, source: source)))
    }
    return result
  }

  /// One key and value of a mapping.
  struct Entry {
    let name: String
    let key: YAMLNode
    let value: YAMLNode
  }
}

extension [YAMLNode.Entry] {
  /// The value under `name`, if present.
  subscript(_ name: String) -> YAMLNode? { first { $0.name == name }?.value }
}
