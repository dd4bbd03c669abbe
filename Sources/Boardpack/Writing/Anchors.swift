/// Hands out the anchor names of one rendering: a label's name for its first holder, and fresh
/// names ("p12", "Table 3") that no label of the document uses, so every anchor is unique.
///
/// Names contain no whitespace, so one name serves as an XHTML `id` and an ODF bookmark.
struct Anchors {
  private let blocks: [Block]
  /// The names of the document's labels, gathered when a name is first generated.
  private var labels: Set<String>?
  private var issued: Set<String> = []

  init(_ document: Document) {
    blocks = document.blocks
  }

  /// The name a reference to `label` links to.
  static func name(of label: Label) -> String {
    let name = String(label.name.map { $0.isWhitespace ? "-" : $0 })
    return name.isEmpty ? "_" : name
  }

  /// The anchor of the node carrying `label`; a label given twice gets a suffixed name the second time.
  mutating func anchor(for label: Label) -> String {
    unique(Anchors.name(of: label), avoiding: [])
  }

  /// A fresh anchor built from `base` for a node without a label.
  mutating func anchor(generatedFrom base: String) -> String {
    if labels == nil { labels = Anchors.labels(in: blocks) }
    return unique(base, avoiding: labels!)
  }

  private static func labels(in blocks: [Block]) -> Set<String> {
    var labels: Set<String> = []
    func insert(_ label: Label?) {
      if let label { labels.insert(Anchors.name(of: label)) }
    }
    blocks.forEachBlock { block in
      switch block {
      case .heading(let heading): insert(heading.label)
      case .paragraph(let paragraph): insert(paragraph.label)
      case .list(let list): list.items.forEach { insert($0.label) }
      case .table(let table):
        insert(table.label)
        table.rows.forEach { insert($0.label) }
      case .figure(let figure): insert(figure.label)
      case .quotation, .pageBreak: break
      }
    }
    return labels
  }

  private mutating func unique(_ base: String, avoiding reserved: Set<String>) -> String {
    var candidate = base
    var suffix = 1
    while issued.contains(candidate) || reserved.contains(candidate) {
      suffix += 1
      candidate = "\(base)-\(suffix)"
    }
    issued.insert(candidate)
    return candidate
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
}
