import Foundation

/// What a table is, worked out from its cells and headers before anything is checked: which
/// columns hold row labels and which hold figures of what unit, which rows are headings, ratios
/// or labelled totals, and every cell read as a figure in its column's context.
///
/// Nothing here needs the paper to have been written by Boardpack: "$  1,452.4", "(8.4%)" and a
/// `%` given only in the header ("Change (%)") all read as their figures, and a table that says
/// its figures are in thousands or millions has every figure read as rounded.
public struct TableLayout: Sendable {
  public let table: Table
  /// Every cell read as a figure once, `figures[row][column]`; nil for labels, text and blanks.
  public let figures: [[Measured?]]
  /// The unit each column's figures are in: what most of its cells print, else its header's.
  public let units: [PrintedFigure.Unit]
  /// The columns that hold figures, in table order: all but the label columns (the first, and any
  /// that are mostly text or years used as labels).
  public let figureColumns: [Int]
  /// Rows with no figure at all: section headings, and header rows repeated in the body.
  public let headingRows: Set<Int>
  /// The table states a scale ("in millions", "£000", "$m"), so its figures are rounded.
  public let isScaled: Bool
  /// Each row's label: the text of its first label column.
  private let labels: [String]
  private let rowKinds: [RowKind]
  private let columnKinds: [ColumnKind]

  /// What a row's label and cells say it is.
  private struct RowKind {
    var isRatio = false
    var isDeduction = false
    var isLabelledTotal = false
  }

  /// What a column's header says it is.
  private struct ColumnKind {
    var isLabel = false
    var isRatio = false
    var isChange = false
    var isResult = false
    var isTotal = false
    var year: Int?
  }

  /// Reads `table`; `context` is the text around it (caption, the paragraphs before and after),
  /// where a scale such as "(in millions)" is often given.
  public init(_ table: Table, context: [String] = []) {
    self.table = table
    let headers = table.columns.map(\.header)
    let titles =
      [table.caption.plainText] + headers
      + table.rows.prefix(3).map {
        $0.cells.first?.shown ?? ""
      }
    let scaled =
      titles.contains { Self.statesScale($0, inTitle: true) }
      || context.contains { Self.statesScale($0, inTitle: false) }
    isScaled = scaled
    // Each cell's own printing first, to find the columns' units.
    let printed = table.rows.map { row in
      row.cells.map { PrintedFigure(reading: $0.shown) }
    }
    let units = table.columns.indices.map { column in
      Self.unit(
        of: printed.compactMap { $0.indices.contains(column) ? $0[column] : nil },
        header: headers[column])
    }
    self.units = units
    let contexts = table.columns.indices.map { column in
      Measured.Context(
        unit: units[column] == .plain ? nil : units[column],
        isMoney: Self.namesMoney(headers[column]), isScaled: scaled)
    }
    let figures = table.rows.indices.map { row in
      table.rows[row].cells.indices.map { column -> Measured? in
        guard table.columns.indices.contains(column) else { return nil }
        return Measured(
          table.rows[row].cells[column], printed: printed[row][column], context: contexts[column])
      }
    }
    self.figures = figures
    let columnKinds = headers.enumerated().map { column, header in
      let words = Self.words(header)
      return ColumnKind(
        isLabel: Self.isLabelColumn(column, figures: figures, rows: table.rows),
        isRatio: Self.namesRatio(header, words: words) || Self.namesRate(words),
        isChange: Self.namesChange(header),
        isResult: words.contains {
          ["remaining", "remainder", "balance", "net", "left", "outstanding"].contains($0)
        },
        isTotal: words.first == "total" || words.last == "total",
        year: {
          let years = Self.years(in: header)
          return years.count == 1 ? years[0] : nil
        }())
    }
    self.columnKinds = columnKinds
    let figureColumns = table.columns.indices.filter { !columnKinds[$0].isLabel }
    self.figureColumns = figureColumns
    let headingRows = Set(
      table.rows.indices.filter { row in
        let cells = figureColumns.compactMap {
          figures[row].indices.contains($0) ? figures[row][$0] : nil
        }
        return cells.isEmpty || Self.isYearHeaderRow(cells)
      })
    self.headingRows = headingRows
    let labelColumn = columnKinds.firstIndex(where: \.isLabel) ?? 0
    let labels = table.rows.map { row in
      row.cells.indices.contains(labelColumn)
        ? row.cells[labelColumn].shown.trimmedOfWhiteSpace : ""
    }
    self.labels = labels
    rowKinds = table.rows.indices.map { row in
      let money = table.rows[row].cells.contains { Self.namesMoney($0.shown) }
      let words = Self.words(labels[row])
      return RowKind(
        // "Average" heads a row of averages; "Weighted average shares" is a count.
        isRatio: Self.namesRatio(labels[row], words: words, money: money)
          || ["average", "mean", "median"].contains(words.first ?? ""),
        isDeduction: words.first.map { ["less", "deduct", "minus"].contains($0) } ?? false,
        isLabelledTotal: labels[row].isEmpty
          ? row > 0 && !headingRows.contains(row) && !headingRows.contains(row - 1)
          : Self.namesTotal(words))
    }
  }

  /// The figure in a cell, unless its column is a label column or its row a heading; nil when it
  /// holds none or does not exist.
  public func figure(_ row: Int, _ column: Int) -> Measured? {
    guard figures.indices.contains(row), figures[row].indices.contains(column),
      !columnKinds[column].isLabel, !headingRows.contains(row)
    else { return nil }
    return figures[row][column]
  }

  /// Whether a cell is missing or prints nothing.
  public func isBlank(_ row: Int, _ column: Int) -> Bool {
    !table.rows[row].cells.indices.contains(column)
      || table.rows[row].cells[column].shown.trimmedOfWhiteSpace.isEmpty
  }

  /// The row's label: the text of its first label column.
  public func label(_ row: Int) -> String { labels[row] }

  /// A row labelled as a total: "Total", "Total revenue", "Sub-total:", "Revenue, total", "Balance at
  /// end of period", "Closing balance"; or a row with no label straight under rows of figures.
  public func isLabelledTotal(_ row: Int) -> Bool { rowKinds[row].isLabelledTotal }

  /// A row whose figures are deducted where printed without a minus: "Less: interest".
  public func isDeduction(_ row: Int) -> Bool { rowKinds[row].isDeduction }

  /// A row of rates, not amounts: "Gross margin (%)", "Basic earnings per share (cents)" (but
  /// not "Weighted average shares outstanding", which add up).
  public func isRatioRow(_ row: Int) -> Bool { rowKinds[row].isRatio }

  /// A column of rates, averages or prices, which do not add up.
  public func isRatioColumn(_ column: Int) -> Bool { columnKinds[column].isRatio }

  /// A column of changes between two others: "Change", "% Change YoY", "Increase (decrease)",
  /// "Variance", "+/-".
  public func isChangeColumn(_ column: Int) -> Bool { columnKinds[column].isChange }

  /// A column that is the result of others: "Remaining", "Balance", "Net".
  public func isResultColumn(_ column: Int) -> Bool { columnKinds[column].isResult }

  /// A column headed as a total: "Total", "Grand total".
  public func isTotalColumn(_ column: Int) -> Bool { columnKinds[column].isTotal }

  /// The year a column's header names ("2019", "FY 2018", "2024/25", "Dec 28, 2019"), if it names
  /// exactly one.
  public func year(_ column: Int) -> Int? { columnKinds[column].year }

  // MARK: Words

  private static func namesTotal(_ words: [String]) -> Bool {
    guard let first = words.first, let last = words.last else { return false }
    let second = words.dropFirst().first
    return ["total", "totals", "subtotal", "subtotals"].contains(first)
      || (first == "sub" && second == "total")
      || (words.count <= 4 && ["total", "totals"].contains(last))
      || ["grand", "overall"].contains(first) && second == "total"
      || (["closing", "ending"].contains(first) && words.contains("balance"))
      || (["balance", "balances"].contains(first)
        && words.contains(where: { ["end", "ending", "closing"].contains($0) }))
  }

  /// A heading whose last word before any unit is a rate, price or average ("Interest rate",
  /// "Weighted average exercise price", "Average £m"), not one that merely mentions one ("Fixed
  /// rate financial assets £m").
  private static func namesRate(_ words: [String]) -> Bool {
    let units: Set<String> = [
      "m", "bn", "k", "million", "millions", "thousand", "thousands", "in", "s",
    ]
    guard let last = words.last(where: { !units.contains($0) }) else { return false }
    return ["rate", "rates", "price", "prices", "average", "mean", "median"].contains(last)
  }

  private static func namesChange(_ header: String) -> Bool {
    let header = header.lowercased()
    let words = words(header)
    return header.contains("+/-") || header.contains("inc/(dec)")
      || words.contains {
        [
          "change", "changes", "variance", "difference", "increase", "decrease", "growth", "yoy",
          "movement",
        ].contains($0)
      }
  }

  /// Lower-case words of letters only ("Rate4 (%)" → ["rate"]).
  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init)
  }

  /// Words that make a label a rate, not an amount: a "%" that is a unit, "(cents)", "(x)",
  /// "percent", "per share", "ratio"; and "margin", unless `money` says the figures are in a
  /// currency ("Adjusted gross margin $141,427").
  private static func namesRatio(_ text: String, words: [String], money: Bool = false) -> Bool {
    if ratioMarks.firstMatch(in: text) != nil { return true }
    return words.contains { word in
      ["percent", "percentage", "per", "ratio", "ratios", "eps", "yield", "multiple"].contains(word)
        || !money && ["margin", "margins"].contains(word)
    }
  }

  /// A "%" that is a unit, not part of a figure in the label ("Gross margin (%)", but not "Tax at
  /// 19.0%" or "6.875% Senior Notes", which are amounts); "(cents)", "(x)".
  private static let ratioMarks = TextPattern(
    #"(?i)(?<![0-9.])%|\((?:cents|x|times)\)"#, needing: ["%", "(cents)", "(x)", "(times)"])

  private static func namesMoney(_ text: String) -> Bool {
    text.unicodeScalars.contains { "£$€¥₹".unicodeScalars.contains($0) }
  }

  /// "(in millions)", "in thousands", "£000", "$'000", "€m", "US$m", "£bn"; in a title (a header,
  /// caption or label) the bare words too: "€ million", "Thousands of dollars".
  static func statesScale(_ text: String, inTitle: Bool) -> Bool {
    (inTitle ? titleScale : scalePattern).firstMatch(in: text) != nil
  }

  private static let titleScale = TextPattern(
    "(?i)thousand|million|billion|" + scale,
    needing: ["thousand", "million", "billion", "000", "m", "bn"])

  private static let scalePattern = TextPattern(
    "(?i)" + scale, needing: ["thousand", "million", "billion", "000", "m", "bn"])

  private static let scale =
    #"\b(?:in\s+(?:thousands|millions|billions)|(?:thousands|millions|billions)\s+of)\b|[$£€¥]\s?(?:'|’)?000\b|(?:'|’)000s?\b|\b000s\b|\(000\)|[$£€¥]\s?(?:m|mn|bn|k)\b|\b(?:rmb|usd|eur|gbp|hk\$|us\$)\s?(?:'000|m|mn|bn)\b|\b(?:m|bn)\s?[$£€]"#

  private static let yearPattern = TextPattern(#"(?<![\d,.])(?:19|20)\d\d(?![\d,.%])"#)

  static func years(in text: String) -> [Int] {
    yearPattern.matches(in: text).compactMap { $0[0].flatMap { Int($0) } }
  }

  /// The unit most of a column's figures print (for a change column, any of them: "(13%)" above
  /// "16"); a header's "%" or "pp" when they print none.
  private static func unit(of figures: [PrintedFigure], header: String) -> PrintedFigure.Unit {
    let printed = figures.filter { !$0.isNil }
    let counts = Dictionary(grouping: printed, by: \.unit).mapValues(\.count)
    if namesChange(header), counts[.percent, default: 0] > 0 { return .percent }
    if let (unit, count) = counts.filter({ $0.key != .plain }).max(by: { $0.value < $1.value }),
      count * 2 >= printed.count
    {
      return unit
    }
    let lower = header.lowercased()
    let words = words(lower)
    if words.contains(where: { ["pp", "ppt", "ppts", "bps", "points"].contains($0) }) {
      return .points
    }
    if lower.contains("%") || words.contains("percent") || words.contains("percentage") {
      return .percent
    }
    return .plain
  }

  /// The first column holds the rows' labels; any other column is a label column when fewer than
  /// half its filled cells are figures, or all of them are years.
  private static func isLabelColumn(_ column: Int, figures: [[Measured?]], rows: [Row]) -> Bool {
    if column == 0 { return true }
    let filled = rows.indices.filter {
      rows[$0].cells.indices.contains(column)
        && !rows[$0].cells[column].shown.trimmedOfWhiteSpace.isEmpty
    }
    let numbers = filled.compactMap { figures[$0][column] }
    return numbers.count * 2 < filled.count
      || (numbers.count >= 2 && isYearHeaderRow(numbers))
  }

  /// Figures that are all distinct years printed bare ("2019", "2018"): labels, not amounts.
  private static func isYearHeaderRow(_ figures: [Measured]) -> Bool {
    figures.count >= 2 && Set(figures.map(\.value)).count == figures.count
      && figures.allSatisfy {
        $0.unit == .plain && $0.places == 0 && $0.shown.count == 4
          && $0.shown.allSatisfy(\.isNumber)
          && (1900...2100).contains($0.value)
      }
  }
}
