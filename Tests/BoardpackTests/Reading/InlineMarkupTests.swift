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
  let inlines = try InlineMarkup.parse(
    "see [\(url)](\(url)).", at: SourceLocation(file: "t.yaml", line: 1))
  #expect(inlines == [.text("see "), .link(url: url, content: [.text(url)]), .text(".")])
}

/// What the parser cannot close or does not know is an error at the character that starts it.
@Suite struct InlineMarkupErrorTests {
  let here = SourceLocation(file: "in.yaml", line: 3, column: 5)

  static let unclosedBold =
    #""**" is not closed; bold text is written **like this** (\* for an asterisk)"#
  static let unclosedItalic =
    #""*" is not closed; italic text is written *like this* (\* for an asterisk)"#
  static let noLink =
    #""[" starts no link; a link is written [text](https://…) (\[ for a bracket)"#

  @Test(arguments: [
    ("**bold then *italic* words", unclosedBold),
    ("an *unclosed italic", unclosedItalic),
    ("a **bold *and italic** mix*", unclosedBold),
    ("[text(https://example.org)", noLink),
    ("[text] and more", noLink),
    (
      "[a [b](https://example.org)](https://example.org)",
      #"a link cannot hold another "[" (\[ for a bracket)"#
    ),
    ("[text](https://example.org/a(b", #"the link's address has no closing ")""#),
    ("see {Ref:x}", #""{Ref:" is written in lower case: {ref:label}"#),
    ("see {REF:x}", #""{REF:" is written in lower case: {ref:label}"#),
    (
      "see {link:x}",
      #"unknown markup "{link:"; the one brace markup is {ref:label} (\{ for a brace)"#
    ),
    (
      "by {meta:title}",
      #"{meta:…} works only in a skeleton's own text; write the text itself here (\{ for a brace)"#
    ),
    (
      "see paragraph {ref:x}",
      #""paragraph {ref:…}" prints "paragraph" twice: a reference prints its own word ("paragraph 12", "Table 2"); leave out "paragraph""#
    ),
    (
      "as Table {ref:t} shows",
      #""Table {ref:…}" prints "Table" twice: a reference prints its own word ("paragraph 12", "Table 2"); leave out "Table""#
    ),
  ])
  func reportsMarkupItCannotCloseOrDoesNotKnow(text: String, message: String) {
    #expect(throws: BoardpackError(message, at: here)) { try InlineMarkup.parse(text, at: here) }
  }

  @Test func readsNestedAndAdjacentMarkup() throws {
    #expect(
      try InlineMarkup.parse("***both*** and *a **b** c* and [**x**](https://e.org/(y))", at: here)
        == [
          .strong([.emphasis([.text("both")])]), .text(" and "),
          .emphasis([.text("a "), .strong([.text("b")]), .text(" c")]), .text(" and "),
          .link(url: "https://e.org/(y)", content: [.strong([.text("x")])]),
        ])
  }

  /// One pass over the text: deep nesting neither takes exponential time nor uses the call stack.
  @Test(arguments: [
    String(repeating: "[", count: 10_000) + "x",
    String(repeating: "[", count: 10_000) + "x" + String(repeating: "](u)", count: 10_000),
    String(repeating: "*a ", count: 10_000),
    String(repeating: "*a **b ", count: 5_000),
    String(repeating: "{ref:", count: 10_000),
  ])
  func deepNestingIsQuick(text: String) {
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = try? InlineMarkup.parse(text, at: here) }
    #expect(elapsed < .seconds(10))
  }
}
