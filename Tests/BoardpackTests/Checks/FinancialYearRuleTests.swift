import Boardpack
import Testing

@Suite struct FinancialYearRuleTests {
  @Test(arguments: [
    // Standards, regulations and reference numbers are not year labels.
    "We adopted Accounting Standards Update (\"ASU\") No. 2014-09, Revenue from Contracts with Customers.",
    "Amendments to the initial guidance: ASU 2015-14, ASU 2016-08, ASU 2016-10 and ASU 2017-13 (collectively, Topic 606).",
    "In February 2016, the FASB issued ASU 2016-02, Leases, and ASU 2018-11 in July 2018 for fiscal year 2019.",
    "The laboratory is certified to ISO 9001:2015; invoice INV2019-12 was paid in 2019.",
    "Personal data is processed under Regulation (EU) 2016/679 and Directive 2016-12.",
    "Claim No. 2019-12 was settled; see case 2017-04 and IFRS 16 and Topic 842.",
    // Two years with no word making them a financial year.
    "Results for 2019-12 are shown in December figures; the 2016-10 amendment applies.",
    // Spans of years that are meant as spans.
    "Funding over years 2026-27 and 2027-28, then 2026-27 and 2027-28 again.",
    "The delivery of the Police and Crime Plan 2021-2025 and the 2025-28 strategy.",
    "The medium-term financial plan 2026-2030 sets out the 2025-29 Police and Crime Plan.",
    // Well-formed labels.
    "Grant funding for the 2024/2025 financial year, and 1999-00 before it.",
    "Tax at 19.0% (2017/18: 19.0%) and the budget for 2026/27.",
    "Q2 of 25/26 saw the service engage with 2,230 victims; 26/27 commissioning; 28/30 people attended.",
  ])
  func isSilentOnWhatIsNotAnIllFormedLabel(_ text: String) {
    #expect(FinancialYearRule().findings(in: [Build.paragraph(1, text)]) == [])
  }

  @Test(arguments: [
    ("efficiency savings made from the previous 2023-23 financial year", "2023-23", "2023-24"),
    ("completed to date over the first three quarters 2025/2025", "2025/2025", "2025/2026"),
    ("the budget for FY2019-18 was set in March", "2019-18", "2019-20"),
    ("spending during 2024-23 fell", "2024-23", "2024-25"),
    ("the precept 2026/2026 rose by 2%", "2026/2026", "2026/2027"),
  ])
  func findsAnIllFormedFinancialYear(_ text: String, _ stated: String, _ expected: String) {
    let found = FinancialYearRule().findings(in: [Build.paragraph(37, text)])
    #expect(
      found.map(\.message) == [
        "financial year label \"\(stated)\" does not run from one year to the next"
      ])
    #expect(found.map(\.rule) == [.fyLabel])
    #expect(found.map(\.stated) == [stated])
    #expect(found.map(\.expected) == [expected])
  }

  @Test func findsAnIllFormedShortFinancialYear() {
    let found = FinancialYearRule().findings(in: [
      Build.paragraph(25, "Q2 of 25/25 saw the service engage with 2,230 victims.")
    ])
    #expect(found.map(\.stated) == ["25/25"])
    #expect(found.map(\.expected) == ["25/26"])
  }

  @Test func readsAYearColumnHeaderAsALabel() {
    let blocks = [
      Build.table([
        ["Question", "Q1 2026-26", "2019-18", "2016-02"],
        ["Is this the first time?", "77", "12", "4"],
      ])
    ]
    let found = FinancialYearRule().findings(in: blocks)
    // "2016-02" may be February 2016.
    #expect(found.map(\.stated) == ["2026-26", "2019-18"])
    #expect(found.map(\.location.column) == ["Q1 2026-26", "2019-18"])
  }

  @Test(arguments: [
    (
      "We will close the accounts of the 2025-27 financial year in May.", "2025-27",
      "2025-26 or 2026-27"
    ),
    (
      "Grants awarded in financial year 2024/2027 total £36,000.", "2024/2027",
      "one of 2024/2025 to 2026/2027"
    ),
  ])
  func findsASpanOfYearsCalledOneFinancialYear(
    _ text: String, _ stated: String, _ expected: String
  ) {
    let found = FinancialYearRule().findings(in: [Build.paragraph(3, text)])
    #expect(found.map(\.severity) == [.error])
    #expect(found.map(\.stated) == [stated])
    #expect(found.map(\.expected) == [expected])
  }

  @Test func findsASpanningHeaderBesideOneYearsColumns() {
    let blocks = [
      Build.table(
        [
          [
            "CSP Area", "2025-27 Allocations", "2025-26 Expenditure",
            "2025-26 Remaining CSP Balance",
          ],
          ["Blaby", "£63,040.00", "£63,040.00", "Nil"],
        ], caption: "CSP allocations 2025-26")
    ]
    let found = FinancialYearRule().findings(in: blocks)
    #expect(found.map(\.severity) == [.warning])
    #expect(found.map(\.stated) == ["2025-27"])
    #expect(found.map(\.expected) == ["2025-26"])
    #expect(found.map(\.location.column) == ["2025-27 Allocations"])
  }

  @Test(arguments: [
    ["Area", "2025-26 Budget", "2026-27 Budget", "2025-27 Allocations"],
    ["Area", "2025-26 Budget", "2025-27 Total"],
    ["Area", "2025-28 Plan", "2025-26 Actual"],
    ["Area", "2024-26 Allocations", "2026-27 Expenditure"],
  ])
  func acceptsASpanningHeaderThatMeansASpan(_ header: [String]) {
    let row = ["Blaby"] + Array(repeating: "£1.00", count: header.count - 1)
    #expect(FinancialYearRule().findings(in: [Build.table([header, row])]) == [])
  }
}
