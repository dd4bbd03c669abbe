import Foundation

/// What an XML document may ask of the parser before it is refused.
public struct XMLLimits: Sendable, Equatable {
  /// The most attributes (namespace declarations included) one element may have. libxml2 checks
  /// each attribute against every one before it, so 200,000 of them take minutes.
  public var attributesPerElement: Int
  /// How to raise the limit, added to the error ("set … to raise it").
  public var advice: String

  public init(attributesPerElement: Int = .max, advice: String = "") {
    self.attributesPerElement = attributesPerElement
    self.advice = advice
  }
}

/// A pass over the raw bytes before libxml2 parses them, finding the first start tag with more
/// attributes than the limit. Comments, CDATA, processing instructions and declarations are
/// skipped; quoted attribute values may hold anything.
enum XMLPrescan {
  static func check(_ data: Data, name: String, limits: XMLLimits) throws(XMLError) {
    guard limits.attributesPerElement < .max else { return }
    let offending: Int? = data.withUnsafeBytes { raw in
      firstTagOverLimit(raw.bindMemory(to: UInt8.self), limit: limits.attributesPerElement)
    }
    guard let offending else { return }
    let line = 1 + data.prefix(offending).count { $0 == UInt8(ascii: "\n") }
    throw XMLError(
      file: name, line: line,
      message: "an element has more than \(limits.attributesPerElement) attributes, the limit"
        + (limits.advice.isEmpty ? "" : "; " + limits.advice))
  }

  /// The offset of the first start tag with more than `limit` attributes, if any.
  static func firstTagOverLimit(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
    let (open, close, equals, bang, question, slash) = (
      UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "!"),
      UInt8(ascii: "?"), UInt8(ascii: "/")
    )
    let count = bytes.count
    var position = 0
    /// The offset just after `terminator` from `position` on, or the end.
    func skip(past terminator: [UInt8], from position: Int) -> Int {
      var index = position
      while index + terminator.count <= count {
        if bytes[index] == terminator[0],
          terminator.indices.allSatisfy({ bytes[index + $0] == terminator[$0] })
        {
          return index + terminator.count
        }
        index += 1
      }
      return count
    }
    while position < count {
      guard let base = bytes.baseAddress,
        let found = memchr(base + position, Int32(open), count - position)
      else { return nil }
      let tag = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      guard tag + 1 < count else { return nil }
      let next = bytes[tag + 1]
      if next == bang {
        if tag + 3 < count, bytes[tag + 2] == UInt8(ascii: "-"), bytes[tag + 3] == UInt8(ascii: "-") {
          position = skip(past: Array("-->".utf8), from: tag + 4)
        } else if tag + 8 < count, bytes[tag + 2] == UInt8(ascii: "[") {
          position = skip(past: Array("]]>".utf8), from: tag + 3)
        } else {
          // A declaration: its internal subset in brackets may hold ">" of its own.
          var index = tag + 2
          var depth = 0
          while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "]") { depth -= 1 }
            if byte == close && depth <= 0 { break }
            index += 1
          }
          position = index + 1
        }
        continue
      }
      if next == question {
        position = skip(past: Array("?>".utf8), from: tag + 2)
        continue
      }
      if next == slash {
        position = skip(past: [close], from: tag + 2)
        continue
      }
      // A start tag: each attribute has one "=" outside its quoted value.
      var index = tag + 1
      var attributes = 0
      var quote: UInt8?
      while index < count {
        let byte = bytes[index]
        if let open = quote {
          if byte == open { quote = nil }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
        } else if byte == equals {
          attributes += 1
          if attributes > limit { return tag }
        } else if byte == close {
          break
        }
        index += 1
      }
      position = index + 1
    }
    return nil
  }
}
