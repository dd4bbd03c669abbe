import Foundation

/// Builds a `Table` from its CSV and its declaration (FORMATS.md §1–2): types the columns, appends the
/// total column and derived columns in order, then the total row, all in `Decimal`, and formats every cell.
///
/// Every cell of a figure column is a figure or one of the table's placeholders (`blank:`); anything
/// else is an error. A last row the CSV labels "Total" is the table's total row, checked as any total
/// is; with `total: row`, which computes one, it is an error. A placeholder prints as written and is no figure: a computed cell that needs it
/// prints it too, and a sum leaves it out and says so ("£40,000.00 (excluding tbc)"), as does every
/// figure computed from such a sum.
struct CSVTableBuilder {
  let spec: TableSpec
  private var columns: [Column] = []
  /// Decimal places shown per column.
  private var places: [Int] = []
  /// One array of entries per row; the total row, when asked for, is last.
  private var rows: [[Entry]] = []
  private var locations: [SourceLocation?] = []
  private var relations: [Relation] = []
  /// Whether the last row is a total: computed (`total: row`) or typed in the CSV.
  private var hasTotalRow: Bool

  /// A cell's value, and the placeholders a sum behind it left out.
  private struct Entry {
    var value: Value
    var excluding: [String] = []
  }

  init(spec: TableSpec) {
    self.spec = spec
    hasTotalRow = spec.totalRow
  }

  /// The finished table with `caption`.
  static func table(_ spec: TableSpec, caption: [Inline]) throws(BoardpackError) -> Table {
    var builder = CSVTableBuilder(spec: spec)
    try builder.read()
    if spec.totalRow { builder.appendTotalRow() }
    if let total = spec.totalColumn {
      let sources = try builder.indices(of: total.of, origin: total.origin)
      try builder.appendColumn(
        total.column, relation: .totalColumn(column: builder.columns.count, of: sources),
        sources: sources,
        origin: total.origin)
    }
    for derived in spec.derived {
      let sources = try builder.indices(of: derived.rule.sources, origin: derived.origin)
      let column = builder.columns.count
      let relation: Relation =
        switch derived.rule {
        case .difference: .difference(column: column, minuend: sources[0], subtrahend: sources[1])
        case .percentChange: .percentChange(column: column, new: sources[0], old: sources[1])
        case .pointChange: .pointChange(column: column, new: sources[0], old: sources[1])
        case .share: .share(column: column, part: sources[0])
        case .direction: .direction(column: column, baseline: sources[0], latest: sources[1])
        case .rag:
          .rag(column: column, target: sources[0], baseline: sources[1], latest: sources[2])
        }
      switch relation {
      case .direction, .rag:
        try builder.appendRuleColumn(derived.column, relation: relation, sources: sources)
      default:
        try builder.appendColumn(
          derived.column, relation: relation, sources: sources, origin: derived.origin)
      }
    }
    if builder.hasTotalRow { builder.relations.append(.totalRow) }
    let labels = try spec.rowLabels.map { labels throws(BoardpackError) in
      try builder.rowLabels(labels)
    }
    return builder.finished(caption: caption, labels: labels)
  }

  /// Reads the CSV, types its columns (declared, else inferred) and parses every cell.
  private mutating func read() throws(BoardpackError) {
    let reader = try CSVReader(path: spec.path)
    let computed = [spec.totalColumn?.column].compactMap { $0 } + spec.derived.map(\.column)
    if let clash = computed.first(where: reader.header.contains) {
      throw BoardpackError(
        "column \"\(clash)\" is computed (total-column: or derive:) and must not be in the CSV",
        at: SourceLocation(file: spec.path, line: 1))
    }
    for declared in spec.types where !reader.header.contains(declared.header) {
      throw declared.origin.error(
        "types: names column \"\(declared.header)\", which \(spec.path) does not have\(Suggestion.didYouMean(declared.header, among: reader.header)); its columns are: \(reader.header.joined(separator: ", "))"
      )
    }
    var texts: [[String]] = []
    try reader.forEachRecord { record throws(BoardpackError) in
      texts.append(record.fields)
      locations.append(SourceLocation(file: spec.path, line: record.line))
    }
    var inferred: [Bool] = []
    for (index, header) in reader.header.enumerated() {
      let samples = texts.map { $0[index] }.filter { !isPlaceholder($0) }
      let declared = spec.types.last { $0.header == header }?.type
      let type = declared ?? CSVTableBuilder.inferType(of: samples)
      columns.append(Column(header: header, type: type))
      inferred.append(declared == nil)
      let shown = samples.map(FigureParser.places).max() ?? 0
      // Money shows pence when any cell has them; other figures as many places as their cells show.
      switch type {
      case .money: places.append(shown > 0 ? 2 : 0)
      case .count, .text: places.append(0)
      case .decimal, .percent, .points: places.append(shown)
      }
    }
    for (row, fields) in texts.enumerated() {
      var entries: [Entry] = []
      for (index, text) in fields.enumerated() {
        let column = columns[index]
        if column.type != .text, isPlaceholder(text) {
          entries.append(Entry(value: .text(text.trimmedOfWhiteSpace)))
          continue
        }
        guard let value = CSVTableBuilder.figure(text, as: column.type) else {
          let like = inferred[index] ? " like the column's other cells" : ""
          let hint = FigureParser.encodingHint(for: text)
          throw BoardpackError(
            "column \"\(column.header)\": \"\(text)\" is not \(CSVTableBuilder.describe(column.type))\(like)"
              + (hint.isEmpty
                ? "; to print it as written, list it under the table's blank:, or make the column text (types:)"
                : hint),
            at: locations[row]!)
        }
        entries.append(Entry(value: value))
      }
      rows.append(entries)
    }
    if let last = texts.last?.first, Row.isTotalLabel(last) {
      guard !spec.totalRow else {
        throw BoardpackError(
          "the last row is a total typed in the CSV, and the table's total: row computes one; remove the row (Boardpack adds up the rows) or the total: row",
          at: locations[texts.count - 1]!)
      }
      hasTotalRow = true
    }
  }

  /// Whether `text` is one of the table's placeholders (`blank:`), case aside.
  private func isPlaceholder(_ text: String) -> Bool {
    let trimmed = text.trimmedOfWhiteSpace
    return !trimmed.isEmpty
      && spec.blank.contains {
        $0.trimmedOfWhiteSpace.caseInsensitiveCompare(trimmed) == .orderedSame
      }
  }

  /// The placeholder in `row` and `column`, if the cell of a figure column holds one.
  private func placeholder(_ row: Int, _ column: Int) -> String? {
    guard columns[column].type != .text, case .text(let text) = rows[row][column].value else {
      return nil
    }
    return text
  }

  /// The value of a CSV cell as `type`: as `FigureParser` reads it, with no space inside a figure
  /// other than after its sign ("- 1,294,118" is one; "1 234" and "£ 20" are not); nil when it is
  /// not one.
  private static func figure(_ text: String, as type: ValueType) -> Value? {
    var body = Substring(text.trimmedOfWhiteSpace)
    if let sign = body.first, "-−–+".contains(sign) {
      body = body.dropFirst().drop(while: \.isWhitespace)
    }
    guard type == .text || !body.contains(where: \.isWhitespace) else { return nil }
    return FigureParser.parse(text, as: type)
  }

  /// The type that reads the most of `samples`, the more specific on a tie (money needs a "£" in
  /// the column), when it reads at least half of the cells that are neither empty nor Nil; else text.
  private static func inferType(of samples: [String]) -> ValueType {
    let filled = samples.map(\.trimmedOfWhiteSpace).filter {
      !$0.isEmpty && !FigureParser.isNil($0)
    }
    var best: (type: ValueType, count: Int) = (.text, 0)
    for type in [ValueType.money, .percent, .count, .decimal] {
      let read = filled.filter { figure($0, as: type) != nil }
      if type == .money && !read.contains(where: { $0.contains("£") }) { continue }
      if read.count > best.count { best = (type, read.count) }
    }
    return best.count > 0 && best.count * 2 >= filled.count ? best.type : .text
  }

  /// Appends the "Total" row: sums of count, money and decimal columns; computed columns fill it in later.
  private mutating func appendTotalRow() {
    let body = rows.indices
    rows.append(
      columns.enumerated().map { index, column in
        switch column.type {
        case .text: Entry(value: index == 0 ? .text("Total") : .blank)
        case .percent, .points: Entry(value: .blank)
        case .count, .money, .decimal: sum(body.map { ($0, index) }, as: column.type)
        }
      })
    locations.append(nil)
  }

  /// The sum of the figures in `cells` (Nil counts as zero), leaving out and naming the placeholders;
  /// blank when there are no figures, the placeholders when there are only those.
  private func sum(_ cells: [(row: Int, column: Int)], as type: ValueType) -> Entry {
    var excluding: [String] = []
    for (row, column) in cells {
      for text in [placeholder(row, column)].compactMap({ $0 }) + rows[row][column].excluding
      where !excluding.contains(text) {
        excluding.append(text)
      }
    }
    let numbers = cells.compactMap { rows[$0.row][$0.column].value.number }
    guard !numbers.isEmpty else {
      return Entry(value: excluding.isEmpty ? .blank : .text(excluding.joined(separator: ", ")))
    }
    return Entry(
      value: CSVTableBuilder.value(numbers.reduce(0, +), as: type), excluding: excluding)
  }

  /// Appends a computed column, computing every row (the total row too) from the `sources` columns.
  /// A row with a placeholder among its sources shows that placeholder, except in a total column,
  /// which sums the rest.
  private mutating func appendColumn(
    _ header: String, relation: Relation, sources: [Int], origin: Origin
  ) throws(BoardpackError) {
    for source in sources where columns[source].type == .text {
      throw origin.error(
        "column \"\(columns[source].header)\" holds text, so \"\(header)\" cannot be computed from it"
      )
    }
    let bodyCount = hasTotalRow ? rows.count - 1 : rows.count
    let type: ValueType
    var shownPlaces = sources.map { places[$0] }.max() ?? 0
    switch relation {
    case .totalColumn, .difference: type = columns[sources[0]].type
    case .pointChange:
      type = .points
      shownPlaces = max(shownPlaces, 1)
    default:
      type = .percent
      shownPlaces = 1
    }
    let whole = sum((0..<bodyCount).map { ($0, sources[0]) }, as: type)
    var computed: [Entry] = []
    for row in rows.indices {
      if case .totalColumn = relation {
        computed.append(sum(sources.map { (row, $0) }, as: type))
        continue
      }
      if let text = sources.compactMap({ placeholder(row, $0) }).first {
        computed.append(Entry(value: .text(text)))
        continue
      }
      let numbers = sources.map { rows[row][$0].value.number }
      var excluding = sources.flatMap { rows[row][$0].excluding }
      var result: Decimal?
      switch relation {
      case .difference, .pointChange:
        if let a = numbers[0], let b = numbers[1] { result = a - b }
      case .percentChange:
        if let new = numbers[0], let old = numbers[1], old != 0 { result = (new - old) / old * 100 }
      default:
        excluding += whole.excluding
        if let part = numbers[0], let whole = whole.value.number, whole != 0 {
          result = part / whole * 100
        }
      }
      let rounded = result.map {
        type == .percent || type == .points ? UKFormat.rounded($0, places: shownPlaces) : $0
      }
      computed.append(
        Entry(
          value: rounded.map { CSVTableBuilder.value($0, as: type) } ?? .blank,
          excluding: excluding.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }))
    }
    for row in rows.indices { rows[row].append(computed[row]) }
    columns.append(Column(header: header, type: type))
    places.append(shownPlaces)
    relations.append(relation)
  }

  /// Appends the text column of a `.direction` or `.rag` relation, computed by `DashboardRule` from each
  /// body row's cells as printed (FORMATS.md §7); the total row's cell is blank.
  private mutating func appendRuleColumn(_ header: String, relation: Relation, sources: [Int])
    throws(BoardpackError)
  {
    for row in rows.indices {
      let shown = rows[row].indices.map { UKFormat.show(rows[row][$0].value, places: places[$0]) }
      var text = ""
      if let given = sources.compactMap({ placeholder(row, $0) }).first {
        text = given
      } else if !isTotalRow(row) {
        do {
          text = try DashboardRule.cell(of: relation, in: shown) ?? ""
        } catch {
          throw BoardpackError(
            "row \(row + 1), column \"\(header)\": \(error.message)", at: locations[row]!)
        }
      }
      rows[row].append(Entry(value: text.isEmpty ? .blank : .text(text)))
    }
    columns.append(Column(header: header, type: .text))
    places.append(0)
    relations.append(relation)
  }

  /// The label of each row, from its printed cell in the `row-labels` column (FORMATS.md §7.5);
  /// nil for the total row. An empty cell, or two rows with the same label, is an error.
  private func rowLabels(_ declared: TableSpec.RowLabels) throws(BoardpackError) -> [Label?] {
    let column = try indices(of: [declared.column], origin: declared.origin)[0]
    var labels: [Label?] = []
    var rowsByLabel: [Label: Int] = [:]
    for (row, values) in rows.enumerated() {
      guard !isTotalRow(row) else {
        labels.append(nil)
        continue
      }
      let key = UKFormat.show(values[column].value, places: places[column])
      guard let label = Row.label(forKey: key) else {
        throw BoardpackError(
          "row \(row + 1): the row-labels column \"\(declared.column)\" is empty, so the row has no label",
          at: locations[row]!)
      }
      if let first = rowsByLabel[label] {
        throw BoardpackError(
          "row \(row + 1): the label \"\(label)\" is already row \(first + 1)'s (row-labels: \(declared.column))",
          at: locations[row]!)
      }
      rowsByLabel[label] = row
      labels.append(label)
    }
    return labels
  }

  /// Whether `row` is the total row.
  private func isTotalRow(_ row: Int) -> Bool { hasTotalRow && row == rows.count - 1 }

  private func indices(of headers: [String], origin: Origin) throws(BoardpackError) -> [Int] {
    try headers.map { header throws(BoardpackError) in
      guard let index = columns.firstIndex(where: { $0.header == header }) else {
        throw origin.error(
          "no column \"\(header)\" in the table\(Suggestion.didYouMean(header, among: columns.map(\.header))); its columns are: \(columns.map(\.header).joined(separator: ", "))"
        )
      }
      return index
    }
  }

  private func finished(caption: [Inline], labels: [Label?]?) -> Table {
    let tableRows = rows.enumerated().map { row, values in
      Row(
        cells: values.enumerated().map { index, entry in
          let note =
            entry.excluding.isEmpty
            ? "" : " (excluding \(entry.excluding.joined(separator: ", ")))"
          return Cell(
            value: entry.value, shown: UKFormat.show(entry.value, places: places[index]) + note)
        },
        isTotal: isTotalRow(row), location: locations[row],
        label: labels?[row])
    }
    return Table(
      label: spec.label, caption: caption, columns: columns, rows: tableRows, relations: relations, fit: spec.fit,
      location: spec.origin.location)
  }

  private static func value(_ number: Decimal, as type: ValueType) -> Value {
    switch type {
    case .count: .count(number)
    case .money: .money(number)
    case .percent: .percent(number)
    case .points: .points(number)
    case .decimal, .text: .decimal(number)
    }
  }

  private static func describe(_ type: ValueType) -> String {
    switch type {
    case .money: "an amount of money"
    case .count: "a whole number"
    case .decimal: "a number"
    case .percent: "a percentage"
    case .points: "a change in percentage points"
    case .text: "text"
    }
  }
}
