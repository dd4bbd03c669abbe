/// Recovers a paper's numbering from its printed text, for papers whose numbers are typed
/// rather than generated: a paragraph that starts "12." becomes numbered paragraph 12, runs of
/// items that start "a.", "(b)" or "(iv)" become lettered or roman lists keeping those markers,
/// and a lettered or roman list right after a numbered paragraph becomes that paragraph's child.
enum PrintedNumbering {
  static func assemble(_ blocks: [Block]) -> [Block] {
    var result: [Block] = []
    for block in blocks {
      switch block {
      case .paragraph(var paragraph) where paragraph.number == nil:
        let text = paragraph.content.plainText
        switch PrintedText.marker(in: text, previousLetter: lastLetter(in: result)) {
        case (.number(let number), let length)?:
          paragraph.number = number
          paragraph.content = PrintedText.dropping(length, from: paragraph.content)
          result.append(.paragraph(paragraph))
        case (.letter(let marker, _), let length)?:
          append(
            List(style: .letter, items: [item(paragraph, marker: marker, dropping: length)]),
            to: &result)
        case (.roman(let marker), let length)?:
          append(
            List(style: .roman, items: [item(paragraph, marker: marker, dropping: length)]),
            to: &result)
        default:
          result.append(block)
        }
      case .list(let list):
        append(markedList(list), to: &result)
      default:
        result.append(block)
      }
    }
    return result
  }

  /// A bullet list whose every item starts with a printed letter or roman marker is that kind of list.
  private static func markedList(_ list: List) -> List {
    guard list.style == .bullet, !list.items.isEmpty else { return list }
    var items: [ListItem] = []
    var style: List.Style?
    var previous: Character?
    for item in list.items {
      let text = item.content.plainText
      guard let (marker, length) = PrintedText.marker(in: text, previousLetter: previous) else {
        return list
      }
      let (printed, itemStyle): (String, List.Style)
      switch marker {
      case .number: return list
      case .letter(let token, let letter):
        (printed, itemStyle) = (token, .letter)
        previous = letter
      case .roman(let token): (printed, itemStyle) = (token, .roman)
      }
      guard style == nil || style == itemStyle else { return list }
      style = itemStyle
      items.append(
        ListItem(
          content: PrintedText.dropping(length, from: item.content),
          children: item.children,
          marker: printed, label: item.label))
    }
    return List(style: style ?? .bullet, items: items)
  }

  /// Adds `list` after `result`: a list with printed markers is merged into a preceding list of
  /// the same style, or made the child of a preceding numbered paragraph; bullets and generated
  /// lists (Boardpack's, whose place in the tree the file states) stay blocks of their own.
  private static func append(_ list: List, to result: inout [Block]) {
    guard list.style != .bullet, list.items.allSatisfy({ $0.marker != nil }) else {
      result.append(.list(list))
      return
    }
    switch result.last {
    case .list(var previous) where previous.style == list.style:
      previous.items += list.items
      result[result.count - 1] = .list(previous)
    case .paragraph(var paragraph) where paragraph.number != nil:
      if case .list(var previous) = paragraph.children.last, previous.style == list.style {
        previous.items += list.items
        paragraph.children[paragraph.children.count - 1] = .list(previous)
      } else {
        paragraph.children.append(.list(list))
      }
      result[result.count - 1] = .paragraph(paragraph)
    default:
      result.append(.list(list))
    }
  }

  /// A paragraph that starts with a printed marker, as a list item keeping the marker.
  private static func item(_ paragraph: Paragraph, marker: String, dropping count: Int) -> ListItem
  {
    ListItem(
      content: PrintedText.dropping(count, from: paragraph.content), children: paragraph.children,
      marker: marker,
      label: paragraph.label)
  }

  /// The letter of the last lettered item just before, so that "i." after "h." stays a letter.
  private static func lastLetter(in blocks: [Block]) -> Character? {
    var list: List?
    switch blocks.last {
    case .list(let last): list = last
    case .paragraph(let paragraph):
      if case .list(let last) = paragraph.children.last { list = last }
    default: break
    }
    guard let marker = list?.items.last?.marker, list?.style == .letter else { return nil }
    return marker.lowercased().first(where: \.isLetter)
  }
}
