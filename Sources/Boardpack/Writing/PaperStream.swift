import Foundation

/// A merge's combined letters written in each chosen format as they come, too many to hold in
/// memory: it begins with one letter, `append(_:)` adds the next, each from a new page (in XHTML an
/// `<article>` of its own; in ODF after a page break, with its letterhead and title), and
/// `finish()` completes the files. Files are written in place, so write them where a failure can
/// be cleaned up (a staging folder).
final class PaperStream {
  private let xhtml: XHTMLWriter.Stream?
  private let fodt: FODTWriter.Stream?

  /// Starts each file given, with `first`.
  init(
    _ first: Document, xhtml: (writer: XHTMLWriter, path: String)?,
    fodt: (writer: FODTWriter, path: String)?
  ) throws(BoardpackError) {
    self.xhtml = try xhtml.map { xhtml throws(BoardpackError) in
      try xhtml.writer.stream(first, to: xhtml.path)
    }
    self.fodt = try fodt.map { fodt throws(BoardpackError) in
      try fodt.writer.stream(first, to: fodt.path)
    }
  }

  func append(_ letter: Document) throws(BoardpackError) {
    try xhtml?.append(letter)
    try fodt?.append(Self.continuation(letter))
  }

  /// The blocks that add `letter` to a combined ODF document after the first: a page break, its
  /// letterhead and title, then its own blocks.
  static func continuation(_ letter: Document) -> [Block] {
    [.pageBreak]
      + letter.metadata.letterhead.map {
        .paragraph(Paragraph(content: [.text($0)], style: "Letterhead"))
      }
      + [.paragraph(Paragraph(content: [.text(letter.metadata.title)], style: "Title"))]
      + letter.blocks
  }

  func finish() throws(BoardpackError) {
    try xhtml?.finish()
    try fodt?.finish()
  }
}
