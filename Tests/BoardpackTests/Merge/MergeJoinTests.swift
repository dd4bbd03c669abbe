import Boardpack
import Foundation
import Testing

/// Joins are checked both ways (issue 12): a joined row whose key is on no data row is a bad row
/// at its own file and line, a data row with no joined row is counted, and `--join` must name a
/// join of the template.
@Suite struct MergeJoinTests {
  let directory = TemporaryDirectory()
  var out: String { directory.path + "/out" }
  static let projects = try! String(
    contentsOfFile: MergeFixtures.root + "/Inputs/csp-projects-2025-26.csv", encoding: .utf8)

  /// The CSP merge with the shipped partners and `projects` as the joined file.
  func merge(projects: String = projects, _ extra: [String] = []) throws -> BoardpackCLI.Result {
    let data = directory.write(
      "data/partners.csv",
      try String(contentsOfFile: MergeFixtures.partners, encoding: .utf8))
    directory.write("data/csp-projects-2025-26.csv", projects)
    return try BoardpackCLI.run(
      ["merge", "--template", "Templates/csp-partner-letter.yaml", "--data", data, "--out", out]
        + extra)
  }

  var misspelt: String {
    Self.projects.replacingOccurrences(
      of: "Leicester,CCTV Camera 269", with: "Leicster,CCTV Camera 269")
  }

  var strayError: String {
    "\(directory.path)/data/csp-projects-2025-26.csv:3: error: this \"projects\" row's Partnership "
      + "\"Leicster\" is on no row of \(directory.path)/data/partners.csv, so it would be in no letter "
      + "(did you mean \"Leicester\"?)"
  }

  @Test func aMisspeltJoinedKeyIsABadRowAtItsLineAndNothingIsWritten() throws {
    let result = try merge(projects: misspelt)
    #expect(result.status == 1)
    #expect(
      result.errors
        == strayError
        + "\nnothing written: 1 bad row(s); fix them or use --skip-invalid\n")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func skipInvalidListsTheStrayJoinedRowAndWritesTheLetters() throws {
    let result = try merge(projects: misspelt, ["--skip-invalid", "--format", "xhtml"])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.errors.hasPrefix(strayError))
    #expect(
      result.output
        == "9 letter(s) written to \(out), 1 bad row(s) skipped; 1 row with no \"projects\" rows: \"Oadby and Wigston\"\n"
    )
    let manifest = try String(contentsOfFile: out + "/manifest.csv", encoding: .utf8)
    #expect(
      manifest.contains(
        ",,Leicster,\"skipped: \(directory.path)/data/csp-projects-2025-26.csv:3: this \"\"projects\"\" row's"
      ))
    let leicester = try String(contentsOfFile: out + "/csp-letter-Leicester.xhtml", encoding: .utf8)
    #expect(!leicester.contains("CCTV Camera 269"))
    #expect(leicester.contains("NTE St John Ambulance"))
  }

  @Test func dataRowsWithNoJoinedRowAreCountedAndNamed() throws {
    let result = try merge(["--format", "xhtml"])
    #expect(result.status == 0, "\(result.errors)")
    // Oadby and Wigston has no projects.
    #expect(
      result.output
        == "9 letter(s) written to \(out); 1 row with no \"projects\" rows: \"Oadby and Wigston\"\n"
    )
  }

  @Test func aWindows1252DataFileIsReadWithAWarning() throws {
    let partners = try String(contentsOfFile: MergeFixtures.partners, encoding: .utf8)
    let data = directory.write(
      "data/partners.csv", try #require(partners.data(using: .windowsCP1252)))
    directory.write("data/csp-projects-2025-26.csv", Self.projects)
    let result = try BoardpackCLI.run([
      "merge", "--template", "Templates/csp-partner-letter.yaml", "--data", data, "--out", out,
      "--format", "xhtml",
    ])
    #expect(result.status == 0)
    #expect(
      result.errors
        == "\(data): warning: the CSV file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\"); save it as \"CSV UTF-8\" so that nothing is guessed\n"
    )
    let blaby = try String(contentsOfFile: out + "/csp-letter-Blaby.xhtml", encoding: .utf8)
    #expect(blaby.contains("£52,665.76"))
  }

  @Test func anUnknownJoinNameIsAnError() throws {
    let result = try merge([
      "--join", "projectz=\(directory.path)/data/csp-projects-2025-26.csv:Partnership",
    ])
    #expect(result.status == 1)
    #expect(
      result.errors
        == "--join: error: --join names \"projectz\", which is not a join of the template (did you mean \"projects\"?) (its joins: projects)\n"
    )
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}

/// Each bound letter passes the validator's date, total and text checks before anything is written
/// (issue 12), and the money formats say what they print.
@Suite struct LetterCheckTests {
  let directory = TemporaryDirectory()
  var out: String { directory.path + "/out" }

  @Test func aDeadlineBeforeTheLettersDateIsABadRowAtItsLine() throws {
    let template = try String(contentsOfFile: MergeFixtures.letterTemplate, encoding: .utf8)
      .replacingOccurrences(of: "date: 2026-06-05", with: "date: 2026-06-26")
    let path = directory.write("data/letter.yaml", template)
    let data = directory.write(
      "data/partners.csv",
      try String(contentsOfFile: MergeFixtures.partners, encoding: .utf8))
    directory.write(
      "data/csp-projects-2025-26.csv",
      try String(
        contentsOfFile: MergeFixtures.root + "/Inputs/csp-projects-2025-26.csv", encoding: .utf8))
    let result = try BoardpackCLI.run(["merge", "--template", path, "--data", data, "--out", out])
    #expect(result.status == 1)
    let lines = result.errors.split(separator: "\n")
    #expect(
      lines.first
        == "\(data):2: error: the letter: a deadline before the letter's date (26th June 2026): \"25th June 2026\""
    )
    // Oadby and Wigston (line 8) is asked for its contract by 2nd July.
    #expect(lines.count == 9 && !result.errors.contains("\(data):8:"))
    #expect(lines.last == "nothing written: 8 bad row(s); fix them or use --skip-invalid")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// Merges the small template dated 5th June 2026 with `table` then `block` added, over `rows`;
  /// bad rows are skipped.
  func letter(
    _ block: String, _ rows: String, header: String = "Name,Amount,Spent,Due", table: String = ""
  ) throws -> MergeReport {
    let template = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate.replacingOccurrences(
        of: "title:", with: "date: 2026-06-05\ntitle:")
        + "\n" + table + "  - \"\(block)\"\n")
    let data = directory.write("data.csv", header + "\n" + rows)
    return try MergeJob(
      template: template, dataPath: data, outputFolder: out,
      writers: PaperWriters(xhtml: true, fodt: nil), skipInvalid: true, showsProgress: false
    ).run()
  }

  @Test func aWeekdayThatIsNotItsDatesIsABadRow() throws {
    let report = try letter(
      "Please reply by Tuesday {{Due|date}}.", "Ada,£1,Nil,2026-06-30\nZoë,£1,Nil,2026-06-25\n")
    #expect(report.letters == 1)
    #expect(
      report.invalidRows.map(\.description) == [
        "\(directory.path)/data.csv:3: error: the letter: 25th June 2026 is a Thursday, not a Tuesday: \"Tuesday 25th June 2026\""
      ])
  }

  @Test func aStatedTotalThatDisagreesWithTheTableIsABadRow() throws {
    let report = try letter(
      "Total funding: {{Total|money}}",
      "Ada,£10,£4,£14\nZoë,£10,£4,£15\n", header: "Name,Amount,Spent,Total",
      table: "  - table:\n      columns: [Item, {header: Amount, type: money}]\n"
        + "      rows: [[Allocation, \"{{Amount|money}}\"], [Spent, \"{{Spent|money}}\"]]\n")
    #expect(report.letters == 1)
    #expect(report.invalidRows.count == 1)
    #expect(
      report.invalidRows.first?.location
        == SourceLocation(file: directory.path + "/data.csv", line: 3))
    #expect(report.invalidRows.first?.message.hasPrefix("the letter: ") == true)
    #expect(report.invalidRows.first?.message.contains("£15.00") == true)
  }

  @Test func moneyPrintsPoundsForZeroAndMoneyOrNilPrintsNil() throws {
    let report = try letter(
      "Spent {{Spent|money}}, or {{Spent|money-or-nil}}; left {{Left|money-or-nil}}.",
      "Ada,£1,Nil,2026-06-30\n")
    #expect(report.letters == 1)
    let written = try String(contentsOfFile: out + "/Ada.xhtml", encoding: .utf8)
    #expect(written.contains("Spent £0.00, or Nil; left £1.00."))
  }
}
