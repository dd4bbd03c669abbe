import Foundation

extension Meeting {
  /// The keys of a meeting file and of each agenda item.
  static let keys: Set<String> = [
    "body", "date", "time", "venue", "contact", "membership", "notices", "items",
  ]
  static let itemKeys: Set<String> = ["number", "title", "presenter", "purpose", "paper", "exempt"]

  /// Reads the meeting file at `path`.
  public init(contentsOf path: String) throws(BoardpackError) {
    try self.init(yaml: try TextFile.read(path), path: path)
  }

  /// Reads a meeting file held in `text`, as if read from `path`; a paper is named relative to the
  /// meeting file's folder and must lie inside the folder above it (`Inputs/` for
  /// `Inputs/meetings/…`) or a folder `BOARDPACK_ALLOW_PATHS` names.
  public init(yaml text: String, path: String) throws(BoardpackError) {
    let root = try YAMLNode.compose(text, path: path)
    let entries = try root.entries("a meeting file", allowed: Meeting.keys)
    func required(_ key: String) throws(BoardpackError) -> YAMLNode {
      guard let node = entries[key] else {
        throw root.source.error("the meeting file has no \(key):", line: 1, column: 1)
      }
      return node
    }
    let dateNode = try required("date")
    let date = try PaperInput.date(dateNode, "date")
    guard date.day != nil else {
      throw dateNode.error("a meeting's date needs its day: write 2026-06-23")
    }
    self.init(body: try required("body").text("body"), date: date)
    time = try entries["time"]?.text("time")
    venue = try entries["venue"]?.text("venue")
    if let contact = entries["contact"] {
      let fields = try contact.entries("contact", allowed: ["name", "role", "phone", "email"])
      guard let name = fields["name"] else { throw contact.error("contact needs a name:") }
      self.contact = Author(
        name: try name.text("name"), role: try fields["role"]?.text("role"),
        phone: try fields["phone"]?.text("phone"), email: try fields["email"]?.text("email"))
    }
    for member in try entries["membership"]?.items("membership") ?? [] {
      membership.append(try member.text("a member"))
    }
    for notice in try entries["notices"]?.items("notices") ?? [] {
      notices.append(try InlineMarkup.parse(try notice.sourceText("a notice")))
    }
    let folder = (path as NSString).deletingLastPathComponent
    for node in try required("items").items("items") {
      items.append(try Meeting.item(node, number: items.count + 1, folder: folder))
    }
  }

  private static func item(_ node: YAMLNode, number: Int, folder: String) throws(BoardpackError)
    -> AgendaItem
  {
    let fields = try node.entries("an agenda item", allowed: itemKeys)
    if let given = fields["number"], try given.text("number") != String(number) {
      throw given.error(
        "item \(number) is numbered \(try given.text("number")); items are numbered 1, 2, 3… in order"
      )
    }
    guard let title = fields["title"] else {
      throw node.error("agenda item \(number) has no title:")
    }
    var item = AgendaItem(
      number: number, title: try title.sourceText("title").text,
      presenter: try fields["presenter"]?.text("presenter"),
      location: node.location)
    if let purpose = fields["purpose"] {
      item.purpose = try InlineMarkup.parse(try purpose.sourceText("purpose"))
    }
    if let paper = fields["paper"] {
      let name = try paper.sourceText("paper").text
      let path = InputPaths.resolved(folder.isEmpty ? name : folder + "/" + name)
      let home = (folder as NSString).deletingLastPathComponent
      try InputPaths.check(path, inside: home, "the paper", at: paper.origin)
      guard FileManager.default.fileExists(atPath: path) else {
        // A near name in the folder the path names, as the meeting file would write it.
        let written = name as NSString
        let present = (try? FileManager.default.contentsOfDirectory(
          atPath: (path as NSString).deletingLastPathComponent)) ?? []
        let suggestion = Suggestion.nearest(to: written.lastPathComponent, among: present).map {
          let near = (written.deletingLastPathComponent as NSString).appendingPathComponent($0)
          return " (did you mean \"\(near)\"?)"
        }
        throw paper.error(
          "no paper at \"\(path)\"\(suggestion ?? ""); the path is relative to the meeting file")
      }
      let fileExtension = (name as NSString).pathExtension.lowercased()
      if fileExtension == "yaml" || fileExtension == "yml" {
        item.paper = .input(path)
      } else if (PaperFile.extensions + PaperFile.convertedExtensions).contains(fileExtension) {
        item.paper = .file(path)
      } else {
        throw paper.error(
          "a paper is a paper input (.yaml) or a finished paper (.\(PaperFile.extensions.joined(separator: ", ."))); not .\(fileExtension)"
        )
      }
    }
    if let exempt = fields["exempt"] {
      let text = try exempt.text("exempt")
      guard let paragraph = Int(text), (1...7).contains(paragraph) else {
        throw exempt.error(
          "exempt: \"\(text)\" is not a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972; write its number, 1 to 7"
        )
      }
      guard item.paper != nil else {
        throw exempt.error("item \(number) is exempt but has no paper:")
      }
      item.exemptParagraph = paragraph
    }
    return item
  }
}
