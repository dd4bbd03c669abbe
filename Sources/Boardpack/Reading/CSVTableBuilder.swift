import Foundation

/// Builds a `Table` from its CSV and its declaration (FORMATS.md §1–2): types the columns, appends the
/// total column and derived columns in order, then the total row, all in `Decimal`, and formats every cell.
struct CSVTableBuilder {
  let spec: TableSpec
  private var columns: [Column] = []
  /// Decimal places shown per column.
  private var places: [Int] = []
  /// One array of values per row; the total row, when asked for, is last.
  private var rows: [[Value]] = []
  private var locations: [SourceLocation?] = []
  private var relations: [Relation] = []

  init(spec: TableSpec) { self.spec = spec }

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
      case .direction, .rag: try builder.appendRuleColumn(derived.column, relation: relation)
      default:
        try builder.appendColumn(
          derived.column, relation: relation, sources: sources, origin: derived.origin)
      }
    }
    if spec.totalRow { builder.relations.append(.totalRow) }
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
        "types: names column \"\(declared.header)\", which \(spec.path) does not have; its columns are: \(reader.header.joined(separator: ", "))"
      )
    }
    var texts: [[String]] = []
    try reader.forEachRecord { record throws(BoardpackError) in
      texts.append(record.fields)
      locations.append(SourceLocation(file: spec.path, line: record.line))
    }
    for (index, header) in reader.header.enumerated() {
      let samples = texts.map { $0[index] }
      let type =
        spec.types.last { $0.header == header }?.type ?? FigureParser.inferType(of: samples)
      columns.append(Column(header: header, type: type))
      let shown = samples.map(FigureParser.places).max() ?? 0
      // Money shows pence when any cell has them; other figures as many places as their cells show.
      switch type {
      case .money: places.append(shown > 0 ? 2 : 0)
      case .count, .text: places.append(0)
      case .decimal, .percent, .points: places.append(shown)
      }
    }
    for (row, fields) in texts.enumerated() {
      var values: [Value] = []
      for (index, text) in fields.enumerated() {
        guard let value = FigureParser.parse(text, as: columns[index].type) else {
          throw BoardpackError(
            "row \(row + 1): \"\(text)\" in column \"\(columns[index].header)\" is not \(CSVTableBuilder.describe(columns[index].type))",
            at: locations[row]!)
        }
        values.append(value)
      }
      rows.append(values)
    }
  }

  /// Appends the "Total" row: sums of count, money and decimal columns; computed columns fill it in later.
  private mutating func appendTotalRow() {
    let body = rows
    rows.append(
      columns.enumerated().map { index, column in
        switch column.type {
        case .text: index == 0 ? .text("Total") : .blank
        case .percent, .points: .blank
        case .count, .money, .decimal:
          CSVTableBuilder.sum(body.map { $0[index] }).map {
            CSVTableBuilder.value($0, as: column.type)
          } ?? .blank
        }
      })
    locations.append(nil)
  }

  /// Appends a computed column, computing every row (the total row too) from the `sources` columns.
  private mutating func appendColumn(
    _ header: String, relation: Relation, sources: [Int], origin: Origin
  ) throws(BoardpackError) {
    for source in sources where columns[source].type == .text {
      throw origin.error(
        "column \"\(columns[source].header)\" holds text, so \"\(header)\" cannot be computed from it"
      )
    }
    let bodyCount = spec.totalRow ? rows.count - 1 : rows.count
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
    for row in rows.indices {
      let numbers = sources.map { rows[row][$0].number }
      var result: Decimal?
      switch relation {
      case .totalColumn: result = CSVTableBuilder.sum(sources.map { rows[row][$0] })
      case .difference, .pointChange:
        if let a = numbers[0], let b = numbers[1] { result = a - b }
      case .percentChange:
        if let new = numbers[0], let old = numbers[1], old != 0 { result = (new - old) / old * 100 }
      default:
        let whole = CSVTableBuilder.sum(rows.prefix(bodyCount).map { $0[sources[0]] })
        if let part = numbers[0], let whole, whole != 0 { result = part / whole * 100 }
      }
      let rounded = result.map {
        type == .percent || type == .points ? UKFormat.rounded($0, places: shownPlaces) : $0
      }
      rows[row].append(rounded.map { CSVTableBuilder.value($0, as: type) } ?? .blank)
    }
    columns.append(Column(header: header, type: type))
    places.append(shownPlaces)
    relations.append(relation)
  }

  /// Appends the text column of a `.direction` or `.rag` relation, computed by `DashboardRule` from each
  /// body row's cells as printed (FORMATS.md §7); the total row's cell is blank.
  private mutating func appendRuleColumn(_ header: String, relation: Relation)
    throws(BoardpackError)
  {
    for row in rows.indices {
      let shown = rows[row].indices.map { UKFormat.show(rows[row][$0], places: places[$0]) }
      var text = ""
      if !isTotalRow(row) {
        do {
          text = try DashboardRule.cell(of: relation, in: shown) ?? ""
        } catch {
          throw BoardpackError(
            "row \(row + 1), column \"\(header)\": \(error.message)", at: locations[row]!)
        }
      }
      rows[row].append(text.isEmpty ? .blank : .text(text))
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
      let key = UKFormat.show(values[column], places: places[column])
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

  /// Whether `row` is the appended total row.
  private func isTotalRow(_ row: Int) -> Bool { spec.totalRow && row == rows.count - 1 }

  private func indices(of headers: [String], origin: Origin) throws(BoardpackError) -> [Int] {
    try headers.map { header throws(BoardpackError) in
      guard let index = columns.firstIndex(where: { $0.header == header }) else {
        throw origin.error(
          "no column \"\(header)\" in the table; its columns are: \(columns.map(\.header).joined(separator: ", "))"
        )
      }
      return index
    }
  }

  private func finished(caption: [Inline], labels: [Label?]?) -> Table {
    let tableRows = rows.enumerated().map { row, values in
      Row(
        cells: values.enumerated().map { index, value in
          Cell(value: value, shown: UKFormat.show(value, places: places[index]))
        },
        isTotal: isTotalRow(row), location: locations[row],
        label: labels?[row])
    }
    return Table(
      label: spec.label, caption: caption, columns: columns, rows: tableRows, relations: relations,
      location: spec.origin.location)
  }

  /// The sum of the figures among `values` (Nil counts as zero); nil when there are none.
  private static func sum(_ values: [Value]) -> Decimal? {
    let numbers = values.compactMap(\.number)
    return numbers.isEmpty ? nil : numbers.reduce(0, +)
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
