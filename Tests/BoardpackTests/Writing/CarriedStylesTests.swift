import BoardpackXML
import Foundation
import Testing

@testable import Boardpack

/// A paper carries the styles it uses, everything they depend on, and nothing else.
@Suite struct CarriedStylesTests {
  /// ODF's attributes that name a definition, with the kind of definition they name ("family" is
  /// the family of the style that holds the attribute).
  static let references: [String: String] = [
    "parent-style-name": "family", "next-style-name": "paragraph", "list-style-name": "list",
    "master-page-name": "master-page", "page-layout-name": "page-layout", "font-name": "font-face",
  ]

  /// Every definition in an FODT file, as "kind name", and every definition referred to.
  static func definitionsAndReferences(in data: Data) throws -> (
    defined: Set<String>, referred: Set<String>
  ) {
    let root = try #require(try XMLDocument(parsing: data, name: "paper.fodt").root)
    var defined = Set<String>()
    var referred = Set<String>()
    func visit(_ node: XMLNode, family: String?) {
      let name = node.attribute("name", namespace: ODF.style)
      var family = family
      switch node.name {
      case "style":
        family = node.attribute("family", namespace: ODF.style)
        if let name, let family { defined.insert(family + " " + name) }
      case "list-style": if let name { defined.insert("list " + name) }
      case "page-layout": if let name { defined.insert("page-layout " + name) }
      case "master-page": if let name { defined.insert("master-page " + name) }
      case "font-face": if let name { defined.insert("font-face " + name) }
      default: break
      }
      for attribute in node.attributes where !attribute.value.isEmpty {
        if attribute.namespace == ODF.style, let kind = references[attribute.name] {
          referred.insert((kind == "family" ? family ?? "?" : kind) + " " + attribute.value)
        }
        if attribute.name == "style-name" && attribute.namespace == ODF.text {
          let kind = ["p": "paragraph", "h": "paragraph", "list": "list"][node.name] ?? "text"
          referred.insert(kind + " " + attribute.value)
        }
        if attribute.name == "style-name"
          && attribute.namespace == "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
        {
          referred.insert(
            ["table": "table", "table-column": "table-column", "table-row": "table-row"][node.name]
              .map {
                $0 + " " + attribute.value
              } ?? "table-cell " + attribute.value)
        }
        if attribute.name == "style-name" && attribute.namespace == ODF.draw {
          referred.insert("graphic " + attribute.value)
        }
      }
      for child in node.elements { visit(child, family: family) }
    }
    visit(root, family: nil)
    return (defined, referred)
  }

  @Test(arguments: ["everything", "letter", "long-report"])
  func everyStyleReferredToIsDefinedAndEveryOneDefinedIsUsed(_ name: String) throws {
    let document =
      switch name {
      case "everything": WritingFixtures.everything
      case "letter": WritingFixtures.letter
      default: WritingFixtures.longReport
      }
    let output = FODTWriter(reference: WritingFixtures.reference).render(document)
    let (defined, referred) = try Self.definitionsAndReferences(in: output)
    #expect(referred.subtracting(defined).sorted() == [])
    // The default master page is used without being named.
    #expect(defined.subtracting(referred).subtracting(["master-page Standard"]).sorted() == [])
  }

  @Test func aLetterCarriesOnlyItsStylesAndIsSmall() throws {
    let output = FODTWriter(reference: WritingFixtures.reference).render(WritingFixtures.letter)
    let text = String(decoding: output, as: UTF8.self)
    #expect(!text.contains("BP_20_Numbering"))
    #expect(!text.contains("BP_20_Landscape"))
    #expect(!text.contains("Heading_20_4"))
    #expect(!text.contains("xmlns:math"))
    #expect(
      text.contains(#"<style:master-page style:name="Standard" style:page-layout-name="bp-page">"#))
    #expect(text.contains(#"<style:font-face style:name="Arial""#))
    #expect(output.count <= 8 * 1024)
  }

  /// The element names, classes and `data-bp-appendix` attributes in an XHTML paper's body.
  static func stylable(in data: Data) throws -> Set<String> {
    let root = try #require(try XMLDocument(parsing: data, name: "paper.xhtml").root)
    var found = Set<String>()
    func visit(_ node: XMLNode) {
      found.insert(node.name)
      for name in (node.attribute("class") ?? "").split(separator: " ") { found.insert("." + name) }
      if node.attribute("data-bp-appendix") != nil { found.insert("[data-bp-appendix]") }
      for child in node.elements { visit(child) }
    }
    visit(root)
    return found
  }

  @Test(arguments: ["everything", "letter", "long-report"])
  func anXHTMLPaperHasTheRulesForWhatItHoldsAndNoOthers(_ name: String) throws {
    let document =
      switch name {
      case "everything": WritingFixtures.everything
      case "letter": WritingFixtures.letter
      default: WritingFixtures.longReport
      }
    let output = XHTMLWriter().render(document)
    let text = String(decoding: output, as: UTF8.self)
    let held = try Self.stylable(in: output)
    for rule in XHTMLStylesheet.screen + XHTMLStylesheet.print {
      let applies = rule.styles.isEmpty || rule.styles.contains(where: held.contains)
      let firstLine = String(rule.css.prefix { $0 != "\n" })
      #expect(text.contains(firstLine) == applies, "\(firstLine)")
    }
  }
}
