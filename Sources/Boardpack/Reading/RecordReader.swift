import Foundation

/// Rows of merge data, from a CSV file or one sheet of a spreadsheet: the header's column names,
/// then the data rows in order, each a `CSVRecord` whose `line` is its line in the file or its row
/// in the sheet, so that the merge has one path whatever the data's format.
public protocol RecordReader: Sendable {
  /// The file (and sheet), for error locations.
  var file: RecordFile { get }
  /// The column names, trimmed of surrounding spaces; unique.
  var header: [String] { get }
  /// What the reader assumed that the user should know, or nil.
  var warning: String? { get }
  /// About how many data rows there are, for progress.
  var estimatedCount: Int { get }
  /// Calls `body` with each record in order; stops at the first error `body` throws or the file holds.
  func forEachRecord(_ body: (CSVRecord) throws(BoardpackError) -> Void) throws(BoardpackError)
}

/// A file of merge data and, in a spreadsheet, the sheet read: where a row's or a cell's error is.
public struct RecordFile: Sendable, Equatable {
  /// The file as given.
  public var path: String
  /// The sheet read (its name); nil for a CSV file.
  public var sheet: String?

  public init(path: String, sheet: String? = nil) {
    self.path = path
    self.sheet = sheet
  }

  /// The extensions read as spreadsheets; any other file is read as CSV.
  public static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "ods"]

  /// Whether `path` names a spreadsheet by its extension.
  public static func isSpreadsheet(_ path: String) -> Bool {
    spreadsheetExtensions.contains((path as NSString).pathExtension.lowercased())
  }

  /// The reader of the data at `path`: a spreadsheet's sheet `sheet` (the first when nil), or a CSV
  /// file (read as Windows-1252 when it is not UTF-8 but is that), for which a sheet is an error.
  public static func reader(_ path: String, sheet: String? = nil) throws(BoardpackError)
    -> any RecordReader
  {
    if isSpreadsheet(path) { return try SpreadsheetReader(path: path, sheet: sheet) }
    if let sheet {
      throw BoardpackError(
        "--sheet \"\(sheet)\" is for a spreadsheet (.xlsx, .ods), and this is read as a CSV file",
        at: SourceLocation(file: path))
    }
    return try CSVReader(path: path, acceptingWindows1252: true)
  }

  /// The file as messages name it: its path, and in a spreadsheet the sheet, `partners.xlsx (sheet "Grants")`.
  public var name: String { path + (sheet.map { " (sheet \"\($0)\")" } ?? "") }

  /// Where the record on `line` (the sheet's row) is, or its cell in the 1-based `column`; a CSV
  /// file's locations give the line alone.
  public func location(line: Int, column: Int? = nil) -> SourceLocation {
    SourceLocation(file: path, line: line, column: sheet == nil ? nil : column, sheet: sheet)
  }
}
