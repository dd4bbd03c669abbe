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
        Build.paragraph(nil, "The Chairman referred to paragraph 251.14 and paragraphs 232.4 to 232.5."),
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

  /// Sections "Pension Forfeiture" 1–3, "Holding the Force to Account" 4–8, "Prevention" 9–10,
  /// and a paragraph 11 that refers to paragraphs.
  static func sections(referringTo reference: String) -> [Block] {
    [Build.heading("Pension Forfeiture")] + Build.numbered([1, 2, 3])
      + [Build.heading("Holding the Force to Account")] + Build.numbered([4, 5, 6, 7, 8])
      + [Build.heading("Prevention")] + Build.numbered([9, 10])
      + [Build.paragraph(11, "This is covered in \(reference) of this report.")]
  }

  @Test func warnsOfARangeThatOverrunsASection() {
    let found = CrossReferenceRule().findings(in: Self.sections(referringTo: "paragraphs 3-9"))
    #expect(found.map(\.severity) == [.warning])
    #expect(found.map(\.expected) == ["paragraphs 4 to 8"])
    #expect(
      found.first?.message
        == #"paragraphs 3-9 takes in paragraph 3 ("Pension Forfeiture") and paragraph 9 ("Prevention") beside "Holding the Force to Account", which is paragraphs 4 to 8"#
    )
  }

  @Test(arguments: [
    "paragraphs 4 to 8", "paragraphs 1-8", "paragraphs 5 to 7", "paragraphs 3 and 9",
    "paragraphs 4 to 10",
  ])
  func isSilentOnRangesThatKeepToSections(_ reference: String) {
    #expect(CrossReferenceRule().findings(in: Self.sections(referringTo: reference)) == [])
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
