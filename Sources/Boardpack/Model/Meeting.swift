/// A meeting of a board or panel as its meeting file (`Inputs/meetings/*.yaml`, FORMATS.md §10)
/// gives it: what the front sheet prints, and the agenda's items in order.
public struct Meeting: Sendable, Equatable {
  /// "Leicester, Leicestershire and Rutland Police and Crime Panel".
  public var body: String
  public var date: CalendarDate
  /// "2.00 pm", as printed.
  public var time: String?
  public var venue: String?
  public var contact: Author?
  public var membership: [String]
  /// Notices printed under the membership ("this meeting will be filmed …"), with light markup.
  public var notices: [[Inline]]
  public var items: [AgendaItem]

  public init(
    body: String, date: CalendarDate, time: String? = nil, venue: String? = nil,
    contact: Author? = nil,
    membership: [String] = [], notices: [[Inline]] = [], items: [AgendaItem] = []
  ) {
    self.body = body
    self.date = date
    self.time = time
    self.venue = venue
    self.contact = contact
    self.membership = membership
    self.notices = notices
    self.items = items
  }
}

/// One item of an agenda; numbers run 1, 2, 3… in the order of the meeting file.
public struct AgendaItem: Sendable, Equatable {
  /// Where an item's paper comes from.
  public enum Paper: Sendable, Equatable {
    /// A paper input (`.yaml`) that the pack generates.
    case input(String)
    /// A finished paper (`.fodt`, `.xhtml`, `.docx`, `.odt`, …) read as it is.
    case file(String)
  }

  public var number: Int
  public var title: String
  /// The file the paper is read or generated from, if the item has one.
  public var paperPath: String? {
    switch paper {
    case .input(let path), .file(let path): path
    case nil: nil
    }
  }
  public var presenter: String?
  /// Text printed under the item in the agenda ("The next meeting … 29 September 2026.").
  public var purpose: [Inline]
  public var paper: Paper?
  /// The paragraph of Part 1 of Schedule 12A to the Local Government Act 1972 that makes the
  /// item's paper exempt; the public pack prints a notice instead of the paper.
  public var exemptParagraph: Int?
  public var location: SourceLocation?

  public init(
    number: Int, title: String, presenter: String? = nil, purpose: [Inline] = [],
    paper: Paper? = nil,
    exemptParagraph: Int? = nil, location: SourceLocation? = nil
  ) {
    self.number = number
    self.title = title
    self.presenter = presenter
    self.purpose = purpose
    self.paper = paper
    self.exemptParagraph = exemptParagraph
    self.location = location
  }
}
