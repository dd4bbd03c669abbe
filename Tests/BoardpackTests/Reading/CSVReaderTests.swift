import Boardpack
import Foundation
import Testing

@Suite struct CSVReaderTests {
  let directory = TemporaryDirectory()

  private func records(_ path: String) throws -> [CSVRecord] {
    var result: [CSVRecord] = []
    try CSVReader(path: path).forEachRecord { result.append($0) }
    return result
  }

  @Test func readsQuotedFieldsAcrossLinesWithBOMAndCRLF() throws {
    let path = directory.write(
      "a.csv",
      Data([0xEF, 0xBB, 0xBF])
        + Data(
          "Area, Amount\r\n\"Melton,\r\nRutland\",£1\r\nCity,\"say \"\"hi\"\"\"\r\n\r\nBlaby,3\r\n"
            .utf8))
    #expect(try CSVReader(path: path).header == ["Area", "Amount"])
    #expect(
      try records(path) == [
        CSVRecord(fields: ["Melton,\r\nRutland", "£1"], line: 2, row: 1),
        CSVRecord(fields: ["City", "say \"hi\""], line: 4, row: 2),
        CSVRecord(fields: ["Blaby", "3"], line: 6, row: 3),
      ])
  }

  @Test func acceptsAHeaderOnlyFile() throws {
    let path = directory.write("h.csv", "A,B\n")
    #expect(try records(path) == [])
  }

  @Test func rejectsARaggedRow() {
    let path = directory.write("r.csv", "A,B,C\n1,2,3\n\"x\ny\",2\n")
    #expect(
      throws: BoardpackError(
        "line 3 has 2 values, but the header has 3: a row needs a value for every column; write an empty value as nothing between two commas",
        at: SourceLocation(file: path, line: 3))
    ) {
      try records(path)
    }
  }

  /// A figure or a name with a comma, not in quotes, is the usual cause of too many values.
  @Test func aRowWithTooManyValuesSaysToQuoteCommas() {
    let path = directory.write(
      "c.csv", "Partnership,Allocation\nLeicester,\"£271,818.47\"\nSNWLP,£53,776.10\n")
    #expect(
      throws: BoardpackError(
        "line 3 has 3 values, but the header has 2: a value holding a comma must be in double quotes: \"£53,776.10\", \"The Chair, Blaby\"",
        at: SourceLocation(file: path, line: 3))
    ) {
      try records(path)
    }
  }

  @Test func rejectsAMissingFile() {
    let path = directory.path + "/missing.csv"
    #expect(throws: BoardpackError("no such CSV file", at: SourceLocation(file: path))) {
      try CSVReader(path: path)
    }
  }

  @Test(arguments: ["", "\n", "\r\n"]) func rejectsAnEmptyFile(text: String) {
    let path = directory.write("e.csv", text)
    #expect(
      throws: BoardpackError(
        "the CSV file is empty; its first row must name the columns",
        at: SourceLocation(file: path, line: 1))
    ) { try CSVReader(path: path) }
  }

  @Test func rejectsDuplicateColumns() {
    let path = directory.write("d.csv", "Area,Total,Total\n")
    #expect(
      throws: BoardpackError(
        "column \"Total\" appears more than once in the header",
        at: SourceLocation(file: path, line: 1))
    ) { try CSVReader(path: path) }
  }

  @Test func readsWindows1252WithAWarning() throws {
    // Excel's "CSV" on Windows: é, curly quotes, the euro and the pound sign as single bytes.
    let path = directory.write(
      "w.csv",
      Data("A,B\nCaf".utf8) + Data([0xE9, 0x20, 0x93]) + Data("q".utf8) + Data([0x94, 0x20, 0x80])
        + Data(",".utf8) + Data([0xA3]) + Data("3\n".utf8))
    // Only where asked for (a merge's data): elsewhere such a file is an error.
    #expect(throws: BoardpackError.self) { try records(path) }
    let reader = try CSVReader(path: path, acceptingWindows1252: true)
    #expect(reader.isWindows1252)
    #expect(
      reader.warning
        == "\(path): warning: the CSV file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\"); save it as \"CSV UTF-8\" so that nothing is guessed"
    )
    var read: [CSVRecord] = []
    try reader.forEachRecord { read.append($0) }
    #expect(read == [CSVRecord(fields: ["Café “q” €", "£3"], line: 2, row: 1)])
    #expect(try CSVReader(path: directory.write("u.csv", "A\nCafé\n")).warning == nil)
  }

  @Test func refusesASpreadsheetNamedAsACSVFile() {
    let path = directory.write("s.csv", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]))
    #expect(
      throws: BoardpackError(
        "this is a spreadsheet (.xlsx or .ods), not a CSV file; name it .xlsx or .ods to merge from it, or save its sheet as \"CSV UTF-8\"",
        at: SourceLocation(file: path))
    ) { try CSVReader(path: path) }
  }

  @Test func rejectsBytesThatAreNeitherUTF8NorWindows1252() {
    // 0x81 is one of the five bytes Windows-1252 leaves undefined.
    let path = directory.write(
      "l.csv", Data("A,B\n1,2\nCaf".utf8) + Data([0xE9]) + Data(",3\n4,".utf8) + Data([0x81, 0x0A]))
    #expect(
      throws: BoardpackError(
        "the CSV file is not valid UTF-8", at: SourceLocation(file: path, line: 3))
    ) {
      try records(path)
    }
  }

  @Test func rejectsCharactersXMLForbids() {
    let path = directory.write("x.csv", "A,B\n1,\"two\nlines\u{1}\"\n")
    #expect(
      throws: BoardpackError(
        "the CSV file contains the character U+0001, which papers cannot hold",
        at: SourceLocation(file: path, line: 3))
    ) { try records(path) }
  }
}
