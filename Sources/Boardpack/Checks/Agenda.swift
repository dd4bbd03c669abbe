/// A meeting's agenda as the checks across papers know it: each item's number and title, from the
/// meeting file or from the agenda a pack file prints.
public struct Agenda: Sendable, Equatable {
  /// One item: "10", "Police and Crime Commissioner's Update Report".
  public struct Item: Sendable, Equatable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
      self.number = number
      self.title = title
    }
  }

  public var items: [Item]

  public init(items: [Item]) { self.items = items }

  /// The agenda of `meeting`.
  public init(_ meeting: Meeting) {
    items = meeting.items.map { Item(number: $0.number, title: $0.title) }
  }

  /// The item numbered `number`, if the agenda has one.
  func item(_ number: Int) -> Item? { items.first { $0.number == number } }

  /// The agenda `report` prints: the numbered paragraphs after its "Agenda" heading, their page
  /// ranges or links ("(Pages 27 - 60)", "(the report)") left off; nil when it prints none.
  static func printed(in report: Report) -> Agenda? {
    guard
      let heading = report.blocks.firstIndex(where: {
        if case .heading(let heading) = $0 {
          heading.content.plainText.trimmedOfWhiteSpace.lowercased() == "agenda"
        } else {
          false
        }
      })
    else { return nil }
    var items: [Item] = []
    for case .paragraph(let paragraph) in report.blocks[heading...] {
      guard let number = paragraph.number else { continue }
      var title = paragraph.content.plainText.trimmedOfWhiteSpace
      if title.hasSuffix(")"), let open = title.lastIndex(of: "(") {
        title = String(title[..<open]).trimmedOfWhiteSpace
      }
      items.append(Item(number: number, title: title))
    }
    return items.count >= 2 ? Agenda(items: items) : nil
  }

  /// The item a report of a pack file opens with its heading ("Agenda Item 10"), if any.
  static func openingItem(of report: Report) -> Int? {
    report.blocks.prefix(2).lazy.compactMap(\.agendaItem).first
  }

  /// The item that `text`, a pack's line opening a paper, names: 10 for "Agenda Item 10".
  static func item(headedBy text: String) -> Int? {
    let words = text.trimmedOfWhiteSpace.split(separator: " ")
    guard words.count == 3, words[0].lowercased() == "agenda", words[1].lowercased() == "item"
    else { return nil }
    return Int(words[2])
  }
}

extension Block {
  /// The agenda item a pack's line opening a paper names (10 for "Agenda Item 10"), when the block
  /// is such a paragraph or heading; its text is built only when its first run is short and starts
  /// "Agenda", so that every block of a paper can be asked cheaply.
  var agendaItem: Int? {
    let content: [Inline]
    switch self {
    case .paragraph(let paragraph): content = paragraph.content
    case .heading(let heading): content = heading.content
    default: return nil
    }
    guard case .text(let first)? = content.first, first.utf8.count <= 20,
      first.lowercased().hasPrefix("agenda")
    else { return nil }
    return Agenda.item(headedBy: content.plainText)
  }
}
