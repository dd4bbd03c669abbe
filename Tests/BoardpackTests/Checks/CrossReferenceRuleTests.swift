import Boardpack
import Testing

@Suite struct CrossReferenceRuleTests {
  @Test func acceptsReferencesToExistingParagraphsTablesAndAppendices() {
    let blocks =
      Build.numbered(Array(1...15)) + [
        Build.paragraph(
          16,
          "Further details on these arrangements are covered in paragraphs 10 to 12 of this report."
        ),
        Build.paragraph(17, "As described in paragraphs 13-15, and summarised in Table One:"),
        Build.paragraph(nil, "Table One"),
        Build.table(Seeds.complaintReviews),
        Build.paragraph(
          18,
          "This would require a resolution under paragraph 4 (4) or 13(4) of the Schedule 6; see Sched 6 para 31."
        ),
        Build.paragraph(
          nil,
          "As paragraph 40 in the previous report said, and Table 7 of the HMICFRS report shows."),
        Build.paragraph(
          19,
          "The number of referrals into drug treatment, row 34, shows a reduction; so does row 57."),
        Build.paragraph(20, "A brief summary of projects can be found at Appendix One."),
        Build.heading("Appendix One – CSP-funded projects", appendix: 1),
        Build.table(Seeds.dashboard),
      ]
    #expect(CrossReferenceRule().findings(in: blocks) == [])
  }

  @Test func findsReferencesToMissingParagraphsRowsAndTables() {
    let blocks =
      Build.numbered(Array(1...30)) + [
        Build.paragraph(31, "Further details are covered in paragraphs 68-80 of this report."),
        Build.paragraph(32, "See row 35 and Table 2."), Build.table(Seeds.dashboard),
      ]
    let found = CrossReferenceRule().findings(in: blocks)
    #expect(found.map(\.stated) == ["paragraphs 68-80", "Table 2", "row 35"])
    #expect(found.allSatisfy { $0.severity == .error })
  }

  @Test func warnsOfAMissingAppendix() {
    let found = CrossReferenceRule().findings(
      in: Build.numbered([1]) + [Build.paragraph(2, "The dashboard is attached as Appendix 2.")])
    #expect(found.map(\.severity) == [.warning])
  }

  @Test func resolvesALinkToADashboardRow() {
    let blocks: [Block] = [
      .paragraph(
        Paragraph(
          number: 1,
          content: [
            .text("The number of referrals, "),
            .reference(Reference(target: "row-34", shown: "row 34")),
          ])),
      Build.table(Seeds.dashboard),
    ]
    #expect(CrossReferenceRule().findings(in: blocks) == [])
  }

  @Test func findsALinkToAMissingLabel() {
    let reference = Reference(target: "engagements", shown: "Table 1")
    let blocks: [Block] = [
      .paragraph(Paragraph(number: 1, content: [.text("See "), .reference(reference)]))
    ]
    let found = CrossReferenceRule().findings(in: blocks)
    #expect(found.map(\.stated) == ["engagements"])
  }
}
