internal import CLibXML2
import Foundation

/// A parsed XML document; owns the libxml2 tree and frees it when the last reference goes.
public final class XMLDocument: @unchecked Sendable {
  let pointer: xmlDocPtr

  /// Parses untrusted bytes: no network, no DTD loading, no entity substitution, and any
  /// document that declares entities is refused, so no bomb or external entity is ever expanded.
  /// An element with more attributes than `limits` allows is refused before libxml2 sees it, and
  /// so is a document over 2 GiB (libxml2 takes the length as an `int`). The tree is read-only:
  /// short text is stored compactly (`XML_PARSE_COMPACT`), which libxml2 allows only for trees
  /// that are never modified.
  public init(parsing data: Data, name: String, limits: XMLLimits = XMLLimits()) throws(XMLError) {
    XMLLibrary.prepare()
    guard data.count <= Int(Int32.max) else {
      throw XMLError(
        file: name,
        message: "the document is \(data.count >> 20) MB; libxml2 reads documents of at most 2 GiB")
    }
    try XMLPrescan.check(data, name: name, limits: limits)
    guard let context = xmlNewParserCtxt() else {
      throw XMLError(file: name, message: "cannot create an XML parser")
    }
    defer { xmlFreeParserCtxt(context) }
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_COMPACT.rawValue)
    let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress, raw.count > 0 else { return nil }
      return xmlCtxtReadMemory(
        context, base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, options)
    }
    guard let document = parsed, context.pointee.wellFormed != 0 else {
      if let parsed { xmlFreeDoc(parsed) }
      throw XMLLibrary.error(from: xmlCtxtGetLastError(context), file: name, fallback: "not well-formed XML")
    }
    if let subset = document.pointee.intSubset, XMLLibrary.declaresEntities(subset) {
      xmlFreeDoc(document)
      throw XMLError(file: name, message: "the document declares entities; Boardpack does not expand them")
    }
    pointer = document
  }

  /// Reads and parses a file with the same safeguards as `init(parsing:name:)`.
  public convenience init(contentsOf path: String) throws(XMLError) {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw XMLError(file: path, message: "cannot read the file: \(error.localizedDescription)")
    }
    try self.init(parsing: data, name: path)
  }

  /// Takes ownership of a tree another parser (`init(parsingHTML:name:)`) built.
  init(adopting document: xmlDocPtr) { pointer = document }

  deinit { xmlFreeDoc(pointer) }

  /// The document element.
  public var root: XMLNode? {
    xmlDocGetRootElement(pointer).map { XMLNode(document: self, pointer: $0) }
  }
}

/// Process-wide libxml2 set-up, done once.
enum XMLLibrary {
  private static let initialised: Bool = {
    xmlInitParser()
    // Refuse every external entity or DTD, whatever a caller's options say.
    xmlSetExternalEntityLoader { _, _, _ in nil }
    return true
  }()

  static func prepare() { _ = initialised }

  static func error(from error: UnsafePointer<xmlError>?, file: String, fallback: String) -> XMLError {
    guard let error, let message = error.pointee.message else {
      return XMLError(file: file, message: fallback)
    }
    let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    let line = Int(error.pointee.line)
    let column = Int(error.pointee.int2)
    return XMLError(file: file, line: line > 0 ? line : nil, column: column > 0 ? column : nil, message: text)
  }

  static func declaresEntities(_ subset: UnsafeMutablePointer<_xmlDtd>) -> Bool {
    var child = subset.pointee.children
    while let node = child {
      if node.pointee.type == XML_ENTITY_DECL { return true }
      child = node.pointee.next
    }
    return false
  }
}
