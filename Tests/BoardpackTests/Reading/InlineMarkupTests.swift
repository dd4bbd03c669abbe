import Boardpack
import Testing

@Suite struct InlineMarkupTests {
  let here = SourceLocation(file: "in.yaml", line: 3, column: 5)

  @Test func readsEmphasisLinksAndReferences() throws {
    #expect(
      try InlineMarkup.parse(
        "A **bold *and italic*** [site](https://example.org/a) {ref:x} {ref:a..b}", at: here) == [
          .text("A "), .strong([.text("bold "), .emphasis([.text("and italic")])]), .text(" "),
          .link(url: "https://example.org/a", content: [.text("site")]), .text(" "),
          .reference(Reference(target: "x", location: here)), .text(" "),
          .reference(Reference(target: "a", through: "b", location: here)),
        ])
  }

  @Test func readsBareLinksWithoutTrailingPunctuation() throws {
    #expect(
      try InlineMarkup.parse("See https://www.leics.pcc.police.uk/Home.aspx.", at: here) == [
        .text("See "),
        .link(
          url: "https://www.leics.pcc.police.uk/Home.aspx",
          content: [.text("https://www.leics.pcc.police.uk/Home.aspx")]),
        .text("."),
      ])
  }

  @Test func keepsEscapesLoneAsterisksAndPlainBracesAsText() throws {
    #expect(
      try InlineMarkup.parse(#"\*not\* \{ref:x} \[no link] 5 * 3 {other} Total* a]"#, at: here) == [
        .text("*not* {ref:x} [no link] 5 * 3 {other} Total* a]")
      ])
  }

  @Test func rejectsAReferenceWithoutItsBrace() {
    #expect(throws: BoardpackError("\"{ref:\" has no closing \"}\"", at: here)) {
      try InlineMarkup.parse("see {ref:x", at: here)
    }
  }
}

@Test func aURLAsLinkTextIsTextNotASecondLink() throws {
  let url = "https://example.org/a#b"
  let inlines = try InlineMarkup.parse("see [\(url)](\(url)).", at: SourceLocation(file: "t.yaml", line: 1))
  #expect(inlines == [.text("see "), .link(url: url, content: [.text(url)]), .text(".")])
}
