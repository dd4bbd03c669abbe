import BoardpackXML
import Foundation

extension FODTWriter {
  /// The pack as one flat ODF document: the front sheet and agenda on the reference document's
  /// pages, then each paper from a new `BP Paper First` page, opened by its heading ("Agenda Item
  /// 10", a bookmark of the PDF) that the headers of its later pages repeat, with its own anchors
  /// and numbering. Page numbers run on through the pack; the agenda prints each paper's pages as
  /// fields that refer to bookmarks at its start and end.
  public func render(_ pack: Pack) -> Data {
    let xml = XMLWriter.fragment()
    let styles = FODTPaperStyles()
    xml.start("text:variable-decls")
    xml.element(
      "text:variable-decl",
      ["text:name": FODTBodyRendering.agendaItemVariable, "office:value-type": "string"])
    xml.end()
    xml.raw("\n")
    let front = FODTBodyRendering(
      pack.front, reference, in: .init(xml: xml, paperStyles: styles, prefix: "", isPaper: false))
    front.writeBody()
    var tables = front.tables
    var uses = front.usedStyles
    for paper in pack.papers {
      let rendering = FODTBodyRendering(
        paper.document, reference,
        in: .init(xml: xml, paperStyles: styles, prefix: "item\(paper.item.number)-", isPaper: true)
      )
      rendering.writePaperOpening(header: paper.header, start: paper.start.name)
      rendering.writeBody()
      rendering.writePaperEnd(paper.end.name)
      tables += rendering.tables
      uses.formUnion(rendering.usedStyles)
    }
    let body = xml.finishPieces()
    let frame = frame(pack.front.metadata, tables: tables, uses: uses, paperStyles: styles)
    return Data((frame.head + body + frame.tail).joined())
  }
}
