/// A second CSV read whole and grouped by its key column, feeding the `each` blocks of every letter.
///
/// Joined files are reference data (a few rows per letter), so they are held in memory; only the
/// main data file is streamed.
public struct JoinedTable: Sendable {
  /// The join's name in the template, e.g. "projects".
  public let name: String
  public let path: String
  /// The column both files share.
  public let key: String
  let columns: [String: Int]
  public let rows: [CSVRecord]
  let byKey: [String: [CSVRecord]]

  /// Reads `path` whole; its header must have the `key` column.
  public init(name: String, path: String, key: String) throws(BoardpackError) {
    let reader = try CSVReader(path: path)
    guard let keyIndex = reader.header.firstIndex(of: key) else {
      throw BoardpackError(
        "the key column \"\(key)\" of join \"\(name)\" is not in the header (\(reader.header.joined(separator: ", ")))",
        at: SourceLocation(file: path, line: 1))
    }
    var rows: [CSVRecord] = []
    try reader.forEachRecord { rows.append($0) }
    self.name = name
    self.path = path
    self.key = key
    self.columns = Dictionary(
      reader.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.rows = rows
    self.byKey = Dictionary(grouping: rows) { $0.fields[keyIndex].trimmedOfWhiteSpace }
  }

  /// The rows whose key cell is `key`, in file order.
  public func rows(matching key: String) -> [CSVRecord] {
    byKey[key] ?? []
  }
}
