import Foundation

/// An output format for merged letters: its file extension and how a document is rendered in it.
public struct LetterFormat: Sendable {
  public var fileExtension: String
  public var render: @Sendable (Document) throws(BoardpackError) -> Data

  public init(
    fileExtension: String, render: @escaping @Sendable (Document) throws(BoardpackError) -> Data
  ) {
    self.fileExtension = fileExtension
    self.render = render
  }
}

extension LetterFormat {
  /// One `.xhtml` file per letter (FORMATS.md §4).
  public static let xhtml = LetterFormat(fileExtension: "xhtml") { document in
    XHTMLWriter().render(document)
  }

  /// One `.fodt` file per letter, styled by `reference` (FORMATS.md §5).
  public static func fodt(reference: ReferenceDocument) -> LetterFormat {
    let writer = FODTWriter(reference: reference)
    return LetterFormat(fileExtension: "fodt") { document in writer.render(document) }
  }
}
