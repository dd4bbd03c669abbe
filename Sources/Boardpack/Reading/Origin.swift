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
  /// The lines of the file from the one the text starts on, to find a character of the text in.
  var lines: ArraySlice<Substring> = []

  /// Where the character at `offset` in `text` was written, found by reading the file from the
  /// text's start as YAML writes a scalar: plain, quoted (with `\` escapes and `''`), or a block
  /// (`|`, `>`) from the next line, lines folded and indented. The text's own origin when the
  /// file does not hold the text as read (text put together from placeholders).
  func origin(ofCharacter offset: Int) -> Origin {
    guard let first = origin.location.line, let column = origin.location.column, !lines.isEmpty,
      lines.startIndex == first - 1
    else { return origin }
    let characters = Array(text)
    var line = lines.startIndex
    var source = Array(lines[line])
    var position = column - 1
    let quote = position < source.count ? source[position] : " "
    switch quote {
    case "\"", "'": position += 1
    case "|", ">": position = source.count
    default: break
    }
    /// The character at the position; a line's end reads as a line break, nil past the last line.
    func at(_ index: Int) -> Character? {
      index < source.count ? source[index] : line + 1 < lines.endIndex ? "\n" : nil
    }
    func advance(by count: Int) {
      position += count
      while position > source.count && line + 1 < lines.endIndex {
        line += 1
        source = Array(lines[line])
        position = 0
      }
    }
    var index = 0
    while true {
      guard let here = at(position) else { return origin }
      let wanted = index < characters.count ? characters[index] : nil
      if index == offset, here == wanted {
        return Origin(
          location: SourceLocation(
            file: origin.location.file, line: line + 1, column: position + 1),
          sourceLine: String(source))
      }
      guard let wanted else { return origin }
      if quote == "'" && here == "'" && at(position + 1) == "'" {
        (position, index) = (position + 2, index + 1)
      } else if here == wanted {
        advance(by: 1)
        index += 1
      } else if quote == "\"" && here == "\\" {
        let escape = at(position + 1)
        let width = ["x": 4, "u": 6, "U": 10][escape ?? " "] ?? 2
        advance(by: escape == "\n" ? 2 : width)
        if escape != "\n" { index += 1 }
      } else if here.isWhitespace {
        advance(by: 1)
      } else if wanted.isWhitespace {
        index += 1
      } else {
        return origin
      }
    }
  }
}
