/// A block-level element of a paper.
public enum Block: Sendable, Equatable {
  case heading(Heading)
  /// A paragraph, numbered or not; numbered ones form one sequence through a report.
  case paragraph(Paragraph)
  case list(List)
  case quotation([Block])
  case table(Table)
  case figure(Figure)
  case pageBreak
}

/// A section heading; level 1 is the highest. An appendix heading carries its number.
public struct Heading: Sendable, Equatable {
  public var level: Int
  public var content: [Inline]
  public var label: Label?
  /// Set when the heading opens an appendix ("Appendix 1", "Appendix One").
  public var appendix: Int?
  public var location: SourceLocation?

  public init(level: Int, content: [Inline], label: Label? = nil, appendix: Int? = nil, location: SourceLocation? = nil) {
    self.level = level
    self.content = content
    self.label = label
    self.appendix = appendix
    self.location = location
  }
}

/// A paragraph. When `number` is set it is one of the report's numbered paragraphs, and
/// `children` holds what belongs to it (typically its lettered sub-items as a `List`).
public struct Paragraph: Sendable, Equatable {
  public var number: Int?
  public var content: [Inline]
  public var children: [Block]
  public var label: Label?
  /// A named paragraph style from the reference document (e.g. "Letterhead", "End of Report").
  public var style: String?
  public var location: SourceLocation?

  public init(
    number: Int? = nil, content: [Inline], children: [Block] = [], label: Label? = nil, style: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.number = number
    self.content = content
    self.children = children
    self.label = label
    self.style = style
    self.location = location
  }
}

/// A bulleted, lettered, roman or clause list, or a list of names.
public struct List: Sendable, Equatable {
  public enum Style: String, Sendable, Equatable, Codable {
    /// • items
    case bullet
    /// a., b., c.
    case letter
    /// (a), (b), (c): the clauses of a resolution.
    case clause
    /// (i), (ii), (iii)
    case roman
    /// Names or short lines without markers, in two columns when they fit: a meeting's attendance.
    case names
  }

  /// Whether every item is short enough to set the list in two columns (a list of names).
  public var fitsTwoColumns: Bool {
    items.allSatisfy { $0.content.plainText.count <= 32 && $0.children.isEmpty }
  }

  public var style: Style
  public var items: [ListItem]

  public init(style: Style, items: [ListItem]) {
    self.style = style
    self.items = items
  }
}

/// One item of a list; `marker` is the marker as printed when read from a file ("c."), nil when generated.
public struct ListItem: Sendable, Equatable {
  public var content: [Inline]
  public var children: [Block]
  public var marker: String?
  public var label: Label?

  public init(content: [Inline], children: [Block] = [], marker: String? = nil, label: Label? = nil) {
    self.content = content
    self.children = children
    self.marker = marker
    self.label = label
  }
}

/// A map, chart or picture. Alt text is required; an empty one is an error when generating
/// and an accessibility finding when validating.
public struct Figure: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable, Codable { case map, chart, diagram, image }

  public var kind: Kind
  public var altText: String
  /// An image file relative to the input, if there is one; figures without one render as a framed placeholder.
  public var source: String?
  public var caption: [Inline]
  public var label: Label?
  /// The picture embedded in the paper: the `source` file as read when generating, or nil.
  public var image: EmbeddedImage?
  /// The figures of a chart drawn from data (a table of the paper or a CSV file), or nil.
  public var chart: Chart?
  public var location: SourceLocation?

  public init(
    kind: Kind, altText: String, source: String? = nil, caption: [Inline] = [], label: Label? = nil,
    image: EmbeddedImage? = nil, chart: Chart? = nil, location: SourceLocation? = nil
  ) {
    self.kind = kind
    self.altText = altText
    self.source = source
    self.caption = caption
    self.label = label
    self.image = image
    self.chart = chart
    self.location = location
  }
}
