/// A failure that stops a run (bad input, unknown template, unreadable file). Problems found in a
/// paper by the checks are `Diagnostic`s instead, and never thrown.
public struct BoardpackError: Error, Equatable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String
  /// The offending source line, for the caret display; nil when there is none.
  public var sourceLine: String?

  public init(_ message: String, at location: SourceLocation, sourceLine: String? = nil) {
    self.message = message
    self.location = location
    self.sourceLine = sourceLine
  }

  /// `path:line:col: error: message`, then the source line and a caret under the column.
  public var description: String {
    var result = "\(location): error: \(message)"
    if let sourceLine {
      result += "\n" + sourceLine
      if let column = location.column, column > 0 {
        let indent = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        result += "\n" + indent + "^"
      }
    }
    return result
  }
}
