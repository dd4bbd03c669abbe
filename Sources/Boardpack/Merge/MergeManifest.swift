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

  /// Adds a data row's record (with no row number: a joined row's); `file` is a name `FileNamer`
  /// gave (safe as it is), the other cells are made safe to open in a spreadsheet (`cell(_:)`).
  func add(row: Int?, file: String, key: String, status: String, figures: [String])
    throws(BoardpackError)
  {
    try append(
      [row.map(String.init) ?? "", file, Self.cell(key), Self.cell(status)] + figures.map(Self.cell)
    )
  }

  /// `value` as a cell a spreadsheet shows as typed: a value it would run as a formula (starting
  /// with `=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP's advice on CSV injection lists
  /// them) gets a leading `'`, unless it is a plain figure such as "-£40.00"; control characters
  /// and the bidirectional controls that reorder text (U+202E) are written as "<U+202E>".
  static func cell(_ value: String) -> String {
    // Most cells are plain ASCII text: no control, nothing that starts a formula.
    let needsEscaping = value.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 >= 0xC2 }
    var result = value
    if needsEscaping {
      var escaped = ""
      for scalar in value.unicodeScalars {
        if scalar.properties.generalCategory == .control || isBidiControl(scalar) {
          escaped +=
            "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
      result = escaped
    }
    guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
      !isPlainFigure(value)
    else { return result }
    return "'" + result
  }

  /// The characters that change the direction of the text around them (Unicode's Bidi_Control).
  static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// "-40", "+2.5", "-£1,234.56": a sign, an optional pound sign, then digits, commas and one dot.
  static func isPlainFigure(_ value: String) -> Bool {
    var rest = Substring(value)
    if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
    if rest.first == "£" { rest = rest.dropFirst() }
    return rest.first.map { ("0"..."9").contains($0) } == true
      && rest.allSatisfy { $0 == "," || $0 == "." || ("0"..."9").contains($0) }
      && rest.filter { $0 == "." }.count <= 1
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

extension String {
  /// The string with zeros before it up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
