internal import CLibXML2

/// An element or text node of an `XMLDocument`; keeps its document alive.
public struct XMLNode: @unchecked Sendable {
  /// The document that owns this node.
  public let document: XMLDocument
  let pointer: xmlNodePtr

  init(document: XMLDocument, pointer: xmlNodePtr) {
    self.document = document
    self.pointer = pointer
  }

  /// True for an element, false for text, CDATA and everything else.
  public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

  /// True for a text or CDATA node.
  public var isText: Bool {
    pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE
  }

  /// The local name, without prefix ("p" for `text:p`).
  public var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

  /// The namespace URI, or nil when the node has none.
  public var namespace: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

  /// The line the node starts on in the parsed source.
  public var line: Int { Int(xmlGetLineNo(pointer)) }

  /// The value of an attribute, by local name and namespace URI (nil for no namespace).
  public func attribute(_ name: String, namespace: String? = nil) -> String? {
    let value = name.withXMLChars { name in
      guard let namespace else { return xmlGetNoNsProp(pointer, name) }
      return namespace.withXMLChars { xmlGetNsProp(pointer, name, $0) }
    }
    guard let value else { return nil }
    defer { clibxml2_free(value) }
    return String(cString: value)
  }

  /// The attributes as (namespace, local name, value).
  public var attributes: [(namespace: String?, name: String, value: String)] {
    var result: [(String?, String, String)] = []
    var attribute = pointer.pointee.properties
    while let current = attribute {
      let name = String(cString: current.pointee.name)
      let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
      if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
        result.append((namespace, name, String(cString: value)))
        clibxml2_free(value)
      }
      attribute = current.pointee.next
    }
    return result
  }

  /// The child nodes in document order.
  public var children: [XMLNode] { children { _ in true } }

  /// The child elements in document order.
  public var elements: [XMLNode] { children { $0.pointee.type == XML_ELEMENT_NODE } }

  private func children(where isIncluded: (xmlNodePtr) -> Bool) -> [XMLNode] {
    var result: [XMLNode] = []
    var child = pointer.pointee.children
    while let node = child {
      if isIncluded(node) { result.append(XMLNode(document: document, pointer: node)) }
      child = node.pointee.next
    }
    return result
  }

  /// The text of this node and all its descendants.
  public var text: String {
    // A text node's own content, read in place rather than through the copy xmlNodeGetContent makes.
    if isText { return pointer.pointee.content.map { String(cString: $0) } ?? "" }
    guard let content = xmlNodeGetContent(pointer) else { return "" }
    defer { clibxml2_free(content) }
    return String(cString: content)
  }
}
