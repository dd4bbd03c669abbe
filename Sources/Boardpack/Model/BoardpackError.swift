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

  /// `path:line:col: error: message`, then the source line and a caret under the column. A line
  /// longer than `shownLength` characters is shown as the part of it around the column.
  public var description: String {
    var result = "\(location): error: \(message)"
    if var sourceLine {
      var column = location.column ?? 0
      if sourceLine.count > Self.shownLength {
        let start = max(0, min(column - 1 - Self.shownLength / 2, sourceLine.count - Self.shownLength))
        let shown = sourceLine.dropFirst(start).prefix(Self.shownLength)
        sourceLine = (start > 0 ? "…" : "") + shown + (start + shown.count < sourceLine.count ? "…" : "")
        column -= start - (start > 0 ? 1 : 0)
      }
      result += "\n" + sourceLine
      if column > 0 {
        let indent = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
        result += "\n" + indent + "^"
      }
    }
    return result
  }

  /// The most characters of a source line an error shows.
  static let shownLength = 200
}
