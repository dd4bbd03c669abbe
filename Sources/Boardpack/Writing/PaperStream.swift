import Foundation

/// A paper written in each chosen format as it grows, for a document too long to hold in memory (a
/// merge's combined letters): it begins as one document, `append(_:)` adds blocks at its end, and
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

  func append(_ blocks: [Block]) throws(BoardpackError) {
    try xhtml?.append(blocks)
    try fodt?.append(blocks)
  }

  func finish() throws(BoardpackError) {
    try xhtml?.finish()
    try fodt?.finish()
  }
}
