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
  /// Columns of row labels (the first, and any that are mostly text or years used as labels).
  public let labelColumns: Set<Int>
  /// Rows with no figure at all: section headings, and header rows repeated in the body.
  public let headingRows: Set<Int>
  /// The table states a scale ("in millions", "£000", "$m"), so its figures are rounded.
  public let isScaled: Bool

  /// Reads `table`; `context` is the text around it (caption, the paragraphs before and after),
  /// where a scale such as "(in millions)" is often given.
  public init(_ table: Table, context: [String] = []) {
    self.table = table
    let headers = table.columns.map(\.header)
    let titles = [table.caption.plainText] + headers + table.rows.prefix(3).map {
      $0.cells.first?.shown ?? ""
    }
    let scaled =
      titles.contains { Self.statesScale($0, inTitle: true) }
      || context.contains { Self.statesScale($0, inTitle: false) }
    isScaled = scaled
    // First pass: each cell's own printing, to find the columns' units.
    let printed = table.rows.map { row in
      row.cells.map { PrintedFigure(reading: $0.shown) }
    }
    let units = table.columns.indices.map { column in
      Self.unit(
        of: printed.compactMap { $0.indices.contains(column) ? $0[column] : nil },
        header: headers[column])
    }
    self.units = units
    let figures = table.rows.map { row in
      row.cells.indices.map { column -> Measured? in
        guard table.columns.indices.contains(column) else { return nil }
        let context = Measured.Context(
          unit: units[column] == .plain ? nil : units[column],
          isMoney: Self.namesMoney(headers[column]), isScaled: scaled)
        return Measured(row.cells[column], context: context)
      }
    }
    labelColumns = Set(
      table.columns.indices.filter { column in
        Self.isLabelColumn(column, figures: figures, rows: table.rows)
      })
    let labelColumns = self.labelColumns
    headingRows = Set(
      table.rows.indices.filter { row in
        let cells = figures[row].indices.filter {
          !labelColumns.contains($0) && figures[row][$0] != nil
        }
        return cells.isEmpty || Self.isYearHeaderRow(cells.map { figures[row][$0]! })
      })
    self.figures = figures
  }

  /// The figure in a cell, unless its column is a label column or its row a heading; nil when it
  /// holds none or does not exist.
  public func figure(_ row: Int, _ column: Int) -> Measured? {
    guard figures.indices.contains(row), figures[row].indices.contains(column),
      !labelColumns.contains(column), !headingRows.contains(row)
    else { return nil }
    return figures[row][column]
  }

  /// Whether a cell is missing or prints nothing.
  public func isBlank(_ row: Int, _ column: Int) -> Bool {
    !table.rows[row].cells.indices.contains(column)
      || table.rows[row].cells[column].shown.trimmedOfWhiteSpace.isEmpty
  }

  /// The row's label: the text of its first label column.
  public func label(_ row: Int) -> String {
    let column = labelColumns.min() ?? 0
    let cells = table.rows[row].cells
    return cells.indices.contains(column) ? cells[column].shown.trimmedOfWhiteSpace : ""
  }

  /// The columns that hold figures, in table order.
  public var figureColumns: [Int] {
    table.columns.indices.filter { !labelColumns.contains($0) }
  }

  // MARK: Words

  /// A row labelled as a total: "Total", "Total revenue", "Sub-total:", "Revenue, total", "Balance at
  /// end of period", "Closing balance"; or a row with no label straight under rows of figures.
  public func isLabelledTotal(_ row: Int) -> Bool {
    let label = label(row)
    if label.isEmpty {
      return row > 0 && !headingRows.contains(row) && !headingRows.contains(row - 1)
    }
    let words = Self.words(label)
    guard !words.isEmpty else { return false }
    let first = words.first!
    return ["total", "totals", "subtotal", "subtotals"].contains(first)
      || (first == "sub" && words.dropFirst().first == "total")
      || (words.count <= 4 && ["total", "totals"].contains(words.last!))
      || ["grand", "overall"].contains(first) && words.dropFirst().first == "total"
      || (["closing", "ending"].contains(first) && words.contains("balance"))
      || (["balance", "balances"].contains(first)
        && words.contains(where: { ["end", "ending", "closing"].contains($0) }))
  }

  /// A row whose figures are deducted where printed without a minus: "Less: interest".
  public func isDeduction(_ row: Int) -> Bool {
    Self.words(label(row)).first.map { ["less", "deduct", "minus"].contains($0) } ?? false
  }

  /// A row of rates, not amounts: "Gross margin (%)", "Basic earnings per share (cents)" (but
  /// not "Weighted average shares outstanding", which add up).
  public func isRatioRow(_ row: Int) -> Bool {
    let money = table.rows[row].cells.contains { $0.shown.contains { "£$€¥₹".contains($0) } }
    return Self.namesRatio(label(row), money: money)
  }

  /// A column of rates, averages or prices, which do not add up.
  public func isRatioColumn(_ column: Int) -> Bool {
    let header = table.columns[column].header
    return Self.namesRatio(header)
      || Self.words(header).contains {
        ["rate", "rates", "price", "prices", "average", "mean", "median"].contains($0)
      }
  }

  /// A column of changes between two others: "Change", "% Change YoY", "Increase (decrease)",
  /// "Variance", "+/-".
  public func isChangeColumn(_ column: Int) -> Bool {
    Self.namesChange(table.columns[column].header)
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

  /// A column that is the result of others: "Remaining", "Balance", "Net".
  public func isResultColumn(_ column: Int) -> Bool {
    Self.words(table.columns[column].header).contains {
      ["remaining", "remainder", "balance", "net", "left", "outstanding"].contains($0)
    }
  }

  /// The year a column's header names ("2019", "FY 2018", "2024/25", "Dec 28, 2019"), if it names one.
  public func year(_ column: Int) -> Int? {
    let years = Self.years(in: table.columns[column].header)
    return years.count == 1 ? years.first : nil
  }

  /// Lower-case words of letters only ("Rate4 (%)" → ["rate"]).
  static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init)
  }

  /// Words that make a label a rate, not an amount: "%", "percent", "per share", "ratio",
  /// "(cents)", "(x)"; and "margin", unless `money` says the figures are in a currency ("Adjusted
  /// gross margin $141,427").
  private static func namesRatio(_ text: String, money: Bool = false) -> Bool {
    let lower = text.lowercased()
    if ["%", "(cents)", "(x)", "(times)"].contains(where: lower.contains) { return true }
    return words(lower).contains { word in
      ["percent", "percentage", "per", "ratio", "ratios", "eps", "yield", "multiple"].contains(word)
        || !money && ["margin", "margins"].contains(word)
    }
  }

  private static func namesMoney(_ header: String) -> Bool {
    header.contains { "£$€¥₹".contains($0) }
  }

  /// "(in millions)", "in thousands", "£000", "$'000", "€m", "US$m", "£bn"; in a title (a header,
  /// caption or label) the bare words too: "€ million", "Thousands of dollars".
  static func statesScale(_ text: String, inTitle: Bool) -> Bool {
    let lower = text.lowercased()
    if inTitle, ["thousand", "million", "billion"].contains(where: lower.contains) { return true }
    guard ["thousand", "million", "billion", "000", "m", "bn"].contains(where: lower.contains)
    else { return false }
    return scalePattern.firstMatch(in: lower) != nil
  }

  private static let scalePattern = TextPattern(
    #"\b(?:in\s+(?:thousands|millions|billions)|(?:thousands|millions|billions)\s+of)\b|[$£€¥]\s?(?:'|’)?000\b|(?:'|’)000s?\b|\b000s\b|\(000\)|[$£€¥]\s?(?:m|mn|bn|k)\b|\b(?:rmb|usd|eur|gbp|hk\$|us\$)\s?(?:'000|m|mn|bn)\b|\b(?:m|bn)\s?[$£€]"#)

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
        $0.unit == .plain && $0.places == 0 && $0.shown.count == 4 && $0.shown.allSatisfy(\.isNumber)
          && (1900...2100).contains($0.value)
      }
  }
}
