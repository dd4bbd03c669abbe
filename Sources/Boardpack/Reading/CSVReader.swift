import Foundation

/// A CSV file read one record at a time: UTF-8 (a BOM is accepted), comma-separated,
/// RFC 4180 quoting (fields may hold newlines), CRLF or LF line ends, a header row first.
///
/// `init(path:)` reads and checks the header only; `forEachRecord(_:)` streams the records,
/// so memory does not grow with the number of rows, and reads the file afresh on each call.
/// Blank lines are skipped; every other record must have as many fields as the header.
public struct CSVReader: Sendable {
  /// The file as given, used in error locations.
  public let path: String
  /// The column names, trimmed of surrounding spaces; unique.
  public let header: [String]

  /// Opens `path` and reads its header; errors for a missing, empty or non-UTF-8 file and for duplicate column names.
  public init(path: String) throws(BoardpackError) {
    self.path = path
    var source = try CSVSource.opening(path)
    guard let (fields, _) = try source.nextRecord(), fields != [""] else {
      throw BoardpackError(
        "the CSV file is empty; its first row must name the columns",
        at: SourceLocation(file: path, line: 1))
    }
    let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
    var seen = Set<String>()
    for name in names where !seen.insert(name).inserted {
      throw BoardpackError(
        "column \"\(name)\" appears more than once in the header",
        at: SourceLocation(file: path, line: 1))
    }
    header = names
  }

  /// Calls `body` with each record in file order; stops at the first error `body` throws or the file holds.
  public func forEachRecord(_ body: (CSVRecord) throws(BoardpackError) -> Void)
    throws(BoardpackError)
  {
    var source = try CSVSource.opening(path)
    _ = try source.nextRecord()
    var row = 0
    while let (fields, line) = try source.nextRecord() {
      if fields == [""] { continue }
      row += 1
      guard fields.count == header.count else {
        throw BoardpackError(
          "row \(row) has \(fields.count) field\(fields.count == 1 ? "" : "s"), but the header has \(header.count)",
          at: SourceLocation(file: path, line: line))
      }
      try body(CSVRecord(fields: fields, line: line, row: row))
    }
  }
}

/// One record of a CSV file: its fields in header order and where it starts.
public struct CSVRecord: Sendable, Equatable {
  public var fields: [String]
  /// The 1-based line the record starts on.
  public var line: Int
  /// The 1-based data row, not counting the header or blank lines.
  public var row: Int

  public init(fields: [String], line: Int, row: Int) {
    self.fields = fields
    self.line = line
    self.row = row
  }
}

/// The bytes of a CSV file read in blocks and split into records, counting lines and checking
/// that every field is UTF-8 holding only characters XML allows. A noncopyable struct rather than
/// a class: its state changes per byte, and a struct's accesses are checked when compiled.
private struct CSVSource: ~Copyable {
  private static let (quote, comma, cr, lf) = (
    UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n")
  )
  private let path: String
  private let descriptor: Int32
  private var block = [UInt8](repeating: 0, count: 1 << 16)
  private var (position, count) = (0, 0)
  /// A byte read ahead (after a CR or a quote) and given back.
  private var pending: UInt8?
  /// The current field's bytes, kept to reuse its storage.
  private var field: [UInt8] = []
  /// The line the next byte is on.
  private var line = 1

  /// The file at `path`, positioned after its byte order mark, if any.
  static func opening(_ path: String) throws(BoardpackError) -> CSVSource {
    var source = CSVSource(path: path, descriptor: try open(path))
    if try source.fill(), source.block.starts(with: [0xEF, 0xBB, 0xBF]) { source.position = 3 }
    return source
  }

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  /// A descriptor for reading the file at `path`.
  private static func open(_ path: String) throws(BoardpackError) -> Int32 {
    try InputFile.open(path, "CSV file")
  }

  deinit { close(descriptor) }

  /// Reads the next block; false at the end of the file.
  private mutating func fill() throws(BoardpackError) -> Bool {
    repeat {
      count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
    } while count < 0 && errno == EINTR
    guard count >= 0 else {
      throw BoardpackError("cannot read the CSV file", at: SourceLocation(file: path, line: line))
    }
    position = 0
    return count > 0
  }

  private mutating func nextByte() throws(BoardpackError) -> UInt8? {
    if let byte = pending {
      pending = nil
      return byte
    }
    if position == count, try !fill() { return nil }
    position += 1
    return block[position - 1]
  }

  /// The next record's fields and the line it starts on, or nil at the end of the file.
  ///
  /// Fields are split at commas outside double quotes; inside them, `""` is a quote and line
  /// breaks (CR, LF or CRLF) are kept. A record ends at a line break outside quotes.
  mutating func nextRecord() throws(BoardpackError) -> (fields: [String], line: Int)? {
    guard var byte = try nextByte() else { return nil }
    let start = line
    var fields: [String] = []
    var fieldLine = line
    var quoted = false
    var atFieldStart = true
    field.removeAll(keepingCapacity: true)
    while true {
      if quoted {
        if byte == Self.quote {
          let following = try nextByte()
          if following == Self.quote {
            field.append(byte)
          } else {
            quoted = false
            pending = following
          }
        } else {
          if byte == Self.cr || byte == Self.lf && field.last != Self.cr { line += 1 }
          field.append(byte)
        }
      } else if byte == Self.quote && atFieldStart {
        quoted = true
      } else if byte == Self.comma {
        fields.append(try text(of: field, from: fieldLine))
        field.removeAll(keepingCapacity: true)
        fieldLine = line
        atFieldStart = true
        guard let next = try nextByte() else { break }
        byte = next
        continue
      } else if byte == Self.cr || byte == Self.lf {
        if byte == Self.cr, let following = try nextByte(), following != Self.lf {
          pending = following
        }
        fields.append(try text(of: field, from: fieldLine))
        line += 1
        return (fields, start)
      } else {
        field.append(byte)
      }
      atFieldStart = false
      guard let next = try nextByte() else { break }
      byte = next
    }
    fields.append(try text(of: field, from: fieldLine))
    line += 1
    return (fields, start)
  }

  /// `bytes` as a string, or an error on the line of the first byte that is not UTF-8 or of the
  /// first character XML forbids; the field starts on line `first`.
  private func text(of bytes: [UInt8], from first: Int) throws(BoardpackError) -> String {
    // Without bytes below a space (other than tab, LF and CR) or EF (the lead byte of U+FFFE, U+FFFF
    // and of the U+FFFD that decoding puts in place of bytes that are not UTF-8), the bytes hold no
    // forbidden character, and they are UTF-8 if decoding them added no U+FFFD.
    let suspect = bytes.contains {
      $0 < 0x20 && $0 != 0x9 && $0 != Self.lf && $0 != Self.cr || $0 == 0xEF
    }
    if !suspect {
      let text = String(decoding: bytes, as: UTF8.self)
      if !text.utf8.contains(0xEF) { return text }
    }
    var line = first
    var previous: Unicode.Scalar?
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\r" || scalar == "\n" && previous != "\r" { line += 1 }
        previous = scalar
        if XMLCharacters.isForbidden(scalar) {
          throw BoardpackError(
            "the CSV file contains the character \(XMLCharacters.name(scalar)), which papers cannot hold",
            at: SourceLocation(file: path, line: line))
        }
      case .error:
        throw BoardpackError(
          "the CSV file is not valid UTF-8", at: SourceLocation(file: path, line: line))
      case .emptyInput:
        return String(decoding: bytes, as: UTF8.self)
      }
    }
  }
}
