import Boardpack
import Foundation
import Testing

/// One test per kind of bad input, each comparing the whole error.
@Suite struct GeneratorErrorTests {
  let fixture = GeneratorFixture()

  @Test func malformedYAML() {
    let input = GeneratorFixture.inputHead + "  summary: one: two\n"
    #expect(
      throws: fixture.error(
        "malformed YAML: mapping values are not allowed in this context; text containing \": \" must be quoted (\"…\")",
        line: 8, column: 15,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func unknownTemplate() {
    let input = "template: nonesuch\nmetadata: {title: T}\n"
    #expect(
      throws: fixture.error(
        "unknown template \"nonesuch\"; known templates: test-report", line: 1, column: 11,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func missingRequiredSlot() {
    let input = GeneratorFixture.inputHead + "  background: [Some text.]\n"
    #expect(
      throws: fixture.error(
        "slot \"summary\" is required by template \"test-report\"", line: 6, column: 1, in: input)
    ) { try fixture.generate(input) }
  }

  @Test func missingSlotsKeyPointsAtLineOne() {
    let input = "template: test-report\nmetadata: {title: T}\n"
    #expect(
      throws: fixture.error(
        "slot \"period\" is required by template \"test-report\"", line: 1, column: 1, in: input)
    ) { try fixture.generate(input) }
  }

  @Test func unknownSlot() {
    let input = GeneratorFixture.inputHead + "  summary: [Text.]\n  sumary: [Typo.]\n"
    #expect(
      throws: fixture.error(
        "template \"test-report\" has no slot \"sumary\" (did you mean \"summary\"?); its slots are: period, summary, background",
        line: 9, column: 3,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func textInAMoneyColumn() {
    let csv = fixture.writeInput(
      "tables/money.csv", "Area,Allocation\nBlaby,\"£52,665.76\"\nRutland,tbc\n")
    let input =
      GeneratorFixture.inputHead
      + "  summary:\n    - table: tables/money.csv\n      types: {Allocation: money}\n"
    #expect(
      throws: BoardpackError(
        "column \"Allocation\": \"tbc\" is not an amount of money; to print it as written, list it under the table's blank:, or make the column text (types:)",
        at: SourceLocation(file: csv, line: 3))
    ) { try fixture.generate(input) }
  }

  @Test func raggedCSV() {
    let csv = fixture.writeInput("tables/ragged.csv", "Area,Count\nBlaby,3\nRutland\n")
    let input = GeneratorFixture.inputHead + "  summary:\n    - table: tables/ragged.csv\n"
    #expect(
      throws: BoardpackError(
        "line 3 has 1 value, but the header has 2: a row needs a value for every column; write an empty value as nothing between two commas",
        at: SourceLocation(file: csv, line: 3))
    ) {
      try fixture.generate(input)
    }
  }

  @Test func anImpossibleMeetingDateSaysWhy() {
    let input = "template: test-report\nmetadata:\n  title: T\n  meeting-date: 2026-06-31\n"
    #expect(
      throws: BoardpackError(
        "meeting-date \"2026-06-31\" is not a date (June has 30 days); write 2026-04-21 or 2026-06",
        at: SourceLocation(file: "x.yaml", line: 4, column: 17),
        sourceLine: "  meeting-date: 2026-06-31")
    ) { _ = try PaperInput(yaml: input, path: "x.yaml") }
  }

  @Test func missingCSV() {
    let input = GeneratorFixture.inputHead + "  summary:\n    - table: tables/absent.csv\n"
    #expect(
      throws: BoardpackError(
        "no such CSV file",
        at: SourceLocation(file: fixture.directory.path + "/Inputs/tables/absent.csv"))
    ) { try fixture.generate(input) }
  }

  @Test func csvThatIsNotUTF8() {
    let csv = fixture.directory.write(
      "Inputs/tables/latin1.csv", Data("Area,Count\nCaf".utf8) + Data([0xE9]) + Data(",3\n".utf8))
    let input = GeneratorFixture.inputHead + "  summary:\n    - table: tables/latin1.csv\n"
    #expect(
      throws: BoardpackError(
        "the CSV file is not valid UTF-8", at: SourceLocation(file: csv, line: 2))
    ) {
      try fixture.generate(input)
    }
  }

  /// A total row typed in the CSV is the table's total, checked as any total is (before, a table
  /// with a derived column was checked only for what it declared, so a wrong typed total passed);
  /// beside a computed one (`total: row`) it is an error at its line.
  @Test func aTotalRowTypedInTheCSV() throws {
    let csv = fixture.writeInput(
      "tables/typed-total.csv", "Area,Allocation,Spent\nBlaby,10000,7500\nRutland,8000,2250\nTotal,18000,9570\n")
    let table =
      "  summary:\n    - table: tables/typed-total.csv\n      derive:\n        - {column: Remaining, difference: [Allocation, Spent]}\n"
    let document = try fixture.generate(GeneratorFixture.inputHead + table)
    let findings = Validator().check(document, file: "paper.yaml")
    #expect(
      findings.map { "\($0.rule.rawValue) \($0.severity.rawValue) \($0.location.column ?? "") \($0.stated ?? "") \($0.expected ?? "")" }
        == ["table-sum error Spent 9,570 9,750", "table-sum error Remaining 8,430 8,250"])
    // Printed at the total row's line in the CSV, where it is to be corrected.
    #expect(findings.map(\.source) == Array(repeating: SourceLocation(file: csv, line: 4), count: 2))
    #expect(DiagnosticPrinter().line(findings[0]).hasPrefix("\(csv):4: error: [table-sum]"))
    #expect(
      throws: BoardpackError(
        "the last row is a total typed in the CSV, and the table's total: row computes one; remove the row (Boardpack adds up the rows) or the total: row",
        at: SourceLocation(file: csv, line: 4))
    ) { try fixture.generate(GeneratorFixture.inputHead + table + "      total: row\n") }
  }

  @Test func csvWithADerivedColumn() {
    let csv = fixture.writeInput("tables/derived.csv", "Area,A,B,Remaining\nBlaby,3,1,2\n")
    let input =
      GeneratorFixture.inputHead
      + "  summary:\n    - table: tables/derived.csv\n      derive:\n        - {column: Remaining, difference: [A, B]}\n"
    #expect(
      throws: BoardpackError(
        "column \"Remaining\" is computed (total-column: or derive:) and must not be in the CSV",
        at: SourceLocation(file: csv, line: 1))
    ) { try fixture.generate(input) }
  }

  @Test func referenceToAMissingLabel() {
    let input = GeneratorFixture.inputHead + "  summary:\n    - See {ref:nowhere} for more.\n"
    #expect(
      throws: fixture.error(
        "no paragraph, table, figure, appendix or row has the label \"nowhere\"", line: 9,
        column: 7,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func figureWithoutAltText() {
    let input = GeneratorFixture.inputHead + "  summary:\n    - figure: map\n      caption: A map\n"
    #expect(
      throws: fixture.error(
        "a figure needs alt text (alt:) describing it for readers who cannot see it", line: 9,
        column: 7, in: input)
    ) { try fixture.generate(input) }
  }

  @Test func characterXMLForbidsInYAMLText() {
    let input = GeneratorFixture.inputHead + "  summary:\n    - \"Bad \\x01 character\"\n"
    #expect(
      throws: fixture.error(
        "a paragraph contains the character U+0001, which papers cannot hold", line: 9, column: 7,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func rawControlCharacterInYAML() {
    let input = GeneratorFixture.inputHead + "  summary:\n    - Bad \u{1} character\n"
    #expect(
      throws: fixture.error(
        "malformed YAML: control characters are not allowed (U+0001)", line: 9, column: 11,
        in: input)
    ) { try fixture.generate(input) }
  }

  @Test func inputThatIsNotUTF8() {
    fixture.directory.write(
      "Inputs/paper.yaml",
      Data("template: test-report\nmetadata: {title: Caf".utf8) + Data([0xE9, 0x7D]))
    #expect(
      throws: BoardpackError(
        "the file is not valid UTF-8", at: SourceLocation(file: fixture.inputPath, line: 2))
    ) { try Generator(templates: fixture.templates).document(forInputAt: fixture.inputPath) }
  }

  @Test func unknownKeyInABlock() {
    let input = GeneratorFixture.inputHead + "  summary:\n    - p: Text.\n      lable: typo\n"
    #expect(
      throws: fixture.error(
        "unknown key \"lable\" in a p block (did you mean \"label\"?); expected one of: bullets, clauses, items, label, number, p, style",
        line: 10, column: 7,
        in: input)
    ) { try fixture.generate(input) }
  }
}
