/// The papers of one meeting, checked against each other: a pack's papers, or the papers given to
/// `validate` together. Each paper is split into its reports (a pack file holds several).
public struct PaperSet: Sendable {
  /// One paper: its file, its metadata and its reports.
  public struct Paper: Sendable {
    public let file: String
    public let metadata: Metadata
    public let reports: [Report]
    /// The meeting the paper is for: the set's, else the date its own agenda gives (a pack file).
    public let meetingDate: CalendarDate?
    /// The agenda item the paper is for, when the set says (a pack's paper); else each report may
    /// open with its item's heading ("Agenda Item 10", in a pack file).
    public let item: Int?
  }

  public let papers: [Paper]
  /// The meeting's agenda: the meeting file's, else the one a pack file among the papers prints;
  /// nil when the set has neither.
  public let agenda: Agenda?

  /// The papers of `documents`; `meetingDate` is the meeting's when a meeting file gives it.
  public init(_ documents: [(file: String, document: Document)], meetingDate: CalendarDate? = nil) {
    self.init(documents.map { ($0.file, $0.document, nil) }, meetingDate: meetingDate, agenda: nil)
  }

  /// The papers of `documents`, each for its agenda item, of a meeting on `meetingDate` with `agenda`.
  public init(
    _ documents: [(file: String, document: Document, item: Int?)], meetingDate: CalendarDate?,
    agenda: Agenda?
  ) {
    papers = documents.map { file, document, item in
      let reports = Report.reports(in: document)
      return Paper(
        file: file, metadata: document.metadata, reports: reports,
        meetingDate: meetingDate ?? reports.lazy.compactMap(MeetingDateRule.agendaDate).first,
        item: item)
    }
    self.agenda = agenda ?? papers.lazy.flatMap(\.reports).compactMap(Agenda.printed).first
  }

  /// Every report of every paper with its paper, in order.
  var reports: [(paper: Paper, report: Report)] {
    papers.flatMap { paper in paper.reports.map { (paper, $0) } }
  }

  /// Every report with its paper and the agenda item it belongs to: its paper's, else the item its
  /// own or an earlier report of the paper opens with ("Agenda Item 10"); nil when none says.
  var reportsByItem: [(paper: Paper, report: Report, item: Int?)] {
    papers.flatMap { paper in
      var item = paper.item
      return paper.reports.map { report in
        item = paper.item ?? Agenda.openingItem(of: report) ?? item
        return (paper, report, item)
      }
    }
  }
}

extension PaperSet {
  /// A figure of a paper's table and where it is printed, as the rules across papers compare
  /// figures: its paper's file, its report, its table's name, its row's and column's headings, the
  /// paragraph the table is under, and the "as of" date it counts to when the paper states one.
  struct TableFigure {
    let figure: Measured
    let file: String
    let report: String
    let table: String
    let row: String
    let column: String
    let paragraph: Int?
    let asOf: CalendarDate?
  }
}

/// A check across the papers of one meeting; it appends what it finds and never throws.
public protocol PaperSetRule: Sendable {
  func check(_ papers: PaperSet, into diagnostics: inout [Diagnostic])
}

extension Validator {
  /// The rules that compare papers with each other.
  public static let acrossPapers: [any PaperSetRule] = [
    MeetingDateRule(), EventDateRule(), SharedFigureRule(), CumulativeFigureRule(),
    PaperReferenceRule(),
  ]

  /// What the rules across papers find in `papers`; each inconsistency is reported once, where it
  /// is first met, however many copies of a paper the set holds.
  public func check(across papers: PaperSet) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for rule in Validator.acrossPapers { rule.check(papers, into: &diagnostics) }
    var seen: Set<String> = []
    return diagnostics.filter {
      seen.insert("\($0.rule) \($0.location.report ?? "") \($0.message)").inserted
    }
  }
}
