import Boardpack
import Foundation
import Testing

/// The checks across papers on the seed papers (the 23 June 2026 pack with each of its reports also
/// on its own, and the other panel and board papers): exactly the inconsistencies `ERRORS.md`
/// lists, each once; and a figure changed in one of two papers that print the same table.
@Suite struct AcrossPapersTests {
  static let seeds = FixtureFindingsTests.fixtures.appendingPathComponent("seeds")

  static func read(_ names: [String]) throws -> [(file: String, document: Document)] {
    try names.map { ($0, try PaperFile.read(path: seeds.appendingPathComponent($0).path)) }
  }

  @Test func theSeedPapersDisagreeOnlyWhereTheyDo() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
      .filter { $0.hasSuffix(".xhtml") && !$0.contains("libreoffice") }.sorted()
    let found = Validator().check(across: PaperSet(try Self.read(names)))
    #expect(
      found.map { "\($0.file) \($0.rule.rawValue) \($0.location.report ?? "") \($0.stated ?? "")" }
        == [
          "agenda-pack-2026-06-23.xhtml date REVIEW OF PANEL MEMBERSHIP 9 JUNE 2026",
          "agenda-pack-2026-06-23.xhtml date Commissioner's Update Report (Q4) 21st April 2026",
          "agenda-pack-2026-06-23.xhtml date Police and Crime Plan Delivery Update (Q3) 21st April 2026",
          "agenda-pack-2026-06-23.xhtml across-papers OPCC Commissioned Services Report 01/05/2026",
        ])
  }

  /// The Q4 report's engagements table as another paper prints it again (the Safer Communities
  /// board update of 25th June 2026 does), with Charnwood's total given as `charnwood`.
  static func boardUpdate(charnwood: String) throws -> (file: String, document: Document) {
    let q4 = try String(
      contentsOf: seeds.appendingPathComponent("pcc-update-q4-2026-04-21.xhtml"), encoding: .utf8)
    let caption = try #require(q4.range(of: "<caption>Engagements since May 2024"))
    let table = q4[
      try #require(
        q4.range(of: "<table", options: .backwards, range: q4.startIndex..<caption.lowerBound)
      ).lowerBound...
    ]
    .prefix { _ in true }
    let end = try #require(table.range(of: "</table>"))
    let printed = String(table[..<end.upperBound]).replacingOccurrences(
      of: "<th scope=\"row\">Charnwood</th><td>35</td>",
      with: "<th scope=\"row\">Charnwood</th><td>\(charnwood)</td>")
    let xhtml = """
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><title>LRSCSB Update: Office of the Police and Crime Commissioner, 25th June 2026</title></head><body>
      <h1>LRSCSB Update: Office of the Police and Crime Commissioner, 25th June 2026</h1>
      <p>1. The Commissioner's engagements since May 2024 are:</p>
      \(printed)
      <p>2. The Commissioner will continue to engage with every area.</p>
      </body></html>
      """
    return (
      "lrscsb-2026-06-25.xhtml",
      try PaperFile.read(Data(xhtml.utf8), name: "lrscsb-2026-06-25.xhtml", fileExtension: "xhtml")
    )
  }

  @Test func aFigureChangedInOneOfTwoPapersIsReportedWithBothPlaces() throws {
    let q4 = try Self.read(["pcc-update-q4-2026-04-21.xhtml"])
    let agreeing = Validator().check(across: PaperSet(q4 + [try Self.boardUpdate(charnwood: "35")]))
    #expect(agreeing.filter { $0.rule == .acrossPapers } == [])
    let found = Validator().check(across: PaperSet(q4 + [try Self.boardUpdate(charnwood: "36")]))
    #expect(
      found == [
        Diagnostic(
          file: "lrscsb-2026-06-25.xhtml", severity: .warning, rule: .acrossPapers,
          message:
            "“Engagements since May 2024 by local authority”, Charnwood, Total Engagements since May 2024 is 36 here but 35 in “Commissioner's Update Report (Q4)” (pcc-update-q4-2026-04-21.xhtml)",
          location: Diagnostic.Location(
            report: "LRSCSB Update: Office of the Police and Crime Commissioner, 25th June 2026",
            table: "Engagements since May 2024 by local authority", row: "Charnwood",
            column: "Total Engagements since May 2024"),
          stated: "36", expected: "35")
      ])
  }

  @Test func theExamplePackIsCheckedAgainstItsMeeting() throws {
    let run = try BoardpackCLI.run([
      "pack", "Inputs/meetings/2026-06-23-panel.yaml", "--format", "xhtml", "--out",
      TemporaryDirectory().path,
    ])
    let lines = run.errors.split(separator: "\n").filter {
      $0.contains(": warning: ") || $0.contains(": error: ")
    }
    #expect(
      lines.map { $0.prefix { $0 != "(" } } == [
        "Inputs/papers/membership-review-2026-06-23.xhtml: warning: [date] the header gives the meeting as 9 JUNE 2026, but the meeting is on 23rd June 2026: carried over from another meeting? ",
        "Inputs/pcc-update-2026-04-21-q4.yaml: warning: [date] the paper is for a meeting on 21st April 2026, but the meeting is on 23rd June 2026 ",
        "Inputs/pcp-delivery-update.yaml: warning: [date] the paper is for a meeting on 21st April 2026, but the meeting is on 23rd June 2026 ",
        "Inputs/opcc-commissioned-services.yaml: warning: [across-papers] the OOCR's start is given as 01/05/2026 here, but as 1st of April 2026 in “Commissioner's Update Report ",
      ])
  }
}
