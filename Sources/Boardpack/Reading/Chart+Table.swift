import Foundation

extension Chart {
  /// The chart `spec` asks for, drawn from `table`: by default a category per body row (named by
  /// the first column) and a series per column of figures that the input gives (computed columns
  /// left out); `rows: series` turns it round. A column the spec names that the table lacks is an
  /// error at the spec.
  init(_ spec: ChartSpec, from table: Table) throws(BoardpackError) {
    let headers = table.columns.map(\.header)
    func column(_ name: String) throws(BoardpackError) -> Int {
      guard let index = headers.firstIndex(of: name) else {
        throw spec.origin.error(
          "the chart's table has no column \"\(name)\"\(Suggestion.didYouMean(name, among: headers)); its columns are: \(headers.joined(separator: ", "))"
        )
      }
      return index
    }
    let categoryColumn =
      try spec.categories.map { name throws(BoardpackError) in try column(name) } ?? 0
    var computed: Set<Int> = []
    for relation in table.relations {
      switch relation {
      case .totalColumn(let c, _), .difference(let c, _, _), .percentChange(let c, _, _),
        .pointChange(let c, _, _),
        .share(let c, _), .direction(let c, _, _), .rag(let c, _, _, _):
        computed.insert(c)
      default: break
      }
    }
    var seriesColumns: [Int] = []
    for name in spec.series { seriesColumns.append(try column(name)) }
    if seriesColumns.isEmpty {
      seriesColumns = table.columns.indices.filter {
        $0 != categoryColumn && table.columns[$0].type != .text && !computed.contains($0)
      }
    }
    guard !seriesColumns.isEmpty else {
      throw spec.origin.error(
        "the chart's table has no column of figures to draw; name them with series:")
    }
    let rows = table.rows.filter { !$0.isTotal }
    func cell(_ row: Row, _ index: Int) -> Cell? {
      index < row.cells.count ? row.cells[index] : nil
    }
    var categories = rows.map { cell($0, categoryColumn)?.shown ?? "" }
    var series = seriesColumns.map { index in
      Series(
        name: headers[index], values: rows.map { cell($0, index)?.value.number },
        shown: rows.map { cell($0, index)?.shown ?? "" })
    }
    var heading = headers[categoryColumn]
    if spec.seriesByRow {
      let columnNames = series.map(\.name)
      series = categories.indices.map { row in
        Series(
          name: categories[row], values: series.map { $0.values[row] },
          shown: series.map { $0.shown[row] })
      }
      categories = columnNames
      heading = ""
    }
    let types = Set(seriesColumns.map { table.columns[$0].type })
    self.init(
      kind: spec.kind, categoryHeading: heading, categories: categories, series: series,
      unit: types.count == 1 ? types.first! : .decimal)
  }
}
