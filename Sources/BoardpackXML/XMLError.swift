/// A failure to read, write or validate XML, with the position libxml2 reported.
public struct XMLError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file or buffer name the error belongs to.
  public var file: String
  /// 1-based line, when libxml2 knows it.
  public var line: Int?
  /// 1-based column, when libxml2 knows it.
  public var column: Int?
  /// libxml2's message, trimmed.
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): error: \(message)"
  }
}
