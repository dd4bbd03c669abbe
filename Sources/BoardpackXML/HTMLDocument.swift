internal import CLibXML2
import Foundation

extension XMLDocument {
  /// Parses HTML that is not XML (LibreOffice's and Word's HTML exports, a council's web page) as
  /// a browser reads it: unclosed `<li>` and `<p>`, bare attributes and HTML's named characters
  /// are fine. No network and no DTD; element and attribute names come out in lower case, with
  /// no namespace. `limits` bound the work as for XML. Only a document libxml2 cannot make any tree of is an error.
  public convenience init(parsingHTML data: Data, name: String, limits: XMLLimits = XMLLimits())
    throws(XMLError)
  {
    XMLLibrary.prepare()
    try XMLPrescan.check(data, name: name, limits: limits)
    guard let context = htmlNewParserCtxt() else {
      throw XMLError(file: name, message: "cannot create an HTML parser")
    }
    defer { htmlFreeParserCtxt(context) }
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_COMPACT.rawValue)
    let parsed: htmlDocPtr? = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, raw.count > 0 else { return nil }
      return htmlCtxtReadMemory(
        context, base.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count), name, nil,
        options)
    }
    guard let parsed, xmlDocGetRootElement(parsed) != nil else {
      if let parsed { xmlFreeDoc(parsed) }
      throw XMLLibrary.error(
        from: xmlCtxtGetLastError(context), file: name, fallback: "no HTML document")
    }
    self.init(adopting: parsed)
  }
}
