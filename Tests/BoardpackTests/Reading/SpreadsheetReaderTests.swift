import Boardpack
import Foundation
import Testing

@testable import Boardpack

@Suite struct SpreadsheetReaderTests {
  let directory = TemporaryDirectory()
  static let fixtures = Snapshot.packageRoot.path + "/Tests/BoardpackTests/Fixtures/spreadsheets/"

  private func records(_ reader: some RecordReader) throws -> [CSVRecord] {
    var result: [CSVRecord] = []
    try reader.forEachRecord { result.append($0) }
    return result
  }

  /// The records of a one-sheet package written to `name`.
  private func records(_ name: String, _ data: Data) throws -> [CSVRecord] {
    try records(SpreadsheetReader(path: directory.write(name, data)))
  }

  @Test(arguments: ["xlsx", "ods"]) func readsLibreOfficesCSPPartners(format: String) throws {
    let reader = try SpreadsheetReader(path: Self.fixtures + "csp-partners-2026-27." + format)
    #expect(reader.header == ["Partnership", "Contact", "Allocation", "Expenditure", "Return By"])
    #expect(reader.file.sheet == "csp-partners-2026-27")
    let rows = try records(reader)
    #expect(rows.count == 9)
    #expect(
      rows[0]
        == CSVRecord(
          fields: [
            "Leicester", "The Chair, Leicester Community Safety Partnership", "271818.47",
            "236492.47", "2026-06-25",
          ], line: 2, row: 1))
    #expect(rows[2].fields[2] == "53776.1")
    #expect(rows[6].fields[3] == "Nil")
  }

  @Test(arguments: ["xlsx", "ods"]) func readsTheChosenSheetPastAnEmptyRow(format: String) throws {
    let reader = try SpreadsheetReader(
      path: Self.fixtures + "csp-grants-2026-27." + format, sheet: "Grants")
    let rows = try records(reader)
    #expect(rows.map(\.line) == [2, 3, 4, 5, 7, 8, 9, 10, 11])
    #expect(rows.map(\.row) == Array(1...9))
    #expect(
      rows[4].fields == [
        "Hinckley and Bosworth", "The Chair, Hinckley and Bosworth Community Safety Partnership",
        "51217.55", "46485.8", "2026-06-25",
      ])
  }

  @Test(arguments: ["xlsx", "ods"]) func namesTheNearestSheet(format: String) {
    let path = Self.fixtures + "csp-grants-2026-27." + format
    #expect(
      throws: BoardpackError(
        "the spreadsheet has no sheet \"grant\" (did you mean \"Grants\"?); its sheets: \"Notes\", \"Grants\", \"Grants (draft)\"",
        at: SourceLocation(file: path))
    ) { try SpreadsheetReader(path: path, sheet: "grant") }
  }

  @Test func refusesADamagedZip() throws {
    let whole = try Data(
      contentsOf: URL(fileURLWithPath: Self.fixtures + "csp-partners-2026-27.xlsx"))
    let path = directory.write("cut.xlsx", whole.prefix(whole.count - 40))
    #expect(
      throws: BoardpackError(
        "not a spreadsheet (.xlsx or .ods): the zip package is damaged (its directory points outside the file)",
        at: SourceLocation(file: path))
    ) { try SpreadsheetReader(path: path) }
    let text = directory.write("text.ods", "Partnership,Allocation\n")
    #expect(
      throws: BoardpackError(
        "not a spreadsheet (.xlsx or .ods): the file is not a zip package",
        at: SourceLocation(file: text))
    ) { try SpreadsheetReader(path: text) }
  }

  @Test func readsXLSXCellTypes() throws {
    let rows = """
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Da</t></r><r><t>te</t></r></is></c>\
      <c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c></row>
      <row r="3"><c r="A3"><v>271818.46999999997</v></c><c r="B3" s="1"><v>46198</v></c>\
      <c r="C3" t="b"><v>1</v></c><c r="D3" s="2"><v>0.125</v></c><c r="E3" s="3"><v>46198.5</v></c></row>
      <row r="4"><c r="A4"><v>1.5E-3</v></c><c r="B4" s="4"><v>61</v></c><c r="C4" t="str"><v>x&amp;y</v></c>\
      <c r="D4" s="5"><v>0.75</v></c><c r="E4" s="1"><v>59</v></c></row>
      <row r="9"><c r="C9"/></row>
      """
    let data = try TestPackage.xlsx(
      rows: rows, strings: ["Amount", "Yes", "Share", "When"], formats: [0, 14, 10, 22, 164, 20],
      customFormats: [164: #"[$-F800]dddd\, mmmm dd\, yyyy"#])
    #expect(
      try records("types.xlsx", data) == [
        CSVRecord(
          fields: ["271818.47", "2026-06-25", "TRUE", "12.5%", "2026-06-25 12:00"], line: 3, row: 1),
        CSVRecord(fields: ["0.0015", "1900-03-01", "x&y", "18:00", "1900-02-28"], line: 4, row: 2),
      ])
  }

  @Test func readsThe1904DateSystem() throws {
    let data = try TestPackage.xlsx(
      rows:
        #"<row r="1"><c t="inlineStr"><is><t>When</t></is></c></row><row r="2"><c s="1"><v>0</v></c></row>"#,
      formats: [0, 14], date1904: true)
    #expect(try records("1904.xlsx", data) == [CSVRecord(fields: ["1904-01-01"], line: 2, row: 1)])
  }

  @Test func namesTheCellAndColumnOfAValueItCannotRead() throws {
    let rows = """
      <row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Due</t></is></c>\
      <c r="C1" t="inlineStr"><is><t>Sum</t></is></c></row>
      <row r="7"><c r="A7" t="inlineStr"><is><t>Blaby</t></is></c><c r="B7" s="1"><v>60</v></c>\
      <c r="C7" t="e"><v>#DIV/0!</v></c></row>
      """
    let path = directory.write("bad.xlsx", try TestPackage.xlsx(rows: rows, formats: [0, 14]))
    let error = BoardpackError(
      "column \"Due\": the cell's date is 29 February 1900, which never was (a slip Excel keeps for Lotus 1-2-3)",
      at: SourceLocation(file: path, line: 7, column: 2, sheet: "Sheet1"))
    #expect(throws: error) { try SpreadsheetReader(path: path) }
    #expect(error.description.hasPrefix("\(path):Sheet1!B7: error: column \"Due\": "))
    let formula = directory.write(
      "formula.xlsx", try TestPackage.xlsx(rows: rows.replacingOccurrences(of: "s=\"1\"", with: ""))
    )
    #expect(
      throws: BoardpackError(
        "column \"Sum\": the cell holds the error #DIV/0!",
        at: SourceLocation(file: formula, line: 7, column: 3, sheet: "Sheet1"))
    ) { try SpreadsheetReader(path: formula) }
  }

  @Test func refusesAValueUnderNoHeader() throws {
    let rows = """
      <row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>Blaby</t></is></c><c r="D2"><v>3</v></c></row>
      """
    let path = directory.write("wide.xlsx", try TestPackage.xlsx(rows: rows))
    #expect(
      throws: BoardpackError(
        "the cell holds \"3\", but its column has no header; name the column in row 1, or clear the cell",
        at: SourceLocation(file: path, line: 2, column: 4, sheet: "Sheet1"))
    ) { try SpreadsheetReader(path: path) }
  }

  @Test func readsODSRepeatsCoveredCellsAndTypes() throws {
    let cell = { (attributes: String, text: String) in
      "<table:table-cell \(attributes)><text:p>\(text)</text:p></table:table-cell>"
    }
    let rows =
      "<table:table-header-rows><table:table-row>"
      + cell(#"office:value-type="string""#, "Name")
      + cell(#"office:value-type="string""#, "Amount")
      + cell(#"office:value-type="string""#, "Due") + cell(#"office:value-type="string""#, "Note")
      + "</table:table-row></table:table-header-rows>"
      + #"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
      + #"<table:table-row table:number-rows-repeated="2">"#
      + cell(#"office:value-type="string""#, #"A<text:s text:c="2"/>B<text:tab/>C"#)
      + cell(
        #"office:value-type="currency" office:currency="GBP" office:value="1234.5""#, "£1,234.50")
      + cell(#"office:value-type="date" office:date-value="2026-06-25T00:00:00""#, "25/06/2026")
      + "<table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell>"
      + "</table:table-row>"
      + #"<table:table-row>"# + cell(#"office:value-type="percentage" office:value="0.25""#, "25%")
      + cell(#"office:value-type="boolean" office:boolean-value="false""#, "FALSE")
      + cell(#"office:value-type="time" office:time-value="PT14H30M00S""#, "14:30")
      + "</table:table-row>"
      + #"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
    #expect(
      try records("repeats.ods", try TestPackage.ods(rows: rows)) == [
        CSVRecord(fields: ["A  B\tC", "1234.5", "2026-06-25", ""], line: 1_000_002, row: 1),
        CSVRecord(fields: ["A  B\tC", "1234.5", "2026-06-25", ""], line: 1_000_003, row: 2),
        CSVRecord(fields: ["25%", "FALSE", "14:30", ""], line: 1_000_004, row: 3),
      ])
  }

  @Test func boundsTheCellsRepeatsAskFor() throws {
    let rows =
      #"<table:table-row table:number-rows-repeated="1000000">"#
      + #"<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#
    let path = directory.write("bomb.ods", try TestPackage.ods(rows: rows))
    #expect(
      throws: BoardpackError(
        "the sheet holds more than \(InputLimits.current.sheetCells) cells, the limit; set BOARDPACK_MAX_SHEET_CELLS to raise it",
        at: SourceLocation(file: path, line: 306, sheet: "Sheet1"))
    ) { try SpreadsheetReader(path: path) }
  }

  @Test func readsFiguresAsTyped() {
    #expect(SheetValue.decimal("271818.46999999997") == Decimal(string: "271818.47"))
    #expect(SheetValue.decimal("0.30000000000000004")?.plainText == "0.3")
    #expect(SheetValue.decimal("1.5E-3")?.plainText == "0.0015")
    #expect(SheetValue.decimal("-1234.50")?.plainText == "-1234.5")
    #expect(SheetValue.decimal("99999999999999999")?.plainText == "100000000000000000")
    #expect(SheetValue.decimal("-0") == 0)
    for bad in ["", "abc", "1.2.3", "12abc", "1e", "1e99999", "--1", "."] {
      #expect(SheetValue.decimal(bad) == nil, "\(bad)")
    }
    #expect(SheetValue.percent(Decimal(string: "0.125")!) == "12.5%")
  }

  @Test func tellsDatesFromNumbersByTheirFormat() {
    let cases: [(String, XLSXSheet.Kind)] = [
      ("dd/mm/yyyy", .date), (#"yyyy\-mm\-dd"#, .date), ("[$£-809]#,##0.00", .number),
      (#"[$$-409]#,##0.00;[RED]\-[$$-409]#,##0.00"#, .number), ("0.00%", .percent),
      ("h:mm", .time), ("General", .number), (#"0.00 "days""#, .number),
      ("d mmmm yyyy h:mm", .dateTime),
      ("mmm-yy", .date), ("@", .number),
    ]
    for (code, kind) in cases { #expect(XLSXSheet.kind(ofFormat: code) == kind, "\(code)") }
    #expect((14...17).allSatisfy { XLSXSheet.builtIn($0) == .date })
    #expect((18...21).allSatisfy { XLSXSheet.builtIn($0) == .time })
    #expect(XLSXSheet.builtIn(22) == .dateTime)
    #expect(XLSXSheet.builtIn(9) == .percent && XLSXSheet.builtIn(4) == .number)
  }

  @Test func printsCellReferences() {
    #expect(
      SourceLocation(file: "p.xlsx", line: 7, column: 3, sheet: "Sheet1").description
        == "p.xlsx:Sheet1!C7")
    #expect(
      SourceLocation(file: "p.xlsx", line: 7, sheet: "My sheet").description
        == "p.xlsx:'My sheet' row 7")
    #expect(SourceLocation.columnName(28) == "AB" && SourceLocation.columnName(16384) == "XFD")
  }
}
