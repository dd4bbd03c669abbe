import Foundation

/// The manifest every merge writes beside its letters: one CSV row per data row, with its file
/// name, key, what happened to it and the template's manifest figures.
///
/// Rows go to the file as they are added, through a small buffer, so the manifest does not grow in
/// memory with the number of rows; the file is complete once `close()` returns.
final class MergeManifest {
  /// The columns every manifest starts with, before the template's.
  static let ownColumns = ["row", "file", "key", "status"]
  private let file: FileSink
  private var bytes: [UInt8] = []
  /// Bytes held before they are written to the file.
  private static let bufferSize = 64 * 1024

  /// Creates the file at `path` (and its folder) and writes the header.
  init(path: String, figures: [String]) throws(BoardpackError) {
    file = try FileSink(path: path)
    try append(Self.ownColumns + figures)
  }

  func add(row: Int, file: String, key: String, status: String, figures: [String])
    throws(BoardpackError)
  {
    try append([String(row), file, key, status] + figures)
  }

  /// Writes what is buffered and closes the file.
  func close() throws(BoardpackError) {
    try flush()
    try file.close()
  }

  /// Adds a record; a field holding a quote, comma or line break is quoted, its quotes doubled.
  private func append(_ fields: [String]) throws(BoardpackError) {
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
    if bytes.count >= Self.bufferSize { try flush() }
  }

  private func flush() throws(BoardpackError) {
    guard !bytes.isEmpty else { return }
    try file.write([Data(bytes)])
    bytes.removeAll(keepingCapacity: true)
  }
}
