/// A second CSV file or spreadsheet read whole and grouped by its key column, feeding the `each`
/// blocks of every letter.
///
/// Joined files are reference data (a few rows per letter), so they are held in memory; only the
/// main data file is streamed.
public struct JoinedTable: Sendable {
  /// The join's name in the template, e.g. "projects".
  public let name: String
  /// The file (and, in a spreadsheet, its first sheet), for errors.
  public let file: RecordFile
  public var path: String { file.path }
  /// The column both files share.
  public let key: String
  /// The column names, in order.
  public let header: [String]
  let columns: [String: Int]
  public let rows: [CSVRecord]
  let byKey: [String: [CSVRecord]]
  /// The reader's warning (a file read as Windows-1252), or nil.
  public let warning: String?

  /// Reads `path` whole (a spreadsheet's first sheet); its header must have the `key` column.
  public init(name: String, path: String, key: String) throws(BoardpackError) {
    let reader = try RecordFile.reader(path)
    guard let keyIndex = reader.header.firstIndex(of: key) else {
      throw BoardpackError(
        "the key column \"\(key)\" of join \"\(name)\" is not in the header (\(reader.header.joined(separator: ", ")))",
        at: SourceLocation(
          file: path, line: reader.file.sheet == nil ? 1 : nil, sheet: reader.file.sheet))
    }
    var rows: [CSVRecord] = []
    try reader.forEachRecord { rows.append($0) }
    self.name = name
    self.file = reader.file
    self.key = key
    self.header = reader.header
    self.columns = Dictionary(
      reader.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    self.rows = rows
    self.warning = reader.warning
    self.byKey = Dictionary(grouping: rows) { $0.fields[keyIndex].trimmedOfWhiteSpace }
  }

  /// The rows whose key cell is `key`, in file order.
  public func rows(matching key: String) -> [CSVRecord] {
    byKey[key] ?? []
  }
}

/// Joins checked both ways over a merge: which keys of each joined file the data's rows matched,
/// so that a joined row no data row matches (a misspelt key, whose projects would silently be in
/// no letter) is found, and how many data rows matched no joined row.
struct JoinCoverage {
  /// The joins whose key column the data has, by name, with that column's index in the data.
  let joins: [(table: JoinedTable, column: Int)]
  private var matched: [Set<String>]
  /// Per join: data rows with no joined row.
  private(set) var rowsWithout: [Int]
  /// Per join: the first keys of data rows with no joined row, the likeliest meant by a misspelt one.
  private var keysWithout: [[String]]
  static let suggestionCandidates = 1_000

  init(joins: [String: JoinedTable], header: [String]) {
    self.joins = joins.sorted { $0.key < $1.key }.compactMap { _, table in
      header.firstIndex(of: table.key).map { (table, $0) }
    }
    matched = self.joins.map { _ in [] }
    rowsWithout = self.joins.map { _ in 0 }
    keysWithout = self.joins.map { _ in [] }
  }

  /// Notes the joined rows `row` (a row of the data) matches.
  mutating func add(_ row: CSVRecord) {
    for (index, join) in joins.enumerated() {
      let key = row.fields[join.column].trimmedOfWhiteSpace
      if join.table.rows(matching: key).isEmpty {
        rowsWithout[index] += 1
        if keysWithout[index].count < Self.suggestionCandidates { keysWithout[index].append(key) }
      } else {
        matched[index].insert(key)
      }
    }
  }

  /// Data rows with no joined row, in join name order; joins every row matched are left out.
  var unmatched: [RowsWithoutJoined] {
    joins.indices.filter { rowsWithout[$0] > 0 }.map {
      RowsWithoutJoined(
        join: joins[$0].table.name, count: rowsWithout[$0],
        keys: Array(keysWithout[$0].prefix(RowsWithoutJoined.namedKeys)))
    }
  }

  /// Each joined row whose key no row of the data (`dataName`, as messages name it) has, as an error at its line, in
  /// join name then file order, with its key.
  func strays(dataName: String) -> [(key: String, error: BoardpackError)] {
    var result: [(String, BoardpackError)] = []
    for (index, join) in joins.enumerated() {
      let keyIndex = join.table.columns[join.table.key]!
      let candidates = keysWithout[index] + matched[index].sorted()
      for row in join.table.rows {
        let key = row.fields[keyIndex].trimmedOfWhiteSpace
        guard !matched[index].contains(key) else { continue }
        result.append(
          (
            key,
            BoardpackError(
              "this \"\(join.table.name)\" row's \(join.table.key) \"\(key)\" is on no row of \(dataName), so it would be in no letter"
                + Suggestion.didYouMean(key, among: candidates),
              at: join.table.file.location(line: row.line))
          ))
      }
    }
    return result
  }
}

/// The data rows of a merge that matched no row of a join, for its summary: how many, and the
/// keys of the first few.
public struct RowsWithoutJoined: Sendable, Equatable, CustomStringConvertible {
  /// How many keys the summary names before "and N more".
  public static let namedKeys = 5
  public var join: String
  public var count: Int
  /// The keys of the first `namedKeys` rows, in file order.
  public var keys: [String]

  public init(join: String, count: Int, keys: [String]) {
    self.join = join
    self.count = count
    self.keys = keys
  }

  /// `1 row with no "projects" rows: "Oadby and Wigston"`; past five keys, `… and 3 more`.
  public var description: String {
    let more = count > keys.count ? " and \(count - keys.count) more" : ""
    return "\(count) row\(count == 1 ? "" : "s") with no \"\(join)\" rows: "
      + keys.map { "\"\($0)\"" }.joined(separator: ", ") + more
  }
}
