import Boardpack
import Foundation
import Testing

/// The validator over the seed papers as transcribed by `Fixtures/seeds/make_fixtures.py` (and
/// converted to flat ODF, and back to XHTML, by LibreOffice): how it names reports and prints
/// findings. Each seed's exact findings are in `Fixtures/seeds/expected.json` (`FixtureFindingsTests`).
@Suite struct SeedFixtureCheckTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/seeds").standardizedFileURL.path

  @Test func namesEveryReportOfThePack() throws {
    let document = try PaperFile.read(path: "\(Self.folder)/agenda-pack-2026-06-23.xhtml")
    let titles = Report.reports(in: document).map(\.title)
    #expect(titles.count == 12)
    #expect(titles.contains("Commissioner's Update Report (Q4)"))
    #expect(titles.contains("REPORT ON COMPLAINTS AGAINST THE POLICE AND CRIME COMMISSIONER"))
    #expect(titles.last == "Crime Prevention Activity: foot patrols in market towns")
  }

  /// A numbering finding is printed at its paragraph's line in a `.fodt`; in a `.docx`, whose text
  /// is zipped XML, at the file alone.
  @Test func printsANumberingErrorAtItsParagraphsLine() throws {
    for (name, at) in [("lrscsb-2025-06-20.fodt", ":662"), ("lrscsb-2025-06-20.docx", "")] {
      let path = "\(Self.folder)/\(name)"
      let lines = Validator().check(try PaperFile.read(path: path), file: path)
        .map(DiagnosticPrinter().line)
      #expect(
        lines.contains { $0.hasPrefix(path + at + ": error: [numbering] paragraph numbering skips from 8 to 10") },
        "\(lines)")
    }
  }

  @Test func printsTheQ4EngagementErrorAsACompilerLine() throws {
    let path = "\(Self.folder)/pcc-update-q4-2026-04-21.xhtml"
    let document = try PaperFile.read(path: path)
    let lines = Validator().check(document, file: "q4.xhtml").map(DiagnosticPrinter().line)
    // At the line of the row in the file read, as a compiler names a line.
    #expect(
      lines.contains(
        path + #":43: error: [table-sum] "Total Engagements since May 2024" is not the sum of "Total Community Day Engagements since May 2024" and "Any Other Engagements" (report "Commissioner's Update Report (Q4)", table "Engagements since May 2024 by local authority", row "Hinckley and Bosworth", column "Total Engagements since May 2024", paragraph 13): stated 30, expected 27"#
      ))
  }
}
