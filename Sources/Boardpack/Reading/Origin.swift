/// Where a piece of input was written, with its source line, so errors found later (when binding a
/// skeleton, reading a table, resolving a reference) still print the caret display.
struct Origin: Sendable, Equatable {
  let location: SourceLocation
  let sourceLine: String?

  func error(_ message: String) -> BoardpackError {
    BoardpackError(message, at: location, sourceLine: sourceLine)
  }
}

/// Raw text from an input or skeleton (markup unparsed, placeholders unexpanded) and where it was written.
struct SourceText: Sendable, Equatable {
  let text: String
  let origin: Origin
}
