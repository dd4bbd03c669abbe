import Foundation

/// A relation between a table's figures and what establishes it: declared by the generator of a
/// Boardpack paper, or found in the table itself by `RelationFinder`. Every check of a table's
/// arithmetic goes through these, whichever way they came.
public struct TableRelation: Sendable, Equatable {
  /// How sure the relation is, and so what a line that breaks it is worth.
  public enum Basis: Sendable, Equatable {
    /// Seen in one line only: a line that breaks it is worth a warning when it looks like a slip
    /// of the pen, and nothing otherwise.
    case tentative
    /// Labelled as a total, or holding in more of the table's lines than it fails: a line that
    /// breaks it is an error.
    case established
    /// Declared by the paper's generator: a line that breaks it is an error.
    case declared
  }

  /// How a change is signed.
  public enum Convention: Sendable, Equatable, CaseIterable {
    /// New less old, over old.
    case standard
    /// Over the old figure's size, so that a loss that shrinks is a rise.
    case overMagnitude
    /// Old less new: a cost that rises shown as a negative change.
    case reversed
    /// Signed row by row as favourable or not (a fall in costs shown positive, a fall in sales
    /// negative): only the size of each change is checked.
    case favourable
  }

  public var relation: Relation
  public var basis: Basis
  public var convention: Convention
  /// Columns whose lines a row total leaves out: change columns whose own arithmetic does not
  /// hold throughout (a report that signs each change as favourable or not).
  public var skipping: Set<Int>

  public init(
    _ relation: Relation, basis: Basis, convention: Convention = .standard, skipping: Set<Int> = []
  ) {
    self.relation = relation
    self.basis = basis
    self.convention = convention
    self.skipping = skipping
  }

  /// Whether the relation is a change between two figures (checked as a derived column) rather
  /// than a sum (checked as a table sum).
  public func isDerived(in layout: TableLayout) -> Bool {
    switch relation {
    case .difference, .percentChange, .pointChange: true
    // "Total remaining" = agreements + spent, with spent printed negative; but a closing balance
    // of an opening one and a movement is a roll-forward total.
    case .totalColumn(let column, let parts):
      parts.count == 2 && layout.isResultColumn(column)
        && !parts.contains(where: layout.isChangeColumn)
    default: false
    }
  }
}

/// One line of a relation: a printed figure and what the relation makes it.
public struct RelationLine: Sendable {
  public var row: Int
  public var column: Int
  public var stated: Measured
  public var expected: Measured
  /// At least two non-zero figures went into the line, so that its holding says something.
  public var isInformative: Bool
  /// How many printed figures went into the line: a line of one says little when it fails too
  /// (a roll-forward's opening and closing balances with no movements printed).
  public var parts: Int

  public var holds: Bool { stated.agrees(with: expected) }

  /// How the stated figure compares with the expected one, rounding of whole pounds apart.
  public var verdict: Measured.Verdict { stated.verdict(against: expected) }

  /// The difference is what one wrong digit, or two adjacent digits swapped, would make: a whole
  /// number of the last printed place that is d × 10^k or 9 × d × 10^k with d from 1 to 9.
  public var looksLikeSlip: Bool {
    let places = max(stated.places, expected.places)
    var units =
      abs(stated.value - expected.value) * Decimal(sign: .plus, exponent: places, significand: 1)
    guard units > 0, units == UKFormat.rounded(units, places: 0) else { return false }
    while units >= 10, units == UKFormat.rounded(units / 10, places: 0) * 10 { units /= 10 }
    return units <= 9 || (units <= 81 && units == UKFormat.rounded(units / 9, places: 0) * 9)
  }
}

extension TableLayout {
  /// The lines of `relation`: one per column of a row sum, one per row of a column relation,
  /// skipping lines where a figure is missing, of another unit, or text stands among the parts.
  public func lines(of relation: TableRelation) -> [RelationLine] {
    lines(of: relation, rows: table.rows.indices)
  }

  /// `lines(of:)` for a change between columns, in `rows` only: a sample to screen candidates on.
  func lines(of relation: TableRelation, rows: Range<Int>) -> [RelationLine] {
    switch relation.relation {
    case .rowSum(let row, let parts):
      return rowLineColumns(relation).compactMap { column in
        sumLine(row: row, column: column, parts: parts.map { ($0, column, false) })
      }
    case .rowDifference(let row, let from, let less):
      return rowLineColumns(relation).compactMap { column in
        sumLine(
          row: row, column: column,
          parts: [(from, column, false)] + less.map { ($0, column, true) })
      }
    case .totalColumn(let column, let parts):
      return table.rows.indices.compactMap { row in
        guard !isRatioRow(row) else { return nil }
        return sumLine(row: row, column: column, parts: parts.map { (row, $0, false) })
      }
    case .difference(let column, let minuend, let subtrahend):
      return changeLines(relation, column: column, new: minuend, old: subtrahend, rows: rows)
    case .percentChange(let column, let new, let old), .pointChange(let column, let new, let old):
      return changeLines(relation, column: column, new: new, old: old, rows: rows)
    case .totalRow, .share, .direction, .rag:
      return []
    }
  }

  /// The columns a row total is checked in: the additive ones it does not skip.
  private func rowLineColumns(_ relation: TableRelation) -> [Int] {
    figureColumns.filter { isAdditive($0) && !relation.skipping.contains($0) }
  }

  /// A column whose figures add up: plain amounts, not rates, averages or percentages.
  public func isAdditive(_ column: Int) -> Bool {
    units[column] == .plain && !isRatioColumn(column)
  }

  /// The cell's figure when it is in the unit of its column.
  func figure(_ row: Int, _ column: Int, in unit: PrintedFigure.Unit) -> Measured? {
    guard let figure = figure(row, column), figure.unit == unit else { return nil }
    return figure
  }

  /// The figure at (`row`, `column`) against the sum of `parts`, each (row, column, subtracted).
  private func sumLine(row: Int, column: Int, parts: [(Int, Int, Bool)]) -> RelationLine? {
    guard let stated = figure(row, column, in: .plain), !isRatioRow(row) else { return nil }
    var addends: [Measured] = []
    for (index, (partRow, partColumn, subtracted)) in parts.enumerated() {
      // A difference needs what it is taken from.
      if index == 0, parts.count > 1, parts[1].2, figure(partRow, partColumn, in: .plain) == nil {
        return nil
      }
      if var figure = figure(partRow, partColumn, in: .plain), !isRatioRow(partRow) {
        if (isDeduction(partRow) && figure.value > 0) != subtracted { figure.value.negate() }
        addends.append(figure)
      } else if !isBlank(partRow, partColumn) && !headingRows.contains(partRow) {
        return nil
      }
    }
    guard !addends.isEmpty else { return nil }
    return RelationLine(
      row: row, column: column, stated: stated, expected: Measured.sum(addends),
      isInformative: addends.filter { $0.value != 0 }.count >= 2 && stated.value != 0,
      parts: addends.count)
  }

  /// One line per row of a change column against the two columns it compares.
  private func changeLines(
    _ relation: TableRelation, column: Int, new: Int, old: Int, rows: Range<Int>
  )
    -> [RelationLine]
  {
    let percent: Bool
    if case .percentChange = relation.relation { percent = true } else { percent = false }
    let convention = relation.convention
    return rows.compactMap { row -> RelationLine? in
      guard let stated = figure(row, column), !FigureParser.isNil(stated.shown),
        let a = figure(row, new), let b = figure(row, old), a.unit == b.unit
      else { return nil }
      // A change in a rate may be printed in points in a column of percentage changes.
      let rates = a.unit == .percent || isRatioRow(row)
      // The figure's own mark says which: "+36%" above "-3.6pp" in one column.
      let percent = stated.unit == .percent || percent && stated.unit != .points
      var formulas: [(Decimal, Decimal) -> Decimal?] = []
      if percent {
        formulas.append(convention.change)
        // Over a negative base, reports differ on the sign of a change: either is read.
        if b.value < 0 && convention != .reversed {
          let other: TableRelation.Convention = convention == .standard ? .overMagnitude : .standard
          formulas.append(other.change)
        }
      }
      if !percent || rates { formulas.append(convention.difference) }
      let candidates = formulas.compactMap { formula -> Measured? in
        guard var range = Measured.range(a, b, formula) else { return nil }
        if convention == .favourable, (range.value < 0) != (stated.value < 0) {
          range.value.negate()
        }
        return range
      }
      guard let expected = candidates.first(where: stated.agrees(with:)) ?? candidates.first else {
        return nil
      }
      let spread = Measured.halfUnit(stated.places) * 4
      return RelationLine(
        row: row, column: column, stated: stated, expected: expected,
        isInformative: a.value != 0 && b.value != 0 && a.value != b.value
          && expected.slack <= spread, parts: 2)
    }
  }
}

extension TableRelation.Convention {
  /// The change from `old` to `new` in this convention, as a percentage; nil over a zero.
  func change(_ new: Decimal, _ old: Decimal) -> Decimal? {
    guard old != 0 else { return nil }
    switch self {
    case .standard, .favourable: return (new - old) / old * 100
    case .overMagnitude: return (new - old) / abs(old) * 100
    case .reversed: return (old - new) / old * 100
    }
  }

  /// The difference from `old` to `new` in this convention.
  func difference(_ new: Decimal, _ old: Decimal) -> Decimal? {
    self == .reversed ? old - new : new - old
  }
}

extension Relation {
  /// The row a row total is printed in; nil for other relations.
  public var totalledRow: Int? {
    switch self {
    case .rowSum(let row, _), .rowDifference(let row, _, _): row
    default: nil
    }
  }

  /// The rows (or columns) a total is made of; empty for other relations.
  public var parts: [Int] {
    switch self {
    case .rowSum(_, let parts), .totalColumn(_, let parts): parts
    case .rowDifference(_, let from, let less): [from] + less
    default: []
    }
  }
}
