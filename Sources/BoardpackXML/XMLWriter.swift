internal import CLibXML2
import Foundation

/// Streams XML into memory; every name and value is escaped, and characters XML 1.0 forbids are
/// replaced, so the output is always well-formed.
///
/// The bytes are those libxml2's `xmlTextWriter` writes (no indentation; in text `<`, `>`, `&`,
/// `"` and CR escaped; in attributes also tab and line breaks, and in a fragment, which declares no
/// encoding, every non-ASCII character as a hexadecimal reference; an element with no content
/// closed as `<name/>`; a line break at the end),
/// produced in Swift because the C writer's calls, copies and allocations cost more than the
/// writing. The output is kept as pieces: what this writer wrote, and the copied fragments' own
/// bytes, so that a large part every document shares (a reference document's styles) is never
/// copied.
public final class XMLWriter {
  /// The output since the last piece was cut, and where the writer is; held by pointer, since each
  /// access to a class's stored property is checked for exclusivity at run time, a cost the writer
  /// would pay on every call.
  private let markup: UnsafeMutablePointer<Markup>
  /// The output before `markup`'s bytes.
  private var pieces: [Data] = []

  /// Starts a document with an XML declaration.
  public convenience init() {
    self.init(capacity: 16 * 1024, isFragment: false)
    markup.pointee.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
  }

  /// Starts a fragment: markup without an XML declaration, finished with `finishFragment()`.
  public static func fragment() -> XMLWriter { XMLWriter(capacity: 4 * 1024, isFragment: true) }

  private init(capacity: Int, isFragment: Bool) {
    markup = .allocate(capacity: 1)
    markup.initialize(to: Markup(referencesNonASCII: isFragment))
    markup.pointee.bytes.reserveCapacity(capacity)
  }

  deinit {
    markup.deinitialize(count: 1)
    markup.deallocate()
  }

  /// Opens an element by qualified name, for example `text:p`.
  public func start(_ name: String) {
    markup.pointee.start(name)
  }

  /// Writes an attribute on the element just opened (and nothing once it has content).
  public func attribute(_ name: String, _ value: String) {
    markup.pointee.attribute(name, value)
  }

  /// Writes escaped character data (outside any element, as it is).
  public func text(_ value: String) {
    markup.pointee.text(value)
  }

  /// Closes the innermost open element.
  public func end() {
    markup.pointee.end()
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
    guard let content = xmlBufferContent(out) else { return }
    markup.pointee.raw(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(out))))
  }

  /// Writes markup that needs no escaping, such as a line break between elements.
  public func raw(_ text: StaticString) {
    text.withUTF8Buffer { markup.pointee.raw($0) }
  }

  /// Adds a fragment's bytes verbatim, closing the start tag just written if need be.
  public func copy(_ fragment: XMLFragment) {
    markup.pointee.closeStartTag()
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

  /// Closes every open element, ends the output with a line break and returns it in pieces, to be
  /// written one after another.
  public func finishPieces() -> [Data] {
    markup.pointee.finish()
    cut()
    return pieces
  }

  /// Moves the bytes written so far to `pieces`.
  private func cut() {
    guard !markup.pointee.bytes.isEmpty else { return }
    pieces.append(Data(markup.pointee.bytes))
    markup.pointee.bytes.removeAll(keepingCapacity: true)
  }

  /// The bytes and the open elements: a value, whose methods change the bytes with no run-time
  /// exclusivity checks.
  private struct Markup {
    var bytes: [UInt8] = []
    /// The names of the open elements, innermost last.
    var open: [String] = []
    /// Whether the innermost element's start tag is still open for attributes.
    var inStartTag = false
    /// Whether attributes hold non-ASCII characters as references (libxml2 does when no encoding
    /// was declared).
    let referencesNonASCII: Bool

    init(referencesNonASCII: Bool) {
      self.referencesNonASCII = referencesNonASCII
    }

    mutating func start(_ name: String) {
      closeStartTag()
      bytes.append(UInt8(ascii: "<"))
      append(name)
      open.append(name)
      inStartTag = true
    }

    mutating func attribute(_ name: String, _ value: String) {
      guard inStartTag else { return }
      bytes.append(UInt8(ascii: " "))
      append(name)
      bytes.append(UInt8(ascii: "="))
      bytes.append(UInt8(ascii: "\""))
      escape(value, inAttribute: true)
      bytes.append(UInt8(ascii: "\""))
    }

    mutating func text(_ value: String) {
      guard !open.isEmpty else {
        append(XMLWriter.clean(value))
        return
      }
      closeStartTag()
      escape(value, inAttribute: false)
    }

    mutating func end() {
      guard let name = open.popLast() else { return }
      if inStartTag {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
        inStartTag = false
      } else {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
      }
    }

    mutating func raw(_ markup: UnsafeBufferPointer<UInt8>) {
      closeStartTag()
      bytes.append(contentsOf: markup)
    }

    mutating func finish() {
      while !open.isEmpty { end() }
      bytes.append(UInt8(ascii: "\n"))
    }

    /// Writes the `>` of a start tag still open for attributes.
    mutating func closeStartTag() {
      guard inStartTag else { return }
      bytes.append(UInt8(ascii: ">"))
      inStartTag = false
    }

    mutating func append(_ text: String) {
      bytes.append(contentsOf: text.utf8)
    }

    /// Appends `value`, its forbidden characters replaced, escaped as text or as an attribute
    /// value in double quotes.
    mutating func escape(_ value: String, inAttribute: Bool) {
      let start = bytes.count
      let escaped = value.utf8.withContiguousStorageIfAvailable {
        escapePlainly(
          $0, inAttribute: inAttribute, referencingNonASCII: inAttribute && referencesNonASCII)
      }
      guard escaped != true else { return }
      // A character XML forbids, perhaps, or (in an attribute) one outside ASCII: one at a time.
      bytes.removeSubrange(start...)
      for scalar in XMLWriter.clean(value).unicodeScalars {
        if !scalar.isASCII {
          guard inAttribute && referencesNonASCII else {
            bytes.append(contentsOf: String(scalar).utf8)
            continue
          }
          append("&#x" + String(scalar.value, radix: 16, uppercase: true) + ";")
        } else if let reference = Markup.reference(
          for: UInt8(scalar.value), inAttribute: inAttribute)
        {
          append(reference)
        } else {
          bytes.append(UInt8(scalar.value))
        }
      }
    }

    /// Escapes `utf8` byte by byte; false, leaving part of it written, on a byte that needs more:
    /// a control character or 0xEF (which starts U+FFFE and U+FFFF), or any non-ASCII byte when
    /// `referencingNonASCII`.
    private mutating func escapePlainly(
      _ utf8: UnsafeBufferPointer<UInt8>, inAttribute: Bool, referencingNonASCII: Bool
    ) -> Bool {
      var run = 0
      for index in utf8.indices {
        let byte = utf8[index]
        // Most bytes: printable ASCII other than " & < >, written as they are.
        if byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x26 && byte != 0x3C
          && byte != 0x3E
        {
          continue
        }
        if byte == 0xEF || (byte >= 0x80 && referencingNonASCII)
          || (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD)
        {
          return false
        }
        guard let reference = Markup.reference(for: byte, inAttribute: inAttribute) else {
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
        append(reference)
        run = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
      return true
    }

    private mutating func append(_ text: StaticString) {
      text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The reference written for an ASCII character, or nil when it is written as it is.
    private static func reference(for byte: UInt8, inAttribute: Bool) -> StaticString? {
      switch byte {
      case UInt8(ascii: "<"): "&lt;"
      case UInt8(ascii: ">"): "&gt;"
      case UInt8(ascii: "&"): "&amp;"
      case UInt8(ascii: "\""): "&quot;"
      case 0xD: "&#13;"
      case 0xA where inAttribute: "&#10;"
      case 0x9 where inAttribute: "&#9;"
      default: nil
      }
    }
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

/// Well-formed markup serialised once by an `XMLWriter` and copied verbatim into many documents,
/// so that a part every document shares (a reference document's styles) is built only once.
public struct XMLFragment: Sendable, Equatable {
  /// The markup as UTF-8 bytes, in the pieces it was written in.
  public let pieces: [Data]

  /// The markup as UTF-8 bytes.
  public var data: Data { pieces.count == 1 ? pieces[0] : Data(pieces.joined()) }
}
