/// Walks a letter template once against the data's header and joins: every name it uses must be
/// a column, a computed column or a join, and every column gets what its uses need of its cells.
struct RequirementCollector {
  let template: LetterTemplate
  /// The data file (and sheet) as messages name it.
  let dataName: String
  /// The data's column names, in order.
  let header: [String]
  let columns: [String: Int]
  let joins: [String: JoinedTable]
  /// Needs of the main data's columns.
  var main: [String: Set<ValueRequirement>] = [:]
  /// Needs of each join's columns, by join name.
  var joined: [String: [String: Set<ValueRequirement>]] = [:]
  var computed: [String: ComputedColumn] = [:]
  var moneyColumns: Set<String> = []
  /// The joins an `each` or a condition uses.
  var usedJoins: Set<String> = []

  init(
    template: LetterTemplate, dataName: String, header: [String], columns: [String: Int],
    joins: [String: JoinedTable]
  ) {
    self.template = template
    self.dataName = dataName
    self.header = header
    self.columns = columns
    self.joins = joins
  }

  mutating func collect() throws(BoardpackError) {
    for sum in template.computed {
      guard columns[sum.name] == nil else {
        throw BoardpackError(
          "column \"\(sum.name)\" is computed by the template, so \(dataName) must not have it",
          at: sum.location)
      }
      for term in sum.terms { try use(term.column, .number, at: sum.location, join: nil) }
      computed[sum.name] = sum
    }
    for join in joins.values {
      try use(
        join.key, .text,
        at: template.joins[join.name]?.location ?? SourceLocation(file: template.path), join: nil)
    }
    let top = SourceLocation(file: template.path)
    if let key = template.key { try use(key, .text, at: top, join: nil) }
    for column in template.manifest { try use(column, .text, at: top, join: nil) }
    try use(template.title, join: nil)
    if let closing = template.closing { try use(closing, join: nil) }
    for line in template.signatory { try use(line, join: nil) }
    try use(template.blocks, join: nil)
  }

  mutating func use(_ blocks: [TemplateBlock], join: String?) throws(BoardpackError) {
    for block in blocks {
      switch block {
      case .paragraph(let text, _), .heading(let text, _): try use(text, join: join)
      case .bullets(let items):
        for item in items {
          try use(item, join: join) { collector, text, join throws(BoardpackError) in
            try collector.use(text, join: join)
          }
        }
      case .table(let table):
        if let caption = table.caption { try use(caption, join: join) }
        for row in table.rows {
          try use(row, join: join) { collector, texts, join throws(BoardpackError) in
            for text in texts { try collector.use(text, join: join) }
          }
        }
      case .conditional(let condition, let then, let otherwise):
        try use(condition, join: join)
        try use(then, join: join)
        try use(otherwise, join: join)
      case .each(let name, let body, let otherwise, let location):
        try use(body, join: try enter(name, from: join, at: location))
        try use(otherwise, join: join)
      }
    }
  }

  mutating func use<Content>(
    _ item: TemplateItem<Content>, join: String?,
    _ content: (inout RequirementCollector, Content, String?) throws(BoardpackError) -> Void
  ) throws(BoardpackError) {
    switch item {
    case .one(let body): try content(&self, body, join)
    case .each(let name, let body, let location):
      try content(&self, body, try enter(name, from: join, at: location))
    }
  }

  /// The join an `each` opens; joins do not nest.
  mutating func enter(_ name: String, from outer: String?, at location: SourceLocation)
    throws(BoardpackError) -> String
  {
    guard outer == nil else {
      throw BoardpackError("\"each \(name)\" cannot be inside \"each \(outer!)\"", at: location)
    }
    guard joins[name] != nil else {
      throw BoardpackError(
        "there is no join named \"\(name)\"; declare it under \"joins:\" in the template or with --join",
        at: location)
    }
    usedJoins.insert(name)
    return name
  }

  mutating func use(_ condition: Condition, join: String?) throws(BoardpackError) {
    switch condition.test {
    case .isEmpty, .isNotEmpty:
      guard joins[condition.subject] != nil else {
        throw BoardpackError(
          "\"\(condition.subject)\" is not a join, so it cannot be empty", at: condition.location)
      }
      usedJoins.insert(condition.subject)
    case .isNil, .isNotNil, .compare(_, .figure):
      try use(condition.subject, .number, at: condition.location, join: join)
    case .compare(_, .column(let other)):
      try use(condition.subject, .number, at: condition.location, join: join)
      try use(other, .number, at: condition.location, join: join)
    }
  }

  mutating func use(_ text: TemplateText, join: String?) throws(BoardpackError) {
    try use(text.content, join: join)
  }

  mutating func use(_ content: [TemplateInline], join: String?) throws(BoardpackError) {
    for inline in content {
      switch inline {
      case .text, .lineBreak: break
      case .field(let field):
        if field.fallback != nil {
          try useWithFallback(field, join: join)
        } else {
          try use(field.column, field.format.requirement, at: field.location, join: join)
        }
      case .strong(let inner), .emphasis(let inner), .link(_, let inner): try use(inner, join: join)
      }
    }
  }

  /// A field with a default needs nothing of the data: the column may be absent and its cells
  /// empty. An absent column near the name of one the data has is taken for a slip, not an absence.
  mutating func useWithFallback(_ field: FieldReference, join: String?) throws(BoardpackError) {
    guard computed[field.column] == nil else {
      throw BoardpackError(
        "computed column \"\(field.column)\" always has a value, so it takes no default",
        at: field.location)
    }
    guard columns[field.column] == nil, join.flatMap({ joins[$0]?.columns[field.column] }) == nil
    else { return }
    let suggestion = didYouMean(field.column, join: join, computedToo: false)
    guard !suggestion.isEmpty else { return }
    throw BoardpackError(
      "the field \"\(field.column)\" is not a column of \(dataName)\(suggestion); "
        + "its default is for data without the column",
      at: field.location)
  }

  /// ` (did you mean the data's column "Alocation"? …)`: the column of `join`, of the data or
  /// (when `computedToo`) the computed column nearest `name`, saying where to correct a misspelt
  /// header; empty when none is near.
  func didYouMean(_ name: String, join: String?, computedToo: Bool) -> String {
    let joined = join.flatMap { joins[$0] }
    let names =
      (joined?.header ?? []) + header + (computedToo ? computed.keys.sorted() : [])
    guard let near = Suggestion.nearest(to: name, among: names) else { return "" }
    if let joined, joined.columns[near] != nil {
      return " (did you mean the \"\(joined.name)\" join's column \"\(near)\"? "
        + "if \(joined.file.name)'s header is misspelt, correct it there)"
    }
    if columns[near] != nil {
      return " (did you mean the data's column \"\(near)\"? "
        + "if the data's header is misspelt, correct it there)"
    }
    return " (did you mean the computed column \"\(near)\"?)"
  }

  /// Records that `column` is used with `need`, in the innermost scope that has it.
  mutating func use(
    _ column: String, _ need: ValueRequirement, at location: SourceLocation, join: String?
  ) throws(BoardpackError) {
    if need == .money { moneyColumns.insert(column) }
    if let join, joins[join]?.columns[column] != nil {
      joined[join, default: [:]][column, default: []].insert(need)
    } else if columns[column] != nil {
      main[column, default: []].insert(need)
    } else if computed[column] != nil {
      guard need != .date else {
        throw BoardpackError("computed column \"\(column)\" is not a date", at: location)
      }
    } else {
      let joined = join.flatMap { joins[$0] }
      let files = [dataName] + (joined.map { [$0.file.name] } ?? [])
      let listed =
        "its columns are: \(header.joined(separator: ", "))"
        + (joined.map { "; \($0.file.name)'s: \($0.header.joined(separator: ", "))" } ?? "")
      throw BoardpackError(
        "the field \"\(column)\" is not a column of \(files.joined(separator: " or ")) nor a computed column"
          + didYouMean(column, join: join, computedToo: true) + "; " + listed,
        at: location)
    }
  }
}
