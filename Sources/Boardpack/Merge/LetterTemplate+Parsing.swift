import Foundation

extension LetterTemplate {
  /// Reads and parses the template at `path`.
  public init(contentsOf path: String) throws(BoardpackError) {
    try self.init(yaml: try TextFile.read(path), path: path)
  }

  /// Parses template YAML; `path` names the file in errors.
  public init(yaml: String, path: String) throws(BoardpackError) {
    self = try TemplateReader(path: path).template(from: try YAMLNode.compose(yaml, path: path))
  }
}

/// Turns the composed YAML tree into a `LetterTemplate`, reporting the line of anything it rejects.
struct TemplateReader {
  let path: String

  static let topLevelKeys: Set<String> = [
    "id", "title", "letterhead", "date", "classification", "closing", "signatory", "key",
    "file-name", "manifest",
    "computed", "joins",
    "blocks",
  ]

  func template(from root: YAMLNode) throws(BoardpackError) -> LetterTemplate {
    let fields = try root.entries("the letter template", allowed: Self.topLevelKeys)
    guard let idNode = fields["id"], let titleNode = fields["title"],
      let blocksNode = fields["blocks"]
    else {
      throw root.error("a letter template needs \"id\", \"title\" and \"blocks\"")
    }
    var date: CalendarDate?
    if let node = fields["date"] {
      let text = try node.text("the date")
      guard let parsed = CalendarDate(parsing: text), parsed.isValid, parsed.day != nil else {
        throw node.error(CalendarDate.notADate(text, write: "2026-06-26"))
      }
      date = parsed
    }
    return LetterTemplate(
      path: path,
      id: try idNode.text("the id"),
      title: try text(titleNode),
      letterhead: try fields["letterhead"].map { node throws(BoardpackError) in
        try strings(node, "the letterhead")
      } ?? [],
      date: date,
      classification: try fields["classification"].map { node throws(BoardpackError) in
        try node.text("the classification")
      },
      closing: try fields["closing"].map { node throws(BoardpackError) in try text(node) },
      signatory: try fields["signatory"].map { node throws(BoardpackError) in
        try node.items("the signatory").map(text)
      } ?? [],
      key: try fields["key"].map { node throws(BoardpackError) in try node.text("the key") },
      fileName: try fields["file-name"].map { node throws(BoardpackError) in
        try node.text("the file name")
      },
      manifest: try fields["manifest"].map { node throws(BoardpackError) in
        try strings(node, "the manifest")
      } ?? [],
      computed: try fields["computed"].map { node throws(BoardpackError) in
        try computedColumns(node)
      } ?? [],
      joins: try fields["joins"].map { node throws(BoardpackError) in try joins(node) } ?? [:],
      blocks: try blocks(blocksNode)
    )
  }

  // MARK: Blocks

  func blocks(_ node: YAMLNode) throws(BoardpackError) -> [TemplateBlock] {
    try node.items("blocks").map(block)
  }

  /// The kinds of block, each with the keys it may have.
  static let blockKeys: [String: Set<String>] = [
    "text": ["text", "style"], "heading": ["heading", "level"], "bullets": ["bullets"],
    "table": ["table"],
    "if": ["if", "then", "else"], "each": ["each", "blocks", "else"],
  ]

  func block(_ node: YAMLNode) throws(BoardpackError) -> TemplateBlock {
    if node.isText { return .paragraph(try text(node), style: nil) }
    let kind = try node.entries("a block").first { Self.blockKeys[$0.name] != nil }?.name
    guard let kind, let allowed = Self.blockKeys[kind] else {
      throw node.error(
        "a block is a string or has one of: \(Self.blockKeys.keys.sorted().joined(separator: ", "))"
      )
    }
    let fields = try node.entries("this \(kind) block", allowed: allowed)
    let body = fields[kind]!
    switch kind {
    case "text":
      return .paragraph(
        try text(body),
        style: try fields["style"].map { node throws(BoardpackError) in try node.text("the style") }
      )
    case "heading":
      var level = 1
      if let levelNode = fields["level"] {
        guard let value = Int(try levelNode.text("the level")), (1...4).contains(value) else {
          throw levelNode.error("a heading level is 1 to 4")
        }
        level = value
      }
      return .heading(try text(body), level: level)
    case "bullets":
      return .bullets(
        try body.items("bullets").map { item throws(BoardpackError) in
          try repeated(item, entry: "item", content: text)
        })
    case "table":
      return .table(try table(body))
    case "if":
      guard let then = fields["then"] else { throw node.error("an \"if\" block needs \"then\"") }
      return .conditional(
        try condition(body), then: try blocks(then),
        otherwise: try fields["else"].map { node throws(BoardpackError) in try blocks(node) } ?? [])
    default:
      guard let repeated = fields["blocks"] else {
        throw node.error("an \"each\" block needs \"blocks\"")
      }
      return .each(
        join: try body.text("the join"), blocks: try blocks(repeated),
        otherwise: try fields["else"].map { node throws(BoardpackError) in try blocks(node) } ?? [],
        location: body.location)
    }
  }

  /// A list entry or table row: the content itself, or `{each: JOIN, ENTRY: content}`.
  func repeated<Content>(
    _ node: YAMLNode, entry: String, content: (YAMLNode) throws(BoardpackError) -> Content
  ) throws(BoardpackError) -> TemplateItem<Content> {
    guard node.node.mapping != nil else { return .one(try content(node)) }
    let fields = try node.entries("a repeated \(entry)", allowed: ["each", entry])
    guard let join = fields["each"], let body = fields[entry] else {
      throw node.error("a repeated \(entry) is {each: JOIN, \(entry): …}")
    }
    return .each(join: try join.text("the join"), try content(body), location: join.location)
  }

  func table(_ node: YAMLNode) throws(BoardpackError) -> TemplateTable {
    let fields = try node.entries("a table", allowed: ["caption", "columns", "rows"])
    guard let columnsNode = fields["columns"], let rowsNode = fields["rows"] else {
      throw node.error("a table needs \"columns\" and \"rows\"")
    }
    let columns = try columnsNode.items("the columns").map {
      column throws(BoardpackError) -> Column in
      guard !column.isText else { return Column(header: try column.text("a column"), type: .text) }
      let spec = try column.entries("a column", allowed: ["header", "type"])
      guard let header = spec["header"] else { throw column.error("a column needs \"header\"") }
      guard let typeNode = spec["type"] else {
        return Column(header: try header.text("the header"), type: .text)
      }
      let typeName = try typeNode.text("the type")
      guard let type = ValueType(rawValue: typeName) else {
        throw typeNode.error(
          "unknown column type \"\(typeName)\"; use one of \(ValueType.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      return Column(header: try header.text("the header"), type: type)
    }
    let rows = try rowsNode.items("the rows").map { row throws(BoardpackError) in
      try repeated(row, entry: "row") { cells throws(BoardpackError) in
        let texts = try cells.items("a row").map(text)
        guard texts.count == columns.count else {
          throw cells.error("this row has \(texts.count) cells for \(columns.count) columns")
        }
        return texts
      }
    }
    return TemplateTable(
      caption: try fields["caption"].map { node throws(BoardpackError) in try text(node) },
      columns: columns, rows: rows)
  }

  // MARK: Conditions, computed columns, joins

  func condition(_ node: YAMLNode) throws(BoardpackError) -> Condition {
    let source = try node.text("a condition").trimmingCharacters(in: .whitespaces)
    let words: [(String, Condition.Test)] = [
      (" is not nil", .isNotNil), (" is nil", .isNil), (" is not empty", .isNotEmpty),
      (" is empty", .isEmpty),
    ]
    for (suffix, test) in words where source.hasSuffix(suffix) {
      let subject = source.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
      if !subject.isEmpty {
        return Condition(subject: subject, test: test, location: node.location)
      }
    }
    for comparison in Condition.Comparison.allCases {
      guard let range = source.range(of: comparison.rawValue) else { continue }
      let subject = source[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
      let right = source[range.upperBound...].trimmingCharacters(in: .whitespaces)
      guard !subject.isEmpty, !right.isEmpty else { break }
      let operand: Condition.Operand =
        FigureParser.parse(right, as: .money)?.number.map(Condition.Operand.figure)
        ?? .column(right)
      return Condition(
        subject: subject, test: .compare(comparison, operand), location: node.location)
    }
    throw node.error(
      "\"\(source)\" is not a condition; write \"COLUMN > 0\" (>, >=, <, <=, =, !=), \"COLUMN is nil\", "
        + "\"COLUMN is not nil\", \"JOIN is empty\" or \"JOIN is not empty\"")
  }

  func computedColumns(_ node: YAMLNode) throws(BoardpackError) -> [ComputedColumn] {
    try node.entries("computed").map { entry throws(BoardpackError) -> ComputedColumn in
      let expression = try entry.value.text("a computed column")
      var terms: [ComputedColumn.Term] = []
      var negated = false
      var current = ""
      func finish() throws(BoardpackError) {
        let column = current.trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty else {
          throw entry.value.error("\"\(expression)\" is not a sum such as A - B")
        }
        terms.append(ComputedColumn.Term(column: column, negated: negated))
        current = ""
      }
      // Operators are " + " and " - " with spaces, so that column names may contain hyphens.
      var rest = Substring(expression)
      while !rest.isEmpty {
        if rest.hasPrefix(" + ") || rest.hasPrefix(" - ") {
          try finish()
          negated = rest.hasPrefix(" - ")
          rest = rest.dropFirst(3)
        } else {
          current.append(rest.removeFirst())
        }
      }
      try finish()
      return ComputedColumn(name: entry.name, terms: terms, location: entry.key.location)
    }
  }

  func joins(_ node: YAMLNode) throws(BoardpackError) -> [String: Join] {
    var result: [String: Join] = [:]
    for entry in try node.entries("joins") {
      let spec = try entry.value.entries("a join", allowed: ["file", "key"])
      guard let file = spec["file"], let key = spec["key"] else {
        throw entry.value.error("a join is {file: CSV, key: COLUMN}")
      }
      result[entry.name] = Join(
        file: try file.text("the file"), key: try key.text("the key"), location: entry.key.location)
    }
    return result
  }

  // MARK: Text with merge fields

  /// `{{Salutation|default:Dear Chair,}}`: the text after it stands in for an absent or empty cell.
  static let defaultPrefix = "default:"

  /// Splits `{{…}}` fields out of the scalar, parses the inline markup of what is left, and puts
  /// the fields back as nodes; a field can therefore never open or close markup.
  func text(_ node: YAMLNode) throws(BoardpackError) -> TemplateText {
    let source = try node.text("text")
    guard !source.unicodeScalars.contains(where: TemplateReader.isPlaceholder) else {
      throw node.error("private-use characters (U+E000…U+F8FF) are not allowed in template text")
    }
    var fields: [FieldReference] = []
    var markup = ""
    var rest = Substring(source)
    while let open = rest.range(of: "{{") {
      markup += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw node.error("\"{{\" has no closing \"}}\"")
      }
      let inner = rest[open.upperBound..<close.lowerBound]
      let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
      let column = parts[0].trimmingCharacters(in: .whitespaces)
      var formatName = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "plain"
      guard !column.isEmpty else { throw node.error("\"{{\(inner)}}\" names no column") }
      var fallback: String?
      if formatName.hasPrefix(Self.defaultPrefix) {
        fallback = formatName.dropFirst(Self.defaultPrefix.count).trimmingCharacters(in: .whitespaces)
        formatName = FieldFormat.plain.rawValue
      }
      guard let format = FieldFormat(rawValue: formatName) else {
        let known = FieldFormat.allCases.dropFirst().map(\.rawValue).joined(separator: ", ")
        throw node.error(
          "unknown format \"\(formatName)\" in \"{{\(inner)}}\"; use one of \(known), or default:TEXT")
      }
      guard fields.count < TemplateReader.placeholderCount else {
        throw node.error(
          "a text holds more than \(TemplateReader.placeholderCount) merge fields; split it into several")
      }
      markup.unicodeScalars.append(TemplateReader.placeholder(fields.count))
      fields.append(
        FieldReference(column: column, format: format, fallback: fallback, location: node.location))
      rest = rest[close.upperBound...]
    }
    markup += rest
    return TemplateText(
      try inlines(InlineMarkup.parse(markup, at: node.location), fields: fields, node: node),
      at: node.location)
  }

  func inlines(_ parsed: [Inline], fields: [FieldReference], node: YAMLNode) throws(BoardpackError)
    -> [TemplateInline]
  {
    var result: [TemplateInline] = []
    for inline in parsed {
      switch inline {
      case .text(let text):
        var literal = ""
        for scalar in text.unicodeScalars {
          if TemplateReader.isPlaceholder(scalar) {
            if !literal.isEmpty { result.append(.text(literal)) }
            literal = ""
            result.append(.field(fields[Int(scalar.value - TemplateReader.firstPlaceholder)]))
          } else {
            literal.unicodeScalars.append(scalar)
          }
        }
        if !literal.isEmpty { result.append(.text(literal)) }
      case .strong(let content):
        result.append(.strong(try inlines(content, fields: fields, node: node)))
      case .emphasis(let content):
        result.append(.emphasis(try inlines(content, fields: fields, node: node)))
      case .link(let url, let content):
        guard !url.unicodeScalars.contains(where: TemplateReader.isPlaceholder) else {
          throw node.error("a merge field cannot be part of a link address")
        }
        guard LinkAddress.isAllowed(url) else { throw node.error(LinkAddress.refusal(url)) }
        result.append(.link(url: url, content: try inlines(content, fields: fields, node: node)))
      case .lineBreak: result.append(.lineBreak)
      case .reference: throw node.error("cross-references ({ref:…}) are not available in letters")
      }
    }
    return result
  }

  /// Fields stand in the markup source as private-use characters, one per field, by index.
  static let firstPlaceholder: UInt32 = 0xE000

  /// How many fields one text may hold: one placeholder each, all in the private-use area.
  static let placeholderCount = 0xF8FF - 0xE000 + 1

  static func placeholder(_ index: Int) -> Unicode.Scalar {
    Unicode.Scalar(firstPlaceholder + UInt32(index))!
  }

  static func isPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
    (0xE000...0xF8FF).contains(scalar.value)
  }

  func strings(_ node: YAMLNode, _ what: String) throws(BoardpackError) -> [String] {
    try node.items(what).map { item throws(BoardpackError) in try item.text(what) }
  }
}
