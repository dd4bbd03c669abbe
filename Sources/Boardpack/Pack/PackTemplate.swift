import Foundation

/// The wording of a pack's front sheet and agenda (`Templates/agenda-pack.yaml`), its
/// `{placeholders}` filled from the meeting file.
struct PackTemplate {
  let title: SourceText
  let frontSheet: [SourceText]
  let membershipHeading: SourceText
  let agendaHeading: SourceText
  let reportLink: SourceText
  let itemHeader: SourceText
  let exemptNotice: SourceText
  let closing: [SourceText]

  /// Reads the template at `path`.
  init(contentsOf path: String) throws(BoardpackError) {
    let root = try YAMLNode.compose(try TextFile.read(path), path: path)
    guard let pack = try root.entries("a pack template", allowed: ["pack"])["pack"] else {
      throw root.source.error("a pack template starts with pack:", line: 1, column: 1)
    }
    let fields = try pack.entries(
      "pack",
      allowed: [
        "title", "front-sheet", "membership-heading", "agenda-heading", "report-link",
        "item-header",
        "exempt-notice", "closing",
      ])
    func text(_ key: String) throws(BoardpackError) -> SourceText {
      guard let node = fields[key] else { throw pack.error("the pack template has no \(key):") }
      return try node.sourceText(key)
    }
    func lines(_ key: String) throws(BoardpackError) -> [SourceText] {
      var lines: [SourceText] = []
      for node in try fields[key]?.items(key) ?? [] { lines.append(try node.sourceText(key)) }
      return lines
    }
    title = try text("title")
    frontSheet = try lines("front-sheet")
    membershipHeading = try text("membership-heading")
    agendaHeading = try text("agenda-heading")
    reportLink = try text("report-link")
    itemHeader = try text("item-header")
    exemptNotice = try text("exempt-notice")
    closing = try lines("closing")
  }

  /// `text` with each `{name}` replaced by its value in `values`, escaped so that it prints as
  /// written, then read as inline markup; nil when a placeholder's value is missing. A placeholder
  /// the template does not know is an error at its line.
  static func fill(_ text: SourceText, _ values: [String: String?]) throws(BoardpackError)
    -> [Inline]?
  {
    var filled = ""
    var rest = Substring(text.text)
    while let open = rest.firstIndex(of: "{") {
      filled += rest[..<open]
      if rest[open...].hasPrefix("{ref:") {
        filled += "{"
        rest = rest[rest.index(after: open)...]
        continue
      }
      guard let close = rest[open...].firstIndex(of: "}") else { break }
      let name = String(rest[rest.index(after: open)..<close])
      guard let value = values[name] else {
        throw text.origin.error(
          "unknown placeholder {\(name)}\(Suggestion.didYouMean(name, among: values.keys.sorted())); "
            + "this text takes \(values.keys.sorted().map { "{\($0)}" }.joined(separator: ", "))")
      }
      guard let value else { return nil }
      for character in value {
        if InlineMarkup.escapable.contains(character) { filled.append("\\") }
        filled.append(character)
      }
      rest = rest[rest.index(after: close)...]
    }
    filled += rest
    return try InlineMarkup.parse(SourceText(text: filled, origin: text.origin))
  }
}
