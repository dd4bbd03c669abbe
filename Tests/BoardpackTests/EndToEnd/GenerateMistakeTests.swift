import Boardpack
import Foundation
import Testing

/// The mistakes an author makes that once gave a wrong paper with exit status 0, each run through
/// `boardpack generate` as a user would: the whole message, status 1, and nothing written.
@Suite struct GenerateMistakeTests {
  let fixture = GeneratorFixture()

  init() throws {
    fixture.directory.write(
      "Templates/reference.fodt",
      try Data(contentsOf: Snapshot.packageRoot.appendingPathComponent("Templates/reference.fodt")))
  }

  var output: String { fixture.directory.path + "/Output" }

  /// Runs `boardpack generate` on `summary` (the summary slot's lines) and `arguments`.
  func generate(summary: String, _ arguments: [String] = []) throws -> BoardpackCLI.Result {
    fixture.directory.write("Inputs/paper.yaml", input(summary))
    return try BoardpackCLI.run(
      [
        "generate", fixture.inputPath, "--templates", fixture.directory.path + "/Templates",
        "--out", output,
      ]
        + arguments)
  }

  func input(_ summary: String) -> String {
    GeneratorFixture.inputHead + "  summary:\n" + summary
  }

  /// Expects the run to have printed `errors` (all of it), exited with status 1 and written nothing.
  func expectRefused(
    _ result: BoardpackCLI.Result, _ errors: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(result.errors == errors, sourceLocation: sourceLocation)
    #expect(result.status == 1, sourceLocation: sourceLocation)
    #expect(result.output == "", sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: output), sourceLocation: sourceLocation)
  }

  /// The message for line 9 of the input (the summary's first line), at `column`.
  func atSummary(_ message: String, column: Int, line: Int = 9, summary: String) -> String {
    fixture.error(message, line: line, column: column, in: input(summary)).description + "\n"
  }

  // MARK: Figures that are not figures

  static let notAFigure =
    "to print it as written, list it under the table's blank:, or make the column text (types:)"

  @Test(arguments: [
    (
      "Area,2025-26\nBlaby,\"£52,665.76\"\nRutland,tbc\nMelton,£40\n",
      "column \"2025-26\": \"tbc\" is not an amount of money like the column's other cells"
    ),
    (
      "Area,Cases\nBlaby,12\nRutland,1 234\nMelton,7\n",
      "column \"Cases\": \"1 234\" is not a whole number like the column's other cells"
    ),
    (
      "Area,2025-26\nBlaby,£52\nRutland,£ 20\nMelton,£40\n",
      "column \"2025-26\": \"£ 20\" is not an amount of money like the column's other cells"
    ),
  ])
  func aCellThatIsNotAFigureInAColumnOfFigures(csv: String, message: String) throws {
    let path = fixture.writeInput("tables/contracts.csv", csv)
    let result = try generate(summary: "    - table: tables/contracts.csv\n      total: row\n")
    expectRefused(
      result,
      BoardpackError("\(message); \(Self.notAFigure)", at: SourceLocation(file: path, line: 3))
        .description
        + "\n")
  }

  /// Run from a folder without `Templates/`, every command that needs it says how to name one.
  @Test(arguments: [
    ["generate", "Inputs/s106-update.yaml", "--out", "/nonexistent/out"],
    ["merge", "--template", "csp-partner-letter", "--data", "Inputs/csp-partners-2026-27.csv"],
    ["templates"], ["new", "minutes"],
    ["pack", "Inputs/meetings/2026-06-23-panel.yaml", "--out", "/nonexistent/out"],
  ])
  func withoutATemplatesFolderEveryCommandSaysHowToNameOne(_ arguments: [String]) throws {
    let missing = "/nonexistent/Templates"
    let run = try BoardpackCLI.run(arguments, environment: ["BOARDPACK_TEMPLATES": missing])
    #expect(run.status == 1)
    #expect(
      run.errors
        == "\(missing): error: no templates folder here: Boardpack looks for Templates/ in the folder it runs in; run it from the Boardpack folder, or give --templates DIR, or set BOARDPACK_TEMPLATES=DIR\n"
    )
  }

  @Test func aDeclaredColumnNamesTheCellWithoutSayingWhatTheOthersAre() throws {
    let path = fixture.writeInput("tables/contracts.csv", "Area,2025-26\nBlaby,tbc\n")
    let result = try generate(
      summary: "    - table: tables/contracts.csv\n      types: {2025-26: money}\n")
    expectRefused(
      result,
      BoardpackError(
        "column \"2025-26\": \"tbc\" is not an amount of money; \(Self.notAFigure)",
        at: SourceLocation(file: path, line: 2)
      ).description + "\n")
  }

  // MARK: Markup slips

  static let unclosedBold =
    #""**" is not closed; bold text is written **like this** (\* for an asterisk)"#

  @Test(arguments: [
    ("    - Some **bold then *italic* words.\n", 12, unclosedBold),
    ("    - \"See {Ref:x}.\"\n", 12, #""{Ref:" is written in lower case: {ref:label}"#),
    (
      "    - See [the site(https://example.org).\n", 11,
      #""[" starts no link; a link is written [text](https://…) (\[ for a bracket)"#
    ),
    (
      "    - \"See {note:x}.\"\n", 12,
      #"unknown markup "{note:"; the one brace markup is {ref:label} (\{ for a brace)"#
    ),
    (
      "    - See paragraph {ref:summary-end}.\n    - p: The end.\n      label: summary-end\n", 21,
      #""paragraph {ref:…}" prints "paragraph" twice: a reference prints its own word ("paragraph 12", "Table 2"); leave out "paragraph""#
    ),
    (
      "    - # TODO\n", 6,
      #"a paragraph is empty (in YAML, " #" starts a comment, which is not text); write its text, or remove the entry"#
    ),
  ])
  func markupThatDoesNotCloseOrIsNotKnown(summary: String, column: Int, message: String) throws {
    expectRefused(
      try generate(summary: summary), atSummary(message, column: column, summary: summary))
  }

  /// The error points at the markup wherever YAML puts the text: quoted, folded, or as a block.
  @Test(arguments: [
    ("    - \"A \\\"quoted\\\" **bold\"\n", 9, 21),
    ("    - 'It''s **bold'\n", 9, 14),
    ("    - >-\n      The first line,\n      then **bold\n", 11, 12),
    ("    - |\n      The first line\n        then **bold\n", 11, 14),
  ])
  func markupErrorsPointAtTheirLineAndColumn(summary: String, line: Int, column: Int) throws {
    expectRefused(
      try generate(summary: summary),
      atSummary(Self.unclosedBold, column: column, line: line, summary: summary))
  }

  @Test func anUnclosedBoldInALetterTemplateWritesNoLetters() throws {
    let template = try String(
      contentsOf: Snapshot.packageRoot.appendingPathComponent("Templates/csp-partner-letter.yaml"),
      encoding: .utf8
    ).replacingOccurrences(of: "**{{Allocation|money}}**", with: "**{{Allocation|money}}")
    let path = fixture.directory.write("Templates/letter.yaml", template)
    let result = try BoardpackCLI.run([
      "merge", "--template", path, "--data", "Inputs/csp-partners-2026-27.csv", "--out", output,
    ])
    // Merge fields are taken out before the markup is read, so the error is at the text's start: `>-`.
    let line = template.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("Thank you for the work") }!
    expectRefused(
      result,
      BoardpackError(Self.unclosedBold, at: SourceLocation(file: path, line: line, column: 5))
        .description + "\n")
  }

  // MARK: The checks

  static let sixServices = """
        - "The six services are:"
        - bullets: [Victims, Witnesses, Offenders, Families, Schools]

    """

  @Test func aPaperTheChecksFindWrongIsNotWritten() throws {
    expectRefused(
      try generate(summary: Self.sixServices),
      """
      \(fixture.inputPath):9: error: [text-total] the text counts six services, but 5 are listed (report "Test Paper", paragraph 2): stated six, expected 5
      1 error, 0 warnings in 1 file
      nothing written: the checks found errors; fix the input, or write anyway with --no-check

      """)
  }

  @Test func noCheckWritesItAnywayAndStillSaysWhatIsWrong() throws {
    let result = try generate(summary: Self.sixServices, ["--no-check"])
    #expect(result.status == 0)
    #expect(
      result.errors
        == "\(fixture.inputPath):9: error: [text-total] the text counts six services, but 5 are listed (report \"Test Paper\", paragraph 2): stated six, expected 5\n1 error, 0 warnings in 1 file\n"
    )
    #expect(result.output == "wrote \(output)/paper.xhtml\nwrote \(output)/paper.fodt\n")
  }

  static let threeRounds = """
        - "The first three rounds will open on the following dates:"
        - text: "Rural Crime: 1st September 2025;"
        - text: "Road Safety: 17th November 2025;"
        - The fund closed on 17th October 2025.

    """

  static func warning(_ input: String) -> String {
    "\(input):9: warning: [text-total] the text counts three rounds, but 2 are listed (report \"Test Paper\", paragraph 2): stated three, expected 2\n0 errors, 1 warning in 1 file\n"
  }

  @Test func warningsArePrintedAndTheStrictRefuseThem() throws {
    let lenient = try generate(summary: Self.threeRounds)
    #expect(lenient.status == 0)
    #expect(lenient.errors == Self.warning(fixture.inputPath))
    try FileManager.default.removeItem(atPath: output)
    expectRefused(
      try generate(summary: Self.threeRounds, ["--strict"]),
      Self.warning(fixture.inputPath)
        + "nothing written: the checks found warnings and --strict is set; fix the input, or write anyway with --no-check\n"
    )
  }

  // MARK: Messages

  @Test func aFolderIsCalledAFolder() throws {
    let folder = fixture.directory.path + "/Inputs"
    fixture.writeInput("paper.yaml", input("    - Text.\n"))
    let result = try BoardpackCLI.run([
      "generate", folder, "--templates", fixture.directory.path + "/Templates", "--out", output,
    ])
    expectRefused(
      result,
      "\(folder): error: a folder, not a file; give the files in it, e.g. \(folder)/*.yaml\n")
  }

  @Test func aTabIsCalledATab() throws {
    let summary = "    - Text.\n\t- More.\n"
    expectRefused(
      try generate(summary: summary),
      atSummary(
        "malformed YAML: a tab; YAML indents with spaces, never tabs", column: 1, line: 10,
        summary: summary))
  }

  @Test(arguments: [
    "    - Note: the figures are provisional.\n",
    "    - bullets:\n      - Note: the figures are provisional.\n",
  ])
  func textWithAColonMustBeQuoted(summary: String) throws {
    let line = summary.contains("bullets") ? 10 : 9
    expectRefused(
      try generate(summary: summary),
      atSummary(
        #"text containing ": " must be quoted, else YAML reads it as a key ("Note") and its value; write "Note: the figures are provisional.""#,
        column: line == 9 ? 7 : 9, line: line, summary: summary))
  }

  @Test func aMisspeltSlot() throws {
    fixture.directory.write("Inputs/paper.yaml", input("    - Text.\n") + "  backgroud: [More.]\n")
    let result = try BoardpackCLI.run([
      "generate", fixture.inputPath, "--templates", fixture.directory.path + "/Templates", "--out",
      output,
    ])
    expectRefused(
      result,
      fixture.error(
        #"template "test-report" has no slot "backgroud" (did you mean "background"?); its slots are: period, summary, background"#,
        line: 10, column: 3, in: input("    - Text.\n") + "  backgroud: [More.]\n"
      ).description + "\n")
  }

  @Test func aMisspeltTemplate() throws {
    let text = "template: test-reprot\nmetadata: {title: T}\n"
    fixture.directory.write("Inputs/paper.yaml", text)
    let result = try BoardpackCLI.run([
      "generate", fixture.inputPath, "--templates", fixture.directory.path + "/Templates", "--out",
      output,
    ])
    expectRefused(
      result,
      fixture.error(
        #"unknown template "test-reprot" (did you mean "test-report"?); known templates: test-report"#,
        line: 1, column: 11, in: text
      ).description + "\n")
  }

  @Test func aMisspeltColumn() throws {
    fixture.writeInput("tables/money.csv", "Area,Allocation,Spent\nBlaby,£10,£4\n")
    let summary = """
          - table: tables/money.csv
            derive:
              - {column: Remaining, difference: [Alocation, Spent]}

      """
    expectRefused(
      try generate(summary: summary),
      atSummary(
        #"no column "Alocation" in the table (did you mean "Allocation"?); its columns are: Area, Allocation, Spent"#,
        column: 11, line: 11, summary: summary))
  }

  @Test func aMisspeltLabel() throws {
    let summary =
      "    - See {ref:engagments}.\n    - p: Engagements rose.\n      label: engagements\n"
    expectRefused(
      try generate(summary: summary),
      atSummary(
        #"no paragraph, table, figure, appendix or row has the label "engagments" (did you mean "engagements"?)"#,
        column: 7, summary: summary))
  }

  @Test func aMisspeltLetterTemplate() throws {
    let result = try BoardpackCLI.run([
      "merge", "--template", "csp-partner-leter", "--data", "Inputs/csp-partners-2026-27.csv",
      "--out", output,
    ])
    expectRefused(
      result,
      #"--template: error: unknown letter template "csp-partner-leter" (did you mean "csp-partner-letter"?); known letter templates: csp-partner-letter"#
        + "\n")
  }
}
