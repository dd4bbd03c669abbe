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

/// Where numbering starts: an excerpt may start anywhere, a whole paper should start at 1.
@Suite struct NumberingStartTests {
  static let titleBlock = Build.table([
    ["Report Date", "21st April 2026"], ["Report Author", "Lizzie Starr"],
  ])

  /// The findings on `blocks` read as the reports of a document.
  static func findings(_ blocks: [Block]) -> [Diagnostic] {
    Report.reports(in: Build.document(blocks, title: "")).flatMap { report in
      var findings = Findings(file: "paper.xhtml", report: report.title)
      NumberingRule().check(report, into: &findings)
      return findings.diagnostics
    }
  }

  @Test func isSilentOnAnExcerptThatStartsLate() {
    #expect(NumberingRule().findings(in: Build.numbered([3, 4, 5])) == [])
    #expect(NumberingRule().findings(in: Build.numbered([2, 3])) == [])
    let items = [
      Build.list(.letter, ["(b)", "(c)"]), Build.paragraph(nil, "Text."),
      Build.list(.roman, ["(iii)"]),
    ]
    #expect(NumberingRule().findings(in: items) == [])
  }

  @Test func findsAWholePaperThatStartsLate() {
    let atTwo = Self.findings([Self.titleBlock] + Build.numbered([2, 3]))
    #expect(atTwo.map(\.severity) == [.error])
    #expect(atTwo.map(\.message) == ["numbered paragraphs do not start at 1"])
    #expect(atTwo.map(\.stated) == ["2"])
    let atThree = Self.findings([Self.titleBlock] + Build.numbered([3, 4]))
    #expect(atThree.map(\.severity) == [.warning])
    let lettered = Self.findings([
      Self.titleBlock, Build.paragraph(1, "The Panel is asked to:"),
      Build.list(.letter, ["(b)", "(c)", "(e)"]),
    ])
    #expect(lettered.map(\.severity) == [.warning, .error])
    #expect(
      lettered.map(\.message) == [
        "lettered items do not start at (a)", "lettered items out of sequence",
      ])
    #expect(lettered.map(\.stated) == ["(b)", "(e)"])
    #expect(lettered.map(\.expected) == ["(a)", "(d)"])
  }
}
