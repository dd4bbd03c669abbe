import Foundation

/// A table of typed cells, with the relations between its figures that Boardpack computes
/// when generating and rechecks when validating.
public struct Table: Sendable, Equatable {
  public var label: Label?
  /// The caption; required for accessibility ("Table One: CSP allocations 2025-26").
  public var caption: [Inline]
  public var columns: [Column]
  public var rows: [Row]
  /// Declared relations; empty for a table read from a paper Boardpack did not write.
  public var relations: [Relation]
  /// How the table is set on the page when the input says; otherwise the writers decide by its widths.
  public var fit: TableFit
  public var location: SourceLocation?

  public init(
    label: Label? = nil, caption: [Inline] = [], columns: [Column], rows: [Row], relations: [Relation] = [],
    fit: TableFit = TableFit(), location: SourceLocation? = nil
  ) {
    self.label = label
    self.caption = caption
    self.columns = columns
    self.rows = rows
    self.relations = relations
    self.fit = fit
    self.location = location
  }
}

/// The page and text size an input asks for a table (`orientation:`, `text-size:`); a nil field is
/// left to the rule in `TablePlacement`: a table too wide for a portrait page goes on a landscape one,
/// in smaller text if it is wider still.
public struct TableFit: Sendable, Equatable {
  public enum Orientation: String, Sendable, Equatable, CaseIterable { case portrait, landscape }
  public enum TextSize: String, Sendable, Equatable, CaseIterable { case normal, small }

  public var orientation: Orientation?
  public var textSize: TextSize?

  public init(orientation: Orientation? = nil, textSize: TextSize? = nil) {
    self.orientation = orientation
    self.textSize = textSize
  }
}

/// A column: its header and the type of its cells.
public struct Column: Sendable, Equatable {
  public var header: String
  public var type: ValueType

  public init(header: String, type: ValueType) {
    self.header = header
    self.type = type
  }
}

/// One row; a total row ("Total", "Totals") sums the body rows above it.
public struct Row: Sendable, Equatable {
  public var cells: [Cell]
  public var isTotal: Bool
  /// The row's source line when read from CSV or a file.
  public var location: SourceLocation?
  /// What `{ref:row-34}` points at: `row-` and the row's key cell (FORMATS.md §7.5).
  public var label: Label?

  public init(cells: [Cell], isTotal: Bool = false, location: SourceLocation? = nil, label: Label? = nil) {
    self.cells = cells
    self.isTotal = isTotal
    self.location = location
    self.label = label
  }

  /// Whether a row's first cell marks it a total row: "Total", "Totals", "Grand total", "Overall
  /// total" or "Sub-total", with or without a colon.
  public static func isTotalLabel(_ text: String) -> Bool {
    var label = text.trimmedOfWhiteSpace.lowercased()
    if label.hasSuffix(":") { label.removeLast() }
    return [
      "total", "totals", "grand total", "overall total", "sub-total", "subtotal", "sub total",
    ].contains(label)
  }

  /// The label of the row whose key cell reads `key`: "34" → `row-34`, "A/1" → `row-a-1`; nil for an
  /// empty key. Lower-cased, each run of characters other than letters and digits becomes one `-`.
  public static func label(forKey key: String) -> Label? {
    let words = key.lowercased().split { !$0.isLetter && !$0.isNumber }
    return words.isEmpty ? nil : Label("row-" + words.joined(separator: "-"))
  }

  /// The key cell as printed ("34" for `row-34`), or nil when the row has no label.
  public var key: String? {
    guard let label else { return nil }
    return cells.first { Row.label(forKey: $0.shown) == label }?.shown
  }
}

/// A cell keeps both its typed value and the text it is shown as.
public struct Cell: Sendable, Equatable {
  public var value: Value
  /// Exactly what the paper prints, e.g. "£35,326.00", "Nil", "34.8%".
  public var shown: String
  /// Rich content for text cells that hold formatting or lists; empty when `shown` says it all.
  public var blocks: [Block]
  /// The value the file stores for the cell (`office:value`, `data-bp-value`) where it disagrees
  /// with the figure the cell prints; `value` is then the printed figure, which the reader sees.
  public var stored: Decimal?

  public init(value: Value, shown: String, blocks: [Block] = [], stored: Decimal? = nil) {
    self.value = value
    self.shown = shown
    self.blocks = blocks
    self.stored = stored
  }
}

/// The kinds of value a column holds.
public enum ValueType: String, Sendable, Equatable, Codable, CaseIterable {
  case text, count, money, decimal, percent
  /// A change in percentage points, shown as "+2.1pp" or "-0.4pp".
  case points
}

/// A typed cell value. Figures are `Decimal`, never `Double`; percentages are stored as printed
/// (34.8 for "34.8%"), money in pounds.
public enum Value: Sendable, Equatable {
  case text(String)
  case count(Decimal)
  case money(Decimal)
  case decimal(Decimal)
  case percent(Decimal)
  case points(Decimal)
  /// "Nil" or "-": a stated zero.
  case nilValue
  /// An empty cell.
  case blank

  /// The number, if the value is a figure; "Nil" counts as zero.
  public var number: Decimal? {
    switch self {
    case .count(let n), .money(let n), .decimal(let n), .percent(let n), .points(let n): n
    case .nilValue: 0
    case .text, .blank: nil
    }
  }
}

/// A relation between a table's figures, by column index (0-based) so that it survives
/// re-ordering of rows; `totalRow` means the rows flagged `isTotal` sum the body rows above them.
public enum Relation: Sendable, Equatable, Codable {
  /// Total rows sum the body rows in every numeric column.
  case totalRow
  /// `row` = the sum of the rows `of` in every additive column (row indices, 0-based): a total
  /// found in a table, above or below its parts.
  case rowSum(row: Int, of: [Int])
  /// `row` = the row `from` less the rows `less`, in every additive column: "Net" = "Total" less
  /// "Income tax benefit", with the tax printed as a positive figure.
  case rowDifference(row: Int, from: Int, less: [Int])
  /// `column` = the sum of `of` in every row.
  case totalColumn(column: Int, of: [Int])
  /// `column` = `minuend` − `subtrahend` (remaining = allocation − expenditure; change = new − old).
  case difference(column: Int, minuend: Int, subtrahend: Int)
  /// `column` = (new − old) / old, as a percentage.
  case percentChange(column: Int, new: Int, old: Int)
  /// `column` = new − old, in percentage points, where both are percentages.
  case pointChange(column: Int, new: Int, old: Int)
  /// `column` = `part` / the total row's `part`, as a percentage ("n/p%" shares).
  case share(column: Int, part: Int)
  /// `column` = the arrow from `baseline` to `latest` by `DashboardRule.direction`.
  case direction(column: Int, baseline: Int, latest: Int)
  /// `column` = the RAG status by `DashboardRule.rag` from `target`, `baseline` and `latest`.
  case rag(column: Int, target: Int, baseline: Int, latest: Int)
}
