import Boardpack
import Testing

@Suite struct PercentShareRuleTests {
  @Test func findsTheWrongShareInTheHelpSeekingTable() {
    let found = PercentShareRule().findings(in: [Build.table(Seeds.helpSeeking)])
    #expect(found.count == 1)
    #expect(found.first?.location.row == "Is this the first time the caller has sought help?")
    #expect(found.first?.location.column == "Q1 2026-26")
    #expect(found.first?.stated == "44%")
    #expect(found.first?.expected == "34%")
  }

  @Test(arguments: [
    "Year to Date (YTD) monitoring identifies 220 of 9,876 eligible victims referred are repeat victims, 2.23%.",
    "Of the 45 cases reviewed, 30 related to adults and 15 related to youths. 30% of all cases related to domestic incidents in line with national guidance.",
    "Of the 45 cases reviewed, 30 (67%) related to adults and 15 (33%) related to youths.",
    "Approximately 28/30 people attended their 30 sessions.",
    "3 of 5 bids were successful, a 20% increase on last year.",
    "FreeVa received 2144 referrals in Q2, 516 of which were self-referrals (24.1%).",
    "There were 1,000 calls, of which 250 (25%) were abandoned.",
    "Satisfaction was 45% (9 of 20 respondents), and 9/20 (45%) said so again.",
    "Spending in Q2 of 25/26 (12%) was low.",
  ])
  func isSilentOnConsistentText(_ text: String) {
    #expect(PercentShareRule().findings(in: [Build.paragraph(51, text)]) == [])
  }

  @Test func findsAShareThatContradictsItsCounts() {
    let text =
      "Year to Date (YTD) monitoring identifies 220 of 9,876 eligible victims referred are repeat victims, 2.5%."
    let found = PercentShareRule().findings(in: [Build.paragraph(9, text)])
    #expect(found.map(\.stated) == ["2.5%"])
    #expect(found.map(\.expected) == ["2.2%"])
    #expect(found.first?.location.paragraph == "9")
  }

  @Test func findsAShareOfWhichContradictsItsCounts() {
    let text = "FreeVa received 2144 referrals in Q2, 516 of which were self-referrals (34.1%)."
    let found = PercentShareRule().findings(in: [Build.paragraph(23, text)])
    #expect(found.map(\.expected) == ["24.1%"])
  }

  @Test(arguments: [
    ("There were 1,000 calls, of which 250 (20%) were abandoned.", "25%"),
    ("Satisfaction was 40% (9 of 20 respondents).", "45%"),
    ("The figure of 9/20 (40%) is low.", "45%"),
  ])
  func findsAShareBesideItsCounts(_ text: String, expected: String) {
    let found = PercentShareRule().findings(in: [Build.paragraph(8, text)])
    #expect(found.map(\.expected) == [expected])
    #expect(found.map(\.rule) == [.percentShare])
  }

  @Test func findsPartsThatDoNotAddUp() {
    let short = "Of the 45 cases reviewed, 30 related to adults and 12 related to youths."
    let over = "Of the 45 cases reviewed, 30 related to adults and 18 related to youths."
    let found = PercentShareRule().findings(in: [
      Build.paragraph(51, short), Build.paragraph(52, over),
    ])
    #expect(found.map(\.stated) == ["45", "45"])
    #expect(found.map(\.expected) == ["42", "48"])
    #expect(found.map(\.severity) == [.warning, .error])
  }

  @Test func checksAShareColumnAgainstItsCounts() {
    let rows = [
      ["Area", "Cases", "Share %"], ["A", "30", "60.0%"], ["B", "15", "30.0%"],
      ["C", "5", "20.0%"], ["Total", "50", "100.0%"],
    ]
    let found = PercentShareRule().findings(in: [Build.table(rows)])
    #expect(found.map(\.location.row) == ["C"])
    #expect(found.map(\.expected) == ["10.0%"])
  }
}
