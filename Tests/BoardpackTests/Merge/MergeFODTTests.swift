import Boardpack
import BoardpackXML
import Foundation
import Testing

/// Merged letters in ODF: escaping, validity against the ODF 1.3 schema, and combined letters
/// each starting a page in LibreOffice with no blank page at the end.
@Suite struct MergeFODTTests {
  let directory = TemporaryDirectory()
  var output: String { directory.path + "/out" }

  static let writers = PaperWriters(xhtml: true, fodt: WritingFixtures.reference)

  func run(_ template: LetterTemplate, _ data: String, combined: Bool = false) throws -> MergeReport
  {
    try MergeJob(
      template: template, dataPath: data, outputFolder: output, writers: Self.writers,
      combined: combined,
      showsProgress: false
    ).run()
  }

  /// The written file `name` as text, after checking that it parses (and, for FODT, is valid ODF 1.3).
  func document(_ name: String) throws -> String {
    let bytes = try #require(FileManager.default.contents(atPath: output + "/" + name))
    _ = try XMLDocument(parsing: bytes, name: name)
    if name.hasSuffix(".fodt") {
      #expect(try WritingFixtures.schemaErrors(in: bytes, name: name) == [])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func escapesValuesAndKeepsNonASCIINamesInBothFormats() throws {
    let data = directory.write(
      "data.csv", "Name,Amount,Spent\n\"Zoë & Łukasz <i>\"\"x\"\"</i> ]]> 'q'\",£1,Nil\n")
    #expect(try run(try MergeFixtures.small(in: directory), data).letters == 1)
    let name = "Zoë & Łukasz -i--x---i- ]]- 'q'"
    for file in [name + ".xhtml", name + ".fodt"] {
      let text = try document(file)
      #expect(text.contains("Dear Zoë &amp; Łukasz &lt;i&gt;"))
      #expect(text.contains("]]&gt;"))
      #expect(!text.contains("<i>"))
    }
  }

  @Test func cspLettersAreValidODF() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    #expect(try run(template, MergeFixtures.partners).letters == 9)
    let text = try document("csp-letter-Oadby and Wigston.fodt")
    #expect(text.contains("£32,554.58"))
    #expect(text.contains("Please return your signed contract by 2nd July 2026"))
  }

  @Test func combinedFODTStartsEachLetterOnANewPageWithoutATrailingBreak() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    #expect(try run(template, MergeFixtures.partners, combined: true).letters == 9)
    let text = try document("letters.fodt")
    // Each letter after the first opens with a letterhead paragraph whose style breaks the page
    // (fo:break-before), on the page style (style:master-page-name) that restarts the page numbers
    // at 1 (style:page-number), never with an empty paragraph.
    let style = "bp-BP_20_Letterhead-Standard-page-1"
    let breaks =
      text.components(separatedBy: "<text:p text:style-name=\"\(style)\">").count - 1
    #expect(breaks == 8)
    #expect(
      text.contains(
        "<style:style style:name=\"\(style)\" style:family=\"paragraph\" style:parent-style-name=\"BP_20_Letterhead\" style:master-page-name=\"Standard\"><style:paragraph-properties fo:break-before=\"page\" style:page-number=\"1\"/>"
      ))
    #expect(!text.contains("\"></text:p>"))
    let body = try #require(text.range(of: "</office:text>"))
    let lastBreak = try #require(text.range(of: "\(style)\">", options: .backwards))
    #expect(text[lastBreak.upperBound..<body.lowerBound].contains("Safer Rutland Partnership"))
    #expect(!FileManager.default.fileExists(atPath: output + "/csp-letter-Leicester.fodt"))
  }

  @Test func combinedLettersPrintEachFromANewPageWithNoBlankPage() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    var job = MergeJob(
      template: template, dataPath: MergeFixtures.partners, outputFolder: output,
      writers: PaperWriters(xhtml: false, fodt: WritingFixtures.reference), combined: true,
      showsProgress: false)
    job.namePattern = "{Partnership}"
    #expect(try job.run().letters == 9)
    let bytes = try #require(FileManager.default.contents(atPath: output + "/letters.fodt"))
    // pdftotext ends every page with a form feed; the running header and footer are left out.
    let pages = try LibreOffice.text(of: bytes, named: "letters.fodt").split(
      separator: "\u{0C}", omittingEmptySubsequences: false
    ).dropLast().map { page in
      page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty && $0 != "OFFICIAL" && !$0.hasPrefix("Page ")
      }
    }
    #expect(pages.allSatisfy { !$0.isEmpty })
    #expect(pages.filter { $0.first == "POLICE & CRIME" }.count == 9)
    #expect(
      pages.first?.contains("Community Safety Partnership funding 2025-26: Leicester") == true)
    #expect(pages.last?.last?.hasSuffix("Leicestershire and Rutland") == true)
  }

  /// `--batch 4`: nine letters in three combined files of four, four and one, each valid and named
  /// in the manifest beside its letters; a rerun with `--batch 5` leaves its two files only.
  @Test func batchesSplitTheCombinedFileAndTheManifestNamesThem() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    var job = MergeJob(
      template: template, dataPath: MergeFixtures.partners, outputFolder: output,
      writers: Self.writers, combined: true, batch: 4, showsProgress: false)
    #expect(try job.run().letters == 9)
    let files = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(
      files == [
        "letters-0001.fodt", "letters-0001.xhtml", "letters-0002.fodt", "letters-0002.xhtml",
        "letters-0003.fodt", "letters-0003.xhtml", "manifest.csv",
      ])
    for (number, count) in [(1, 4), (2, 4), (3, 1)] {
      for format in ["fodt", "xhtml"] {
        let text = try document("letters-000\(number).\(format)")
        #expect(
          text.components(separatedBy: "Dear Chair,").count - 1 == count, "\(number).\(format)")
      }
    }
    let manifest = try String(contentsOfFile: output + "/manifest.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
    #expect(
      manifest
        == Array(repeating: "letters-0001.xhtml letters-0001.fodt", count: 4)
        + Array(repeating: "letters-0002.xhtml letters-0002.fodt", count: 4)
        + ["letters-0003.xhtml letters-0003.fodt"])
    job.batch = 5
    job.writers = PaperWriters(xhtml: false, fodt: WritingFixtures.reference)
    #expect(try job.run().letters == 9)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        == ["letters-0001.fodt", "letters-0002.fodt", "manifest.csv"])
    job.combined = false
    #expect(
      throws: BoardpackError(
        "--batch splits the combined document; give --combined too",
        at: SourceLocation(file: "--batch"))
    ) { try job.run() }
  }

  /// The bundled CSP merge: nine letters of one page each, alone and in the combined file, where
  /// each letter's pages are numbered from 1 and its sign-off is on the page of its signatory and
  /// last paragraph.
  @Test func theNineCSPLettersAreOnePageEachAloneAndCombined() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    var job = MergeJob(
      template: template, dataPath: MergeFixtures.partners, outputFolder: output,
      writers: PaperWriters(xhtml: false, fodt: WritingFixtures.reference), combined: true,
      showsProgress: false)
    #expect(try job.run().letters == 9)
    let combined = try #require(FileManager.default.contents(atPath: output + "/letters.fodt"))
    let text = try LibreOffice.text(of: combined, named: "letters.fodt")
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast()
    #expect(pages.count == 9)
    for page in pages {
      let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      #expect(lines.filter { $0.hasPrefix("Page ") } == ["Page 1"])
      let signOff = try #require(lines.firstIndex(of: "Yours sincerely,"))
      #expect(lines[signOff...].contains("Chief Executive"))
      #expect(lines[..<signOff].contains { $0.hasPrefix("Funding for 2026-27 is renewed") })
    }
    job.combined = false
    job.outputFolder = directory.path + "/single"
    #expect(try job.run().letters == 9)
    let singles = try FileManager.default.contentsOfDirectory(atPath: job.outputFolder).filter {
      $0.hasSuffix(".fodt")
    }
    #expect(singles.count == 9)
    try LibreOffice.convertAll(
      singles.map { job.outputFolder + "/" + $0 }, to: "pdf", into: directory.path + "/pdf")
    for single in singles {
      let pdf = directory.path + "/pdf/" + single.replacingOccurrences(of: ".fodt", with: ".pdf")
      let info = try LibreOffice.run(try LibreOffice.executable("pdfinfo"), [pdf])
      #expect(
        info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") },
        "\(single)")
    }
  }
}
