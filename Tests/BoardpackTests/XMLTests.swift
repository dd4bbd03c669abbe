import BoardpackXML
import Foundation
import Testing

@Test func parsesWellFormedXML() throws {
  let document = try XMLDocument(parsing: Data("<a x='1'>hi<b/></a>".utf8), name: "t.xml")
  #expect(document.root?.name == "a")
  #expect(document.root?.attribute("x") == "1")
  #expect(document.root?.text == "hi")
}

@Test func streamsNodesWithTheirNamesAttributesAndText() throws {
  let reader = try XMLStreamReader(
    parsing: Data(#"<a xmlns:t="urn:t" t:x="1"><b/>hi<![CDATA[ & <c>]]></a>"#.utf8), name: "s.xml")
  var seen: [String] = []
  while try reader.read() {
    switch reader.kind {
    case .element:
      seen.append(
        "<\(reader.localName)\(reader.isEmptyElement ? "/" : "") \(reader.attribute("x", namespace: "urn:t") ?? "")>")
    case .endElement: seen.append("</\(reader.localName)>")
    case .text: seen.append(reader.value)
    case .other: break
    }
  }
  #expect(seen == ["<a 1>", "<b/ >", "hi", " & <c>", "</a>"])
}

@Test func streamingRefusesADocumentTypeAndBrokenXML() throws {
  let bomb = """
    <?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>
    """
  let reader = try XMLStreamReader(parsing: Data(bomb.utf8), name: "bomb.xml")
  #expect(
    throws: XMLError(
      file: "bomb.xml",
      message: "the document has a document type declaration; Boardpack does not read one")
  ) { while try reader.read() {} }
  let broken = try XMLStreamReader(parsing: Data("<a>\n<b></a>".utf8), name: "broken.xml")
  #expect(throws: XMLError(file: "broken.xml", line: 2, message: "not well-formed XML")) {
    while try broken.read() {}
  }
}
