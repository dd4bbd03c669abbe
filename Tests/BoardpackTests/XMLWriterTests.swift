import BoardpackXML
import Foundation
import Testing

/// The bytes libxml2's text writer writes for awkward values (snapshots depend on them).
@Suite struct XMLWriterTests {
  /// A document declares UTF-8, so its attributes keep non-ASCII characters; a fragment's do not.
  @Test(arguments: [false, true])
  func escapesTextAndAttributesAsLibxml2Did(fragment: Bool) throws {
    let xml = fragment ? XMLWriter.fragment() : XMLWriter()
    xml.start("a")
    xml.attribute("x", "é\t\n\r\"<&>'😀")
    xml.text("<&>\"\r\n\t'é\u{1}")
    xml.element("b")
    xml.element("c", text: "")
    xml.start("d")
    xml.text("t")
    xml.attribute("ignored", "after content")
    xml.end()
    let output = String(decoding: xml.finish(), as: UTF8.self)
    // As libxml2 2.9.14's xmlTextWriter wrote it.
    let attribute =
      fragment
      ? "&#xE9;&#9;&#10;&#13;&quot;&lt;&amp;&gt;'&#x1F600;" : "é&#9;&#10;&#13;&quot;&lt;&amp;&gt;'😀"
    #expect(
      output == (fragment ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        + "<a x=\"\(attribute)\">&lt;&amp;&gt;&quot;&#13;\n\t'é\u{FFFD}<b/><c></c><d>t</d></a>\n")
    _ = try XMLDocument(parsing: Data(output.utf8), name: "escapes.xml")
  }

  @Test func drainsAsItGoesWithoutChangingTheBytes() {
    let whole = XMLWriter.fragment()
    let drained = XMLWriter.fragment()
    var pieces: [Data] = []
    for writer in [whole, drained] {
      writer.start("p")
      writer.attribute("class", "x")
      if writer === drained { pieces += writer.drain() }
      writer.text("one & two")
    }
    pieces += drained.finishPieces()
    #expect(Data(pieces.joined()) == whole.finish())
  }
}
