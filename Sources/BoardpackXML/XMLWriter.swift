internal import CLibXML2
import Foundation

/// Streams XML through libxml2's text writer into memory; every name and value is escaped by
/// libxml2, and characters XML 1.0 forbids are replaced, so the output is always well-formed.
public final class XMLWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr

  /// Starts a document with an XML declaration.
  public convenience init() {
    self.init(capacity: 64 * 1024)
    xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
  }

  /// Starts a fragment: markup without an XML declaration, finished with `finishFragment()`.
  public static func fragment() -> XMLWriter { XMLWriter(capacity: 4 * 1024) }

  private init(capacity: Int) {
    XMLLibrary.prepare()
    buffer = xmlBufferCreateSize(capacity)
    writer = xmlNewTextWriterMemory(buffer, 0)
  }

  deinit {
    xmlFreeTextWriter(writer)
    xmlBufferFree(buffer)
  }

  /// Opens an element by qualified name, for example `text:p`.
  public func start(_ name: String) {
    xmlTextWriterStartElement(writer, name)
  }

  /// Writes an attribute on the element just opened.
  public func attribute(_ name: String, _ value: String) {
    xmlTextWriterWriteAttribute(writer, name, XMLWriter.clean(value))
  }

  /// Writes escaped character data.
  public func text(_ value: String) {
    xmlTextWriterWriteString(writer, XMLWriter.clean(value))
  }

  /// Closes the innermost open element.
  public func end() {
    xmlTextWriterEndElement(writer)
  }

  /// Writes `<name attributes…>text</name>`, or an empty element when there is no text.
  public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
    start(name)
    for (key, value) in attributes { attribute(key, value) }
    if let text { self.text(text) }
    end()
  }

  /// Copies markup that libxml2 itself serialised (for example a reference document's styles).
  public func copy(_ node: XMLNode) {
    let out = xmlBufferCreate()
    defer { xmlBufferFree(out) }
    xmlNodeDump(out, node.document.pointer, node.pointer, 0, 0)
    if let content = xmlBufferContent(out) {
      xmlTextWriterFlush(writer)
      xmlTextWriterWriteRawLen(writer, content, xmlBufferLength(out))
    }
  }

  /// Copies a fragment's bytes verbatim, closing the start tag just written if need be.
  public func copy(_ fragment: XMLFragment) {
    fragment.data.withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      xmlTextWriterWriteRawLen(writer, base.assumingMemoryBound(to: xmlChar.self), Int32(bytes.count))
    }
  }

  /// Closes every open element and returns the markup as a fragment for `copy(_:)`.
  public func finishFragment() -> XMLFragment {
    XMLFragment(data: finish())
  }

  /// Closes every open element and returns the bytes.
  public func finish() -> Data {
    xmlTextWriterEndDocument(writer)
    xmlTextWriterFlush(writer)
    guard let content = xmlBufferContent(buffer) else { return Data() }
    return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
  }

  /// Replaces characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
  static func clean(_ value: String) -> String {
    guard value.unicodeScalars.contains(where: { !isAllowed($0) }) else { return value }
    var scalars = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
    }
    return String(scalars)
  }

  /// Whether XML 1.0 allows the character in a document.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}

/// Well-formed markup serialised once by an `XMLWriter` and copied verbatim into many documents,
/// so that a part every document shares (a reference document's styles) is built only once.
public struct XMLFragment: Sendable, Equatable {
  /// The markup as UTF-8 bytes.
  public let data: Data
}
