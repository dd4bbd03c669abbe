import Foundation

/// The manifest every merge writes beside its letters: one CSV row per data row, with its file
/// name, key, what happened to it and the template's manifest figures.
struct MergeManifest {
  private var bytes: [UInt8] = []

  /// The CSV so far, ending with a newline.
  var data: Data { Data(bytes) }

  init(figures: [String]) {
    append(["row", "file", "key", "status"] + figures)
  }

  mutating func add(row: Int, file: String, key: String, status: String, figures: [String]) {
    append([String(row), file, key, status] + figures)
  }

  /// Adds a record; a field holding a quote, comma or line break is quoted, its quotes doubled.
  private mutating func append(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      let quoted = field.utf8.contains {
        $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0xA || $0 == 0xD
      }
      if quoted { bytes.append(UInt8(ascii: "\"")) }
      for byte in field.utf8 {
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        bytes.append(byte)
      }
      if quoted { bytes.append(UInt8(ascii: "\"")) }
    }
    bytes.append(UInt8(ascii: "\n"))
  }
}
