import Boardpack
import Testing

@Suite struct DateRuleTests {
  @Test(arguments: [
    "The Custody Detention Scrutiny Panel (CSDP) met on Tuesday 18th February 2025.",
    "Meeting: Tuesday, 23 June 2026 at 2.00 pm",
    "The PCC brings this report throughout January 2026 - March 2026 (Quarter 4 2025/26)",
    "The delivery of the 2025-29 Police and Crime Plan as at the end of Quarter 3 2025/26 (October - December 2025).",
    "The total engagements since the start of the 2024/28 PCC term of office (May 24) are shown below.",
    "Visits equating to twenty-six visits during Q4, between January to March 2026.",
    "Published at https://example.org/Commissioners-Safety-Fund-2024-2025.aspx on 2025-06-20, and 12/07/2023.",
    "YTD (Q3 25/26) the service has referred 531 victims between April and December 2025.",
  ])
  func isSilentOnCorrectDates(_ text: String) {
    #expect(DateRule().findings(in: [Build.paragraph(1, text)]) == [])
  }

  @Test func aRememberedPassageIsFoundAgainInEveryReportAndOnlyWithItsDate() {
    let rule = DateRule(checksDeadlines: true, remembersPassages: true)
    let deadline = Build.paragraph(nil, "Please return the contract by 25th June 2026.")
    func findings(_ title: String, dated date: CalendarDate) -> [Diagnostic] {
      var findings = Findings(file: "letters.csv", report: title)
      rule.check(Report(title: title, blocks: [deadline], date: date), into: &findings)
      return findings.diagnostics
    }
    let june26 = CalendarDate(year: 2026, month: 6, day: 26)
    let first = findings("Letter to Blaby", dated: june26)
    let second = findings("Letter to Melton", dated: june26)
    #expect(first.map(\.message) == ["a deadline before the letter's date (26th June 2026)"])
    #expect(second.map(\.message) == first.map(\.message))
    #expect(second.map(\.location.report) == ["Letter to Melton"])
    #expect(findings("Letter to Rutland", dated: CalendarDate(year: 2026, month: 6, day: 1)) == [])
  }

  @Test func findsImpossibleNumericDatesAmongYearSpansAndFractions() {
    let blocks = [
      Build.paragraph(
        nil, "Funding for 2025-26 runs 24/7; the grant ends 31/06/2026 or 2026-02-30.")
    ]
    #expect(DateRule().findings(in: blocks).map(\.stated) == ["31/06/2026", "2026-02-30"])
    #expect(
      DateRule().findings(in: [Build.paragraph(nil, "The 2025-26 budget, open 24/7.")]).isEmpty)
  }

  @Test func findsTheImpossibleThirtyFirstOfJune() {
    let blocks = [
      Build.table([
        ["Project", "Description / Brief", "Area"],
        [
          "Netherhall Detached Youth Work",
          "The funding will pay for two officers to work 5 days a week between 31st June and 15th August.",
          "Leicester City",
        ],
      ])
    ]
    let found = DateRule().findings(in: blocks)
    #expect(found.count == 1)
    #expect(found.first?.stated == "31st June")
    #expect(found.first?.location.row == "Netherhall Detached Youth Work")
    #expect(found.first?.location.column == "Description / Brief")
  }

  @Test(arguments: [
    ("Applications close on 31/06/2026.", "31/06/2026"),
    ("The data were extracted on 2026-02-30 from the system.", "2026-02-30"),
  ])
  func findsAnImpossibleNumericDate(_ text: String, _ stated: String) {
    let found = DateRule().findings(in: [Build.paragraph(4, text)])
    #expect(found.map(\.message) == ["no such date"])
    #expect(found.map(\.stated) == [stated])
  }

  /// The diagnostics of `DateRule` on a document of one paragraph per text, in `language`.
  static func findings(_ texts: [String], language: String?) -> [Diagnostic] {
    let document = Document(
      metadata: Metadata(title: "Annual report", language: language),
      blocks: texts.enumerated().map { Build.paragraph($0 + 1, $1) })
    return Report.reports(in: document).flatMap { report in
      var findings = Findings(file: "paper.xhtml", report: report.title)
      DateRule().check(report, into: &findings)
      return findings.diagnostics
    }
  }

  @Test(
    arguments: [
      // A US document reads month first.
      (["As of 1/31/2018, the balance was $4.2 million."], "en-US"),
      // Without a US language, the document's own dates decide.
      (["As of 1/31/2018, the balance was $4.2 million.", "Paid on 12/11/2018."], "en"),
      (["As of 1/31/2018, the balance was $4.2 million."], nil),
      // A UK paper saved by a US-English word processor still prints its dates day first.
      (["The panel meets on 23/06/2026.", "Papers by 14/05/2026."], "en-US"),
      // Dates in both orders, and no US language: only a date impossible in both is reported.
      (["Signed 25/06/2026.", "Filed 1/31/2018."], "en-GB"),
    ] as [([String], String?)])
  func readsNumericDatesInTheDocumentsOrder(_ texts: [String], _ language: String?) {
    #expect(Self.findings(texts, language: language) == [])
  }

  @Test func findsADateImpossibleInTheDocumentsOrder() {
    // Month first by language, as the dates contradict each other: 13/01/2018 is no date.
    let found = Self.findings(["Filed 1/31/2018.", "Signed 13/01/2018."], language: "en-US")
    #expect(found.map(\.stated) == ["13/01/2018"])
    #expect(found.map(\.location.paragraph) == ["2"])
    // 31/06/2026 is no date in either order, whatever the language says.
    for language in ["en-US", "en-GB", nil] {
      #expect(
        Self.findings(["Applications close on 31/06/2026."], language: language).map(\.stated)
          == ["31/06/2026"])
    }
  }

  @Test func findsAnEventStillToComeDatedBeforeTheReport() {
    let blocks = [
      Build.table([["Report Date", "21st April 2026"], ["Report Author", "Lizzie Starr"]]),
      Build.paragraph(1, "The only meeting is scheduled for the 25th of March 2026."),
      Build.paragraph(
        2, "The next board will be held on 28th April; the last was held on 26th March."),
    ]
    let report = Report.reports(in: Build.document(blocks)).first!
    var findings = Findings(file: "paper.xhtml", report: report.title)
    DateRule().check(report, into: &findings)
    let found = findings.diagnostics
    #expect(found.map(\.severity) == [.warning])
    #expect(found.map(\.stated) == ["25th of March 2026"])
    #expect(found.first?.location.paragraph == "1")
  }

  @Test func findsAWrongWeekday() {
    let found = DateRule().findings(in: [
      Build.paragraph(10, "The panel met on Monday 18th February 2025.")
    ])
    #expect(found.map(\.expected) == ["Tuesday 18th February 2025"])
  }

  @Test func readsADateWithoutAYearNearTheReportDate() {
    let blocks = [
      Build.table([["Report Date", "21st April 2026"], ["Report Author", "Lizzie Starr"]]),
      Build.paragraph(
        1, "The next board is on Tuesday 28th April; the last met on Thursday 26th March."),
      Build.paragraph(2, "The Ethics and Transparency Panel met on Tuesday 25 December."),
    ]
    let report = Report.reports(in: Build.document(blocks)).first!
    #expect(report.date == CalendarDate(year: 2026, month: 4, day: 21))
    var findings = Findings(file: "paper.xhtml", report: report.title)
    DateRule().check(report, into: &findings)
    #expect(findings.diagnostics.map(\.expected) == ["Thursday 25th December 2025"])
    #expect(
      findings.diagnostics.first?.message
        == "25th December 2025 is a Thursday, not a Tuesday (taking the year to be 2025)")
  }

  @Test func findsAQuarterWithTheWrongMonths() {
    let found = DateRule().findings(in: [
      Build.paragraph(2, "Activity in Q2 2025/26 (October–December 2025) is shown below.")
    ])
    #expect(found.map(\.rule) == [.date])
    #expect(found.first?.expected == "Q2 = July - September")
  }

  @Test func findsAQuarterInTheWrongFinancialYear() {
    let found = DateRule().findings(in: [
      Build.paragraph(2, "Quarter 4 2025/26 (January 2025 - March 2025).")
    ])
    #expect(found.map(\.message) == ["the months given are not in financial year 2025-26"])
  }
}
