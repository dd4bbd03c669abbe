import Foundation

/// A letter template parsed once from `Templates/<id>.yaml` and bound to every CSV row; merge
/// fields are nodes of the tree, so a value can only ever become text, never markup.
public struct LetterTemplate: Sendable, Equatable {
  /// The template file, for error locations.
  public var path: String
  public var id: String
  public var title: TemplateText
  public var letterhead: [String]
  /// The letter's date, printed above the body.
  public var date: CalendarDate?
  /// The protective marking the page header prints, e.g. "Official".
  public var classification: String?
  /// The sign-off, e.g. "Yours sincerely,".
  public var closing: TemplateText?
  /// The signatory's role, one line each (never a person's name in shipped templates).
  public var signatory: [TemplateText]
  /// The column that identifies a letter in the manifest, e.g. "Partnership".
  public var key: String?
  /// The default `--name` pattern, e.g. "{Partnership}".
  public var fileName: String?
  /// Columns (read or computed) copied into the manifest.
  public var manifest: [String]
  /// Columns computed from others, in declaration order; never typed in the CSV.
  public var computed: [ComputedColumn]
  /// Second CSV files joined to each row, by name.
  public var joins: [String: Join]
  public var blocks: [TemplateBlock]

  public init(
    path: String, id: String, title: TemplateText, letterhead: [String] = [],
    date: CalendarDate? = nil, classification: String? = nil,
    closing: TemplateText? = nil, signatory: [TemplateText] = [], key: String? = nil,
    fileName: String? = nil,
    manifest: [String] = [], computed: [ComputedColumn] = [], joins: [String: Join] = [:],
    blocks: [TemplateBlock]
  ) {
    self.path = path
    self.id = id
    self.title = title
    self.letterhead = letterhead
    self.date = date
    self.classification = classification
    self.closing = closing
    self.signatory = signatory
    self.key = key
    self.fileName = fileName
    self.manifest = manifest
    self.computed = computed
    self.joins = joins
    self.blocks = blocks
  }
}

/// A block of a letter template; `conditional` and `each` choose or repeat their blocks per row.
public indirect enum TemplateBlock: Sendable, Equatable {
  case paragraph(TemplateText, style: String?)
  case heading(TemplateText, level: Int)
  case bullets([TemplateItem<TemplateText>])
  case table(TemplateTable)
  case conditional(Condition, then: [TemplateBlock], otherwise: [TemplateBlock])
  /// The blocks once per row of a join, or `otherwise` when the join has no rows for this letter.
  case each(
    join: String, blocks: [TemplateBlock], otherwise: [TemplateBlock], location: SourceLocation)
}

/// One entry of a list or table body: a single item, or one item per joined row.
public enum TemplateItem<Content: Sendable & Equatable>: Sendable, Equatable {
  case one(Content)
  case each(join: String, Content, location: SourceLocation)
}

/// A table whose header is fixed and whose rows may repeat over a join.
public struct TemplateTable: Sendable, Equatable {
  public var caption: TemplateText?
  public var columns: [Column]
  public var rows: [TemplateItem<[TemplateText]>]

  public init(caption: TemplateText?, columns: [Column], rows: [TemplateItem<[TemplateText]>]) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }
}

/// Text with merge fields: literal runs (with their inline markup already parsed) and field nodes.
public struct TemplateText: Sendable, Equatable {
  public var content: [TemplateInline]
  public var location: SourceLocation

  public init(_ content: [TemplateInline], at location: SourceLocation) {
    self.content = content
    self.location = location
  }
}

/// Inline content of template text; mirrors `Inline` with a `field` case added.
public indirect enum TemplateInline: Sendable, Equatable {
  case text(String)
  case field(FieldReference)
  case strong([TemplateInline])
  case emphasis([TemplateInline])
  case link(url: String, content: [TemplateInline])
  case lineBreak
}

/// `{{Allocation|money}}`: a column (or computed column) and how to show it; or
/// `{{Salutation|default:Dear Chair,}}`, a column shown as typed whose default text stands in when
/// the data has no such column or the row's cell is empty.
public struct FieldReference: Sendable, Equatable {
  public var column: String
  public var format: FieldFormat
  /// The text shown when the column is absent or the cell empty; nil when the cell is required.
  public var fallback: String?
  public var location: SourceLocation

  public init(
    column: String, format: FieldFormat, fallback: String? = nil, location: SourceLocation
  ) {
    self.column = column
    self.format = format
    self.fallback = fallback
    self.location = location
  }
}

/// How a field's value is shown.
public enum FieldFormat: String, Sendable, Equatable, CaseIterable {
  /// The cell as typed, trimmed.
  case plain
  /// "£271,818.47"; "£0.00" for zero (a condition, `COLUMN is nil`, chooses other words).
  case money
  /// "£271,818.47"; "Nil" for zero, as financial tables print it.
  case moneyOrNil = "money-or-nil"
  /// "25th June 2026".
  case date
  /// "1,234", keeping the decimal places as typed.
  case number
  case upper
  case lower

  /// What the column's cells must hold for this format.
  var requirement: ValueRequirement {
    switch self {
    case .plain, .upper, .lower: .text
    case .money, .moneyOrNil: .money
    case .number: .number
    case .date: .date
    }
  }
}

/// What a column's cells must hold, from how the template uses the column.
enum ValueRequirement: Sendable, Equatable, Hashable {
  /// Any non-empty cell.
  case text
  /// A figure shown as money: "£1,234.56", "1234.56", "Nil".
  case money
  /// A figure used in a sum, a comparison or with `|number`.
  case number
  /// "2026-06-25", "25/06/2026", "25th June 2026".
  case date
}

/// A paragraph-level condition: `Remaining > 0`, `Expenditure is nil`, `projects is empty`.
public struct Condition: Sendable, Equatable {
  /// The kinds of test; comparisons are between figures.
  public enum Test: Sendable, Equatable {
    case compare(Comparison, Operand)
    /// A stated or computed zero: "Nil", "-", "£0.00".
    case isNil
    case isNotNil
    /// The subject names a join with no rows for this letter.
    case isEmpty
    case isNotEmpty
  }

  /// `>`, `>=`, `<`, `<=`, `=`, `!=`.
  public enum Comparison: String, Sendable, Equatable, CaseIterable {
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case notEqual = "!="
    case greater = ">"
    case less = "<"
    case equal = "="

    func holds(_ a: Decimal, _ b: Decimal) -> Bool {
      switch self {
      case .greater: a > b
      case .greaterOrEqual: a >= b
      case .less: a < b
      case .lessOrEqual: a <= b
      case .equal: a == b
      case .notEqual: a != b
      }
    }
  }

  /// The right-hand side of a comparison.
  public enum Operand: Sendable, Equatable {
    case figure(Decimal)
    case column(String)
  }

  /// A column, computed column or (for `is empty`) join name.
  public var subject: String
  public var test: Test
  public var location: SourceLocation

  public init(subject: String, test: Test, location: SourceLocation) {
    self.subject = subject
    self.test = test
    self.location = location
  }
}

/// `Remaining: Allocation - Expenditure`: a column computed as a signed sum of figure columns.
public struct ComputedColumn: Sendable, Equatable {
  /// One term of the sum.
  public struct Term: Sendable, Equatable {
    public var column: String
    public var negated: Bool

    public init(column: String, negated: Bool) {
      self.column = column
      self.negated = negated
    }
  }

  public var name: String
  public var terms: [Term]
  public var location: SourceLocation

  public init(name: String, terms: [Term], location: SourceLocation) {
    self.name = name
    self.terms = terms
    self.location = location
  }
}

/// A second CSV joined on a key column that both files share.
public struct Join: Sendable, Equatable {
  /// The CSV file or spreadsheet, relative to the main data file's folder when not absolute.
  public var file: String
  public var key: String
  public var location: SourceLocation

  public init(file: String, key: String, location: SourceLocation) {
    self.file = file
    self.key = key
    self.location = location
  }
}
