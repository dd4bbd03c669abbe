import Boardpack
import Foundation
import Testing

/// The validator over the seed papers as transcribed by `Fixtures/seeds/make_fixtures.py` (and
/// converted to flat ODF, and back to XHTML, by LibreOffice): it finds the errors listed in `Fixtures/seeds/ERRORS.md`
/// that arithmetic or the calendar prove, and stays silent on the correct tables and text.
@Suite struct SeedFixtureCheckTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/seeds").standardizedFileURL.path

  /// The whole agenda pack's findings, the same whichever way it was written.
  static let agendaPackFindings: [String] =
    [
      "numbering error (i)", "numbering error 72", "table-sum error 413", "table-sum error 30",
      "table-sum error 162", "table-sum error 39",
        "cross-reference warning paragraphs 68-80", "date warning 25th of March 2026",
      "arithmetic error £576.00", "arithmetic error £720.00", "date error 31st June",
      "fy-label error 2025/2025", "derived-column error ↓", "table-sum error 12,759,259",
      "table-sum warning 12,739,137", "table-sum warning 8,092,406",
      "derived-column warning 38,315", "derived-column warning 8,092,406", "numbering error 4",
      "percent-share error 44%", "fy-label error 2026-26", "accessibility warning ",
      "derived-column warning -23%",
    ]

  /// Each finding as "rule severity stated", in the validator's order.
  @Test(arguments: [
    ("agenda-2026-06-23.xhtml", []),
    ("agenda-pack-2026-06-23.xhtml", agendaPackFindings),
    ("agenda-pack-2026-06-23.fodt", agendaPackFindings),
    ("agenda-pack-2026-06-23.libreoffice.xhtml", agendaPackFindings),
    (
      "commissioned-services-2026-06-23.xhtml",
      [
        "percent-share error 44%", "fy-label error 2026-26", "accessibility warning ",
        "derived-column warning -23%",
      ]
    ),
    ("complaints-2026-06-23.fodt", []),
    ("complaints-2026-06-23.libreoffice.xhtml", []),
    ("complaints-2026-06-23.xhtml", []),
    ("contact-demand-2026-06-23.xhtml", ["numbering error 4"]),
    ("dpcc-update-2026-06-23.xhtml", []),
    ("foot-patrols-2026-06-23.xhtml", []),
    ("lcjb-update-2026-06-23.xhtml", []),
    ("lrscsb-2024-03-22.fodt", []),
    ("lrscsb-2024-03-22.libreoffice.xhtml", []),
    ("lrscsb-2024-03-22.xhtml", []),
    (
      "lrscsb-2025-06-20.fodt",
      [
        "text-total warning £40,474.77", "numbering error 10",
        "date warning Tuesday 10th June 2025",
      ]
    ),
    (
      "lrscsb-2025-06-20.libreoffice.xhtml",
      [
        "text-total warning £40,474.77", "numbering error 10",
        "date warning Tuesday 10th June 2025",
      ]
    ),
    (
      "lrscsb-2025-06-20.xhtml",
      [
        "text-total warning £40,474.77", "numbering error 10",
        "date warning Tuesday 10th June 2025",
      ]
    ),
    ("membership-review-2026-06-23.xhtml", []),
    ("minutes-2026-02-04.xhtml", ["numbering error (i)", "numbering error 72"]),
    ("minutes-2026-02-12.xhtml", []),
    ("pcc-update-2024-10-28.fodt", ["fy-label error 2023-23"]),
    ("pcc-update-2024-10-28.libreoffice.xhtml", ["fy-label error 2023-23"]),
    ("pcc-update-2024-10-28.xhtml", ["fy-label error 2023-23"]),
    (
      "pcc-update-q4-2026-04-21.fodt",
      [
        "table-sum error 413", "table-sum error 30", "table-sum error 162", "table-sum error 39",
        "cross-reference warning paragraphs 68-80", "date warning 25th of March 2026",
        "arithmetic error £576.00", "arithmetic error £720.00", "date error 31st June",
      ]
    ),
    (
      "pcc-update-q4-2026-04-21.libreoffice.xhtml",
      [
        "table-sum error 413", "table-sum error 30", "table-sum error 162", "table-sum error 39",
        "cross-reference warning paragraphs 68-80", "date warning 25th of March 2026",
        "arithmetic error £576.00", "arithmetic error £720.00", "date error 31st June",
      ]
    ),
    (
      "pcc-update-q4-2026-04-21.xhtml",
      [
        "table-sum error 413", "table-sum error 30", "table-sum error 162", "table-sum error 39",
        "cross-reference warning paragraphs 68-80", "date warning 25th of March 2026",
        "arithmetic error £576.00", "arithmetic error £720.00", "date error 31st June",
      ]
    ),
    ("plan-delivery-q3-2026-04-21.fodt", ["fy-label error 2025/2025", "derived-column error ↓"]),
    (
      "plan-delivery-q3-2026-04-21.libreoffice.xhtml",
      ["fy-label error 2025/2025", "derived-column error ↓"]
    ),
    ("plan-delivery-q3-2026-04-21.xhtml", ["fy-label error 2025/2025", "derived-column error ↓"]),
    (
      "s106-update-2026-06-23.xhtml",
      [
        "table-sum error 12,759,259", "table-sum warning 12,739,137", "table-sum warning 8,092,406",
        "derived-column warning 38,315", "derived-column warning 8,092,406",
      ]
    ),
  ])
  func findsTheSeedErrors(_ name: String, _ expected: [String]) throws {
    let document = try PaperFile.read(path: "\(Self.folder)/\(name)")
    let found = Validator().check(document, file: name)
    #expect(
      found.map { "\($0.rule.rawValue) \($0.severity.rawValue) \($0.stated ?? "")" } == expected)
    #expect(found.allSatisfy { $0.file == name && $0.location.report?.isEmpty == false })
  }

  @Test func namesEveryReportOfThePack() throws {
    let document = try PaperFile.read(path: "\(Self.folder)/agenda-pack-2026-06-23.xhtml")
    let titles = Report.reports(in: document).map(\.title)
    #expect(titles.count == 12)
    #expect(titles.contains("Commissioner's Update Report (Q4)"))
    #expect(titles.contains("REPORT ON COMPLAINTS AGAINST THE POLICE AND CRIME COMMISSIONER"))
    #expect(titles.last == "Crime Prevention Activity: foot patrols in market towns")
  }

  @Test func printsTheQ4EngagementErrorAsACompilerLine() throws {
    let document = try PaperFile.read(path: "\(Self.folder)/pcc-update-q4-2026-04-21.xhtml")
    let lines = Validator().check(document, file: "q4.xhtml").map(DiagnosticPrinter().line)
    #expect(
      lines.contains(
        #"q4.xhtml: error: [table-sum] total column does not equal the sum of "Total Community Day Engagements since May 2024" and "Any Other Engagements" (report "Commissioner's Update Report (Q4)", table "Engagements since May 2024 by local authority", row "Hinckley and Bosworth", column "Total Engagements since May 2024", paragraph 13): stated 30, expected 27"#
      ))
  }
}
