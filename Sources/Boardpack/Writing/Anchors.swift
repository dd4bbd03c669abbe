/// Hands out the anchor names of one rendering: a label's name for its first holder, and fresh
/// names ("p12", "Table 3") that no label of the document uses, so every anchor is unique.
///
/// Names contain no whitespace, so one name serves as an XHTML `id` and an ODF bookmark. In a
/// pack every paper's names start with a prefix of its own ("item10-"), so papers never share one.
struct Anchors {
  private let blocks: [Block]
  private let prefix: String
  /// The names of the document's labels, gathered when a name is first generated.
  private var labels: Set<String>?
  private var issued: Set<String> = []

  init(_ document: Document, prefix: String = "") {
    blocks = document.blocks
    self.prefix = prefix
  }

  /// The name a reference to `label` links to.
  func name(of label: Label) -> String {
    let name = String(label.name.map { $0.isWhitespace ? "-" : $0 })
    return prefix + (name.isEmpty ? "_" : name)
  }

  /// The anchor of the node carrying `label`; a label given twice gets a suffixed name the second time.
  mutating func anchor(for label: Label) -> String {
    unique(name(of: label), avoiding: [])
  }

  /// A fresh anchor built from `base` for a node without a label.
  mutating func anchor(generatedFrom base: String) -> String {
    if labels == nil { labels = labels(in: blocks) }
    return unique(prefix + base, avoiding: labels!)
  }

  private func labels(in blocks: [Block]) -> Set<String> {
    var labels: Set<String> = []
    blocks.forEachBlock { block in
      for label in block.ownLabels { labels.insert(name(of: label)) }
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
