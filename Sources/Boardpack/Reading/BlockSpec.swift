import Foundation

/// A block as written in a skeleton's body or an input's blocks slot (FORMATS.md §1), before binding:
/// its text is raw, so a skeleton can be parsed once and filled with many inputs.
indirect enum BlockSpec: Sendable, Equatable {
  case heading(SourceText, level: Int, label: Label?)
  case appendix(SourceText, number: Int?, label: Label?)
  /// A bare string or `p:` is numbered; `text:` is not.
  case paragraph(SourceText, numbering: Numbering, label: Label?, style: String?, children: [ListSpec])
  case list(ListSpec)
  case quotation([SourceText])
  case table(TableSpec)
  case figure(FigureSpec)
  case pageBreak
  /// `slot: name` in a skeleton's body: where the input's blocks go.
  case slot(String, Origin)
}

/// How a paragraph is numbered: not at all, next in the paper's sequence, or as the number given
/// (`number: 64`, minutes that run on from the last meeting's), the paragraphs after it counting on.
enum Numbering: Sendable, Equatable {
  case none, next
  case from(Int)
}

/// A bulleted, lettered, roman or names list before binding.
struct ListSpec: Sendable, Equatable {
  let style: List.Style
  let items: [Item]

  /// A list item and the lists under it.
  struct Item: Sendable, Equatable {
    let text: SourceText
    let children: [ListSpec]
  }
}

/// A figure before binding; its alt text is checked when read.
struct FigureSpec: Sendable, Equatable {
  let kind: Figure.Kind
  let altText: String
  let caption: SourceText?
  /// `src:` as written.
  let source: String?
  /// `src:` joined to the folder of the YAML file that names it, and where it was written.
  let sourcePath: String?
  let sourceOrigin: Origin?
  let chart: ChartSpec?
  let label: Label?
  let origin: Origin
}

/// `chart:` of a figure: what to draw, from which table of the paper (by label) or CSV file.
struct ChartSpec: Sendable, Equatable {
  let kind: Chart.Kind
  /// The label of a table in the paper.
  let table: Label?
  /// A CSV file's path, joined to the YAML file's folder.
  let csv: String?
  /// The column whose cells name the categories; the first column when nil.
  let categories: String?
  /// The columns drawn, one series each; every figure column the input gives when empty.
  let series: [String]
  /// `rows: series`: each row is a series and each column a category.
  let seriesByRow: Bool
  let origin: Origin
}

/// A table before its CSV is read: where the CSV is and what to compute.
struct TableSpec: Sendable, Equatable {
  /// The CSV's path, already joined to the directory of the YAML file that names it.
  let path: String
  let label: Label?
  let caption: SourceText?
  /// Declared column types by header, with where each was declared.
  let types: [DeclaredType]
  let totalRow: Bool
  let totalColumn: TotalColumn?
  let derived: [Derived]
  /// `row-labels: COLUMN`: each body row is labelled from its cell in that column (FORMATS.md §7.5).
  let rowLabels: RowLabels?
  /// `blank: [n/a, tbc]`: texts that stand in figure columns for a figure not given, printed as written.
  let blank: [String]
  /// `orientation:` and `text-size:`, which override the rule for wide tables.
  var fit = TableFit()
  let origin: Origin

  /// `row-labels: Serial No`.
  struct RowLabels: Sendable, Equatable {
    let column: String
    let origin: Origin
  }

  /// `total-column: {column: Total, of: [A, B]}`.
  struct TotalColumn: Sendable, Equatable {
    let column: String
    let of: [String]
    let origin: Origin
  }

  /// One entry of `derive:`.
  struct Derived: Sendable, Equatable {
    enum Rule: Sendable, Equatable {
      case difference(minuend: String, subtrahend: String)
      case percentChange(new: String, old: String)
      case pointChange(new: String, old: String)
      case share(part: String)
      /// A `DashboardRule` arrow: `direction: {baseline:, latest:}`.
      case direction(baseline: String, latest: String)
      /// A `DashboardRule` rating: `rag: {target:, baseline:, latest:}`.
      case rag(target: String, baseline: String, latest: String)

      /// The columns the rule reads, in the order its relation names them.
      var sources: [String] {
        switch self {
        case .difference(let a, let b), .percentChange(let a, let b), .pointChange(let a, let b),
          .direction(let a, let b):
          [a, b]
        case .share(let part): [part]
        case .rag(let target, let baseline, let latest): [target, baseline, latest]
        }
      }
    }

    let column: String
    let rule: Rule
    let origin: Origin
  }

  /// One entry of `types:`.
  struct DeclaredType: Sendable, Equatable {
    let header: String
    let type: ValueType
    let origin: Origin
  }
}

extension BlockSpec {
  /// The blocks of a YAML list; `directory` is where relative table paths start; `slot:` entries only when `allowingSlots`.
  static func blocks(_ node: YAMLNode, directory: String, allowingSlots: Bool)
    throws(BoardpackError) -> [BlockSpec]
  {
    var result: [BlockSpec] = []
    for item in try node.items(allowingSlots ? "body" : "a blocks slot") {
      result.append(try block(item, directory: directory, allowingSlots: allowingSlots))
    }
    return result
  }

  private static let kinds = [
    "heading", "appendix", "p", "text", "bullets", "letters", "clauses", "romans", "names", "quote", "table", "figure",
    "page-break", "slot",
  ]
  private static let extraKeys: [String: Set<String>] = [
    "heading": ["label", "level"], "appendix": ["label", "number"],
    "p": ["label", "style", "items", "clauses", "bullets", "number"],
    "text": ["label", "style", "items", "clauses", "bullets"],
    "table": [
      "label", "caption", "types", "total", "total-column", "derive", "row-labels", "blank",
      "orientation", "text-size",
    ],
    "figure": ["alt", "caption", "src", "label", "chart"],
  ]

  private static func block(_ node: YAMLNode, directory: String, allowingSlots: Bool)
    throws(BoardpackError) -> BlockSpec
  {
    if node.isText {
      return .paragraph(
        try node.sourceText("a paragraph"), numbering: .next, label: nil, style: nil, children: [])
    }
    guard node.node.mapping != nil else {
      throw node.error("a block must be text or a mapping such as {heading: …}")
    }
    let all = try node.entries("a block")
    let allowedKinds = allowingSlots ? kinds : kinds.filter { $0 != "slot" }
    guard let main = all.first(where: { allowedKinds.contains($0.name) }) else {
      let guess = all.first.map { Suggestion.didYouMean($0.name, among: allowedKinds) } ?? ""
      if guess.isEmpty, let text = textWithColon(all) { throw node.error(text) }
      throw node.error("a block needs one of: \(allowedKinds.joined(separator: ", "))\(guess)")
    }
    let entries = try node.entries(
      "a \(main.name) block", allowed: (extraKeys[main.name] ?? []).union([main.name]))
    let value = main.value
    let label = try entries["label"].map { n throws(BoardpackError) in Label(try n.text("label")) }
    switch main.name {
    case "heading":
      let level =
        try entries["level"].map { n throws(BoardpackError) in try integer(n, "level", in: 1...4) }
        ?? 1
      return .heading(try value.sourceText("a heading"), level: level, label: label)
    case "appendix":
      let number = try entries["number"].map { n throws(BoardpackError) in
        try integer(n, "number", in: 1...99)
      }
      return .appendix(try value.sourceText("an appendix heading"), number: number, label: label)
    case "p", "text":
      var children: [ListSpec] = []
      if let items = entries["items"] { children.append(try list(items, style: .letter)) }
      if let clauses = entries["clauses"] { children.append(try list(clauses, style: .clause)) }
      if let bullets = entries["bullets"] { children.append(try list(bullets, style: .bullet)) }
      let style = try entries["style"].map { n throws(BoardpackError) in try n.text("style") }
      let numbering: Numbering =
        if let number = entries["number"] {
          .from(try integer(number, "number", in: 1...99_999))
        } else {
          main.name == "p" ? .next : .none
        }
      return .paragraph(
        try value.sourceText("a paragraph"), numbering: numbering, label: label, style: style,
        children: children)
    case "bullets": return .list(try list(value, style: .bullet))
    case "letters": return .list(try list(value, style: .letter))
    case "clauses": return .list(try list(value, style: .clause))
    case "romans": return .list(try list(value, style: .roman))
    case "names": return .list(try list(value, style: .names))
    case "quote":
      var paragraphs: [SourceText] = []
      for item in try value.items("quote") {
        paragraphs.append(try item.sourceText("a quoted paragraph"))
      }
      return .quotation(paragraphs)
    case "table":
      return .table(
        try table(value, entries, label: label, directory: directory, origin: node.origin))
    case "figure":
      return .figure(try figure(value, entries, label: label, directory: directory, origin: node.origin))
    case "page-break": return .pageBreak
    default: return .slot(try value.text("slot"), value.origin)
    }
  }

  /// The error for text that YAML read as a mapping because it holds ": " (`- Note: the figures
  /// are provisional.`): one entry whose key and value are both text; nil for anything else.
  private static func textWithColon(_ entries: [YAMLNode.Entry]) -> String? {
    guard entries.count == 1, let entry = entries.first, entry.value.isText,
      let value = try? entry.value.text("text")
    else { return nil }
    return
      "text containing \": \" must be quoted, else YAML reads it as a key (\"\(entry.name)\") and its value; write \"\(entry.name): \(value)\""
  }

  private static func integer(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int>)
    throws(BoardpackError) -> Int
  {
    guard let number = Int(try node.text(what)), range.contains(number) else {
      throw node.error(
        "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  private static func list(_ node: YAMLNode, style: List.Style) throws(BoardpackError) -> ListSpec {
    var items: [ListSpec.Item] = []
    for item in try node.items("a list") {
      if item.isText {
        items.append(ListSpec.Item(text: try item.sourceText("a list item"), children: []))
        continue
      }
      let allowed: Set = ["text", "bullets", "letters", "clauses", "romans"]
      let all = try item.entries("a list item")
      if !all.contains(where: { allowed.contains($0.name) }), let text = textWithColon(all) {
        throw item.error(text)
      }
      let entries = try item.entries("a list item", allowed: allowed)
      guard let text = entries["text"] else { throw item.error("a list item needs text") }
      var children: [ListSpec] = []
      for (key, style) in [
        ("bullets", List.Style.bullet), ("letters", .letter), ("clauses", .clause), ("romans", .roman),
      ] {
        if let nested = entries[key] { children.append(try list(nested, style: style)) }
      }
      items.append(ListSpec.Item(text: try text.sourceText("a list item"), children: children))
    }
    return ListSpec(style: style, items: items)
  }

  private static func figure(
    _ value: YAMLNode, _ entries: [YAMLNode.Entry], label: Label?, directory: String, origin: Origin
  ) throws(BoardpackError) -> FigureSpec {
    let kindName = try value.text("figure")
    guard let kind = Figure.Kind(rawValue: kindName) else {
      throw value.error(
        "unknown figure kind \"\(kindName)\"; expected map, chart, diagram or image")
    }
    let alt = try entries["alt"].map { n throws(BoardpackError) in try n.text("alt") } ?? ""
    guard !alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw origin.error(
        "a figure needs alt text (alt:) describing it for readers who cannot see it")
    }
    let source = try entries["src"].map { n throws(BoardpackError) in try n.text("src") }
    let chart = try entries["chart"].map { node throws(BoardpackError) in try chartSpec(node, directory: directory) }
    if chart != nil, let node = entries["src"] {
      throw node.error("a figure is drawn from its chart: or shows its src: image, not both")
    }
    return FigureSpec(
      kind: kind, altText: alt,
      caption: try entries["caption"].map { n throws(BoardpackError) in try n.sourceText("caption")
      },
      source: source,
      sourcePath: source.map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) },
      sourceOrigin: entries["src"]?.origin, chart: chart, label: label, origin: origin)
  }

  /// `chart: {type: bar, table: LABEL | csv: FILE, categories: COLUMN, series: [COLUMN, …], rows: series}`.
  private static func chartSpec(_ node: YAMLNode, directory: String) throws(BoardpackError) -> ChartSpec {
    let fields = try node.entries(
      "chart", allowed: ["type", "table", "csv", "categories", "series", "rows"])
    let typeName = try fields["type"]?.text("type") ?? "bar"
    guard let kind = Chart.Kind(rawValue: typeName) else {
      throw (fields["type"] ?? node).error(
        "unknown chart type \"\(typeName)\"; expected \(Chart.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let table = try fields["table"].map { n throws(BoardpackError) in Label(try n.text("table")) }
    let csv = try fields["csv"].map { n throws(BoardpackError) in try n.text("csv") }
    guard (table == nil) != (csv == nil) else {
      throw node.error("a chart takes its figures from a table of the paper (table: LABEL) or a CSV file (csv: FILE)")
    }
    var series: [String] = []
    if let list = fields["series"] {
      for item in list.isText ? [list] : try list.items("series") { series.append(try item.text("a column")) }
    }
    var byRow = false
    if let rows = fields["rows"] {
      guard try rows.text("rows") == "series" else { throw rows.error("rows: takes only \"series\"") }
      byRow = true
    }
    return ChartSpec(
      kind: kind, table: table,
      csv: csv.map { $0.hasPrefix("/") ? $0 : (directory as NSString).appendingPathComponent($0) },
      categories: try fields["categories"]?.text("categories"), series: series, seriesByRow: byRow,
      origin: node.origin)
  }

  private static func table(
    _ value: YAMLNode, _ entries: [YAMLNode.Entry], label: Label?, directory: String, origin: Origin
  ) throws(BoardpackError) -> TableSpec {
    var types: [TableSpec.DeclaredType] = []
    for entry in try entries["types"]?.entries("types") ?? [] {
      let name = try entry.value.text("a column type")
      guard let type = ValueType(rawValue: name) else {
        throw entry.value.error(
          "unknown column type \"\(name)\"; expected \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      types.append(TableSpec.DeclaredType(header: entry.name, type: type, origin: entry.key.origin))
    }
    var totalRow = false
    if let total = entries["total"] {
      guard try total.text("total") == "row" else { throw total.error("total must be \"row\"") }
      totalRow = true
    }
    var totalColumn: TableSpec.TotalColumn?
    if let node = entries["total-column"] {
      let fields = try node.entries("total-column", allowed: ["column", "of"])
      guard let column = fields["column"], let of = fields["of"] else {
        throw node.error("total-column needs column: and of:")
      }
      var sources: [String] = []
      for item in try of.items("of") { sources.append(try item.text("a column")) }
      totalColumn = TableSpec.TotalColumn(
        column: try column.text("column"), of: sources, origin: node.origin)
    }
    var derived: [TableSpec.Derived] = []
    for item in try entries["derive"]?.items("derive") ?? [] {
      derived.append(try derivation(item))
    }
    let rowLabels = try entries["row-labels"].map { node throws(BoardpackError) in
      TableSpec.RowLabels(column: try node.text("row-labels"), origin: node.origin)
    }
    var blank: [String] = []
    if let node = entries["blank"] {
      for item in node.isText ? [node] : try node.items("blank") {
        blank.append(try item.sourceText("a blank: placeholder").text)
      }
    }
    let fit = try TableFit(orientation: entries["orientation"], textSize: entries["text-size"])
    let path = try value.text("table")
    return TableSpec(
      path: path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path),
      label: label,
      caption: try entries["caption"].map { n throws(BoardpackError) in try n.sourceText("caption")
      }, types: types,
      totalRow: totalRow, totalColumn: totalColumn, derived: derived, rowLabels: rowLabels,
      blank: blank, fit: fit,
      origin: origin)
  }

  private static func derivation(_ node: YAMLNode) throws(BoardpackError) -> TableSpec.Derived {
    let rules = ["difference", "percent-change", "point-change", "share", "direction", "rag"]
    let entries = try node.entries("a derived column", allowed: Set(rules + ["column"]))
    guard let column = entries["column"],
      let rule = entries.first(where: { rules.contains($0.name) }), entries.count == 2
    else {
      throw node.error("a derived column needs column: and one of \(rules.joined(separator: ", "))")
    }
    /// The rule's columns, given as a list in `names`' order or as a mapping keyed by `names`.
    func operands(_ names: String...) throws(BoardpackError) -> [String] {
      var nodes: [YAMLNode] = []
      if rule.value.node.sequence != nil {
        nodes = try rule.value.items(rule.name)
        guard nodes.count == names.count else {
          throw rule.value.error(
            "\(rule.name) needs \(names.count) columns: [\(names.joined(separator: ", "))]")
        }
      } else {
        let fields = try rule.value.entries(rule.name, allowed: Set(names))
        for name in names {
          guard let field = fields[name] else {
            throw rule.value.error(
              "\(rule.name) needs \(names.map { $0 + ":" }.joined(separator: " and "))")
          }
          nodes.append(field)
        }
      }
      return try nodes.map { node throws(BoardpackError) in try node.text("a column") }
    }
    let parsed: TableSpec.Derived.Rule
    switch rule.name {
    case "difference":
      let columns = try operands("minuend", "subtrahend")
      parsed = .difference(minuend: columns[0], subtrahend: columns[1])
    case "percent-change":
      let columns = try operands("new", "old")
      parsed = .percentChange(new: columns[0], old: columns[1])
    case "point-change":
      let columns = try operands("new", "old")
      parsed = .pointChange(new: columns[0], old: columns[1])
    case "direction":
      let columns = try operands("baseline", "latest")
      parsed = .direction(baseline: columns[0], latest: columns[1])
    case "rag":
      let columns = try operands("target", "baseline", "latest")
      parsed = .rag(target: columns[0], baseline: columns[1], latest: columns[2])
    default:
      parsed = .share(part: try rule.value.text("share"))
    }
    return TableSpec.Derived(column: try column.text("column"), rule: parsed, origin: node.origin)
  }
}

extension TableFit {
  /// `orientation:` and `text-size:` as written for a table, or for every table under a skeleton's
  /// `tables:`; a key left out leaves the choice to the rule for wide tables.
  init(orientation: YAMLNode?, textSize: YAMLNode?) throws(BoardpackError) {
    self.init()
    if let node = orientation {
      let name = try node.text("orientation")
      guard let value = Orientation(rawValue: name) else {
        throw node.error("orientation must be portrait or landscape (left out, a wide table goes landscape)")
      }
      self.orientation = value
    }
    if let node = textSize {
      let name = try node.text("text-size")
      guard let value = TextSize(rawValue: name) else {
        throw node.error(
          "text-size must be normal or small (left out, a table too wide for its page gets small text)")
      }
      self.textSize = value
    }
  }
}
