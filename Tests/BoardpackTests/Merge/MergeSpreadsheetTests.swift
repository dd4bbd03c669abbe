import Boardpack
import Foundation
import Testing

/// The CSP merge from spreadsheets LibreOffice saved gives the letters the CSV gives, byte for byte;
/// a bad cell is an error at its cell; a spreadsheet named as a CSV file is refused as one.
@Suite struct MergeSpreadsheetTests {
  let directory = TemporaryDirectory()
  static let fixtures = SpreadsheetReaderTests.fixtures

  /// Merges `data` (with `--join projects=` `projects` when given) into `folder` in both formats,
  /// combined or not; returns the files written, by name, without the manifest.
  func letters(
    _ data: String, sheet: String? = nil, projects: String? = nil, combined: Bool = false,
    into folder: String
  ) throws -> [String: Data] {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    let report = try MergeJob(
      template: template, dataPath: data, sheet: sheet, outputFolder: directory.path + "/" + folder,
      writers: MergeFODTTests.writers, combined: combined,
      joinOverrides: projects.map {
        ["projects": Join(file: $0, key: "Partnership", location: SourceLocation(file: "--join"))]
      } ?? [:],
      showsProgress: false
    ).run()
    #expect(report.invalidRows == [])
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path + "/" + folder)
    where name != "manifest.csv" {
      files[name] = FileManager.default.contents(atPath: directory.path + "/" + folder + "/" + name)
    }
    return files
  }

  @Test(arguments: ["xlsx", "ods"], [false, true])
  func givesTheCSVsLettersByteForByte(format: String, combined: Bool) throws {
    let expected = try letters(MergeFixtures.partners, combined: combined, into: "csv")
    #expect(expected.count == (combined ? 2 : 18))
    let merged = try letters(
      Self.fixtures + "csp-partners-2026-27." + format,
      projects: Self.fixtures + "csp-projects-2025-26." + format, combined: combined, into: format)
    #expect(merged.keys.sorted() == expected.keys.sorted())
    for (name, bytes) in expected { #expect(merged[name] == bytes, "\(name)") }
  }

  @Test(arguments: ["xlsx", "ods"]) func readsAFinanceTeamsWorkbook(format: String) throws {
    // Its "Grants" sheet: £ currency cells, dd/mm/yyyy dates and an empty row; projects beside it.
    let data = directory.write(
      "grants." + format,
      try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "csp-grants-2026-27." + format)))
    FileManager.default.createFile(
      atPath: directory.path + "/csp-projects-2025-26.csv",
      contents: FileManager.default.contents(
        atPath: MergeFixtures.root + "/Inputs/csp-projects-2025-26.csv"))
    let expected = try letters(MergeFixtures.partners, into: "csv")
    #expect(try letters(data, sheet: "Grants", into: format) == expected)
  }

  @Test(arguments: ["xlsx", "ods"]) func reportsABadCellAtItsReference(format: String) throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    let data = Self.fixtures + "csp-grants-2026-27." + format
    let report = try MergeJob(
      template: template, dataPath: data, sheet: "Grants (draft)",
      outputFolder: directory.path + "/out", writers: MergeFODTTests.writers,
      joinOverrides: [
        "projects": Join(
          file: Self.fixtures + "csp-projects-2025-26." + format, key: "Partnership",
          location: SourceLocation(file: "--join"))
      ],
      showsProgress: false
    ).run()
    let error = BoardpackError(
      "column \"Allocation\": \"tbc\" is not an amount of money",
      at: SourceLocation(file: data, line: 7, column: 3, sheet: "Grants (draft)"))
    #expect(report.invalidRows == [error])
    #expect(
      error.description
        == "\(data):'Grants (draft)'!C7: error: column \"Allocation\": \"tbc\" is not an amount of money"
    )
    #expect(report.letters == 0)
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
  }

  @Test func refusesASpreadsheetNamedAsACSVFile() throws {
    let data = directory.write(
      "partners.csv",
      try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "csp-partners-2026-27.xlsx")))
    #expect(
      throws: BoardpackError(
        "this is a spreadsheet (.xlsx or .ods), not a CSV file; name it .xlsx or .ods to merge from it, or save its sheet as \"CSV UTF-8\"",
        at: SourceLocation(file: data))
    ) { _ = try letters(data, into: "out") }
  }

  @Test func refusesASheetForACSVFile() {
    #expect(
      throws: BoardpackError(
        "--sheet \"Grants\" is for a spreadsheet (.xlsx, .ods), and this is read as a CSV file",
        at: SourceLocation(file: MergeFixtures.partners))
    ) { _ = try letters(MergeFixtures.partners, sheet: "Grants", into: "out") }
  }
}
