import Boardpack
import Foundation
import Testing

/// Numbers and dates from a file never trap: digits of any script, any length and any value end in
/// a clear error, or are read where they are plainly a number (issue 15).
@Suite struct NoTrapTests {
  let directory = TemporaryDirectory()

  @Test(arguments: [
    "2026-06-½", "½-06-2026", "2026-²-01", "23-06-２０２６x", "99999999999999999999-06-2026",
    "25-06-99999999999999999999", "99999999999999999999th June 2026", "25th June ٢٠٢٦٢",
    "2026-06-0000000000000000000025",
  ])
  func textThatIsNotADateIsNil(_ text: String) {
    #expect(CalendarDate(parsing: text) == nil)
  }

  @Test func digitsOfAnyScriptAreRead() {
    #expect(CalendarDate(parsing: "23-06-٢٠٢٦") == CalendarDate(year: 2026, month: 6, day: 23))
    #expect(CalendarDate(parsing: "٢٣ June ٢٠٢٦") == CalendarDate(year: 2026, month: 6, day: 23))
    #expect(CalendarDate(parsing: "２０２６/０６/２５") == CalendarDate(year: 2026, month: 6, day: 25))
    // One number is in one script.
    #expect(CalendarDate(parsing: "23-06-20٢٦") == nil)
  }

  @Test func impossibleMonthsPrintWithoutTrapping() {
    #expect(CalendarDate(iso: "2026-13-01") == nil)
    #expect(CalendarDate(year: 2026, month: 13, day: 1).longUK == "2026-13-01")
    #expect(CalendarDate(year: 2026, month: 0).longUK == "2026-00")
    #expect(CalendarDate(year: 2026, month: Int.max, day: 1).quarter > 0)
  }

  @Test func aPaperInputDateOfFractionsIsAnError() throws {
    let path = directory.write(
      "paper.yaml",
      """
      template: pcc-update-report
      metadata:
        title: T
        meeting-date: 2026-06-½
      """)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      throws: BoardpackError(
        "meeting-date \"2026-06-½\" is not a date; write 2026-04-21 or 2026-06",
        at: SourceLocation(file: path, line: 4, column: 17), sourceLine: "  meeting-date: 2026-06-½")
    ) { _ = try PaperInput(yaml: text, path: path) }
  }

  @Test func aLetterTemplateDateOfTwentyDigitsIsAnError() {
    let yaml = """
      id: x
      title: T
      date: 99999999999999999999-06-2026
      blocks: [Hello]
      """
    #expect(throws: BoardpackError("\"99999999999999999999-06-2026\" is not a date; write 2026-06-26", at: SourceLocation(file: "x.yaml", line: 3, column: 7), sourceLine: "date: 99999999999999999999-06-2026")) {
      _ = try LetterTemplate(yaml: yaml, path: "x.yaml")
    }
  }

  @Test func mergeDataDatesOfOtherDigitsAreBadRowsAndLeaveNothingBehind() throws {
    let template = try LetterTemplate(
      yaml: """
        id: dated
        title: "Letter to {{Name}}"
        key: Name
        blocks: ["Reply by {{Due|date}}."]
        """, path: directory.path + "/dated.yaml")
    let data = directory.write(
      "data.csv", "Name,Due\nA,2026-06-½\nB,23-06-٢٠٢٦\nC,99999999999999999999-06-2026\n")
    let output = directory.path + "/out"
    let report = try MergeJob(
      template: template, dataPath: data, outputFolder: output,
      writers: PaperWriters(xhtml: true, fodt: nil), showsProgress: false
    ).run()
    #expect(report.letters == 0)
    #expect(
      report.invalidRows.map(\.description) == [
        "\(data):2: error: column \"Due\": \"2026-06-½\" is not a date; write 2026-06-25, 25/06/2026 or 25 June 2026",
        "\(data):4: error: column \"Due\": \"99999999999999999999-06-2026\" is not a date; write 2026-06-25, 25/06/2026 or 25 June 2026",
      ])
    #expect(!FileManager.default.fileExists(atPath: output))
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(left == ["data.csv"])
  }

  @Test func anXHTMLMonthOf13IsNoDate() throws {
    let document = try PaperFile.read(
      Data(
        """
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title>
        <meta name="bp:template" content="x"/><meta name="bp:report-date" content="2026-13-01"/>
        <meta name="bp:meeting-date" content="2026-13"/></head>
        <body><h1>T</h1><p>Dated 2026-13-45 and 31/13/2026.</p></body></html>
        """.utf8), name: "month.xhtml", isODF: false)
    #expect(document.metadata.reportDate == nil)
    #expect(document.metadata.meetingDate == nil)
    _ = Validator().check(document, file: "month.xhtml")
    _ = XHTMLWriter().render(document)
  }

  @Test func aParagraphNumberedIntMaxIsChecked() throws {
    for number in ["9223372036854775807", "-9223372036854775808", "9223372036854775806"] {
      let document = try PaperFile.read(
        Data(
          """
          <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title>
          <meta name="bp:template" content="x"/></head><body><h1>T</h1>
          <div class="bp-para" data-bp-number="1"><p>One.</p></div>
          <div class="bp-para" data-bp-number="\(number)"><p>Big.</p></div>
          <div class="bp-para" data-bp-number="\(number)"><p>Again.</p></div>
          <ol type="a" start="\(number)"><li>a</li><li>b</li></ol>
          <ol type="i" start="\(number)"><li>a</li><li>b</li></ol>
          <h2 class="Heading_20_\(number)">Heading</h2>
          </body></html>
          """.utf8), name: "big.xhtml", isODF: false)
      let findings = Validator().check(document, file: "big.xhtml")
      #expect(findings.contains { $0.rule == .numbering })
      _ = XHTMLWriter().render(document)
    }
  }

  @Test func aTextOfTooManyMergeFieldsIsAnError() {
    let fields = String(repeating: "{{Name}}", count: 6401)
    #expect(throws: BoardpackError.self) {
      _ = try LetterTemplate(yaml: "id: x\ntitle: T\nblocks: [\"\(fields)\"]\n", path: "x.yaml")
    }
  }
}
