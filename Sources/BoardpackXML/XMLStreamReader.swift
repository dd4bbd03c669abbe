internal import CLibXML2
import Foundation

/// Reads untrusted XML one node at a time (libxml2's `xmlTextReader`), so that a large part (a
/// spreadsheet's sheet) costs memory for the node being read, not for a tree of the whole part.
///
/// The safeguards are `XMLDocument`'s: no network, no DTD loading, no entity substitution, and a
/// document with a document type declaration (where entities are declared) is refused; a document
/// over 2 GiB is refused before it is read.
public final class XMLStreamReader {
  /// What the reader is on.
  public enum Kind: Equatable, Sendable {
    /// A start tag (`isEmptyElement` when it is also its end).
    case element
    /// An end tag.
    case endElement
    /// Text or CDATA, whitespace included.
    case text
    /// Anything else: comments, processing instructions.
    case other
  }

  private let reader: xmlTextReaderPtr
  private let buffer: UnsafeMutableRawBufferPointer
  private let name: String

  public init(parsing data: Data, name: String) throws(XMLError) {
    XMLLibrary.prepare()
    guard data.count <= Int(Int32.max) else {
      throw XMLError(
        file: name,
        message: "the document is \(data.count >> 20) MB; libxml2 reads documents of at most 2 GiB")
    }
    // The reader reads from the buffer as it goes, so it owns a copy that outlives every call.
    buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
    data.copyBytes(to: buffer)
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    guard
      let reader = xmlReaderForMemory(
        buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count), name, nil,
        options)
    else {
      buffer.deallocate()
      throw XMLError(file: name, message: "cannot create an XML reader")
    }
    self.reader = reader
    self.name = name
  }

  deinit {
    xmlFreeTextReader(reader)
    buffer.deallocate()
  }

  /// Moves to the next node; false at the end of the document. Throws for XML that is not
  /// well-formed and for a document type declaration.
  public func read() throws(XMLError) -> Bool {
    switch xmlTextReaderRead(reader) {
    case 1:
      if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
        throw XMLError(
          file: name,
          message: "the document has a document type declaration; Boardpack does not read one")
      }
      return true
    case 0: return false
    default:
      let line = Int(xmlTextReaderGetParserLineNumber(reader))
      throw XMLError(file: name, line: line > 0 ? line : nil, message: "not well-formed XML")
    }
  }

  public var kind: Kind {
    switch UInt32(xmlTextReaderNodeType(reader)) {
    case XML_READER_TYPE_ELEMENT.rawValue: .element
    case XML_READER_TYPE_END_ELEMENT.rawValue: .endElement
    case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
      XML_READER_TYPE_WHITESPACE.rawValue, XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue:
      .text
    default: .other
    }
  }

  /// The node's local name, without prefix.
  public var localName: String {
    xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
  }

  /// Whether the node's local name is `name`, compared without making a Swift string.
  public func isNamed(_ name: String) -> Bool {
    guard let own = xmlTextReaderConstLocalName(reader) else { return false }
    return name.withXMLChars { xmlStrEqual(own, $0) != 0 }
  }

  /// Whether the element is written `<name/>`, so that no end tag follows.
  public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

  /// The text of a text node.
  public var value: String {
    xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
  }

  /// The value of an attribute of the element, by local name and namespace URI (nil for none).
  public func attribute(_ name: String, namespace: String? = nil) -> String? {
    let value = name.withXMLChars { name in
      guard let namespace else { return xmlTextReaderGetAttribute(reader, name) }
      return namespace.withXMLChars { xmlTextReaderGetAttributeNs(reader, name, $0) }
    }
    guard let value else { return nil }
    defer { clibxml2_free(value) }
    return String(cString: value)
  }
}
