import Boardpack
import Testing

@Suite struct NumberingRuleTests {
  @Test func findsTheMissingParagraphNine() {
    let found = NumberingRule().findings(in: Build.numbered([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]))
    #expect(found.count == 1)
    #expect(found.first?.location.paragraph == "10")
    #expect(found.first?.stated == "10")
    #expect(found.first?.expected == "9")
  }

  @Test func findsARepeatedNumber() {
    let found = NumberingRule().findings(in: Build.numbered([1, 2, 3, 4, 4, 5]))
    #expect(found.map(\.stated) == ["4"])
    #expect(found.map(\.expected) == ["5"])
  }

  @Test func acceptsMinutesThatContinueTheirOwnSequence() {
    #expect(NumberingRule().findings(in: Build.numbered(Array(64...77))) == [])
  }

  @Test func acceptsLettersSplitByAPageBreak() {
    let blocks = [
      Build.paragraph(6, "These were in the following locations;"),
      Build.list(.letter, ["a.", "b.", "c."]), Build.list(.letter, ["d.", "e."]),
    ]
    #expect(NumberingRule().findings(in: blocks) == [])
  }

  @Test func findsASkippedLetterAndRoman() {
    let blocks = [
      Build.paragraph(1, "Questions;"), Build.list(.letter, ["a.", "c."]),
      Build.paragraph(2, "Also;"),
      Build.list(.roman, ["(i)", "(ii)", "(iv)"]),
    ]
    let found = NumberingRule().findings(in: blocks)
    #expect(found.map(\.stated) == ["c.", "(iv)"])
    #expect(found.map(\.expected) == ["b.", "(iii)"])
    #expect(found.map(\.location.paragraph) == ["1", "2"])
  }

  @Test func readsRomanMarkersInALetterList() {
    #expect(NumberingRule().findings(in: [Build.list(.letter, ["(i)", "(ii)", "(iii)"])]) == [])
  }
}
