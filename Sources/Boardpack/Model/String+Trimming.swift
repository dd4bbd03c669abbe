import Foundation

extension String {
  /// The string without the leading and trailing scalars `isTrimmed` accepts; itself when there are
  /// none (the usual case), which spares the copy `trimmingCharacters(in:)` makes through NSString.
  func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last, isTrimmed(first) || isTrimmed(last)
    else { return self }
    let start = scalars.firstIndex { !isTrimmed($0) } ?? scalars.endIndex
    let end = scalars.lastIndex { !isTrimmed($0) }.map(scalars.index(after:)) ?? start
    return String(scalars[start..<max(start, end)])
  }

  /// The string without surrounding white space and newlines (`CharacterSet.whitespacesAndNewlines`).
  var trimmedOfWhiteSpace: String { trimmingScalars(where: \.isWhiteSpace) }

  /// The string without surrounding spaces and tabs (`CharacterSet.whitespaces`).
  var trimmedOfSpaces: String { trimmingScalars(where: \.isSpace) }
}

extension Unicode.Scalar {
  /// A tab or a Unicode space separator: a member of `CharacterSet.whitespaces`.
  var isSpace: Bool {
    isASCII ? self == " " || self == "\t" : properties.generalCategory == .spaceSeparator
  }

  /// White space or a line break: a member of `CharacterSet.whitespacesAndNewlines`.
  var isWhiteSpace: Bool {
    isASCII ? self == " " || (0x9...0xD).contains(value) : properties.isWhitespace
  }
}
