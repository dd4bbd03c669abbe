/// One problem found in a paper by a check: where, which rule, what is printed and what was expected.
public struct Diagnostic: Sendable, Equatable, Codable {
  public enum Severity: String, Sendable, Codable { case error, warning }

  /// The checks' rules, as named in `--format json`.
  public enum Rule: String, Sendable, Codable, CaseIterable {
    case tableSum = "table-sum"
    case derivedColumn = "derived-column"
    case percentShare = "percent-share"
    case textTotal = "text-total"
    case crossReference = "cross-reference"
    case numbering
    case date
    case fyLabel = "fy-label"
    case arithmetic
    case accessibility
    case trackedChanges = "tracked-changes"
    case storedValue = "stored-value"
    /// Text left for the author to write: "To be written", "[insert …]".
    case placeholder
    /// Papers of one meeting that disagree with each other (a figure, an event's date).
    case acrossPapers = "across-papers"
  }

  /// Where in the paper: any of report title, table caption or header, row label, column header, paragraph number.
  public struct Location: Sendable, Equatable, Codable {
    public var report: String?
    public var table: String?
    public var row: String?
    public var column: String?
    public var paragraph: String?

    public init(report: String? = nil, table: String? = nil, row: String? = nil, column: String? = nil, paragraph: String? = nil) {
      self.report = report
      self.table = table
      self.row = row
      self.column = column
      self.paragraph = paragraph
    }
  }

  public var file: String
  public var severity: Severity
  public var rule: Rule
  public var message: String
  public var location: Location
  public var stated: String?
  public var expected: String?
  /// The input line the finding comes from, when known: a table row's line in its CSV, a block's
  /// line in the YAML input or in the file read. Printed in text; not part of the JSON.
  public var source: SourceLocation?

  private enum CodingKeys: String, CodingKey {
    case file, severity, rule, message, location, stated, expected
  }

  public init(
    file: String, severity: Severity, rule: Rule, message: String, location: Location = Location(),
    stated: String? = nil, expected: String? = nil, source: SourceLocation? = nil
  ) {
    self.file = file
    self.severity = severity
    self.rule = rule
    self.message = message
    self.location = location
    self.stated = stated
    self.expected = expected
    self.source = source
  }
}
