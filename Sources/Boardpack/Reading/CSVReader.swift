import CSV
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
    let source = try CSVSource(path: path)
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
    let source = try CSVSource(path: path)
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

/// yaslab/CSV.swift's reader over a file, counting lines and turning its failures into `BoardpackError`s.
private final class CSVSource {
  private let path: String
  private let reader: CSV::CSVReader
  /// The line the next record starts on.
  private var line = 1

  init(path: String) throws(BoardpackError) {
    self.path = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      !isDirectory.boolValue,
      let stream = InputStream(fileAtPath: path)
    else {
      throw BoardpackError("no such CSV file", at: SourceLocation(file: path))
    }
    do {
      reader = try CSV::CSVReader(stream: stream, hasHeaderRow: false)
    } catch {
      throw BoardpackError("cannot read the CSV file", at: SourceLocation(file: path))
    }
  }

  /// The next record's fields and the line it starts on, or nil at the end of the file.
  func nextRecord() throws(BoardpackError) -> (fields: [String], line: Int)? {
    let start = line
    let fields = reader.next()
    // Walk the scalars to count the line breaks inside quoted fields and to reject characters XML forbids.
    var previous: Unicode.Scalar?
    for scalar in (fields ?? []).joined(separator: ",").unicodeScalars {
      if scalar == "\n" && previous != "\r" || scalar == "\r" { line += 1 }
      previous = scalar
      if XMLCharacters.isForbidden(scalar) {
        throw BoardpackError(
          "the CSV file contains the character \(XMLCharacters.name(scalar)), which papers cannot hold",
          at: SourceLocation(file: path, line: line))
      }
    }
    switch reader.error as? CSVError {
    case .unicodeDecoding:
      // The decoder stops at the bad byte, so the partial record ends on the offending line.
      throw BoardpackError(
        "the CSV file is not valid UTF-8", at: SourceLocation(file: path, line: line))
    case .streamErrorHasOccurred:
      throw BoardpackError("cannot read the CSV file", at: SourceLocation(file: path, line: line))
    default:
      // On Linux a file stream reports bytes available at its end, so the end of the file shows up as
      // `cannotReadFile`; the record read up to it is complete.
      break
    }
    line += 1
    return fields.map { ($0, start) }
  }
}
