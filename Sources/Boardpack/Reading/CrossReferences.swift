/// Fills in `Reference.shown` for a generated paper: "paragraph 12", "paragraphs 12 to 15",
/// "Table 2", "Appendix 1", "Figure 3", "row 34", "rows 34 to 36", or a heading's own text.
///
/// Tables and figures are numbered in reading order, labelled or not; paragraphs and appendices
/// by their own numbers; a table row by its key cell as printed. A label used twice, or a reference
/// to a label nothing carries, is an error. When a paper refers to a table by its number, every
/// table's caption prints its number ("Table 2: CSP allocations 2026-27"), so that a reader can
/// find it; so with figures. Papers that do not keep their house style of unnumbered captions.
public enum CrossReferences {
  /// What a label names.
  private enum Target {
    case paragraph(Int?)
    case table(Int)
    case figure(Int)
    case appendix(Int)
    case heading(String)
    /// A labelled table row: its key as printed, and the number of its table and its index there.
    case row(key: String, table: Int, index: Int)

    var noun: (one: String, many: String) {
      switch self {
      case .paragraph: ("paragraph", "paragraphs")
      case .table: ("Table", "Tables")
      case .figure: ("Figure", "Figures")
      case .appendix: ("Appendix", "Appendices")
      case .heading: ("section", "sections")
      case .row: ("row", "rows")
      }
    }

    /// What follows the noun: the number, or a row's key; nil for a heading or unnumbered paragraph.
    var number: String? {
      switch self {
      case .paragraph(let number): number.map(String.init)
      case .table(let number), .figure(let number), .appendix(let number): String(number)
      case .row(let key, _, _): key
      case .heading: nil
      }
    }

    /// Where the target stands among targets of its kind, for checking that a range runs forward;
    /// rows compare only within one table.
    var position: (group: Int, order: Int)? {
      switch self {
      case .paragraph(let number): number.map { (0, $0) }
      case .table(let number), .figure(let number), .appendix(let number): (0, number)
      case .row(_, let table, let index): (table, index)
      case .heading: nil
      }
    }
  }

  /// Resolves every reference in `document`; `sourceLine` gives the line shown under an error, when known.
  public static func resolve(
    in document: inout Document, sourceLine: (SourceLocation) -> String? = { _ in nil }
  ) throws(BoardpackError) {
    var collector = Collector()
    try collector.collect(document.blocks, sourceLine: sourceLine)
    let targets = collector.targets
    var numbered = CaptionNumbers()
    func shown(_ reference: Reference) throws(BoardpackError) -> String {
      let location = reference.location ?? SourceLocation(file: "")
      func target(_ label: Label) throws(BoardpackError) -> Target {
        guard let target = targets[label] else {
          throw BoardpackError(
            "no paragraph, table, figure, appendix or row has the label \"\(label)\"\(Suggestion.didYouMean(label.name, among: targets.keys.map(\.name).sorted()))",
            at: location,
            sourceLine: sourceLine(location))
        }
        return target
      }
      let first = try target(reference.target)
      numbered.note(first)
      guard let through = reference.through else {
        if case .heading(let text) = first { return text }
        guard let number = first.number else {
          throw BoardpackError(
            "\"\(reference.target)\" labels a paragraph without a number", at: location,
            sourceLine: sourceLine(location))
        }
        return "\(first.noun.one) \(number)"
      }
      let last = try target(through)
      guard first.noun == last.noun, let from = first.position, let to = last.position,
        from.group == to.group, from.order < to.order, let fromNumber = first.number,
        let toNumber = last.number
      else {
        throw BoardpackError(
          "the range \"\(reference.target)..\(through)\" must run forward between two numbered targets of the same kind",
          at: location, sourceLine: sourceLine(location))
      }
      return "\(first.noun.many) \(fromNumber) to \(toNumber)"
    }
    try document.blocks.rewriteReferences(shown)
    if numbered.tables || numbered.figures { numbered.number(&document.blocks) }
  }

  /// Which kinds of caption print their numbers: those of the kinds a reference names by number.
  private struct CaptionNumbers {
    var tables = false
    var figures = false
    private var counted = (tables: 0, figures: 0)

    mutating func note(_ target: Target) {
      switch target {
      case .table: tables = true
      case .figure: figures = true
      default: break
      }
    }

    /// Puts "Table N: " before each table's caption (or makes "Table N" its caption), and so with
    /// figures, counting in the reading order `Collector` numbers them in.
    mutating func number(_ blocks: inout [Block]) {
      func numbered(_ caption: [Inline], _ noun: String, _ number: Int) -> [Inline] {
        caption.isEmpty ? [.text("\(noun) \(number)")] : [.text("\(noun) \(number): ")] + caption
      }
      for index in blocks.indices {
        switch blocks[index] {
        case .paragraph(var paragraph):
          number(&paragraph.children)
          blocks[index] = .paragraph(paragraph)
        case .list(var list):
          for item in list.items.indices { number(&list.items[item].children) }
          blocks[index] = .list(list)
        case .quotation(var quoted):
          number(&quoted)
          blocks[index] = .quotation(quoted)
        case .table(var table):
          counted.tables += 1
          if tables { table.caption = numbered(table.caption, "Table", counted.tables) }
          blocks[index] = .table(table)
        case .figure(var figure):
          counted.figures += 1
          if figures { figure.caption = numbered(figure.caption, "Figure", counted.figures) }
          blocks[index] = .figure(figure)
        case .heading, .pageBreak:
          break
        }
      }
    }
  }

  /// Shows each reference with number fields as its word processor prints it: with its target
  /// paragraphs' current numbers, whatever text the file stored ("paragraphs 69 to 79" after a
  /// paragraph was inserted above 69 prints, and is read, as "paragraphs 70 to 80").
  static func showCurrentNumbers(in document: inout Document) {
    let numbers = document.blocks.paragraphNumbers
    document.blocks.rewriteReferences { reference in
      guard reference.hasNumberFields, let first = numbers[reference.target] else {
        return reference.shown
      }
      let words = reference.shown.prefix { !$0.isNumber }
      guard let through = reference.through else { return words + String(first) }
      return numbers[through].map { words + "\(first) to \($0)" } ?? reference.shown
    }
  }

  /// Gathers labels and numbers in reading order.
  private struct Collector {
    var targets: [Label: Target] = [:]
    var tables = 0
    var figures = 0

    mutating func collect(_ blocks: [Block], sourceLine: (SourceLocation) -> String?)
      throws(BoardpackError)
    {
      func add(_ label: Label?, _ target: Target, _ location: SourceLocation?)
        throws(BoardpackError)
      {
        guard let label else { return }
        guard targets[label] == nil else {
          let location = location ?? SourceLocation(file: "")
          throw BoardpackError(
            "the label \"\(label)\" is used more than once", at: location,
            sourceLine: sourceLine(location))
        }
        targets[label] = target
      }
      for block in blocks {
        switch block {
        case .heading(let heading):
          let target: Target =
            heading.appendix.map(Target.appendix) ?? .heading(heading.content.plainText)
          try add(heading.label, target, heading.location)
        case .paragraph(let paragraph):
          try add(paragraph.label, .paragraph(paragraph.number), paragraph.location)
          try collect(paragraph.children, sourceLine: sourceLine)
        case .list(let list):
          for item in list.items { try collect(item.children, sourceLine: sourceLine) }
        case .quotation(let blocks):
          try collect(blocks, sourceLine: sourceLine)
        case .table(let table):
          tables += 1
          try add(table.label, .table(tables), table.location)
          for (index, row) in table.rows.enumerated() {
            guard let label = row.label else { continue }
            try add(
              label, .row(key: row.key ?? label.name, table: tables, index: index), row.location)
          }
        case .figure(let figure):
          figures += 1
          try add(figure.label, .figure(figures), figure.location)
        case .pageBreak:
          break
        }
      }
    }
  }
}

extension [Block] {
  /// Replaces the shown text of every reference, wherever it sits.
  fileprivate mutating func rewriteReferences<Failure: Error>(
    _ shown: (Reference) throws(Failure) -> String
  ) throws(Failure) {
    for index in indices {
      switch self[index] {
      case .heading(var heading):
        try heading.content.rewriteReferences(shown)
        self[index] = .heading(heading)
      case .paragraph(var paragraph):
        try paragraph.content.rewriteReferences(shown)
        try paragraph.children.rewriteReferences(shown)
        self[index] = .paragraph(paragraph)
      case .list(var list):
        for item in list.items.indices {
          try list.items[item].content.rewriteReferences(shown)
          try list.items[item].children.rewriteReferences(shown)
        }
        self[index] = .list(list)
      case .quotation(var blocks):
        try blocks.rewriteReferences(shown)
        self[index] = .quotation(blocks)
      case .table(var table):
        try table.caption.rewriteReferences(shown)
        for row in table.rows.indices {
          for cell in table.rows[row].cells.indices {
            try table.rows[row].cells[cell].blocks.rewriteReferences(shown)
          }
        }
        self[index] = .table(table)
      case .figure(var figure):
        try figure.caption.rewriteReferences(shown)
        self[index] = .figure(figure)
      case .pageBreak:
        break
      }
    }
  }
}

extension [Inline] {
  fileprivate mutating func rewriteReferences<Failure: Error>(
    _ shown: (Reference) throws(Failure) -> String
  ) throws(Failure) {
    for index in indices {
      switch self[index] {
      case .reference(var reference):
        reference.shown = try shown(reference)
        self[index] = .reference(reference)
      case .strong(var content):
        try content.rewriteReferences(shown)
        self[index] = .strong(content)
      case .emphasis(var content):
        try content.rewriteReferences(shown)
        self[index] = .emphasis(content)
      case .link(let url, var content):
        try content.rewriteReferences(shown)
        self[index] = .link(url: url, content: content)
      case .text, .lineBreak:
        break
      }
    }
  }
}
