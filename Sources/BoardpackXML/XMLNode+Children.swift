internal import CLibXML2

extension XMLNode {
  /// Whether this node is an element with local name `name`, compared without making a Swift string.
  public func isElement(named name: String) -> Bool {
    guard pointer.pointee.type == XML_ELEMENT_NODE, let own = pointer.pointee.name else {
      return false
    }
    return name.withXMLChars { xmlStrEqual(own, $0) != 0 }
  }

  /// The first child element with local name `name`, found without listing the children.
  public func firstElement(named name: String) -> XMLNode? {
    name.withXMLChars { wanted in
      var child = pointer.pointee.children
      while let node = child {
        if node.pointee.type == XML_ELEMENT_NODE, let own = node.pointee.name,
          xmlStrEqual(own, wanted) != 0
        {
          return XMLNode(document: document, pointer: node)
        }
        child = node.pointee.next
      }
      return nil
    }
  }

  /// Calls `body` with each child element in document order, without listing them first.
  public func forEachElement<Failure: Error>(_ body: (XMLNode) throws(Failure) -> Void)
    throws(Failure)
  {
    var child = pointer.pointee.children
    while let node = child {
      if node.pointee.type == XML_ELEMENT_NODE {
        try body(XMLNode(document: document, pointer: node))
      }
      child = node.pointee.next
    }
  }
}
