import Foundation

/// A table's additive figures as whole numbers of a tenth of its finest printed place, so that the
/// searches for totals add in 64-bit integers instead of `Decimal`s: a figure, its rounding slack
/// and the half unit of its own last place, all exact.
struct ScaledGrid {
  /// One figure: its value, the slack of its rounding, and half a unit of its last printed place.
  struct Figure {
    var value: Int64
    var slack: Int64
    var halfUnit: Int64
  }

  /// `figures[row][column]`; nil where the cell holds no additive figure (or one too large).
  let figures: [[Figure?]]

  /// Figures this large could overflow when a few thousand of them are added.
  private static let limit: Int64 = 1 << 50

  init(_ layout: TableLayout) {
    let columns = layout.figureColumns.filter(layout.isAdditive)
    let rows = layout.table.rows.indices
    let width = layout.table.columns.count
    let measured = rows.map { row in
      (0..<width).map { column -> Measured? in
        guard columns.contains(column), !layout.isRatioRow(row) else { return nil }
        return layout.figure(row, column, in: .plain)
      }
    }
    let places = min(measured.joined().compactMap { $0?.places }.max() ?? 0, 8)
    let factor = Decimal(sign: .plus, exponent: places + 1, significand: 1)
    func scaled(_ value: Decimal) -> Int64? {
      let scaled = value * factor
      let whole = NSDecimalNumber(decimal: scaled).int64Value
      return Decimal(whole) == scaled && abs(whole) < Self.limit ? whole : nil
    }
    figures = measured.map { row in
      row.map { figure in
        guard let figure, let value = scaled(figure.value), let slack = scaled(figure.slack),
          let halfUnit = scaled(Measured.halfUnit(figure.places))
        else { return nil }
        return Figure(value: value, slack: slack, halfUnit: halfUnit)
      }
    }
  }

  /// Running totals of one line of figures (a column's rows, or a row's columns), so that the sum
  /// of any run of them costs one subtraction.
  struct Prefix {
    private(set) var sums: [Int64] = [0]
    private(set) var slacks: [Int64] = [0]
    /// How many figures, and how many non-zero figures, the first i items hold.
    private(set) var counts: [Int] = [0]
    private(set) var nonZero: [Int] = [0]

    var count: Int { sums.count - 1 }

    mutating func append(_ figure: Figure?) {
      sums.append(sums.last! + (figure?.value ?? 0))
      slacks.append(slacks.last! + (figure?.slack ?? 0))
      counts.append(counts.last! + (figure == nil ? 0 : 1))
      nonZero.append(nonZero.last! + (figure.map { $0.value != 0 ? 1 : 0 } ?? 0))
    }

    mutating func removeLast() {
      sums.removeLast()
      slacks.removeLast()
      counts.removeLast()
      nonZero.removeLast()
    }

    /// How `stated` compares with the items from `start` to `end` (the last, by default): with
    /// their sum, or (`difference`) with the first of them less the others; nil when the run
    /// holds no figure.
    func compare(_ stated: Figure, from start: Int, to end: Int? = nil, difference: Bool = false)
      -> Comparison?
    {
      let end = end ?? count
      guard counts[end] - counts[start] > 0 else { return nil }
      let sum = sums[end] - sums[start]
      // The first item less the rest: twice the first, less the whole run.
      let expected = difference ? 2 * (sums[start + 1] - sums[start]) - sum : sum
      let slack = slacks[end] - slacks[start]
      // Ten units of the last place are twenty half units.
      let size = abs(stated.value) / max(stated.halfUnit, 1)
      if stated.value == expected && size >= 20 && nonZero[end] - nonZero[start] >= 2 {
        return .holds(weight: size >= 200 ? 2 : 1)
      }
      return abs(stated.value - expected) <= stated.halfUnit + slack ? .agrees : .fails
    }
  }

  /// How a stated figure compares with a run of others.
  enum Comparison {
    /// It is exactly their sum, two or more of them are not zero, and it has two significant
    /// digits or more: evidence of a relation, weighing 2 from three digits (a chance match is
    /// unlikely) and 1 below.
    case holds(weight: Int)
    /// It is their sum within rounding, or too small or too simple a sum to tell: no evidence.
    case agrees
    case fails
  }
}
