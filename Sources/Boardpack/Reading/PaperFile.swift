import BoardpackXML
import Foundation

/// The one way in for finished papers: reads an `.xhtml`, `.html`, `.fodt`, `.odt` or `.docx`
/// file into a `Document`, natively, and a `.doc`, `.rtf` or other document LibreOffice opens
/// through LibreOffice when it is installed. The bytes decide the format where they and the name
/// disagree (a zip named `.fodt`, an XHTML file named `.fodt`); the name decides otherwise.
///
/// Parsing is libxml2's, with `XMLDocument`'s safeguards: no network, no DTDs, and documents that
/// declare entities are refused, so a bomb or an external entity is never expanded; zip packages
/// are opened with `ZipPackage`'s bounds.
public enum PaperFile {
  /// The formats a paper is read from natively, by file extension.
  public static let extensions = ["xhtml", "html", "htm", "fodt", "odt", "docx"]
  /// Further extensions read natively: templates and macro-enabled variants of the formats above.
  static let packageVariants = ["ott", "docm", "dotx", "dotm"]
  /// The formats read through LibreOffice (converted to flat ODF first), when it is installed.
  public static let convertedExtensions = ["doc", "dot", "rtf", "wpd", "wps", "sxw", "abw", "lwp"]
  /// The name that stands for standard input.
  public static let standardInput = "-"
  /// Standard input's name in findings and errors.
  public static let standardInputName = "<stdin>"

  /// Reads the paper at `path`; `-` reads standard input, in whatever format its bytes show.
  public static func read(path: String) throws(BoardpackError) -> Document {
    if path == standardInput {
      return try read(
        FileHandle.standardInput.readDataToEndOfFile(), name: standardInputName, fileExtension: "")
    }
    let fileExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
    guard (extensions + packageVariants + convertedExtensions).contains(fileExtension) else {
      throw BoardpackError(
        "cannot read a paper from a .\(fileExtension) file; use one of .\(extensions.joined(separator: ", ."))"
          + ", or, with LibreOffice installed, .\(convertedExtensions.joined(separator: ", ."))",
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
    return try read(data, name: path, fileExtension: fileExtension)
  }

  /// Reads a paper held in memory; `name` stands for the file in locations and errors.
  public static func read(_ data: Data, name: String, isODF: Bool) throws(BoardpackError)
    -> Document
  {
    try read(data, name: name, fileExtension: isODF ? "fodt" : "xhtml")
  }

  /// Reads a paper held in memory, in the format its bytes show, else the one `fileExtension`
  /// ("" when unknown) names.
  public static func read(_ data: Data, name: String, fileExtension: String) throws(BoardpackError)
    -> Document
  {
    let isZip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    let isWord = ["docx", "docm", "dotx", "dotm"].contains(fileExtension)
    if isZip || isWord || fileExtension == "odt" || fileExtension == "ott" {
      let kind =
        isWord
        ? "a Word document" : fileExtension.hasPrefix("o") ? "an OpenDocument text" : "a paper"
      let package = try ZipPackage(data, name: name, kind: kind)
      if package.contains("word/document.xml") { return try DOCXReader.read(package, file: name) }
      if package.contains("content.xml") { return try FODTReader.read(package, file: name) }
      throw BoardpackError(
        isWord
          ? "not a Word document: the package has no word/document.xml"
          : "not \(kind): the package holds neither word/document.xml nor content.xml",
        at: SourceLocation(file: name))
    }
    let isCompoundFile = data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    if convertedExtensions.contains(fileExtension) || isCompoundFile
      || data.starts(with: Array("{\\rtf".utf8))
    {
      guard let libreOffice = LibreOffice() else {
        throw BoardpackError(
          "reading this file needs LibreOffice, which is not installed "
            + "(apt-get install libreoffice-writer-nogui); or save it as .docx, .odt or .fodt",
          at: SourceLocation(file: name))
      }
      return try read(libreOffice.flatODF(of: data, name: name), name: name, fileExtension: "fodt")
    }
    let isHTML = fileExtension == "html" || fileExtension == "htm"
    let xml: XMLDocument
    let limits = XMLLimits(
      attributesPerElement: InputLimits.current.attributes,
      advice: InputLimits.raise(.attributes))
    do throws(XMLError) {
      xml =
        try isHTML
        ? XMLDocument(parsingHTML: data, name: name, limits: limits)
        : XMLDocument(parsing: data, name: name, limits: limits)
    } catch {
      // Input of unknown format that is HTML but not XML (from standard input) is read as HTML.
      if fileExtension.isEmpty,
        let html = try? XMLDocument(parsingHTML: data, name: name, limits: limits),
        html.root?.name == "html"
      {
        return try XHTMLReader.read(html, file: name)
      }
      throw BoardpackError(
        error.message, at: SourceLocation(file: name, line: error.line, column: error.column),
        sourceLine: error.line.flatMap { line(of: data, at: $0) })
    }
    let root = xml.root
    let isODF =
      root?.name != "html"
      && (fileExtension == "fodt"
        || root?.namespace == "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
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
