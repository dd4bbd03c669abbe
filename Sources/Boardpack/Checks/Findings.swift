/// The diagnostics one rule run finds in one report; it fills in the file and the report's title.
public struct Findings: Sendable {
  public let file: String
  public let report: String
  public private(set) var diagnostics: [Diagnostic] = []

  public init(file: String, report: String) {
    self.file = file
    self.report = report
  }

  /// Records a finding at `place` in the report.
  public mutating func add(
    _ rule: Diagnostic.Rule, _ severity: Diagnostic.Severity, _ message: String,
    at place: Place = Place(),
    stated: String? = nil, expected: String? = nil
  ) {
    let location = Diagnostic.Location(
      report: report, table: place.table, row: place.row, column: place.column,
      paragraph: place.paragraph.map(String.init))
    diagnostics.append(
      Diagnostic(
        file: file, severity: severity, rule: rule, message: message, location: location,
        stated: stated, expected: expected, source: place.source))
  }

  /// Records everything `other` found.
  mutating func append(_ other: Findings) {
    diagnostics += other.diagnostics
  }
}

extension Findings {
  /// A printed figure against the one computed from others: an error when they disagree, a
  /// warning when only rounding to whole pounds explains the difference, nothing when they agree.
  public mutating func add(
    _ rule: Diagnostic.Rule, _ verdict: Measured.Verdict, _ message: String, at place: Place,
    stated: Measured,
    expected: Measured
  ) {
    guard verdict != .agrees else { return }
    let rounding = verdict == .withinRounding
    add(
      rule, rounding ? .warning : .error,
      message + (rounding ? " (by less than rounding whole pounds could explain)" : ""),
      at: place, stated: stated.shown, expected: Measured.show(expected.value, like: stated.shown))
  }
}

/// Where in a report something is: a numbered paragraph, or a table and one of its cells.
public struct Place: Sendable, Equatable {
  public var paragraph: Int?
  public var table: String?
  public var row: String?
  public var column: String?
  /// The line of the input the place was made from, when known: a table row's line in its CSV, a
  /// block's in its YAML input or its file.
  public var source: SourceLocation?

  public init(
    paragraph: Int? = nil, table: String? = nil, row: String? = nil, column: String? = nil,
    source: SourceLocation? = nil
  ) {
    self.paragraph = paragraph
    self.table = table
    self.row = row
    self.column = column
    self.source = source
  }
}

extension Findings {
  /// A line that breaks one of a table's relations, worth what the relation's basis makes it: an
  /// error (or a rounding warning) against a declared or established relation; against a
  /// tentative one, a warning when the difference looks like a slip of the pen, else nothing.
  mutating func add(
    _ rule: Diagnostic.Rule, _ relation: TableRelation, _ line: RelationLine, _ message: String,
    in site: TableSite
  ) {
    let place = site.place(row: line.row, column: line.column)
    guard relation.basis == .declared || line.parts >= 2 else { return }
    switch relation.basis {
    case .declared, .established:
      add(
        rule, line.stated.verdict(against: line.expected), message, at: place,
        stated: line.stated, expected: line.expected)
    case .tentative:
      guard line.verdict == .disagrees, line.looksLikeSlip else { return }
      add(
        rule, .warning, message + " (by what one mistyped or transposed digit makes)", at: place,
        stated: line.stated.shown,
        expected: Measured.show(line.expected.value, like: line.stated.shown))
    }
  }
}
