internal import CLibXML2
import Foundation

/// Streams XML through libxml2's text writer into memory; every name and value is escaped by
/// libxml2, and characters XML 1.0 forbids are replaced, so the output is always well-formed.
///
/// The output is kept as pieces: what this writer wrote, and the copied fragments' own bytes, so
/// that a large part every document shares (a reference document's styles) is never copied.
public final class XMLWriter {
  private let buffer: xmlBufferPtr
  private let writer: xmlTextWriterPtr
  /// The output before what is in `buffer`.
  private var pieces: [Data] = []

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
    name.withXMLChars { xmlTextWriterStartElement(writer, $0) }
  }

  /// Writes an attribute on the element just opened.
  public func attribute(_ name: String, _ value: String) {
    name.withXMLChars { name in
      XMLWriter.clean(value).withXMLChars { xmlTextWriterWriteAttribute(writer, name, $0) }
    }
  }

  /// Writes escaped character data.
  public func text(_ value: String) {
    XMLWriter.clean(value).withXMLChars { xmlTextWriterWriteString(writer, $0) }
  }

  /// Closes the innermost open element.
  public func end() {
    xmlTextWriterEndElement(writer)
  }

  /// Writes `<name attributes…>text</name>`, or an empty element when there is no text.
  public func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil
  ) {
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

  /// Writes markup that needs no escaping, such as a line break between elements.
  public func raw(_ markup: StaticString) {
    markup.withUTF8Buffer { bytes in
      _ = xmlTextWriterWriteRawLen(writer, bytes.baseAddress!, Int32(bytes.count))
    }
  }

  /// Adds a fragment's bytes verbatim, closing the start tag just written if need be.
  public func copy(_ fragment: XMLFragment) {
    cut()
    pieces += fragment.pieces
  }

  /// Closes every open element and returns the markup as a fragment for `copy(_:)`.
  public func finishFragment() -> XMLFragment {
    XMLFragment(pieces: finishPieces())
  }

  /// Closes every open element and returns the bytes.
  public func finish() -> Data {
    XMLFragment(pieces: finishPieces()).data
  }

  /// Takes the output so far, leaving the writer where it was, so that a long document can be
  /// written out as it grows.
  public func drain() -> [Data] {
    cut()
    defer { pieces = [] }
    return pieces
  }

  /// Closes every open element and returns the bytes in pieces, to be written one after another.
  public func finishPieces() -> [Data] {
    xmlTextWriterEndDocument(writer)
    cut()
    return pieces
  }

  /// Moves what libxml2 has written so far to `pieces`, first closing a start tag left open.
  private func cut() {
    var nothing: xmlChar = 0
    xmlTextWriterWriteRawLen(writer, &nothing, 0)
    xmlTextWriterFlush(writer)
    let count = Int(xmlBufferLength(buffer))
    guard count > 0, let content = xmlBufferContent(buffer) else { return }
    pieces.append(Data(bytes: content, count: count))
    xmlBufferEmpty(buffer)
  }

  /// Replaces characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
  static func clean(_ value: String) -> String {
    // Fast path on the UTF-8 bytes: a forbidden character is a C0 control other than tab, line
    // feed and carriage return, or U+FFFE/U+FFFF, whose encodings start with 0xEF (Swift strings
    // hold no lone surrogates). Only then are the scalars examined.
    let suspect = value.utf8.withContiguousStorageIfAvailable(maySuspect)
    guard suspect ?? true, value.unicodeScalars.contains(where: { !isAllowed($0) }) else {
      return value
    }
    var scalars = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
    }
    return String(scalars)
  }

  /// Whether `bytes` hold 0xEF or a C0 control other than tab, line feed and carriage return; eight
  /// bytes at a time, looking at single bytes only in a word that holds 0xEF or a byte below 0x20.
  private static func maySuspect(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let isSuspect = { (byte: UInt8) in
      byte == 0xEF || (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD)
    }
    let (ones, highs) = (UInt64(0x0101_0101_0101_0101), UInt64(0x8080_8080_8080_8080))
    var start = 0
    while start + 8 <= bytes.count {
      let word = UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)
      // Nonzero when some byte is below 0x20, or equal to 0xEF (the borrow tricks for "has less
      // than" and "has zero"; a false alarm only costs the look at single bytes).
      let flipped = word ^ (ones &* 0xEF)
      let below = (word &- ones &* 0x20) & ~word & highs
      let equal = (flipped &- ones) & ~flipped & highs
      if below | equal != 0, bytes[start..<start + 8].contains(where: isSuspect) { return true }
      start += 8
    }
    return bytes[start...].contains(where: isSuspect)
  }

  /// Whether XML 1.0 allows the character in a document.
  public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}

extension String {
  /// Calls `body` with the string as NUL-terminated UTF-8 in place, where passing the string to a
  /// C function directly would copy it into a new array on every call.
  func withXMLChars<Result>(_ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
  }
}

/// Well-formed markup serialised once by an `XMLWriter` and copied verbatim into many documents,
/// so that a part every document shares (a reference document's styles) is built only once.
public struct XMLFragment: Sendable, Equatable {
  /// The markup as UTF-8 bytes, in the pieces it was written in.
  public let pieces: [Data]

  /// The markup as UTF-8 bytes.
  public var data: Data { pieces.count == 1 ? pieces[0] : Data(pieces.joined()) }
}
