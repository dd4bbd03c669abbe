import Boardpack
import BoardpackXML
import Foundation
import Testing

@Suite struct XHTMLWriterTests {
  let output = XHTMLWriter().render(WritingFixtures.everything)

  /// Every element of the output, depth first.
  private func elements(_ root: XMLNode?) -> [XMLNode] {
    guard let root else { return [] }
    return [root] + root.elements.flatMap(elements)
  }

  @Test func isWellFormedAndMatchesItsSnapshot() throws {
    _ = try XMLDocument(parsing: output, name: "everything.xhtml")
    try Snapshot.expect(output, matches: "everything.xhtml")
  }

  @Test func isAccessible() throws {
    let document = try XMLDocument(parsing: output, name: "everything.xhtml")
    let root = try #require(document.root)
    #expect(root.attribute("lang") == "en-GB")
    #expect(root.attribute("lang", namespace: "http://www.w3.org/XML/1998/namespace") == "en-GB")
    let all = elements(root)
    #expect(all.first { $0.name == "title" }?.text == "Commissioner's Update Report (Q4)")
    for table in all where table.name == "table" && table.attribute("class") == "bp-table" {
      #expect(table.elements.first?.name == "caption")
    }
    for header in all where header.name == "th" {
      #expect(["col", "row"].contains(header.attribute("scope")))
    }
    let image = try #require(all.first { $0.name == "img" })
    #expect(image.attribute("alt") == "The Commissioner at a community day")
    let placeholder = try #require(all.first { $0.attribute("role") == "img" })
    #expect(placeholder.attribute("aria-label") == "Map of LLR showing community day engagements as stars")
  }

  @Test func idsAreUniqueAndEveryReferenceFindsOne() throws {
    let all = elements(try XMLDocument(parsing: output, name: "everything.xhtml").root)
    let ids = all.compactMap { $0.attribute("id") }
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) })
    let references = all.filter { $0.attribute("class") == "bp-ref" }
    #expect(references.count == 4)
    for reference in references {
      let target = String(try #require(reference.attribute("href")).dropFirst())
      #expect(ids.contains(target), "\(target)")
    }
  }

  @Test func marksNumbersFiguresAndRelations() throws {
    let all = elements(try XMLDocument(parsing: output, name: "everything.xhtml").root)
    let paragraphs = all.filter { $0.attribute("class") == "bp-para" }
    #expect(paragraphs.map { $0.attribute("data-bp-number") } == ["1", "2", "3", "4", "5", "6"])
    #expect(paragraphs.map { $0.attribute("id") } == ["p1", "request", "p3", "p4", "p5", "p6"])
    let table = try #require(all.first { $0.attribute("id") == "allocations" })
    #expect(
      table.attribute("data-bp-relations")
        == #"[{"totalRow":{}},{"difference":{"column":3,"minuend":1,"subtrahend":2}}]"#)
    let values = all.compactMap { $0.attribute("data-bp-value") }
    #expect(values.dropFirst().prefix(4) == ["271818.47", "236492.47", "35326", "89530.24"])
    #expect(values.dropFirst(10).prefix(6) == ["1234", "87", "2.1", "1.25", "0", "0"])
    #expect(
      all.first { $0.name == "tfoot" }?.text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("Total") == true)
    #expect(
      all.filter { $0.name == "meta" }.contains {
        $0.attribute("name") == "bp:report-date" && $0.attribute("content") == "2026-04-21"
      })
    #expect(
      all.contains {
        $0.attribute("class") == "bp-title-block"
          && $0.text.contains("Lizzie Starr, Director of Governance and Performance")
      })
    #expect(all.contains { $0.name == "h2" && $0.attribute("data-bp-appendix") == "1" })
  }

  /// The stylesheet must read the same to an HTML parser, which does not unescape `<style>`.
  @Test func stylesheetNeedsNoEscaping() throws {
    let text = String(decoding: output, as: UTF8.self)
    let start = try #require(text.range(of: "<style>"))
    let end = try #require(text.range(of: "</style>"))
    let stylesheet = text[start.upperBound..<end.lowerBound]
    #expect(!stylesheet.contains("&"))
    #expect(stylesheet.contains("@media print"))
  }
}
