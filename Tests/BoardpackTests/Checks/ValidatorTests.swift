import Boardpack
import Foundation
import Testing

@Suite struct ValidatorTests {
  /// A pack of three reports in the shape of the June 2026 agenda pack: the Q4 update report with
  /// its appendix, then a report with a title block, then one whose numbering simply restarts.
  static let pack = Build.document(
    [
      Build.heading("Police and Crime Panel for Leicester, Leicestershire and Rutland", level: 2),
      Build.heading("21st April 2026", level: 2),
      Build.heading("Commissioner's Update Report (Q4)"),
      Build.table([["Report Date", "21st April 2026"], ["Report Author", "Lizzie Starr"]]),
      Build.heading("Purpose of Report", level: 2),
    ] + Build.numbered(Array(1...12)) + [
      Build.paragraph(
        13,
        "The total engagements since the start of the 2024/28 PCC term of office (May 24) are shown below."
      ),
      Build.table(Seeds.engagements),
      Build.paragraph(14, "This table shows that the Commissioner has completed 413 engagements."),
      Build.paragraph(
        15, "A brief summary of projects being funded for 2025/26 can be found at Appendix One."),
      Build.paragraph(nil, "----- End of Report -----"),
      Build.paragraph(nil, "Officer to contact: Lizzie Starr"),
      Build.heading("Appendix One", level: 2, appendix: 1),
      Build.table([
        ["Project", "Description / Brief", "Area"],
        ["Netherhall Detached Youth Work", "Between 31st June and 15th August.", "Leicester City"],
      ]),
      Build.heading("Police and Crime Plan Delivery Update (Q3)"),
      Build.table([["Report Date", "21st April 2026"], ["Report Author", "Lizzie Starr"]]),
    ] + Build.numbered(Array(1...16)) + [
      Build.paragraph(
        17,
        "Overall, 29% of the plan has been completed to date over the first three quarters 2025/2025"
      ),
      Build.heading("Police Contact Demand"),
    ] + Build.numbered([1, 2, 3, 4, 4, 5]),
    title: "")

  @Test func splitsAPackIntoNamedReports() {
    let reports = Report.reports(in: Self.pack)
    #expect(
      reports.map(\.title) == [
        "Commissioner's Update Report (Q4)", "Police and Crime Plan Delivery Update (Q3)",
        "Police Contact Demand",
      ])
    #expect(reports[0].paragraphNumbers == Array(1...15))
    #expect(reports[0].tables.count == 3)
  }

  @Test func namesTheReportOfEveryFinding() {
    let found = Validator().check(Self.pack, file: "pack.xhtml")
    let summary = found.map {
      "\($0.location.report ?? "-")|\($0.rule.rawValue)|\($0.stated ?? "")"
    }
    #expect(
      summary == [
        "Commissioner's Update Report (Q4)|table-sum|413",
        "Commissioner's Update Report (Q4)|table-sum|30",
        "Commissioner's Update Report (Q4)|table-sum|162",
        "Commissioner's Update Report (Q4)|table-sum|39",
        "Commissioner's Update Report (Q4)|date|31st June",
        "Police and Crime Plan Delivery Update (Q3)|fy-label|2025/2025",
        "Police Contact Demand|numbering|4",
      ])
    #expect(found.allSatisfy { $0.file == "pack.xhtml" })
  }

  @Test func keepsAQuotedNumberedListOutOfTheNumbering() {
    let document = Build.document(
      Build.numbered(Array(1...5)) + Build.numbered([1, 2]) + Build.numbered([6, 7]))
    let reports = Report.reports(in: document)
    #expect(reports.count == 1)
    #expect(reports.first?.paragraphNumbers == Array(1...7))
    #expect(Validator().check(document, file: "membership.xhtml") == [])
  }

  @Test func printsCompilerStyleLines() {
    let diagnostic = Diagnostic(
      file: "pack.xhtml", severity: .error, rule: .tableSum,
      message: "\"Total\" is not the sum of \"A\" and \"B\"",
      location: .init(
        report: "Commissioner's Update Report (Q4)", table: "table 2", row: "Leicester City",
        column: "Total"),
      stated: "162", expected: "161")
    let warning = Diagnostic(
      file: "pack.xhtml", severity: .warning, rule: .crossReference,
      message: "Appendix 2 is missing",
      location: .init(report: "Plan", paragraph: "7"))
    let text = DiagnosticPrinter().text([diagnostic, warning], files: 1)
    #expect(
      text == """
        pack.xhtml: error: [table-sum] "Total" is not the sum of "A" and "B" (report "Commissioner's Update Report (Q4)", table "table 2", row "Leicester City", column "Total"): stated 162, expected 161
        pack.xhtml: warning: [cross-reference] Appendix 2 is missing (report "Plan", paragraph 7)
        1 error, 1 warning in 1 file

        """)
  }

  @Test func printsJSONLeavingOutWhatDoesNotApply() throws {
    let warning = Diagnostic(
      file: "a.xhtml", severity: .warning, rule: .accessibility, message: "map has no alt text",
      location: .init(report: "Q4"))
    let data = try DiagnosticPrinter().json([warning], files: 2)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary == ["files": 2, "errors": 0, "warnings": 1, "unreadable": 0])
    #expect(DiagnosticPrinter.Summary([warning], files: 2).exitCode == 0)
    let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
    #expect(Set(first.keys) == ["file", "severity", "rule", "message", "location"])
    #expect(first["rule"] as? String == "accessibility")
    #expect(first["location"] as? [String: String] == ["report": "Q4"])
  }
}
