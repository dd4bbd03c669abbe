/// A run of text in a report (a paragraph, list item, heading, caption or table cell) and where it is.
public struct Passage: Sendable, Equatable {
  public var text: String
  public var place: Place
  /// Inside a quotation, which speaks of other documents.
  public var quoted: Bool
  public var isHeading: Bool
}
