import Foundation

/// Turns the cells a reader found in a finished paper into a typed `Table`: pads ragged rows,
/// heads each column with the text of every header row above it, types each column (declared by
/// the file, or inferred from the cells by `FigureParser`), reads each cell's value and flags
/// "Total"/"Totals" rows.
struct TableBuilder {
  /// One cell as found in the file.
  struct RawCell {
    /// The text as shown.
    var shown: String
    /// Rich content, when the cell holds paragraphs or lists.
    var blocks: [Block] = []
    /// The exact value the file declares (`data-bp-value`, `office:value`), when it declares one.
    var declared: Decimal?
    /// The cell's declared type (`data-bp-type`, `office:value-type`), when it declares one.
    var declaredType: ValueType?
    /// Covered by a cell to its left that spans it (`colspan`, `table:covered-table-cell`).
    var isCovered = false
  }

  /// One row as found in the file.
  struct RawRow {
    var cells: [RawCell]
    /// Set when the file itself marks the row as a total (Boardpack's `<tfoot>`).
    var markedTotal = false
    var location: SourceLocation?
  }

  var label: Label?
  var caption: [Inline] = []
  /// The header rows, top to bottom.
  var headerRows: [[RawCell]] = []
  var rows: [RawRow] = []
  var relations: [Relation] = []
  var location: SourceLocation

  /// The most cells a table may have once its rows are padded to its widest: far beyond any
  /// paper's, and small enough that a file of a few empty rows under one very wide row cannot
  /// make a reader fill memory.
  static let cellLimit = 1_000_000

  func table() throws(BoardpackError) -> Table {
    let width = max(
      headerRows.map(\.count).max() ?? 0, rows.map { $0.cells.count }.max() ?? 0)
    guard width * max(rows.count, 1) <= Self.cellLimit else {
      throw BoardpackError(
        "a table of \(rows.count) rows by \(width) columns is larger than Boardpack reads "
          + "(\(Self.cellLimit) cells)", at: location)
    }
    let padded = rows.map { row in
      guard row.cells.count < width else { return row }
      var padded = row
      padded.cells += repeatElement(RawCell(shown: ""), count: width - row.cells.count)
      return padded
    }
    let headers = self.headers(width: width)
    let lastHeader = headerRows.last ?? []
    let columns = (0..<width).map { index in
      Column(
        header: headers[index],
        type: columnType(
          index < lastHeader.count ? lastHeader[index].declaredType : nil,
          cells: padded.map { $0.cells[index] }))
    }
    let tableRows = padded.map { row in
      Row(
        cells: zip(row.cells, columns).map { cell, column in
          Cell(value: value(of: cell, as: column.type), shown: cell.shown, blocks: cell.blocks)
        },
        isTotal: row.markedTotal || Row.isTotalLabel(row.cells.first?.shown ?? ""),
        location: row.location)
    }
    return Table(
      label: label, caption: caption, columns: columns, rows: tableRows, relations: relations,
      location: location)
  }

  /// Each column's header: the text of every header row over it, top to bottom. A cell that a
  /// spanning cell covers takes its text; so does a blank cell of an upper row beside a filled one
  /// over a filled cell below (a merged heading flattened: "2019" over "Amount" and "%").
  private func headers(width: Int) -> [String] {
    var parts = Array(repeating: [String](), count: width)
    for (level, row) in headerRows.enumerated() {
      let isLast = level == headerRows.count - 1
      let below = level + 1 < headerRows.count ? headerRows[level + 1] : []
      var spanning = ""
      for index in 0..<width {
        let cell = index < row.count ? row[index] : RawCell(shown: "")
        let text = cell.shown.trimmedOfWhiteSpace
        if !text.isEmpty {
          spanning = text
          parts[index].append(text)
        } else if !spanning.isEmpty, index > 0,
          cell.isCovered
            || (!isLast && index < below.count && !below[index].shown.trimmedOfWhiteSpace.isEmpty)
        {
          parts[index].append(spanning)
        } else {
          spanning = ""
        }
      }
    }
    return parts.map { $0.joined(separator: " ") }
  }

  /// The header's declared type, else the type the cells declare, else the type their text reads as.
  private func columnType(_ declared: ValueType?, cells: [RawCell]) -> ValueType {
    if let declared { return declared }
    let declaredTypes = Set(cells.compactMap(\.declaredType))
    if declaredTypes.count == 1, let only = declaredTypes.first { return only }
    let shown = cells.map(\.shown)
    let inferred = FigureParser.inferType(of: shown)
    // `inferType` does not try points; "+2.1pp" marks them.
    let filled = shown.filter { !$0.isEmpty && !FigureParser.isNil($0) }
    if inferred == .text, !filled.isEmpty,
      filled.allSatisfy({ $0.hasSuffix("pp") && FigureParser.parse($0, as: .points) != nil })
    {
      return .points
    }
    return inferred
  }

  private func value(of cell: RawCell, as type: ValueType) -> Value {
    let shown = cell.shown.trimmedOfWhiteSpace
    if type != .text, FigureParser.isNil(shown) { return .nilValue }
    if type != .text, let declared = cell.declared {
      switch type {
      case .count: return .count(declared)
      case .money: return .money(declared)
      case .decimal: return .decimal(declared)
      case .percent: return .percent(declared)
      case .points: return .points(declared)
      case .text: break
      }
    }
    return FigureParser.parse(shown, as: type) ?? (shown.isEmpty ? .blank : .text(shown))
  }
}
