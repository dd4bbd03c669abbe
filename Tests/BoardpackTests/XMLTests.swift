import BoardpackXML
import Foundation
import Testing

@Test func parsesWellFormedXML() throws {
  let document = try XMLDocument(parsing: Data("<a x='1'>hi<b/></a>".utf8), name: "t.xml")
  #expect(document.root?.name == "a")
  #expect(document.root?.attribute("x") == "1")
  #expect(document.root?.text == "hi")
}
