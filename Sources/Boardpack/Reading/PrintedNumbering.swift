/// Recovers a paper's numbering from its printed text, for papers whose numbers are typed
/// rather than generated: a paragraph that starts "12." becomes numbered paragraph 12, runs of
/// items that start "a.", "(b)" or "(iv)" become lettered or roman lists keeping those markers,
/// and a lettered or roman list right after a numbered paragraph becomes that paragraph's child.
///
/// A numbered note or section heading typed as a paragraph ("3. Investments in subsidiaries",
/// "(b) Credit risk") becomes a heading, marker and all: see `isHeading(_:before:)`.
enum PrintedNumbering {
  static func assemble(_ blocks: [Block]) -> [Block] {
    var result: [Block] = []
    // The level of the paper's own last heading: typed headings go one below it.
    var outline = 0
    for (index, block) in blocks.enumerated() {
      if case .heading(let heading) = block { outline = heading.level }
      switch block {
      case .paragraph(var paragraph) where paragraph.number == nil:
        let text = paragraph.content.plainText
        let marker = PrintedText.marker(in: text, previousLetter: lastLetter(in: result))
        if let (_, length) = marker,
          isHeading(text.dropFirst(length), before: blocks[(index + 1)...])
        {
          result.append(
            .heading(
              Heading(
                level: min(outline + 1, 6), content: paragraph.content,
                label: paragraph.label, location: paragraph.location)))
          continue
        }
        switch marker {
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

  /// Whether a line after a printed marker is a heading: a short title with no sentence in it
  /// ("Investments in subsidiaries", "INTANGIBLE ASSETS", "Deferred income taxes:"), followed,
  /// after any further headings, by an ordinary paragraph rather than by the next item.
  private static func isHeading(_ title: Substring, before following: ArraySlice<Block>) -> Bool {
    guard isTitle(title) else { return false }
    for block in following {
      switch block {
      case .heading: continue
      case .paragraph(let paragraph) where paragraph.number == nil:
        let text = paragraph.content.plainText
        let marker = PrintedText.marker(in: text)
        if isTitle(text.dropFirst(marker?.length ?? 0)) { continue }
        return marker == nil && isProse(text)
      default: return false
      }
    }
    return false
  }

  /// Words that make a line a sentence rather than a title.
  private static let verbs: Set<Substring> = [
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "should", "must", "can",
    "may", "shall",
  ]

  /// First words of a sentence, not of a title: "This strategy states that:".
  private static let sentenceOpenings: Set<Substring> = [
    "this", "that", "these", "those", "there", "it", "its", "we", "our", "i", "my", "they",
    "their", "he", "she", "his", "her", "you", "your", "if", "when", "where", "while", "as",
  ]

  /// Last words of a lead-in, not of a title: "… as set out below in", "… states that:".
  private static let leadInEndings: Set<Substring> = [
    "that", "which", "to", "the", "a", "an", "of", "and", "or", "with", "by", "for", "as", "in",
    "on", "at", "from", "is", "are",
  ]

  /// A title: at most eight words, no sentence break, not ending with a full stop or comma, and
  /// capitalised as titles are: in capitals ("INTANGIBLE ASSETS"), every longer word capitalised
  /// ("Disaggregation of Revenue"), or a few words after a capital ("Investments in
  /// subsidiaries"); never opening or closing as a sentence does, nor with a common verb in it.
  private static func isTitle(_ text: Substring) -> Bool {
    // Most lines are sentences, too long to be titles: they are passed over before being split.
    guard text.utf8.count <= 280, text.count <= 70 else { return false }
    let words = text.split(separator: " ")
    guard (1...8).contains(words.count), text.first?.isUppercase == true,
      let last = text.last, !".,;".contains(last),
      !text.contains(". "), !text.contains("; ")
    else { return false }
    let lower = words.map { Substring($0.lowercased().filter(\.isLetter)) }
    guard !sentenceOpenings.contains(lower[0]), !leadInEndings.contains(lower[lower.count - 1]),
      !lower.contains(where: verbs.contains)
    else { return false }
    let capitals = !text.contains(where: \.isLowercase)
    let titleCase = words.allSatisfy { $0.count < 4 || $0.first?.isLowercase != true }
    return capitals || titleCase || words.count <= 4
  }

  /// A paragraph of running text: a new sentence of four words or more that ends as sentences do.
  private static func isProse(_ text: String) -> Bool {
    guard text.first?.isUppercase == true, let last = text.last else { return false }
    return text.split(separator: " ").count >= 4 && ".:;!?)".contains(last)
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
