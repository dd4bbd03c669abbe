import Boardpack
import Foundation
import Testing

/// The Q4 report as Boardpack writes it, with a paragraph inserted above paragraph 1 as an author
/// would in LibreOffice: every paragraph number moves up by one.
private func q4WithAnInsertedParagraph() throws -> String {
  let document = try ExamplePaperTests.generate("pcc-update-2026-04-21-q4")
  let fodt = String(
    decoding: FODTWriter(reference: WritingFixtures.reference).render(document), as: UTF8.self)
  let firstItem = try #require(fodt.range(of: "<text:list-item>"))
  var edited = fodt
  edited.insert(
    contentsOf:
      #"<text:list-item><text:p text:style-name="BP_20_Numbered">An inserted paragraph.</text:p></text:list-item>"#,
    at: firstItem.lowerBound)
  return edited
}

/// Boardpack prints a reference's paragraph numbers as LibreOffice fields: after the insertion
/// LibreOffice prints the new numbers, the reader reads them, and the validator has nothing to say.
@Test func aReferenceWithNumberFieldsFollowsAnInsertedParagraph() throws {
  let edited = try q4WithAnInsertedParagraph()
  #expect(edited.contains(#"<text:bookmark-ref text:reference-format="number" text:ref-name="force-performance-board">69</text:bookmark-ref>"#))
  let printed = try LibreOffice.text(of: Data(edited.utf8), named: "edited.fodt")
  #expect(printed.contains("covered in paragraphs 70 to 80 of this report"))

  let read = try PaperFile.read(Data(edited.utf8), name: "edited.fodt", isODF: true)
  #expect(Validator().check(read, file: "edited.fodt").filter { $0.rule == .crossReference } == [])
}

/// A reference typed as text (as in a paper written elsewhere) stays as it was when the numbers
/// move, and the validator says so.
@Test func aTypedReferenceLeftBehindByAnInsertedParagraphIsReported() throws {
  let typed = try q4WithAnInsertedParagraph().replacingOccurrences(
    of: #"<text:bookmark-ref [^>]*>([0-9]+)</text:bookmark-ref>"#, with: "$1",
    options: .regularExpression)
  let read = try PaperFile.read(Data(typed.utf8), name: "edited.fodt", isODF: true)
  let findings = Validator().check(read, file: "edited.fodt").filter { $0.rule == .crossReference }
  #expect(findings.map(\.stated) == ["paragraphs 69 to 79"])
  #expect(findings.map(\.expected) == ["paragraph 70"])
  #expect(findings.first?.location.paragraph == "17")
  // Printed at the reference's line in the file, where it is to be corrected.
  #expect(findings.first?.source?.file == "edited.fodt" && findings.first?.source?.line != nil)
}

@Test func aRangeWithBothEndsKnownIsCheckedWhole() {
  func numbered(_ number: Int, _ label: Label?, _ content: [Inline]) -> Block {
    .paragraph(Paragraph(number: number, content: content, label: label))
  }
  let written = SourceLocation(file: "t.yaml", line: 12, column: 10)
  let stale = Reference(
    target: "first", through: "second", shown: "paragraphs 2 to 3", location: written)
  let document = Document(blocks: [
    .heading(Heading(level: 1, content: [.text("Purpose of Report")])),
    numbered(1, "first", [.text("One.")]), numbered(2, "second", [.text("Two.")]),
    numbered(3, nil, [.text("See "), .reference(stale), .text(".")]),
  ])
  let findings = Validator().check(document, file: "t.yaml").filter { $0.rule == .crossReference }
  #expect(findings.map(\.expected) == ["paragraphs 1 to 2"])
  // At the reference's line, where it is to be corrected.
  #expect(findings.map(\.source) == [written])
  #expect(
    findings.map(\.message) == [
      #"reference "paragraphs 2 to 3" is out of date: its targets are now paragraphs 1 to 2"#
    ])
}
