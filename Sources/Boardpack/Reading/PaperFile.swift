import BoardpackXML
import Foundation

/// The one way in for finished papers: reads an `.xhtml` (`.html`, `.htm`) or `.fodt` file into a
/// `Document`. Parsing is libxml2's, with `XMLDocument`'s safeguards: no network, no DTDs, and
/// documents that declare entities are refused, so a bomb or an external entity is never expanded.
public enum PaperFile {
  /// The formats a paper can be read from, by file extension.
  public static let extensions = ["xhtml", "html", "htm", "fodt"]

  public static func read(path: String) throws(BoardpackError) -> Document {
    let fileExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
    guard extensions.contains(fileExtension) else {
      throw BoardpackError(
        "cannot read a paper from a .\(fileExtension) file; use one of .\(extensions.joined(separator: ", ."))",
        at: SourceLocation(file: path))
    }
    // libxml2 takes the length as an `int`: a larger paper is refused before it is read.
    var info = stat()
    if stat(path, &info) == 0, Int(info.st_size) > Int(Int32.max),
      Int(info.st_size) <= InputLimits.current.fileSize
    {
      throw BoardpackError(
        "the file is \(InputLimits.size(Int(info.st_size))); papers are read by libxml2, which reads at most 2 GB",
        at: SourceLocation(file: path))
    }
    let data = try InputFile.read(path)
    return try read(data, name: path, isODF: fileExtension == "fodt")
  }

  /// Reads a paper held in memory; `name` stands for the file in locations and errors.
  public static func read(_ data: Data, name: String, isODF: Bool) throws(BoardpackError)
    -> Document
  {
    let xml: XMLDocument
    let limits = XMLLimits(
      attributesPerElement: InputLimits.current.attributes,
      advice: InputLimits.raise(.attributes))
    do { xml = try XMLDocument(parsing: data, name: name, limits: limits) } catch {
      throw BoardpackError(
        error.message, at: SourceLocation(file: name, line: error.line, column: error.column),
        sourceLine: error.line.flatMap { line(of: data, at: $0) })
    }
    return isODF ? try FODTReader.read(xml, file: name) : try XHTMLReader.read(xml, file: name)
  }

  /// The text of line `number` (1-based), shortened to 200 characters, for the caret display.
  private static func line(of data: Data, at number: Int) -> String? {
    var start = data.startIndex
    for _ in 1..<max(number, 1) {
      guard let newline = data[start...].firstIndex(of: 0x0A) else { return nil }
      start = data.index(after: newline)
    }
    let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
    let text = String(decoding: data[start..<min(end, start + 200)], as: UTF8.self)
    return text.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
  }
}
