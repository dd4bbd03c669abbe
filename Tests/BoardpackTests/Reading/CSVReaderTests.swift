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
        "row 2 has 2 fields, but the header has 3", at: SourceLocation(file: path, line: 3))
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

  @Test func rejectsBytesThatAreNotUTF8() {
    let path = directory.write(
      "l.csv", Data("A,B\n1,2\nCaf".utf8) + Data([0xE9]) + Data(",3\n".utf8))
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
