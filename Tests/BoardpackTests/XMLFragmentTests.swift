import BoardpackXML
import Foundation
import Testing

@Suite struct XMLFragmentTests {
  @Test func fragmentIsCopiedVerbatimAfterAnOpenStartTag() throws {
    let part = XMLWriter.fragment()
    part.element("b", ["x": "1 & 2"], text: "<bold>")
    let fragment = part.finishFragment()
    #expect(!String(decoding: fragment.data, as: UTF8.self).hasPrefix("<?xml"))

    let xml = XMLWriter()
    xml.start("a")
    xml.attribute("y", "2")
    xml.copy(fragment)
    xml.copy(fragment)
    xml.end()
    let output = String(decoding: xml.finish(), as: UTF8.self)
    #expect(
      output.hasSuffix(
        #"<a y="2"><b x="1 &amp; 2">&lt;bold&gt;</b>"# + "\n" + #"<b x="1 &amp; 2">&lt;bold&gt;</b>"# + "\n</a>\n"))
    _ = try XMLDocument(parsing: Data(output.utf8), name: "copy.xml")
  }
}
