extension Block {
  /// The labels this block carries itself (a list's items', a table's and its rows'), not those of
  /// blocks nested in it.
  var ownLabels: [Label] {
    switch self {
    case .heading(let heading): [heading.label].compactMap { $0 }
    case .paragraph(let paragraph): [paragraph.label].compactMap { $0 }
    case .list(let list): list.items.compactMap(\.label)
    case .table(let table): [table.label].compactMap { $0 } + table.rows.compactMap(\.label)
    case .figure(let figure): [figure.label].compactMap { $0 }
    case .quotation, .pageBreak: []
    }
  }
}

extension [Block] {
  /// Calls `body` for each block and, depth first in reading order, each block nested in it
  /// (paragraph children, list items, quotations, rich table cells).
  func forEachBlock(_ body: (Block) -> Void) {
    for block in self {
      body(block)
      switch block {
      case .paragraph(let paragraph): paragraph.children.forEachBlock(body)
      case .list(let list): list.items.forEach { $0.children.forEachBlock(body) }
      case .quotation(let blocks): blocks.forEachBlock(body)
      case .table(let table): table.rows.forEach { $0.cells.forEach { $0.blocks.forEachBlock(body) } }
      case .heading, .figure, .pageBreak: break
      }
    }
  }

  /// The number of every labelled numbered paragraph, however deep, as the paragraphs stand now.
  var paragraphNumbers: [Label: Int] {
    var numbers: [Label: Int] = [:]
    forEachBlock { block in
      if case .paragraph(let paragraph) = block, let label = paragraph.label,
        let number = paragraph.number
      {
        numbers[label] = number
      }
    }
    return numbers
  }
}
