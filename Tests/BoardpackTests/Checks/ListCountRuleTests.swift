import Boardpack
import Testing

@Suite struct ListCountRuleTests {
  static let areas = ["Rural Crime;", "Road Safety;", "Business Crime;", "Neighbourhood Crime."]

  @Test func findsAListShorterThanItsLeadIn() {
    let lead = "Each round is aligned with the Plan. The six priority areas are:"
    let found = ListCountRuleTests.check([
      .paragraph(
        Paragraph(
          number: 31, content: [.text(lead)],
          children: [.list(List(style: .letter, items: Self.areas.map { ListItem(content: [.text($0)]) }))]))
    ])
    #expect(found.map(\.stated) == ["six"])
    #expect(found.map(\.expected) == ["4"])
    #expect(found.map(\.severity) == [.error])
    #expect(found.first?.location.paragraph == "31")
  }

  @Test func countsLooseParagraphsUpToTheNextNumberedOne() {
    let blocks =
      [Build.paragraph(32, "The first three rounds will open on the following dates:")]
      + ["Rural Crime: 1st September 2025;", "Road Safety: 17th November 2025;"].map {
        Build.paragraph(nil, $0)
      } + [Build.paragraph(33, "The fund closed on 17 October 2025.")]
    let found = ListCountRuleTests.check(blocks)
    #expect(found.map(\.expected) == ["2"])
    #expect(found.map(\.severity) == [.warning])
  }

  @Test(arguments: [
    "The four areas are:",
    "In the 14 months to date, the initiative has:",
    "The Panel is asked to:",
  ])
  func isSilentWhenTheCountIsRightOrNotACount(_ lead: String) {
    let list = List(style: .bullet, items: Self.areas.map { ListItem(content: [.text($0)]) })
    #expect(ListCountRuleTests.check([Build.paragraph(5, lead), .list(list)]) == [])
  }

  static func check(_ blocks: [Block]) -> [Diagnostic] {
    ListCountRule().findings(in: blocks)
  }
}
