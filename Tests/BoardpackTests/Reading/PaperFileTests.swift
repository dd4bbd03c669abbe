import Boardpack
import Foundation
import Testing

/// `PaperFile.read(path:)` on hostile and broken input: every case ends, quickly, in a
/// `BoardpackError` that names the file, or in a document.
@Suite struct PaperFileTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-paperfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func write(_ text: String, to name: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The error `read` throws, and how long it took to throw it.
  func failure(reading path: String) -> (error: BoardpackError?, seconds: Double) {
    let start = Date()
    do {
      _ = try PaperFile.read(path: path)
      return (nil, Date().timeIntervalSince(start))
    } catch {
      return (error, Date().timeIntervalSince(start))
    }
  }

  @Test func refusesUnknownExtensions() throws {
    let path = try write("<html/>", to: "paper.pdf")
    #expect(
      failure(reading: path).error
        == BoardpackError(
          "cannot read a paper from a .pdf file; use one of .xhtml, .html, .htm, .fodt, .odt, .docx, "
            + "or, with LibreOffice installed, .doc, .dot, .rtf, .wpd, .wps, .sxw, .abw, .lwp",
          at: SourceLocation(file: path)))
  }

  @Test func reportsAMissingFile() {
    let path = folder.appendingPathComponent("absent.xhtml").path
    #expect(failure(reading: path).error == BoardpackError("no such file", at: SourceLocation(file: path)))
  }

  @Test func reportsTextThatIsNotXML() throws {
    let path = try write("Police and Crime Panel\n23 June 2026\n", to: "notes.xhtml")
    #expect(
      failure(reading: path).error
        == BoardpackError(
          "Start tag expected, '<' not found", at: SourceLocation(file: path, line: 1, column: 1),
          sourceLine: "Police and Crime Panel"))
  }

  @Test func reportsATruncatedFileWithItsLastLine() throws {
    let whole = try String(
      contentsOfFile: SeedFixtureTests.folder + "/complaints-2026-06-23.xhtml", encoding: .utf8)
    let path = try write(String(whole.prefix(whole.count / 2)), to: "truncated.xhtml")
    let error = try #require(failure(reading: path).error)
    #expect(error.location.file == path)
    #expect((error.location.line ?? 0) > 10)
    #expect(error.description.hasPrefix("\(path):\(error.location.line!):"))
  }

  @Test func refusesABillionLaughs() throws {
    var doctype = "<!DOCTYPE html [\n<!ENTITY lol0 \"lol\">\n"
    for level in 1...9 {
      doctype +=
        "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
    }
    doctype += "]>\n"
    let path = try write(doctype + "<html><body><p>&lol9;</p></body></html>", to: "bomb.xhtml")
    let (error, seconds) = failure(reading: path)
    // libxml2 may stop at the amplification itself; otherwise XMLDocument refuses the declarations.
    let refusals = [
      "Detected an entity reference loop",
      "the document declares entities; Boardpack does not expand them",
    ]
    #expect(refusals.contains(error?.message ?? ""))
    #expect(seconds < 20)
  }

  @Test(arguments: ["file:///etc/passwd", "http://127.0.0.1:9/entity.txt"])
  func refusesExternalEntities(url: String) throws {
    let path = try write(
      "<!DOCTYPE html [<!ENTITY secret SYSTEM \"\(url)\">]>\n<html><body><p>&secret;</p></body></html>",
      to: "external.xhtml")
    let (error, seconds) = failure(reading: path)
    #expect(error?.message == "the document declares entities; Boardpack does not expand them")
    #expect(error?.description.contains("root:") == false)
    #expect(seconds < 20)
  }

  @Test func refusesExternalEntitiesInODF() throws {
    let path = try write(
      "<!DOCTYPE office:document [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
        + "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">&secret;</office:document>",
      to: "external.fodt")
    #expect(
      failure(reading: path).error?.message
        == "the document declares entities; Boardpack does not expand them")
  }

  @Test func readsA50MegabyteFileInBoundedTime() throws {
    let words = String(repeating: "The Commissioner visited the project. ", count: 250)
    var text =
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Large</title></head><body>\n"
    text.reserveCapacity(52_000_000)
    var number = 0
    while text.utf8.count < 50_000_000 {
      number += 1
      text += "<p>\(number). \(words)</p>\n"
    }
    text += "</body></html>\n"
    let path = try write(text, to: "large.xhtml")
    let start = Date()
    let document = try PaperFile.read(path: path)
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(document.blocks.count == number)
    if case .paragraph(let last) = document.blocks.last { #expect(last.number == number) }
  }

  @Test func boundsRepeatedRowsAndCellsInODF() throws {
    let cell =
      "<table:table-cell table:number-columns-repeated=\"1000000000\"><text:p>1</text:p></table:table-cell>"
    let row = "<table:table-row table:number-rows-repeated=\"1000000000\">\(cell)</table:table-row>"
    let path = try write(
      "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
        + "<table:table>" + String(repeating: row, count: 50)
        + "</table:table></office:text></office:body></office:document>",
      to: "repeated.fodt")
    let start = Date()
    let document = try PaperFile.read(path: path)
    #expect(Date().timeIntervalSince(start) < 60)
    guard case .table(let table) = document.blocks.first else {
      Issue.record("no table")
      return
    }
    // Repetition adds at most 10,000 rows and cells in all, however large the counts.
    #expect(table.rows.count + table.columns.count <= 10_000 + 2 * 50)
  }

  @Test func refusesATableTooLargeToBeAPapers() throws {
    let wide = "<tr>" + String(repeating: "<td>1</td>", count: 2_000) + "</tr>"
    let path = try write(
      "<html><body><table>" + wide + String(repeating: "<tr/>", count: 600)
        + "</table></body></html>",
      to: "wide.xhtml")
    let (error, seconds) = failure(reading: path)
    #expect(
      error
        == BoardpackError(
          "a table of 601 rows by 2000 columns is larger than Boardpack reads (1000000 cells)",
          at: SourceLocation(file: path, line: 1)))
    #expect(seconds < 30)
  }

  /// Nesting as deep as libxml2 allows (256) is read; deeper is refused by the parser.
  @Test(arguments: [(125, true), (250, false)])
  func readsOrRefusesDeepNesting(depth: Int, readable: Bool) throws {
    let xhtml =
      "<html><body>" + String(repeating: "<ul><li>x", count: depth)
      + String(repeating: "</li></ul>", count: depth)
      + "</body></html>"
    let odf =
      "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
      + String(repeating: "<text:list><text:list-item><text:p>x</text:p>", count: depth)
      + String(repeating: "</text:list-item></text:list>", count: depth)
      + "</office:text></office:body></office:document>"
    for (text, name) in [(xhtml, "deep.xhtml"), (odf, "deep.fodt")] {
      let error = failure(reading: try write(text, to: name)).error
      #expect((error == nil) == readable, "\(name): \(String(describing: error))")
    }
  }

  @Test func refusesAFileThatIsNotAPaper() throws {
    let path = try write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: "picture.xhtml")
    #expect(
      failure(reading: path).error
        == BoardpackError(
          "not an XHTML document: the root element is <svg>, not <html>",
          at: SourceLocation(file: path, line: 1)))
  }
}
