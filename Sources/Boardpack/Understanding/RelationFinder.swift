import Foundation

/// Finds the arithmetic a table holds, as a careful reader would before calling a figure wrong:
/// totals and sub-totals by row (below or above their parts, grand totals over sub-totals,
/// "Less:" rows and "of which" breakdowns), totals by column (roll-forwards among them), and
/// changes between two columns matched by arithmetic, whatever the columns' order or the report's
/// sign convention.
///
/// A relation is kept only with evidence: it holds exactly in at least one line with two or more
/// non-zero parts and a total of two significant digits or more (see `ScaledGrid.Comparison`), and
/// is then `established` when it holds in more lines than it fails, or is labelled as a total; a
/// relation seen in one line only is `tentative`.
///
/// Row totals are found as a parser reduces a stack: rows are pushed in order, and a row that
/// equals the sum of the last few items (or the first of them less the others) is a total that
/// replaces them, so that a grand total meets the sub-totals and not their parts. Runs are tried
/// one by one over the last `Stack.window` items, and further back through prefix sums kept in a
/// hash per column; column totals try runs of neighbouring columns; change columns screen their
/// hypotheses on a sample of rows. A table costs time linear in its cells times its columns.
public struct RelationFinder: Sendable {
  public let layout: TableLayout

  public init(_ layout: TableLayout) {
    self.layout = layout
  }

  /// Every relation found, row totals first.
  public func relations() -> [TableRelation] {
    let grid = ScaledGrid(layout)
    let rows = layout.table.rows.indices
    let changes = changeColumns()
    // A change column whose arithmetic does not hold throughout says nothing about row totals.
    let unchecked = Set(layout.figureColumns.filter(layout.isChangeColumn)).subtracting(
      changes.filter { $0.relation.convention == .standard }.map(\.column))
    // Rows under "of which" break down the row above it: that row totals nothing else, and the
    // rest of its section, read against a breakdown, is left alone.
    let breakdowns = self.breakdowns()
    let brokenDown = Set(breakdowns.compactMap(\.relation.totalledRow))
    let sections = Set(
      brokenDown.flatMap { row in
        rows[(row + 2)...].prefix { !layout.headingRows.contains($0) }
      })
    let read = rows.filter { !sections.contains($0) }
    let below = rowTotals(grid, order: read, excluding: brokenDown, skipping: unchecked)
    let above = rowTotals(
      grid, order: read.reversed(),
      excluding: brokenDown.union(below.compactMap(\.relation.totalledRow)), skipping: unchecked)
    // One equation found both ways ("Gross" = "Net" + "Less: tax") is kept once: as a sum (a total
    // above its parts) rather than as a difference (the last row as the first less the others).
    func equation(_ relation: TableRelation) -> Set<Int> {
      Set(relation.relation.parts + [relation.relation.totalledRow!])
    }
    let sums = Set(
      above.filter { if case .rowSum = $0.relation { true } else { false } }.map(equation))
    let kept = below.filter { relation in
      if case .rowDifference = relation.relation { return !sums.contains(equation(relation)) }
      return true
    }
    let equations = Set(kept.map(equation))
    return kept + above.filter { !equations.contains(equation($0)) } + breakdowns
      + columnSums(grid, skipping: changes.map(\.column)) + changes.map(\.relation)
  }

  // MARK: Row totals

  /// A run of stack items a row may total: summed from `start` to the top, or (a difference) the
  /// item at `start` less the others.
  private struct Run: Hashable {
    var start: Int
    var isDifference = false
  }

  /// The stack of a row-total search: items are rows (a total standing for the rows it sums) or
  /// headings (nil), which separate blocks but add nothing; with running totals per column and,
  /// per column, where each running total occurs.
  private struct Stack {
    var rows: [Int?] = []
    var prefixes: [ScaledGrid.Prefix]
    var positions: [[Int64: [Int]]]

    /// How far back runs are tried one by one; longer runs are found through `positions`.
    static let window = 30

    init(columns: Int) {
      prefixes = Array(repeating: ScaledGrid.Prefix(), count: columns)
      positions = Array(repeating: [0: [0]], count: columns)
    }

    mutating func push(_ row: Int?, _ figures: [ScaledGrid.Figure?]) {
      rows.append(row)
      for column in prefixes.indices {
        prefixes[column].append(figures[column])
        positions[column][prefixes[column].sums.last!, default: []].append(rows.count)
      }
    }

    mutating func pop(to count: Int) {
      for column in prefixes.indices {
        while prefixes[column].count > count {
          positions[column][prefixes[column].sums.last!]?.removeLast()
          prefixes[column].removeLast()
        }
      }
      rows.removeLast(rows.count - count)
    }

    /// Where the items after the last heading begin.
    var blockStart: Int { (rows.lastIndex { $0 == nil }).map { $0 + 1 } ?? 0 }

    /// Whether the run from `start` is a whole block: it starts the table or follows a heading,
    /// or begins at or just after a total (a running total and what is added to it).
    func isWholeBlock(from start: Int, totals: Set<Int>) -> Bool {
      start == 0 || rows[start - 1] == nil
        || rows[start - 1].map(totals.contains) == true
        || rows[start].map(totals.contains) == true
    }

    /// The runs of two items or more that might give `figures`: every run of the last `window`
    /// items, the run after the last heading, the whole stack, and sums of any length that give
    /// some figure of the row exactly.
    func runs(for figures: [ScaledGrid.Figure?]) -> Set<Run> {
      let n = rows.count
      var starts = Set([0, blockStart] + Array(max(n - Self.window, 0)..<max(n - 1, 0)))
      starts = starts.filter { n - $0 >= 2 }
      var runs = Set(starts.flatMap { [Run(start: $0), Run(start: $0, isDifference: true)] })
      for (column, figure) in figures.enumerated() {
        guard let figure else { continue }
        let wanted = prefixes[column].sums.last! - figure.value
        for start in positions[column][wanted, default: []].suffix(3) where n - start >= 2 {
          runs.insert(Run(start: start))
        }
      }
      return runs
    }

    /// How well `figures` total a run, line by line.
    func evidence(_ figures: [ScaledGrid.Figure?], _ run: Run) -> Evidence {
      var evidence = Evidence()
      for (column, figure) in figures.enumerated() {
        guard let figure else { continue }
        evidence.add(
          prefixes[column].compare(figure, from: run.start, difference: run.isDifference))
      }
      return evidence
    }
  }

  /// The weight of the lines where a relation holds (see `ScaledGrid.Comparison`: 2 for a line
  /// that could hardly hold by chance), the lines where it agrees within rounding, and those where
  /// it fails.
  private struct Evidence: Comparable {
    var weight = 0
    var agrees = 0
    var fails = 0

    mutating func add(_ comparison: ScaledGrid.Comparison?) {
      switch comparison {
      case .holds(let weight): self.weight += weight
      case .agrees: agrees += 1
      case .fails: fails += 1
      case nil: break
      }
    }

    /// More weight is better; then more lines agreeing than failing.
    static func < (a: Evidence, b: Evidence) -> Bool {
      (a.weight, a.agrees - a.fails) < (b.weight, b.agrees - b.fails)
    }
  }

  /// Totals of the rows before them in `order` (rows top to bottom for totals below their parts,
  /// bottom to top for totals above them); `excluding` rows are not taken as totals.
  private func rowTotals(
    _ grid: ScaledGrid, order: [Int], excluding: Set<Int>, skipping: Set<Int>
  ) -> [TableRelation] {
    let columns = layout.figureColumns.filter { layout.isAdditive($0) && !skipping.contains($0) }
    guard !columns.isEmpty else { return [] }
    var stack = Stack(columns: columns.count)
    var found: [TableRelation] = []
    var totals: Set<Int> = []
    for row in order {
      if layout.headingRows.contains(row) {
        stack.push(nil, Array(repeating: nil, count: columns.count))
        continue
      }
      let deducted = layout.isDeduction(row)
      let figures = columns.map { column in
        grid.figures[row][column].map { figure in
          var figure = figure
          if deducted && figure.value > 0 { figure.value.negate() }
          return figure
        }
      }
      if figures.allSatisfy({ $0 == nil }) { continue }
      let labelled = layout.isLabelledTotal(row)
      if !excluding.contains(row),
        let (run, basis) = total(figures, in: stack, labelled: labelled, totals: totals)
      {
        let parts = stack.rows[run.start...].compactMap { $0 }
        let relation: Relation =
          run.isDifference
          ? .rowDifference(row: row, from: parts[0], less: Array(parts.dropFirst()))
          : .rowSum(row: row, of: parts)
        found.append(TableRelation(relation, basis: basis, skipping: skipping))
        // A total seen in one line only stays beside its parts, so that a later total can still
        // take them, unless its label says it is one.
        if basis == .established || labelled {
          totals.insert(row)
          stack.pop(to: run.start)
        }
      }
      stack.push(row, figures)
    }
    // A total that stayed beside its parts is no total if an established total takes it and its
    // parts side by side.
    let established = found.filter { $0.basis == .established }.map { Set($0.relation.parts) }
    return found.filter { relation in
      guard let row = relation.relation.totalledRow, !totals.contains(row) else { return true }
      let parts = Set(relation.relation.parts)
      return !established.contains { $0.contains(row) && !$0.isDisjoint(with: parts) }
    }
  }

  /// The run of items that `figures` total, and how sure that is; nil when the row is no total.
  /// A labelled total that no run satisfies even within rounding stands for the run after the last
  /// heading, tentatively.
  private func total(
    _ figures: [ScaledGrid.Figure?], in stack: Stack, labelled: Bool, totals: Set<Int>
  ) -> (run: Run, basis: TableRelation.Basis)? {
    let scored = stack.runs(for: figures).compactMap {
      run -> (Run, Evidence, TableRelation.Basis)? in
      let evidence = stack.evidence(figures, run)
      guard let basis = basis(evidence, labelled: labelled) else { return nil }
      return (run, evidence, basis)
    }
    // The best evidence; then a whole block, a sum before a difference, and the shortest run.
    func rank(_ candidate: (Run, Evidence, TableRelation.Basis)) -> (Evidence, Int, Int, Int) {
      let run = candidate.0
      return (
        candidate.1, stack.isWholeBlock(from: run.start, totals: totals) ? 1 : 0,
        run.isDifference ? 0 : 1, run.start
      )
    }
    guard let (run, evidence, basis) = scored.max(by: { rank($0) < rank($1) }) else { return nil }
    if evidence.weight > 0 || evidence.agrees > 0 { return (run, basis) }
    let natural = stack.blockStart
    guard stack.rows.count - natural >= 2 else { return nil }
    // A labelled total of one figure under a plain list of rows (or of sub-totals only) can stand
    // for nothing else: it is checked as firmly as one the arithmetic confirms.
    let items = stack.rows.compactMap { $0 }
    let plain =
      natural == 0 && items.count == stack.rows.count && figures.compactMap({ $0 }).count == 1
      && (items.allSatisfy(totals.contains) || !items.contains(where: totals.contains))
    return (Run(start: natural), plain ? .established : basis)
  }

  /// What the evidence makes of a relation: established when it holds in more than one line and
  /// outweighs its failures (or holds in one, for a labelled total), tentative when it holds in
  /// one line or is only labelled, nothing otherwise.
  private func basis(_ evidence: Evidence, labelled: Bool) -> TableRelation.Basis? {
    let (weight, against) = (evidence.weight, 2 * evidence.fails)
    // For a labelled total, a line that holds within rounding supports it as an exact one would.
    let support = weight + 2 * evidence.agrees
    if weight >= 3 && weight > against || labelled && support >= 2 && support >= against {
      return .established
    }
    if weight >= 2 && weight >= against || labelled { return .tentative }
    return nil
  }

  // MARK: Breakdowns

  private static func opensBreakdown(_ label: String) -> Bool {
    TableLayout.words(label).starts(with: ["of", "which"])
  }

  /// "Total value of all agreements", then "of which:", then the rows it breaks down into, up to
  /// the next labelled total or heading.
  private func breakdowns() -> [TableRelation] {
    let rows = layout.table.rows.indices
    return rows.dropFirst().compactMap { row in
      guard layout.headingRows.contains(row), Self.opensBreakdown(layout.label(row)),
        !layout.headingRows.contains(row - 1)
      else { return nil }
      let parts = rows[(row + 1)...].prefix {
        !layout.headingRows.contains($0) && !layout.isLabelledTotal($0)
      }
      guard !parts.isEmpty else { return nil }
      return TableRelation(.rowSum(row: row - 1, of: Array(parts)), basis: .established)
    }
  }

  // MARK: Column totals

  /// Columns that are the sum of a run of neighbouring figure columns (to their left or right),
  /// in the rows that have them: "Total", "Dec 28, 2019" = opening + acquisitions + transfers +
  /// other. A result column ("Remaining") found among two parts is a difference.
  private func columnSums(_ grid: ScaledGrid, skipping changeColumns: [Int]) -> [TableRelation] {
    let order = layout.figureColumns.filter {
      layout.isAdditive($0) && !changeColumns.contains($0)
    }
    guard order.count >= 3 else { return [] }
    let rows = layout.table.rows.indices.filter { !layout.isRatioRow($0) }
    let prefixes = rows.map { row in
      var prefix = ScaledGrid.Prefix()
      for column in order { prefix.append(grid.figures[row][column]) }
      return prefix
    }
    var found: [TableRelation] = []
    for (position, column) in order.enumerated() {
      let runs =
        (0..<position).filter { position - $0 >= 2 }.map { ($0, position) }
        + (position + 1..<order.count).filter { $0 - position >= 2 }.map { (position + 1, $0 + 1) }
      let scored = runs.map { run in
        var evidence = Evidence()
        for (index, row) in rows.enumerated() {
          guard let stated = grid.figures[row][column] else { continue }
          evidence.add(prefixes[index].compare(stated, from: run.0, to: run.1))
        }
        return (run, evidence)
      }
      guard
        let (run, evidence) = scored.max(by: { a, b in
          (a.1, a.0.0 - a.0.1) < (b.1, b.0.0 - b.0.1)
        }), evidence.weight >= 1,
        let basis = basis(evidence, labelled: layout.isTotalColumn(column))
      else { continue }
      found.append(TableRelation(named(column, Array(order[run.0..<run.1])), basis: basis))
    }
    return found
  }

  /// `column` = the sum of `parts`, as a difference when one of two parts is a result column
  /// ("Allocation" = "Expenditure" + "Remaining" is "Remaining" = "Allocation" − "Expenditure").
  private func named(_ column: Int, _ parts: [Int]) -> Relation {
    if parts.count == 2, let result = parts.first(where: layout.isResultColumn),
      let other = parts.first(where: { $0 != result })
    {
      return .difference(column: result, minuend: column, subtrahend: other)
    }
    return .totalColumn(column: column, of: parts)
  }

  // MARK: Changes

  /// Change columns ("Change", "% Change YoY", "Increase (decrease)") against the pair of figure
  /// columns near them that the most rows satisfy, in the sign convention that fits; failing that,
  /// against the two columns headed by years (the later the new), for the size of each change
  /// only, unless it fails in most rows (and so was never that change).
  /// A movement between an opening column on its left and a closing one on its right, read left to
  /// right as a roll-forward: the closing column as the total of the other two ("Balance at end"
  /// = "Balance at beginning" + "Increase / (Decrease)").
  private static func rollForward(_ change: TableRelation) -> TableRelation? {
    guard case .difference(let column, let closing, let opening) = change.relation,
      change.convention == .standard, opening < column, column < closing
    else { return nil }
    return TableRelation(.totalColumn(column: closing, of: [opening, column]), basis: change.basis)
  }

  /// How many rows every change hypothesis is screened on.
  private static let sampleRows = 40

  private func changeColumns() -> [(column: Int, relation: TableRelation)] {
    let changes = layout.figureColumns.filter(layout.isChangeColumn)
    let operands = layout.figureColumns.filter { !changes.contains($0) }
    return changes.compactMap { column in
      let unit = layout.units[column]
      // Amounts or percentages, row by row (a change in points compares percentages).
      let candidates = operands.filter { [.plain, .percent].contains(layout.units[$0]) }
      let near =
        candidates.filter { $0 < column }.suffix(3) + candidates.filter { $0 > column }.prefix(3)
      func relation(_ new: Int, _ old: Int) -> Relation {
        switch unit {
        case .percent: .percentChange(column: column, new: new, old: old)
        case .points: .pointChange(column: column, new: new, old: old)
        default: .difference(column: column, minuend: new, subtrahend: old)
        }
      }
      func evidence(_ relation: TableRelation, rows: Range<Int> = layout.table.rows.indices)
        -> (holds: Int, fails: Int, lines: Int)
      {
        let lines = layout.lines(of: relation, rows: rows)
        return (
          lines.filter { $0.isInformative && $0.holds }.count, lines.filter { !$0.holds }.count,
          lines.count
        )
      }
      let conventions: [TableRelation.Convention] =
        unit == .percent ? TableRelation.Convention.allCases : [.standard, .reversed, .favourable]
      // Conventions in order of preference, so that a tie keeps the usual reading.
      let hypotheses = conventions.flatMap { convention in
        near.flatMap { new in
          near.filter { $0 != new }.map { old in
            TableRelation(relation(new, old), basis: .established, convention: convention)
          }
        }
      }
      // Every hypothesis on the first rows, the few best of them on every row: linear in rows.
      let sample = layout.table.rows.indices.prefix(Self.sampleRows)
      let screened = hypotheses.enumerated().map { ($0, $1, evidence($1, rows: sample)) }
        .sorted { ($0.2.holds, -$0.2.fails, -$0.0) > ($1.2.holds, -$1.2.fails, -$1.0) }.prefix(3)
      var best: (relation: TableRelation, holds: Int, fails: Int)?
      for (_, candidate, _) in screened {
        let (holds, fails, _) = evidence(candidate)
        if best == nil || (holds, -fails) > (best!.holds, -best!.fails) {
          best = (candidate, holds, fails)
        }
      }
      if let best, best.holds >= 2, best.holds > best.fails {
        return (column, Self.rollForward(best.relation) ?? best.relation)
      }
      let dated = near.compactMap { column in layout.year(column).map { (column, $0) } }
      guard dated.count == 2, dated[0].1 != dated[1].1 else { return nil }
      let (new, old) = dated[0].1 > dated[1].1 ? (dated[0].0, dated[1].0) : (dated[1].0, dated[0].0)
      let labelled = TableRelation(relation(new, old), basis: .established, convention: .favourable)
      let (holds, fails, lines) = evidence(labelled)
      return holds >= fails || lines == 1 ? (column, labelled) : nil
    }
  }
}
