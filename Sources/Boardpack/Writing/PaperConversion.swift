import Foundation

/// Papers in the formats LibreOffice makes from their `.fodt`: a tagged PDF flagged as PDF/UA (with
/// the paper's title and language, which the `.fodt` carries), or Word's `.docx`. A batch is
/// converted with one start of LibreOffice, however many papers it holds.
public struct PaperConversion: Sendable {
  /// A format made from the `.fodt`.
  public enum Format: String, Sendable, CaseIterable {
    case pdf, docx

    /// The `soffice --convert-to` argument.
    var convertTo: String {
      switch self {
      case .pdf:
        #"pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"#
          + #""PDFUACompliance":{"type":"boolean","value":"true"}}"#
      case .docx: "docx:MS Word 2007 XML"
      }
    }
  }

  public let format: Format
  private let libreOffice: LibreOffice

  /// A conversion to `format`; an error naming the Debian package to install when LibreOffice is
  /// not on the PATH.
  public init(to format: Format) throws(BoardpackError) {
    self.format = format
    libreOffice = try LibreOffice.required(
      for: "writing .\(format.rawValue)", at: SourceLocation(file: "--format \(format.rawValue)"))
  }

  /// Writes each paper as `folder/NAME.pdf` (or `.docx`): the `.fodt` of every paper into a hidden
  /// folder inside `folder`, all converted at once, then each result renamed into place. Returns the
  /// paths written.
  public func write(
    _ papers: [(name: String, document: Document)], reference: ReferenceDocument,
    into folder: String
  ) throws(BoardpackError) -> [String] {
    let writers = PaperWriters(xhtml: false, fodt: reference)
    let work = try PaperConversion.workFolder(in: folder)
    defer { try? FileManager.default.removeItem(atPath: work) }
    var sources: [String] = []
    for paper in papers {
      sources += try writers.write(paper.document, named: paper.name, into: work)
    }
    return try convert(sources, into: folder, via: work)
  }

  /// Writes each pack as `folder/NAME.pdf` (or `.docx`) as `write(_:reference:into:)` writes papers.
  public func write(
    _ packs: [(name: String, pack: Pack)], reference: ReferenceDocument, into folder: String
  ) throws(BoardpackError) -> [String] {
    let work = try PaperConversion.workFolder(in: folder)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let sources = try PaperWriters(xhtml: false, fodt: reference).write(packs, into: work)
    return try convert(sources, into: folder, via: work)
  }

  /// Converts the `.fodt` files in `folder` (a merge's staged letters) into this format beside
  /// them, then removes them.
  public func convertInPlace(_ folder: String) throws(BoardpackError) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    let sources = names.filter { $0.hasSuffix(".fodt") }.map { folder + "/" + $0 }
    let work = try PaperConversion.workFolder(in: folder)
    defer { try? FileManager.default.removeItem(atPath: work) }
    _ = try convert(sources, into: folder, via: work)
    for source in sources { try? FileManager.default.removeItem(atPath: source) }
  }

  /// Converts `sources` into `work`, then renames each result into `folder`.
  private func convert(_ sources: [String], into folder: String, via work: String)
    throws(BoardpackError)
    -> [String]
  {
    let converted = work + "/converted"
    try libreOffice.convert(sources, to: format.convertTo, into: converted)
    var written: [String] = []
    for source in sources {
      let name =
        URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + "."
        + format.rawValue
      try OutputFile.move(converted + "/" + name, to: folder + "/" + name)
      written.append(folder + "/" + name)
    }
    return written
  }

  /// A new hidden folder inside `folder` (created if need be), on the same file system as the
  /// results' place, so they are renamed into it whole.
  private static func workFolder(in folder: String) throws(BoardpackError) -> String {
    let work = folder + "/.boardpack-\(UUID().uuidString)"
    do {
      try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    } catch {
      throw BoardpackError(
        "cannot write the folder: \(error.localizedDescription)", at: SourceLocation(file: folder))
    }
    return work
  }
}
