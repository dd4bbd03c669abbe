/// A board or panel paper: its metadata and its blocks, in reading order.
///
/// Every reader produces one and every writer and check consumes one. Sections are not nested:
/// as in pandoc, a heading starts a section that runs to the next heading of the same or a higher level.
public struct Document: Sendable, Equatable {
  public var metadata: Metadata
  public var blocks: [Block]

  public init(metadata: Metadata = Metadata(), blocks: [Block] = []) {
    self.metadata = metadata
    self.blocks = blocks
  }
}

/// What a paper is, when, by whom: the facts of its title block.
public struct Metadata: Sendable, Equatable, Codable {
  /// The skeleton the paper was generated from, if Boardpack generated it.
  public var template: String?
  /// The body or meeting, e.g. "Police and Crime Panel for Leicester, Leicestershire and Rutland".
  public var body: String?
  public var meetingDate: CalendarDate?
  public var title: String
  public var reportDate: CalendarDate?
  public var author: Author?
  /// For example "Official".
  public var classification: String?
  /// Letterhead lines printed above the title ("POLICE & CRIME COMMISSIONER", …).
  public var letterhead: [String]
  /// The rows of the title-block table, in order; empty for papers without one.
  public var titleBlock: [TitleField]
  /// The language the file declares, as a BCP 47 tag ("en-GB", "en-US"); nil when it declares none.
  /// It decides how numeric dates such as 1/31/2018 are read (see `DateOrder`).
  public var language: String?
  /// Set when the file held tracked changes, which a reader takes as accepted: the paper is read
  /// as it prints with them.
  public var hasTrackedChanges = false

  public init(
    template: String? = nil, body: String? = nil, meetingDate: CalendarDate? = nil, title: String = "",
    reportDate: CalendarDate? = nil, author: Author? = nil, classification: String? = nil,
    letterhead: [String] = [], titleBlock: [TitleField] = [], language: String? = nil
  ) {
    self.template = template
    self.body = body
    self.meetingDate = meetingDate
    self.title = title
    self.reportDate = reportDate
    self.author = author
    self.classification = classification
    self.letterhead = letterhead
    self.titleBlock = titleBlock
    self.language = language
  }
}

/// A row of the title-block table.
public enum TitleField: String, Sendable, Equatable, Codable, CaseIterable {
  /// "Report Date | 21st April 2026"
  case reportDate = "report-date"
  /// "Report Author | Lizzie Starr, Director of Governance and Performance"
  case author
  /// "Security Classification | Official"
  case classification

  /// The row's printed label.
  public var caption: String {
    switch self {
    case .reportDate: "Report Date"
    case .author: "Report Author"
    case .classification: "Security Classification"
    }
  }
}

/// The person responsible for a paper.
public struct Author: Sendable, Equatable, Codable {
  public var name: String
  public var role: String?
  public var phone: String?
  public var email: String?

  public init(name: String, role: String? = nil, phone: String? = nil, email: String? = nil) {
    self.name = name
    self.role = role
    self.phone = phone
    self.email = email
  }
}
