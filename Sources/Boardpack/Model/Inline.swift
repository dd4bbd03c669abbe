/// Inline content of a paragraph, heading, list item or table cell.
public enum Inline: Sendable, Equatable {
  case text(String)
  case strong([Inline])
  case emphasis([Inline])
  case link(url: String, content: [Inline])
  case reference(Reference)
  case lineBreak
}

/// A cross-reference to a labelled paragraph, table, appendix or figure, shown as
/// "paragraph 12", "paragraphs 12 to 15", "Table 2" or "Appendix 1" and linked to its target.
public struct Reference: Sendable, Equatable {
  public var target: Label
  /// The last target of a range ("paragraphs 12 to 15").
  public var through: Label?
  /// The text as shown; set by `CrossReferences.resolve` when generating, kept as read when reading a file.
  public var shown: String
  /// Read from a file whose word processor prints its targets' numbers itself (ODF
  /// `text:bookmark-ref` fields, as Boardpack writes them), so they cannot go out of date.
  public var hasNumberFields: Bool
  /// The pages from `target` through `through` (an agenda's "(Pages 27 - 60)"): page-number
  /// fields in the `.fodt`, which LibreOffice fills in; the XHTML, which has no pages, links `shown`.
  public var pages: Bool
  public var location: SourceLocation?

  public init(
    target: Label, through: Label? = nil, shown: String = "", hasNumberFields: Bool = false,
    pages: Bool = false,
    location: SourceLocation? = nil
  ) {
    self.target = target
    self.through = through
    self.shown = shown
    self.hasNumberFields = hasNumberFields
    self.pages = pages
    self.location = location
  }
}

/// The name of something a cross-reference can point at; also its anchor id in both formats.
public struct Label: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
  public var name: String

  public init(_ name: String) { self.name = name }
  public init(stringLiteral value: String) { self.name = value }
  public var description: String { name }
}

extension [Inline] {
  /// The plain text, as a reader or screen reader would get it.
  public var plainText: String {
    var result = ""
    for inline in self {
      switch inline {
      case .text(let text): result += text
      case .strong(let content), .emphasis(let content), .link(_, let content): result += content.plainText
      case .reference(let reference): result += reference.shown
      case .lineBreak: result += "\n"
      }
    }
    return result
  }
}
