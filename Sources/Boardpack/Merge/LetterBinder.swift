import Foundation

/// A letter template checked against the data's header and joins, ready to bind rows into documents.
///
/// Construction fails for a template that names a column the data lacks; `check(_:)` then finds
/// every value a row is missing or cannot parse, whichever branch of the template would use it.
public struct LetterBinder: Sendable {
  public let template: LetterTemplate
  /// The main data file (and sheet), for row errors.
  public let data: RecordFile
  /// The main data file, as given.
  public var dataPath: String { data.path }
  let columns: [String: Int]
  let computed: [String: ComputedColumn]
  let joins: [String: JoinedTable]
  /// The joins the template's `each` blocks and conditions use.
  let usedJoins: Set<String>
  /// Columns shown with `|money`, so that a bad cell is called "not an amount of money".
  let moneyColumns: Set<String>
  /// What each main-data column must hold, from every use in the template.
  let requirements: [(column: String, needs: Set<ValueRequirement>)]
  /// Main-data columns used as figures, parsed once per letter.
  let figureColumns: [String]
  /// `InputLimits.letterBlocks`, read once.
  let letterBlocks = InputLimits.current.letterBlocks

  public init(
    template: LetterTemplate, data: RecordFile, header: [String], joins: [String: JoinedTable]
  ) throws(BoardpackError) {
    self.template = template
    self.data = data
    self.columns = Dictionary(
      header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.joins = joins
    var collector = RequirementCollector(
      template: template, dataName: data.name, header: header, columns: columns, joins: joins)
    try collector.collect()
    self.computed = collector.computed
    self.moneyColumns = collector.moneyColumns
    self.usedJoins = collector.usedJoins
    self.requirements = collector.main.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    self.figureColumns = requirements.filter { !$0.needs.isDisjoint(with: [.money, .number]) }.map(
      \.column)
    // Joined rows are reference data: the first bad one stops the run. Their requirements name only
    // the join's own columns, so the letter row of the scope is never consulted.
    let noLetter = CSVRecord(fields: [], line: 0, row: 0)
    for (name, needs) in collector.joined {
      let table = joins[name]!
      let sorted = needs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
      for row in table.rows {
        if let error = firstProblem(sorted, in: Scope(row: noLetter, joined: (table, row))) {
          throw error
        }
      }
    }
  }

  /// The first problem with `row`'s values: a needed cell empty, or a figure or date that does not parse.
  public func check(_ row: CSVRecord) -> BoardpackError? {
    if case .failure(let problem) = review(row, totalling: []) { problem } else { nil }
  }

  /// What a merge needs of a row, from one parse of its figures: its first problem, or its manifest
  /// values (computed columns as money, others as typed), its figures in `columns` and the scope
  /// to bind its letter in.
  func review(_ row: CSVRecord, totalling columns: [String]) -> Result<
    (manifest: [String], amounts: [Decimal], scope: Scope), BoardpackError
  > {
    Result { () throws(BoardpackError) in
      let scope = try scope(for: row)
      if let problem = firstProblem(requirements, in: scope) { throw problem }
      let manifest = try template.manifest.map { column throws(BoardpackError) in
        computed[column] != nil
          ? UKFormat.money(try figure(column, in: scope).value, nilForZero: false)
          : try text(column, in: scope)
      }
      return (
        manifest,
        try columns.map { column throws(BoardpackError) in try figure(column, in: scope).value },
        scope
      )
    }
  }

  func firstProblem(
    _ requirements: [(column: String, needs: Set<ValueRequirement>)], in scope: Scope
  ) -> BoardpackError? {
    do throws(BoardpackError) {
      for (column, needs) in requirements {
        _ = try text(column, in: scope)
        if !needs.isDisjoint(with: [.money, .number]) { _ = try figure(column, in: scope) }
        if needs.contains(.date) { _ = try date(column, in: scope) }
      }
      return nil
    } catch {
      return error
    }
  }

  /// The letter for `row`; call `check(_:)` first for a report of every bad value.
  public func letter(for row: CSVRecord) throws(BoardpackError) -> Document {
    try letter(in: try scope(for: row))
  }

  /// The letter for the row of `scope`; an error at the row's line when it would hold more blocks,
  /// list items and table rows than `InputLimits.letterBlocks`.
  func letter(in scope: Scope) throws(BoardpackError) -> Document {
    var scope = scope
    scope.budget = LetterBudget(limit: letterBlocks)
    var blocks: [Block] = []
    if let date = template.date {
      blocks.append(.paragraph(Paragraph(content: [.text(date.longUK)])))
    }
    blocks += try bind(template.blocks, in: scope)
    if let closing = template.closing {
      blocks.append(.paragraph(Paragraph(content: try bind(closing, in: scope))))
    }
    if !template.signatory.isEmpty {
      var lines: [Inline] = []
      // A line that binds to nothing (a per-row name left empty, with an empty default) is left out.
      for line in template.signatory {
        let bound = try bind(line, in: scope)
        guard !bound.plainText.isEmpty else { continue }
        if !lines.isEmpty { lines.append(.lineBreak) }
        lines += bound
      }
      if !lines.isEmpty { blocks.append(.paragraph(Paragraph(content: lines))) }
    }
    let metadata = Metadata(
      template: template.id, title: try bind(template.title, in: scope).plainText,
      reportDate: template.date, classification: template.classification,
      letterhead: template.letterhead)
    return Document(metadata: metadata, blocks: blocks)
  }

  // MARK: Binding

  /// The rows being merged: the letter's row, and inside `each` the joined row; `figures` holds the
  /// letter row's figures (read and computed), parsed once per letter.
  struct Scope {
    var row: CSVRecord
    var joined: (table: JoinedTable, row: CSVRecord)?
    var figures: [String: Figure] = [:]
    /// What is left of the letter's blocks, shared by the scopes of its `each` rows.
    var budget: LetterBudget?

    /// Inside an `each`: the same letter row and figures, with `row` of `table` looked up first.
    func joining(_ table: JoinedTable, _ row: CSVRecord) -> Scope {
      var scope = self
      scope.joined = (table, row)
      return scope
    }
  }

  /// A scope for `row` with every figure column and computed column parsed once.
  func scope(for row: CSVRecord) throws(BoardpackError) -> Scope {
    var scope = Scope(row: row, joined: nil)
    for column in figureColumns { scope.figures[column] = try figure(column, in: scope) }
    for sum in template.computed { scope.figures[sum.name] = try figure(sum.name, in: scope) }
    return scope
  }

  func bind(_ blocks: [TemplateBlock], in scope: Scope) throws(BoardpackError) -> [Block] {
    var result: [Block] = []
    for block in blocks {
      try spend(in: scope)
      switch block {
      case .paragraph(let text, let style):
        result.append(.paragraph(Paragraph(content: try bind(text, in: scope), style: style)))
      case .heading(let text, let level):
        result.append(.heading(Heading(level: level, content: try bind(text, in: scope))))
      case .bullets(let entries):
        let items = try expand(entries, in: scope) { text, scope throws(BoardpackError) in
          ListItem(content: try bind(text, in: scope))
        }
        if !items.isEmpty { result.append(.list(List(style: .bullet, items: items))) }
      case .table(let table):
        result.append(.table(try bind(table, in: scope)))
      case .conditional(let condition, let then, let otherwise):
        result += try bind(try holds(condition, in: scope) ? then : otherwise, in: scope)
      case .each(let join, let body, let otherwise, _):
        let rows = try joinedRows(join, in: scope)
        if rows.rows.isEmpty {
          result += try bind(otherwise, in: scope)
        }
        for row in rows.rows {
          result += try bind(body, in: scope.joining(rows.table, row))
        }
      }
    }
    return result
  }

  func bind(_ table: TemplateTable, in scope: Scope) throws(BoardpackError) -> Table {
    let rows = try expand(table.rows, in: scope) { texts, scope throws(BoardpackError) -> Row in
      var cells: [Cell] = []
      for (text, column) in zip(texts, table.columns) {
        let content = try bind(text, in: scope)
        let shown = content.plainText
        let plain = content.allSatisfy { if case .text = $0 { true } else { false } }
        cells.append(
          Cell(
            value: try value(of: text, shown: shown, as: column.type, in: scope), shown: shown,
            blocks: plain ? [] : [.paragraph(Paragraph(content: content))]))
      }
      return Row(cells: cells)
    }
    return Table(
      caption: try table.caption.map { text throws(BoardpackError) in try bind(text, in: scope) }
        ?? [], columns: table.columns, rows: rows)
  }

  /// A table cell's typed value: a lone money or number field gives its figure directly, anything else is read from the text.
  func value(of text: TemplateText, shown: String, as type: ValueType, in scope: Scope)
    throws(BoardpackError) -> Value
  {
    if case .field(let field) = text.content.first, text.content.count == 1,
      type == .money || type == .decimal,
      [.money, .moneyOrNil, .number].contains(field.format)
    {
      let number = try figure(field.column, in: scope).value
      return type == .money ? .money(number) : .decimal(number)
    }
    return FigureParser.parse(shown, as: type) ?? .text(shown)
  }

  /// Each entry once, or once per joined row for `each` entries.
  func expand<Content, Output>(
    _ entries: [TemplateItem<Content>], in scope: Scope,
    _ make: (Content, Scope) throws(BoardpackError) -> Output
  ) throws(BoardpackError) -> [Output] {
    var result: [Output] = []
    for entry in entries {
      switch entry {
      case .one(let content):
        try spend(in: scope)
        result.append(try make(content, scope))
      case .each(let join, let content, _):
        let rows = try joinedRows(join, in: scope)
        for row in rows.rows {
          try spend(in: scope)
          result.append(try make(content, scope.joining(rows.table, row)))
        }
      }
    }
    return result
  }

  /// Takes one block, item or row from the letter's budget; an error at the row once it is spent.
  func spend(in scope: Scope) throws(BoardpackError) {
    guard let budget = scope.budget else { return }
    budget.left -= 1
    guard budget.left < 0 else { return }
    throw BoardpackError(
      "the letter for this row would hold more than \(budget.limit) blocks, list items and table rows, "
        + "the limit; " + InputLimits.raise(.letterBlocks),
      at: data.location(line: scope.row.line))
  }

  func bind(_ text: TemplateText, in scope: Scope) throws(BoardpackError) -> [Inline] {
    try bind(text.content, in: scope)
  }

  func bind(_ content: [TemplateInline], in scope: Scope) throws(BoardpackError) -> [Inline] {
    var result: [Inline] = []
    for inline in content {
      switch inline {
      case .text(let text): result.append(.text(text))
      case .field(let field): result.append(.text(try show(field, in: scope)))
      case .strong(let inner): result.append(.strong(try bind(inner, in: scope)))
      case .emphasis(let inner): result.append(.emphasis(try bind(inner, in: scope)))
      case .link(let url, let inner):
        result.append(.link(url: url, content: try bind(inner, in: scope)))
      case .lineBreak: result.append(.lineBreak)
      }
    }
    return result
  }

  func show(_ field: FieldReference, in scope: Scope) throws(BoardpackError) -> String {
    if let fallback = field.fallback {
      let text = lookup(field.column, in: scope)?.text.trimmedOfWhiteSpace ?? ""
      return text.isEmpty ? fallback : text
    }
    switch field.format {
    case .plain:
      if computed[field.column] != nil, lookup(field.column, in: scope) == nil {
        let figure = try figure(field.column, in: scope)
        return UKFormat.number(figure.value, places: figure.places)
      }
      return try text(field.column, in: scope)
    case .upper: return try text(field.column, in: scope).uppercased()
    case .lower: return try text(field.column, in: scope).lowercased()
    case .money:
      return UKFormat.money(try figure(field.column, in: scope).value, nilForZero: false)
    case .moneyOrNil: return UKFormat.money(try figure(field.column, in: scope).value)
    case .number:
      let figure = try figure(field.column, in: scope)
      return UKFormat.number(figure.value, places: figure.places)
    case .date: return try date(field.column, in: scope).longUK
    }
  }

  func holds(_ condition: Condition, in scope: Scope) throws(BoardpackError) -> Bool {
    switch condition.test {
    case .isEmpty: return try joinedRows(condition.subject, in: scope).rows.isEmpty
    case .isNotEmpty: return try !joinedRows(condition.subject, in: scope).rows.isEmpty
    case .isNil: return try figure(condition.subject, in: scope).value == 0
    case .isNotNil: return try figure(condition.subject, in: scope).value != 0
    case .compare(let comparison, let operand):
      let left = try figure(condition.subject, in: scope).value
      let right: Decimal
      switch operand {
      case .figure(let value): right = value
      case .column(let column): right = try figure(column, in: scope).value
      }
      return comparison.holds(left, right)
    }
  }

  func joinedRows(_ name: String, in scope: Scope) throws(BoardpackError) -> (
    table: JoinedTable, rows: [CSVRecord]
  ) {
    // The collector has checked that the join exists and that its key is a column of the data.
    let table = joins[name]!
    return (table, table.rows(matching: try text(table.key, in: scope)))
  }

  // MARK: Values

  /// A figure and the decimal places it was typed with.
  struct Figure {
    var value: Decimal
    var places: Int
  }

  /// The raw cell for `column` in the innermost scope that has it, with where it came from.
  func lookup(_ column: String, in scope: Scope) -> (text: String, location: SourceLocation)? {
    if let joined = scope.joined, let index = joined.table.columns[column] {
      return (
        joined.row.fields[index],
        joined.table.file.location(line: joined.row.line, column: index + 1)
      )
    }
    guard let index = columns[column] else { return nil }
    return (scope.row.fields[index], data.location(line: scope.row.line, column: index + 1))
  }

  func cell(_ column: String, in scope: Scope) throws(BoardpackError) -> (
    text: String, location: SourceLocation
  ) {
    // The collector has checked that every field names a column or a computed column.
    let cell = lookup(column, in: scope)!
    let text = cell.text.trimmedOfWhiteSpace
    guard !text.isEmpty else {
      throw BoardpackError("column \"\(column)\" is empty", at: cell.location)
    }
    return (text, cell.location)
  }

  func text(_ column: String, in scope: Scope) throws(BoardpackError) -> String {
    try cell(column, in: scope).text
  }

  func figure(_ column: String, in scope: Scope) throws(BoardpackError) -> Figure {
    if scope.joined?.table.columns[column] == nil, let known = scope.figures[column] {
      return known
    }
    if lookup(column, in: scope) == nil, let sum = computed[column] {
      var total = Figure(value: 0, places: 0)
      for term in sum.terms {
        let part = try figure(term.column, in: scope)
        total.value += term.negated ? -part.value : part.value
        total.places = max(total.places, part.places)
      }
      return total
    }
    let cell = try cell(column, in: scope)
    guard let value = FigureParser.parse(cell.text, as: .money)?.number else {
      let kind = moneyColumns.contains(column) ? "an amount of money" : "a number"
      throw BoardpackError(
        "column \"\(column)\": \"\(cell.text)\" is not \(kind)" + FigureParser.encodingHint(for: cell.text),
        at: cell.location)
    }
    return Figure(value: value, places: FigureParser.places(in: cell.text))
  }

  func date(_ column: String, in scope: Scope) throws(BoardpackError) -> CalendarDate {
    let cell = try cell(column, in: scope)
    guard let date = CalendarDate(parsing: cell.text), date.isValid else {
      throw BoardpackError(
        "column \"\(column)\": "
          + CalendarDate.notADate(cell.text, write: "2026-06-25, 25/06/2026 or 25 June 2026"),
        at: cell.location)
    }
    return date
  }
}

/// The blocks, list items and table rows one letter may still bind; one per letter, used on the
/// one thread that binds it.
final class LetterBudget: @unchecked Sendable {
  let limit: Int
  var left: Int

  init(limit: Int) {
    self.limit = limit
    left = limit
  }
}
