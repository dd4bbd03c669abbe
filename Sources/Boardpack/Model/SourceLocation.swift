/// Where something came from: a file, and when known a 1-based line and column; in a spreadsheet,
/// the sheet, with the row as the line and the column as the column.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  /// The sheet of a spreadsheet; nil for a text file.
  public var sheet: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, sheet: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.sheet = sheet
  }

  /// `file:line:column`, leaving out what is unknown, as compilers print it; in a spreadsheet
  /// `file:Sheet1!C7` for a cell and `file:Sheet1 row 7` for a row.
  public var description: String {
    var result = file
    if let sheet {
      let name =
        sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        ? sheet : "'\(sheet.replacingOccurrences(of: "'", with: "''"))'"
      guard let line else { return result + ":" + name }
      guard let column else { return result + ":\(name) row \(line)" }
      return result + ":\(name)!\(Self.columnName(column))\(line)"
    }
    if let line {
      result += ":\(line)"
      if let column { result += ":\(column)" }
    }
    return result
  }

  /// A spreadsheet's name for its 1-based column `number`: A … Z, AA, AB, ….
  public static func columnName(_ number: Int) -> String {
    var number = number
    var letters: [Character] = []
    while number > 0 {
      number -= 1
      letters.insert(Character(Unicode.Scalar(UInt8(65 + number % 26))), at: 0)
      number /= 26
    }
    return String(letters)
  }
}
