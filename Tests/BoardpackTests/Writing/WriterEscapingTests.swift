import Boardpack
import BoardpackXML
import Foundation
import Testing

@Suite struct WriterEscapingTests {
  static let nasty = "Fish & Chips <b>\"quoted\" 'single' ]]> bell\u{7}end"
  static let replaced = "Fish & Chips <b>\"quoted\" 'single' ]]> bell\u{FFFD}end"

  static let document = Document(
    metadata: Metadata(template: nasty, title: nasty, author: Author(name: nasty)),
    blocks: [
      .heading(Heading(level: 1, content: [.text(nasty)], label: Label(nasty))),
      .paragraph(
        Paragraph(
          number: 1, content: [.text(nasty), .link(url: "https://example.org/?a=1&b=<2>", content: [.text(nasty)])])),
      .table(
        Table(
          label: Label(nasty), caption: [.text(nasty)], columns: [Column(header: nasty, type: .text)],
          rows: [Row(cells: [Cell(value: .text(nasty), shown: nasty)])])),
      .figure(Figure(kind: .chart, altText: nasty, source: "a&b.png")),
    ])

  /// All text and attribute values of the output, as a parser reads them back.
  private func values(_ node: XMLNode) -> [String] {
    [node.text] + node.attributes.map(\.value) + node.elements.flatMap(values)
  }

  @Test func xhtmlEscapesAndReplaces() throws {
    let root = try #require(try XMLDocument(parsing: XHTMLWriter().render(Self.document), name: "nasty.xhtml").root)
    let all = values(root)
    #expect(all.contains { $0.contains(Self.replaced) })
    #expect(all.contains("https://example.org/?a=1&b=<2>"))
    #expect(!all.contains { $0.contains("\u{7}") })
  }

  @Test func fodtEscapesReplacesAndStaysValid() throws {
    let output = FODTWriter(reference: WritingFixtures.reference).render(Self.document)
    let root = try #require(try XMLDocument(parsing: output, name: "nasty.fodt").root)
    let all = values(root)
    #expect(all.contains { $0.contains(Self.replaced) })
    #expect(!all.contains { $0.contains("\u{7}") })
    #expect(try WritingFixtures.schemaErrors(in: output, name: "nasty.fodt") == [])
  }
}
