/// A table's relations in words, shared by the findings ("\"Total\" is not the sum of the 9 rows
/// above it") and by `boardpack validate --explain` ("\"Total\" is the sum of …").
extension TableSite {
  /// What a relation makes of which figures: the figure it is about, and what it equals. For a
  /// change column whose row prints points, `line` words it as a point change.
  public func words(for relation: TableRelation, line: RelationLine? = nil)
    -> (subject: String, equals: String)?
  {
    let reversed = relation.convention == .reversed
    switch relation.relation {
    case .rowSum(let row, let parts):
      guard let first = parts.first else { return nil }
      if first == row + 2, layout.headingRows.contains(row + 1),
        TableLayout.words(layout.label(row + 1)).starts(with: ["of", "which"])
      {
        return (name(row: row), "the sum of the \(parts.count) rows listed under \"of which\"")
      }
      let totals = Set(relations.compactMap(\.relation.totalledRow))
      let kind = parts.count > 1 && parts.allSatisfy(totals.contains) ? "sub-totals" : "rows"
      return (
        name(row: row),
        "the sum of the \(parts.count) \(kind) \(first > row ? "below" : "above") it"
      )
    case .rowDifference(let row, let from, let less):
      let rows = less.count == 1 ? "row" : "\(less.count) rows"
      return (
        name(row: row), "\(name(row: from)) less the \(rows) \(from > row ? "below" : "above") it"
      )
    case .totalColumn(let column, let parts) where relation.isDerived(in: layout):
      return (name(column: column), "\(name(column: parts[0])) less the amount in \(name(column: parts[1]))")
    case .totalColumn(let column, let parts):
      return (name(column: column), "the sum of \(list(parts))")
    case .difference(let column, let new, let old):
      return (
        name(column: column),
        relation.convention == .favourable
          ? "the difference between \(name(column: new)) and \(name(column: old))"
          : "\(name(column: reversed ? old : new)) minus \(name(column: reversed ? new : old))"
      )
    case .percentChange(let column, let new, let old) where line?.stated.unit == .points,
      .pointChange(let column, let new, let old):
      return (name(column: column), "the change in points from \(name(column: old)) to \(name(column: new))")
    case .percentChange(let column, let new, let old):
      let change = "the percentage change from \(name(column: old)) to \(name(column: new))"
      let equals =
        switch relation.convention {
        case .standard: change
        case .overMagnitude: change + ", over the size of \(name(column: old))"
        case .reversed: change + ", a rise shown as a fall"
        case .favourable: "the size of " + change
        }
      return (name(column: column), equals)
    case .totalRow, .share, .direction, .rag:
      return nil
    }
  }

  /// A row by its label in quotes, or "the total row" when it has none.
  private func name(row: Int) -> String {
    layout.label(row).isEmpty ? "the total row" : "\"\(layout.label(row))\""
  }

  /// A column by its header in quotes.
  private func name(column: Int) -> String {
    "\"\(table.columns.indices.contains(column) ? table.columns[column].header : "")\""
  }

  /// Column headers in quotes, joined with commas and a final "and".
  private func list(_ columns: [Int]) -> String {
    let names = columns.map(name(column:))
    return names.count < 2
      ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
  }
}

extension Validator {
  /// What the validator made of each table of `document`, for `boardpack validate --explain`: a
  /// line naming the table, then each relation it checks, in words, with how it came (declared by
  /// Boardpack, found in the table, or seen in one line only) and in how many lines it holds.
  public func explanation(of document: Document, file: String) -> [String] {
    Report.reports(in: document).flatMap { report in
      report.tables.flatMap { site -> [String] in
        let relations = site.relations.compactMap { relation -> String? in
          guard let words = site.words(for: relation) else { return nil }
          let lines = site.layout.lines(of: relation)
          let holding = lines.filter(\.holds).count
          let basis =
            switch relation.basis {
            case .declared: "declared"
            case .established: "found"
            case .tentative: "seen in one line only"
            }
          return
            "  \(words.subject) is \(words.equals) (\(basis); holds in \(holding) of \(lines.count) \(lines.count == 1 ? "line" : "lines"))"
        }
        let place = [
          "report \"\(report.title)\"", site.paragraph.map { "paragraph \($0)" },
        ].compactMap { $0 }.joined(separator: ", ")
        let heading = "\(file): table \"\(site.name)\" (\(place))"
        return [heading] + (relations.isEmpty ? ["  no totals or changes found"] : relations)
      }
    }
  }
}
