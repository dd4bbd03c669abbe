/// Where something came from: a file, and when known a 1-based line and column.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, leaving out what is unknown, as compilers print it.
  public var description: String {
    var result = file
    if let line {
      result += ":\(line)"
      if let column { result += ":\(column)" }
    }
    return result
  }
}
