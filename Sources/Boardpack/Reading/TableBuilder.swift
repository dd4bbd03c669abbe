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
    /// The row's own anchor (an XHTML row's `id`, a bookmark opening its first cell), which a
    /// reference to the row names ("item11-row-34" in a pack).
    var label: Label?
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
          Cell(
            value: value(of: cell, as: column.type), shown: cell.shown, blocks: cell.blocks,
            stored: column.type == .text ? nil : disagreeingValue(of: cell))
        },
        isTotal: row.markedTotal || Row.isTotalLabel(row.cells.first?.shown ?? ""),
        location: row.location, label: row.label)
    }
    return Table(
      label: label, caption: caption, columns: columns, rows: tableRows, relations: relations,
      location: location)
  }

  /// Each column's header: the text of every header row over it, top to bottom. A cell that a
  /// spanning cell covers takes its text. A blank cell of an upper row over a qualifier ("$", "%",
  /// "Amount") is a merged heading flattened: it takes the text of the nearest filled cell of its
  /// row, left first, that stands over a qualifier too ("2019" over "Amount" and "%"; "Change"
  /// over "$" and "%"), but never a heading over a year, which is complete.
  private func headers(width: Int) -> [String] {
    let rows = headerRows.map { row in
      (0..<width).map { index in
        (
          text: index < row.count ? row[index].shown.trimmedOfWhiteSpace : "",
          isCovered: index < row.count && row[index].isCovered
        )
      }
    }
    var parts = Array(repeating: [String](), count: width)
    for (level, row) in rows.enumerated() {
      let below = level + 1 < rows.count ? rows[level + 1].map(\.text) : []
      func qualifies(_ index: Int) -> Bool {
        !below.isEmpty && !below[index].isEmpty && !Self.namesPeriod(below[index])
      }
      for index in 0..<width {
        if !row[index].text.isEmpty {
          parts[index].append(row[index].text)
        } else if row[index].isCovered, let left = row[..<index].lastIndex(where: { !$0.text.isEmpty }) {
          parts[index].append(row[left].text)
        } else if index > 0, qualifies(index) {
          let left = (1..<index).reversed().first { !row[$0].text.isEmpty }
          let right = (index + 1..<width).first { !row[$0].text.isEmpty }
          if let parent = [left, right].compactMap({ $0 }).first(where: qualifies) {
            parts[index].append(row[parent].text)
          }
        }
      }
    }
    return parts.map { $0.joined(separator: " ") }
  }

  /// A header naming a period ("2019", "FY2018", "Dec 28, 2019", "Q3"), which needs no parent.
  private static func namesPeriod(_ text: String) -> Bool {
    period.firstMatch(in: text) != nil
  }

  private static let period = TextPattern(
    #"(?:19|20)\d\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\bQ[1-4]\b"#)

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

  /// The value the file declares for the cell when the figure it prints is another, beyond what
  /// rounding to the printed places explains ("413" over a stored 421; not "34.8%" over 34.78).
  private func disagreeingValue(of cell: RawCell) -> Decimal? {
    guard let declared = cell.declared, let printed = PrintedFigure(reading: cell.shown),
      !printed.isNil, printed.scale == nil
    else { return nil }
    var halfUnit = Decimal(sign: .plus, exponent: -printed.places, significand: 5) / 10
    halfUnit += Decimal(sign: .plus, exponent: -12, significand: 1)
    let difference = printed.value - declared
    return difference > halfUnit || -difference > halfUnit ? declared : nil
  }

  /// The cell's value: the exact value the file declares, unless the cell prints another figure
  /// (see `disagreeingValue(of:)`): printed text wins.
  private func value(of cell: RawCell, as type: ValueType) -> Value {
    let shown = cell.shown.trimmedOfWhiteSpace
    if type != .text, FigureParser.isNil(shown) { return .nilValue }
    if type != .text, let declared = cell.declared, disagreeingValue(of: cell) == nil {
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
