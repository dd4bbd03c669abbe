import Foundation

/// A paper skeleton (`Templates/<id>.yaml`, FORMATS.md §3): the frame of a kind of paper, with
/// named slots that each input fills. Parsed once, bound to many inputs by `PaperBuilder`.
public struct Skeleton: Sendable, Equatable {
  public let id: String
  public let name: String
  public let description: String
  public let letterhead: [String]
  public let titleBlock: [TitleField]
  /// The slots in the order the skeleton declares them.
  public let slots: [Slot]
  /// The frame, in order: boilerplate blocks and `slot:` placeholders.
  let body: [BlockSpec]
  /// Where the skeleton was read from.
  public let path: String
  /// `tables: {orientation:, text-size:}`: how every table of its papers is set unless the table
  /// says otherwise; empty leaves it to the rule for wide tables.
  public let tableFit: TableFit

  /// A named place in a skeleton that an input fills.
  public struct Slot: Sendable, Equatable {
    /// Text slots go into boilerplate through `{slot:name}`; blocks slots take a list of blocks.
    public enum Kind: String, Sendable, Equatable { case text, blocks }

    public let name: String
    public let kind: Kind
    public let isRequired: Bool
    /// What to put there, for `boardpack templates`.
    public let help: String

    public init(name: String, kind: Kind, isRequired: Bool, help: String) {
      self.name = name
      self.kind = kind
      self.isRequired = isRequired
      self.help = help
    }
  }

  /// Parses the skeleton in `text`, read from `path`.
  public init(yaml text: String, path: String) throws(BoardpackError) {
    let root = try YAMLNode.compose(text, path: path)
    let entries = try root.entries(
      "a skeleton",
      allowed: ["id", "name", "description", "letterhead", "title-block", "slots", "body", "tables"])
    func required(_ key: String) throws(BoardpackError) -> YAMLNode {
      guard let node = entries[key] else { throw root.error("the skeleton has no \(key):") }
      return node
    }
    id = try required("id").text("id")
    name = try required("name").text("name")
    description = try entries["description"]?.text("description") ?? ""
    var letterhead: [String] = []
    for line in try entries["letterhead"]?.items("letterhead") ?? [] {
      letterhead.append(try line.text("a letterhead line"))
    }
    self.letterhead = letterhead
    var titleBlock: [TitleField] = []
    for field in try entries["title-block"]?.items("title-block") ?? [] {
      let raw = try field.text("a title-block field")
      guard let parsed = TitleField(rawValue: raw) else {
        throw field.error(
          "unknown title-block field \"\(raw)\"; expected \(TitleField.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      titleBlock.append(parsed)
    }
    self.titleBlock = titleBlock
    var slots: [Slot] = []
    for entry in try entries["slots"]?.entries("slots") ?? [] {
      let fields = try entry.value.entries("a slot", allowed: ["kind", "required", "help"])
      let kindName = try fields["kind"]?.text("kind") ?? "blocks"
      guard let kind = Slot.Kind(rawValue: kindName) else {
        throw fields["kind"]!.error("unknown slot kind \"\(kindName)\"; expected text or blocks")
      }
      let requiredText = try fields["required"]?.text("required") ?? "false"
      guard let isRequired = Bool(requiredText) else {
        throw fields["required"]!.error("required must be true or false")
      }
      slots.append(
        Slot(
          name: entry.name, kind: kind, isRequired: isRequired,
          help: try fields["help"]?.text("help") ?? ""))
    }
    self.slots = slots
    if let node = entries["tables"] {
      let fields = try node.entries("tables", allowed: ["orientation", "text-size"])
      tableFit = try TableFit(orientation: fields["orientation"], textSize: fields["text-size"])
    } else {
      tableFit = TableFit()
    }
    body = try BlockSpec.blocks(
      try required("body"), directory: (path as NSString).deletingLastPathComponent,
      allowingSlots: true)
    self.path = path
    for case .slot(let name, let origin) in body where slot(named: name)?.kind != .blocks {
      throw origin.error("\"slot: \(name)\" names no blocks slot declared under slots:")
    }
  }

  /// The slot called `name`, if the skeleton declares one.
  public func slot(named name: String) -> Slot? { slots.first { $0.name == name } }
}
