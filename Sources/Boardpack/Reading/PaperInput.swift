import Foundation

/// A paper input (`Inputs/<paper>.yaml`, FORMATS.md §1) read but not yet bound to its skeleton:
/// which template, the metadata, and the slot values as written.
public struct PaperInput: Sendable, Equatable {
  /// Where the input was read from; table paths are relative to its folder.
  public let path: String
  /// The skeleton id.
  public let template: String
  /// The metadata as written; `template`, `letterhead` and `titleBlock` are filled in when binding.
  public let metadata: Metadata
  let templateOrigin: Origin
  /// The `slots:` key, or line 1 when there is none: where a missing required slot is reported.
  let slotsOrigin: Origin
  let slots: [SlotValue]

  /// One entry under `slots:`: a text (`period: …`) or a list of blocks.
  struct SlotValue: Sendable, Equatable {
    enum Content: Sendable, Equatable {
      case text(SourceText)
      case blocks([BlockSpec])
    }

    let name: String
    let content: Content
    /// The slot's key.
    let origin: Origin
  }

  /// Reads the input in `text`, which was read from `path`.
  public init(yaml text: String, path: String) throws(BoardpackError) {
    self.path = path
    let root = try YAMLNode.compose(text, path: path)
    let entries = try root.entries("a paper input", allowed: ["template", "metadata", "slots"])
    guard let template = entries["template"] else {
      throw root.source.error("the input names no template (template: <id>)", line: 1, column: 1)
    }
    self.template = try template.text("template")
    templateOrigin = template.origin
    guard let metadata = entries["metadata"] else {
      throw root.source.error("the input has no metadata: (at least a title)", line: 1, column: 1)
    }
    self.metadata = try PaperInput.metadata(metadata)
    let slotsKey = try root.entries("a paper input").first { $0.name == "slots" }
    slotsOrigin = slotsKey?.key.origin ?? root.source.origin(line: 1, column: 1)
    var slots: [SlotValue] = []
    let directory = (path as NSString).deletingLastPathComponent
    // An empty entry (`background:` with nothing after it) leaves the slot unfilled.
    for entry in try slotsKey?.value.entries("slots") ?? [] where entry.value.node.null == nil {
      let content: SlotValue.Content =
        entry.value.isText
        ? .text(try entry.value.sourceText("slot \"\(entry.name)\""))
        : .blocks(try BlockSpec.blocks(entry.value, directory: directory, allowingSlots: false))
      slots.append(SlotValue(name: entry.name, content: content, origin: entry.key.origin))
    }
    self.slots = slots
  }

  private static func metadata(_ node: YAMLNode) throws(BoardpackError) -> Metadata {
    let entries = try node.entries(
      "metadata",
      allowed: ["body", "meeting-date", "title", "report-date", "author", "classification"])
    guard let title = entries["title"] else { throw node.error("metadata needs a title:") }
    var metadata = Metadata(title: try title.text("title"))
    metadata.body = try entries["body"]?.text("body")
    metadata.meetingDate = try entries["meeting-date"].map { n throws(BoardpackError) in
      try date(n, "meeting-date")
    }
    metadata.reportDate = try entries["report-date"].map { n throws(BoardpackError) in
      try date(n, "report-date")
    }
    metadata.classification = try entries["classification"]?.text("classification")
    if let author = entries["author"] {
      if author.isText {
        metadata.author = Author(name: try author.text("author"))
      } else {
        let fields = try author.entries("author", allowed: ["name", "role", "phone", "email"])
        guard let name = fields["name"] else { throw author.error("author needs a name:") }
        metadata.author = Author(
          name: try name.text("name"), role: try fields["role"]?.text("role"),
          phone: try fields["phone"]?.text("phone"),
          email: try fields["email"]?.text("email"))
      }
    }
    return metadata
  }

  /// "2026-04-21" (or any form `CalendarDate` reads), or "2026-06" for a month.
  static func date(_ node: YAMLNode, _ what: String) throws(BoardpackError) -> CalendarDate {
    let text = try node.text(what)
    let date = CalendarDate(iso: text) ?? CalendarDate(parsing: text)
    guard let date, date.isValid else {
      throw node.error("\(what) " + CalendarDate.notADate(text, write: "2026-04-21 or 2026-06"))
    }
    return date
  }
}
