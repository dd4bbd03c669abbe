import Foundation

/// A CSV file read one record at a time: UTF-8 (a BOM is accepted), comma-separated,
/// RFC 4180 quoting (fields may hold newlines), CRLF or LF line ends, a header row first. A merge's
/// data that is not UTF-8 but is Windows-1252 (Excel's "CSV" on Windows) is read as that, with a
/// `warning`; a spreadsheet saved under a `.csv` name is refused as one.
///
/// `init(path:)` reads and checks the header only; `forEachRecord(_:)` streams the records,
/// so memory does not grow with the number of rows, and reads the file afresh on each call.
/// Blank lines are skipped; every other record must have as many fields as the header.
public struct CSVReader: RecordReader {
  /// The file as given, used in error locations.
  public let path: String
  /// The column names, trimmed of surrounding spaces; unique.
  public let header: [String]
  public var file: RecordFile { RecordFile(path: path) }
  /// Whether the file is read as Windows-1252 because it is not UTF-8.
  public let isWindows1252: Bool
  /// What the reader assumed that the user should know, or nil.
  public var warning: String? {
    isWindows1252
      ? "\(path): warning: the CSV file is not UTF-8; it was read as Windows-1252 (Excel's \"CSV\"); "
        + "save it as \"CSV UTF-8\" so that nothing is guessed"
      : nil
  }

  /// Opens `path` and reads its header; errors for a missing, empty or non-UTF-8 file (unless
  /// `acceptingWindows1252` and the file is Windows-1252) and for duplicate column names.
  public init(path: String, acceptingWindows1252: Bool = false) throws(BoardpackError) {
    self.path = path
    isWindows1252 = try CSVReader.isWindows1252(path) && acceptingWindows1252
    var source = try CSVSource.opening(path, windows1252: isWindows1252)
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

  /// The lines after the header (a quoted line break counts too).
  public var estimatedCount: Int {
    let data = (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? Data()
    return max(0, data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } - 1)
  }

  /// Calls `body` with each record in file order; stops at the first error `body` throws or the file holds.
  public func forEachRecord(_ body: (CSVRecord) throws(BoardpackError) -> Void)
    throws(BoardpackError)
  {
    var source = try CSVSource.opening(path, windows1252: isWindows1252)
    _ = try source.nextRecord()
    var row = 0
    while let (fields, line) = try source.nextRecord() {
      if fields == [""] { continue }
      row += 1
      guard fields.count == header.count else {
        let cause =
          fields.count > header.count
          ? "a value holding a comma must be in double quotes: \"£53,776.10\", \"The Chair, Blaby\""
          : "a row needs a value for every column; write an empty value as nothing between two commas"
        throw BoardpackError(
          "line \(line) has \(fields.count) value\(fields.count == 1 ? "" : "s"), but the header has \(header.count): \(cause)",
          at: SourceLocation(file: path, line: line))
      }
      try body(CSVRecord(fields: fields, line: line, row: row))
    }
  }
}

extension CSVReader {
  /// Whether the file at `path` is to be read as Windows-1252: it is not UTF-8, and has none of
  /// the five bytes Windows-1252 leaves undefined. Throws for a spreadsheet (a ZIP package, as
  /// `.xlsx` and `.ods` are) named as a CSV file.
  static func isWindows1252(_ path: String) throws(BoardpackError) -> Bool {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    else { return false }  // The reader reports a file it cannot read.
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw BoardpackError(
        "this is a spreadsheet (.xlsx or .ods), not a CSV file; name it .xlsx or .ods to merge from it, or save its sheet as \"CSV UTF-8\"",
        at: SourceLocation(file: path))
    }
    // Most files are ASCII or valid UTF-8: a decode that adds no U+FFFD.
    guard data.contains(where: { $0 >= 0x80 }) else { return false }
    var decoder = UTF8()
    var iterator = data.makeIterator()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return false
      case .error: return !data.contains { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
      }
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
  /// Fields are decoded as Windows-1252 rather than UTF-8.
  private let windows1252: Bool
  private var block = [UInt8](repeating: 0, count: 1 << 16)
  private var (position, count) = (0, 0)
  /// A byte read ahead (after a CR or a quote) and given back.
  private var pending: UInt8?
  /// The current field's bytes, kept to reuse its storage.
  private var field: [UInt8] = []
  /// The line the next byte is on.
  private var line = 1

  /// The file at `path`, positioned after its byte order mark, if any.
  static func opening(_ path: String, windows1252: Bool = false) throws(BoardpackError) -> CSVSource
  {
    var source = CSVSource(path: path, descriptor: try open(path), windows1252: windows1252)
    if try source.fill(), source.block.starts(with: [0xEF, 0xBB, 0xBF]) { source.position = 3 }
    return source
  }

  private init(path: String, descriptor: Int32, windows1252: Bool) {
    self.path = path
    self.descriptor = descriptor
    self.windows1252 = windows1252
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
    guard windows1252 else { return try utf8Text(of: bytes, from: first) }
    var text = String.UnicodeScalarView()
    for byte in bytes { text.append(CSVSource.windows1252(byte)) }
    return try utf8Text(of: Array(String(text).utf8), from: first)
  }

  /// The character Windows-1252 gives `byte` (the five bytes it leaves undefined never reach here).
  static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
    guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
    let high: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    return Unicode.Scalar(high[Int(byte) - 0x80])!
  }

  /// `bytes` as UTF-8 text (see `text(of:from:)`).
  private func utf8Text(of bytes: [UInt8], from first: Int) throws(BoardpackError) -> String {
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
