import Boardpack
import BoardpackXML
import Foundation
import Testing

/// Minutes: numbers that run on from the last meeting's (`p:` with `number:`), lists of names, and
/// the example minutes of the June 2026 pack.
@Suite struct MinutesTests {
  let fixture = GeneratorFixture()

  static let minutes = GeneratorFixture.inputHead + """
      summary:
        - names: [Cllr. Liz Blackshaw, Cllr Sharon Butcher, Mr. D. Harrison CC]
        - p: "**Minutes of the previous meeting.**"
          number: 64
        - text: The minutes of the meeting held on 1 December 2025 were taken as read.
        - "**Public Question Time.**"
        - text: "RESOLVED:"
        - letters: [That the report be noted., That the PCC be requested to report back.]
        - "**Date of next meeting.**"

    """

  private func numbers(_ blocks: [Block]) -> [Int] {
    blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph.number } else { nil } }
  }

  @Test func minuteNumbersRunOnFromTheNumberGiven() throws {
    let document = try fixture.generate(Self.minutes)
    // The skeleton's own numbered paragraph is 1; the minutes run on from 64.
    #expect(numbers(document.blocks) == [1, 64, 65, 66])
    #expect(Validator().check(document, file: "minutes.yaml") == [])

    let rendered = FODTWriter(reference: WritingFixtures.reference).render(document)
    #expect(try WritingFixtures.schemaErrors(in: rendered, name: "minutes.fodt") == [])
    let fodt = String(decoding: rendered, as: UTF8.self)
    #expect(fodt.contains(#"<text:list-item text:start-value="64">"#))
    #expect(!fodt.contains(#"text:start-value="65""#))
    #expect(fodt.contains(#"style:family="section""#) && fodt.contains(#"fo:column-count="2""#))

    let written = XHTMLWriter().render(document)
    #expect(String(decoding: written, as: UTF8.self).contains(#"<span class="bp-number">64.</span>"#))
    let read = try PaperFile.read(written, name: "minutes.xhtml", isODF: false)
    #expect(numbers(read.blocks) == [1, 64, 65, 66])
    #expect(Validator().check(read, file: "minutes.xhtml") == [])
    let names = read.blocks.compactMap { block -> List? in
      if case .list(let list) = block, list.style == .names { list } else { nil }
    }
    #expect(names.map { $0.items.map { $0.content.plainText } } == [["Cllr. Liz Blackshaw", "Cllr Sharon Butcher", "Mr. D. Harrison CC"]])
  }

  @Test func aMinuteNumberIsAWholeNumber() throws {
    let input = GeneratorFixture.inputHead + """
        summary:
          - p: A minute.
            number: sixty-four

      """
    #expect(throws: fixture.error("number must be a whole number from 1 to 99999", line: 10, column: 15, in: input)) {
      try fixture.generate(input)
    }
  }

  /// A resolution's clauses print "(a)", "(b)" (the seed's minutes), and every format Boardpack
  /// reads gives them back as clauses: its own XHTML and FODT, and the Word file LibreOffice makes.
  @Test func aResolutionsClausesPrintAsClausesAndReadBackSo() throws {
    let document = try fixture.generate(
      GeneratorFixture.inputHead + """
        summary:
          - text: "RESOLVED:"
          - clauses: [That the report be noted., That the PCC be requested to report back.]

      """)
    let clauses = { (document: Document) in
      document.blocks.compactMap { block -> [String]? in
        guard case .list(let list) = block, list.style == .clause else { return nil }
        return list.items.map(\.content.plainText)
      }
    }
    let expected = [["That the report be noted.", "That the PCC be requested to report back."]]
    #expect(clauses(document) == expected)
    // Under the "RESOLVED:" paragraph, as items: are under theirs, they print the same.
    let nested = try fixture.generate(
      GeneratorFixture.inputHead + """
        summary:
          - text: "RESOLVED:"
            clauses: [That the report be noted., That the PCC be requested to report back.]

      """)
    let resolved = nested.blocks.compactMap { block -> Paragraph? in
      if case .paragraph(let paragraph) = block, paragraph.content.plainText == "RESOLVED:" { paragraph } else { nil }
    }
    try #require(resolved.count == 1)
    #expect(clauses(Document(metadata: nested.metadata, blocks: resolved[0].children)) == expected)
    #expect(FODTWriter(reference: WritingFixtures.reference).render(nested) == FODTWriter(reference: WritingFixtures.reference).render(document))
    let fodt = FODTWriter(reference: WritingFixtures.reference).render(document)
    #expect(try WritingFixtures.schemaErrors(in: fodt, name: "clauses.fodt") == [])
    let printed = try LibreOffice.text(of: fodt, named: "clauses.fodt")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(printed.contains("(a) That the report be noted. (b) That the PCC be requested"))
    let xhtml = XHTMLWriter().render(document)
    let docx = try LibreOffice.convert(fodt, named: "clauses.fodt", to: "docx")
    for (data, name, isODF) in [(xhtml, "clauses.xhtml", false), (fodt, "clauses.fodt", true)] {
      #expect(clauses(try PaperFile.read(data, name: name, isODF: isODF)) == expected, "\(name)")
    }
    let folder = TemporaryDirectory()
    #expect(clauses(try PaperFile.read(path: folder.write("clauses.docx", docx))) == expected)
  }

  @Test func theExampleMinutesNumberOnAcrossMeetings() throws {
    let generator = Generator(
      templates: TemplateLibrary(directory: Snapshot.packageRoot.appendingPathComponent("Templates").path))
    var last: Int?
    for name in ["minutes-2026-02-04", "minutes-2026-02-12"] {
      let document = try generator.document(
        forInputAt: Snapshot.packageRoot.appendingPathComponent("Inputs/\(name).yaml").path)
      let minutes = numbers(document.blocks)
      #expect(minutes.first == last.map { $0 + 1 } ?? 64, "\(name)")
      #expect(minutes == Array(minutes[0]...minutes[minutes.count - 1]), "\(name)")
      #expect(Validator().check(document, file: name) == [])
      last = minutes.last
    }
    #expect(last == 77)
  }
}
