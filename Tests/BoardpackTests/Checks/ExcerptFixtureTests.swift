import Boardpack
import Foundation
import Testing

/// The text checks on excerpts of annual reports written elsewhere (`Fixtures/tatqa/`): they read
/// standard numbers, note headings and numbering that starts part-way as such, and find nothing.
@Suite struct ExcerptFixtureTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/tatqa").standardizedFileURL.path

  /// The rules that read the text rather than the tables' arithmetic.
  static let textRules: [any ReportRule] = [
    PercentChangeRule(), PercentShareRule(), TextTotalRule(), ListCountRule(), ArithmeticRule(),
    CrossReferenceRule(), NumberingRule(), DateRule(), FinancialYearRule(),
  ]

  @Test(arguments: ["014.xhtml", "061.xhtml", "190.xhtml", "266.xhtml"])
  func theTextRulesFindNothing(_ name: String) throws {
    let document = try PaperFile.read(path: "\(Self.folder)/\(name)")
    let found = Report.reports(in: document).flatMap { report in
      Self.textRules.flatMap { rule in
        var findings = Findings(file: name, report: report.title)
        rule.check(report, into: &findings)
        return findings.diagnostics
      }
    }
    #expect(found == [])
  }

  @Test func readsNoteAndSectionHeadingsAsHeadings() throws {
    let headings = try ["061.xhtml", "190.xhtml"].flatMap { name in
      try PaperFile.read(path: "\(Self.folder)/\(name)").blocks.compactMap { block -> String? in
        guard case .heading(let heading) = block else { return nil }
        return heading.content.plainText
      }
    }
    #expect(
      headings == [
        "TAT-QA dev item 62", "3. Investments in subsidiaries", "TAT-QA dev item 191",
        "(b) Credit risk", "(ii) Trade and other receivables",
      ])
  }
}
