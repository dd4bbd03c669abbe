import Boardpack
import Foundation
import Testing

/// A generated paper as colleagues pass it on, converted by LibreOffice to `.docx` and `.odt` and
/// exported as XHTML and HTML, reads back as the paper: the validator finds nothing in any of them.
@Suite struct ExportFindingsTests {
  static let formats = [
    ("docx", "docx"), ("odt", "odt"), ("xhtml:XHTML Writer File:UTF8", "xhtml"), ("html", "html"),
  ]

  @Test(arguments: ["pcc-update-2026-04-21-q4", "complaints-against-pcc"])
  func aGeneratedPaperReadsTheSameInEveryExport(_ name: String) throws {
    let document = try ExamplePaperTests.generate(name)
    let fodt = FODTWriter(reference: WritingFixtures.reference).render(document)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-exports-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (target, fileExtension) in Self.formats {
      let converted = try LibreOffice.convert(fodt, named: "\(name).fodt", to: target)
      let file = folder.appendingPathComponent("\(name).\(fileExtension)")
      try converted.write(to: file)
      let read = try PaperFile.read(path: file.path)
      let findings = Validator().check(read, file: file.lastPathComponent)
      #expect(
        DiagnosticPrinter().text(findings, files: 1) == ExamplePaperTests.clean, "\(fileExtension)")
    }
  }
}
