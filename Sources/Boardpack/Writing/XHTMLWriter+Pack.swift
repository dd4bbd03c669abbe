import BoardpackXML
import Foundation

extension XHTMLWriter {
  /// The pack as one XHTML file: the front sheet and agenda, a contents list linking to each
  /// paper, then each paper in a section of its own (a new page in print) headed by its agenda
  /// item, its anchors prefixed so that no two papers share an id. The pack carries the whole
  /// stylesheet.
  public func render(_ pack: Pack) -> Data {
    let xml = XMLWriter.fragment()
    let front = XHTMLRendering(pack.front, into: xml)
    front.writeHead()
    let head = xml.drain()
    front.writeBody()
    if !pack.papers.isEmpty {
      xml.start("nav")
      xml.attribute("aria-labelledby", "bp-contents")
      xml.element("h2", ["id": "bp-contents"], text: "Contents")
      xml.start("ol")
      for paper in pack.papers {
        xml.start("li")
        xml.element(
          "a", ["href": "#" + paper.start.name], text: paper.header + ": " + paper.item.title)
        xml.end()
      }
      xml.end()
      xml.end()
      xml.raw("\n")
    }
    for paper in pack.papers {
      xml.start("section")
      xml.attribute("class", "bp-paper")
      xml.attribute("aria-labelledby", paper.start.name)
      xml.raw("\n")
      // The paper's anchor is on its agenda line, a paragraph, which readers take a label from.
      xml.element("p", ["class": "bp-agenda-item", "id": paper.start.name], text: paper.header)
      xml.raw("\n")
      XHTMLRendering(paper.document, into: xml, prefix: "item\(paper.item.number)-").writeBody()
      xml.end()
      xml.raw("\n")
    }
    return Data(
      (Frame.shared.opening + head + XHTMLStylesheet.complete.pieces + Frame.shared.middle
        + xml.drain() + Frame.shared.closing).joined())
  }
}
