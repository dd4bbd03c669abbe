import Foundation
import Yams

extension LetterTemplate {
  /// Reads and parses the template at `path`.
  public init(contentsOf path: String) throws(BoardpackError) {
    guard let data = FileManager.default.contents(atPath: path), let yaml = String(data: data, encoding: .utf8) else {
      throw BoardpackError("cannot read the letter template", at: SourceLocation(file: path))
    }
    try self.init(yaml: yaml, path: path)
  }

  /// Parses template YAML; `path` names the file in errors.
  public init(yaml: String, path: String) throws(BoardpackError) {
    let reader = TemplateReader(path: path, yaml: yaml)
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else { throw reader.error("the letter template is empty", at: nil) }
      root = node
    } catch let error as BoardpackError {
      throw error
    } catch let error as YamlError {
      throw reader.error(from: error)
    } catch {
      throw BoardpackError("\(error)", at: SourceLocation(file: path))
    }
    try self = reader.template(from: root)
  }
}

/// Turns the composed YAML tree into a `LetterTemplate`, reporting the line of anything it rejects.
struct TemplateReader {
  let path: String
  let lines: [Substring]

  init(path: String, yaml: String) {
    self.path = path
    self.lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
  }

  static let topLevelKeys: Set<String> = [
    "id", "title", "letterhead", "date", "closing", "signatory", "key", "file-name", "manifest", "computed", "joins",
    "blocks",
  ]

  func template(from root: Node) throws(BoardpackError) -> LetterTemplate {
    let fields = try mapping(root, what: "the letter template")
    for (key, node) in fields where !Self.topLevelKeys.contains(key) {
      throw error("unknown template key \"\(key)\"; expected one of \(Self.topLevelKeys.sorted().joined(separator: ", "))", at: node)
    }
    guard let idNode = fields["id"], let titleNode = fields["title"], let blocksNode = fields["blocks"] else {
      throw error("a letter template needs \"id\", \"title\" and \"blocks\"", at: root)
    }
    var date: CalendarDate?
    if let node = fields["date"] {
      let text = try string(node)
      guard let parsed = CalendarDate(parsing: text), parsed.isValid, parsed.day != nil else {
        throw error("\"\(text)\" is not a date (write 2026-06-26)", at: node)
      }
      date = parsed
    }
    return LetterTemplate(
      path: path,
      id: try string(idNode),
      title: try text(titleNode),
      letterhead: try fields["letterhead"].map { node throws(BoardpackError) in try strings(node) } ?? [],
      date: date,
      closing: try fields["closing"].map { node throws(BoardpackError) in try text(node) },
      signatory: try fields["signatory"].map { node throws(BoardpackError) in try sequence(node).map(text) } ?? [],
      key: try fields["key"].map { node throws(BoardpackError) in try string(node) },
      fileName: try fields["file-name"].map { node throws(BoardpackError) in try string(node) },
      manifest: try fields["manifest"].map { node throws(BoardpackError) in try strings(node) } ?? [],
      computed: try fields["computed"].map { node throws(BoardpackError) in try computedColumns(node) } ?? [],
      joins: try fields["joins"].map { node throws(BoardpackError) in try joins(node) } ?? [:],
      blocks: try blocks(blocksNode)
    )
  }

  // MARK: Blocks

  func blocks(_ node: Node) throws(BoardpackError) -> [TemplateBlock] {
    try sequence(node).map(block)
  }

  func block(_ node: Node) throws(BoardpackError) -> TemplateBlock {
    if node.scalar != nil { return .paragraph(try text(node), style: nil) }
    let fields = try mapping(node, what: "a block")
    func allow(_ keys: Set<String>) throws(BoardpackError) {
      for (key, value) in fields where !keys.contains(key) {
        throw error("unknown key \"\(key)\" in this block; expected \(keys.sorted().joined(separator: ", "))", at: value)
      }
    }
    if let body = fields["text"] {
      try allow(["text", "style"])
      return .paragraph(try text(body), style: try fields["style"].map { node throws(BoardpackError) in try string(node) })
    }
    if let body = fields["heading"] {
      try allow(["heading", "level"])
      var level = 1
      if let levelNode = fields["level"] {
        guard let value = Int(try string(levelNode)), (1...4).contains(value) else {
          throw error("a heading level is 1 to 4", at: levelNode)
        }
        level = value
      }
      return .heading(try text(body), level: level)
    }
    if let items = fields["bullets"] {
      try allow(["bullets"])
      return .bullets(try sequence(items).map { item throws(BoardpackError) in try repeated(item, entry: "item", content: text) })
    }
    if let table = fields["table"] {
      try allow(["table"])
      return .table(try self.table(table))
    }
    if let conditionNode = fields["if"] {
      try allow(["if", "then", "else"])
      guard let then = fields["then"] else { throw error("an \"if\" block needs \"then\"", at: node) }
      return .conditional(
        try condition(conditionNode), then: try blocks(then),
        otherwise: try fields["else"].map { node throws(BoardpackError) in try blocks(node) } ?? [])
    }
    if let join = fields["each"] {
      try allow(["each", "blocks", "else"])
      guard let body = fields["blocks"] else { throw error("an \"each\" block needs \"blocks\"", at: node) }
      return .each(
        join: try string(join), blocks: try blocks(body),
        otherwise: try fields["else"].map { node throws(BoardpackError) in try blocks(node) } ?? [],
        location: location(of: join))
    }
    throw error("a block is a string or has one of: text, heading, bullets, table, if, each", at: node)
  }

  /// A list entry or table row: the content itself, or `{each: JOIN, ENTRY: content}`.
  func repeated<Content>(
    _ node: Node, entry: String, content: (Node) throws(BoardpackError) -> Content
  ) throws(BoardpackError) -> TemplateItem<Content> {
    guard node.mapping != nil else { return .one(try content(node)) }
    let fields = try mapping(node, what: "a repeated \(entry)")
    guard let join = fields["each"], let body = fields[entry], fields.count == 2 else {
      throw error("a repeated \(entry) is {each: JOIN, \(entry): …}", at: node)
    }
    return .each(join: try string(join), try content(body), location: location(of: join))
  }

  func table(_ node: Node) throws(BoardpackError) -> TemplateTable {
    let fields = try mapping(node, what: "a table")
    guard let columnsNode = fields["columns"], let rowsNode = fields["rows"] else {
      throw error("a table needs \"columns\" and \"rows\"", at: node)
    }
    let columns = try sequence(columnsNode).map { column throws(BoardpackError) -> Column in
      guard column.mapping != nil else { return Column(header: try string(column), type: .text) }
      let spec = try mapping(column, what: "a column")
      guard let header = spec["header"] else { throw error("a column needs \"header\"", at: column) }
      let typeName = try spec["type"].map { node throws(BoardpackError) in try string(node) } ?? "text"
      guard let type = ValueType(rawValue: typeName) else {
        throw error("unknown column type \"\(typeName)\"", at: spec["type"] ?? column)
      }
      return Column(header: try string(header), type: type)
    }
    let rows = try sequence(rowsNode).map { row throws(BoardpackError) in
      try repeated(row, entry: "row") { cells throws(BoardpackError) in
        let texts = try sequence(cells).map(text)
        guard texts.count == columns.count else {
          throw error("this row has \(texts.count) cells for \(columns.count) columns", at: cells)
        }
        return texts
      }
    }
    return TemplateTable(
      caption: try fields["caption"].map { node throws(BoardpackError) in try text(node) }, columns: columns, rows: rows)
  }

  // MARK: Conditions, computed columns, joins

  func condition(_ node: Node) throws(BoardpackError) -> Condition {
    let source = try string(node).trimmingCharacters(in: .whitespaces)
    let at = location(of: node)
    let words: [(String, Condition.Test)] = [
      (" is not nil", .isNotNil), (" is nil", .isNil), (" is not empty", .isNotEmpty), (" is empty", .isEmpty),
    ]
    for (suffix, test) in words where source.hasSuffix(suffix) {
      let subject = source.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
      if !subject.isEmpty { return Condition(subject: subject, test: test, location: at) }
    }
    for comparison in Condition.Comparison.allCases {
      guard let range = source.range(of: comparison.rawValue) else { continue }
      let subject = source[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
      let right = source[range.upperBound...].trimmingCharacters(in: .whitespaces)
      guard !subject.isEmpty, !right.isEmpty else { break }
      let operand: Condition.Operand =
        FigureParser.parse(right, as: .money)?.number.map(Condition.Operand.figure) ?? .column(right)
      return Condition(subject: subject, test: .compare(comparison, operand), location: at)
    }
    throw error(
      "\"\(source)\" is not a condition; write \"COLUMN > 0\" (>, >=, <, <=, =, !=), \"COLUMN is nil\", "
        + "\"COLUMN is not nil\", \"JOIN is empty\" or \"JOIN is not empty\"", at: node)
  }

  func computedColumns(_ node: Node) throws(BoardpackError) -> [ComputedColumn] {
    guard let pairs = node.mapping else { throw error("\"computed\" maps column names to sums such as A - B", at: node) }
    return try pairs.map { pair throws(BoardpackError) -> ComputedColumn in
      let name = try string(pair.key)
      let expression = try string(pair.value)
      var terms: [ComputedColumn.Term] = []
      var negated = false
      var current = ""
      func finish() throws(BoardpackError) {
        let column = current.trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty else { throw error("\"\(expression)\" is not a sum such as A - B", at: pair.value) }
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
      return ComputedColumn(name: name, terms: terms, location: location(of: pair.key))
    }
  }

  func joins(_ node: Node) throws(BoardpackError) -> [String: Join] {
    guard let pairs = node.mapping else { throw error("\"joins\" maps names to {file: CSV, key: COLUMN}", at: node) }
    var result: [String: Join] = [:]
    for pair in pairs {
      let spec = try mapping(pair.value, what: "a join")
      guard let file = spec["file"], let key = spec["key"], spec.count == 2 else {
        throw error("a join is {file: CSV, key: COLUMN}", at: pair.value)
      }
      result[try string(pair.key)] = Join(file: try string(file), key: try string(key), location: location(of: pair.key))
    }
    return result
  }

  // MARK: Text with merge fields

  /// Splits `{{…}}` fields out of the scalar, parses the inline markup of what is left, and puts
  /// the fields back as nodes; a field can therefore never open or close markup.
  func text(_ node: Node) throws(BoardpackError) -> TemplateText {
    let source = try string(node)
    let at = location(of: node)
    var fields: [FieldReference] = []
    var markup = ""
    var rest = Substring(source)
    while let open = rest.range(of: "{{") {
      markup += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw error("\"{{\" has no closing \"}}\"", at: node)
      }
      let inner = rest[open.upperBound..<close.lowerBound]
      let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
      let column = parts[0].trimmingCharacters(in: .whitespaces)
      let formatName = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "plain"
      guard !column.isEmpty else { throw error("\"{{\(inner)}}\" names no column", at: node) }
      guard let format = FieldFormat(rawValue: formatName) else {
        let known = FieldFormat.allCases.dropFirst().map(\.rawValue).joined(separator: ", ")
        throw error("unknown format \"\(formatName)\" in \"{{\(inner)}}\"; use one of \(known)", at: node)
      }
      markup.unicodeScalars.append(TemplateReader.placeholder(fields.count))
      fields.append(FieldReference(column: column, format: format, location: at))
      rest = rest[close.upperBound...]
    }
    markup += rest
    guard !source.unicodeScalars.contains(where: TemplateReader.isPlaceholder) else {
      throw error("private-use characters (U+E000…U+F8FF) are not allowed in template text", at: node)
    }
    return TemplateText(try inlines(InlineMarkup.parse(markup, at: at), fields: fields, node: node), at: at)
  }

  func inlines(_ parsed: [Inline], fields: [FieldReference], node: Node) throws(BoardpackError) -> [TemplateInline] {
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
      case .strong(let content): result.append(.strong(try inlines(content, fields: fields, node: node)))
      case .emphasis(let content): result.append(.emphasis(try inlines(content, fields: fields, node: node)))
      case .link(let url, let content):
        guard !url.unicodeScalars.contains(where: TemplateReader.isPlaceholder) else {
          throw error("a merge field cannot be part of a link address", at: node)
        }
        result.append(.link(url: url, content: try inlines(content, fields: fields, node: node)))
      case .lineBreak: result.append(.lineBreak)
      case .reference: throw error("cross-references ({ref:…}) are not available in letters", at: node)
      }
    }
    return result
  }

  static let firstPlaceholder: UInt32 = 0xE000

  static func placeholder(_ index: Int) -> Unicode.Scalar {
    Unicode.Scalar(firstPlaceholder + UInt32(index))!
  }

  static func isPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
    (0xE000...0xF8FF).contains(scalar.value)
  }

  // MARK: YAML helpers

  func mapping(_ node: Node, what: String) throws(BoardpackError) -> [String: Node] {
    guard let pairs = node.mapping else { throw error("\(what) must be a mapping", at: node) }
    var result: [String: Node] = [:]
    for pair in pairs { result[try string(pair.key)] = pair.value }
    return result
  }

  func sequence(_ node: Node) throws(BoardpackError) -> [Node] {
    guard let items = node.sequence else { throw error("expected a list", at: node) }
    return Array(items)
  }

  func string(_ node: Node) throws(BoardpackError) -> String {
    guard let scalar = node.scalar else { throw error("expected text", at: node) }
    return scalar.string
  }

  func strings(_ node: Node) throws(BoardpackError) -> [String] {
    try sequence(node).map(string)
  }

  func location(of node: Node?) -> SourceLocation {
    SourceLocation(file: path, line: node?.mark?.line, column: node?.mark?.column)
  }

  func error(_ message: String, at node: Node?) -> BoardpackError {
    let at = location(of: node)
    return BoardpackError(message, at: at, sourceLine: at.line.flatMap(sourceLine))
  }

  func error(from yamlError: YamlError) -> BoardpackError {
    BoardpackError("invalid YAML: \(yamlError)", at: SourceLocation(file: path))
  }

  func sourceLine(_ line: Int) -> String? {
    lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil
  }
}
