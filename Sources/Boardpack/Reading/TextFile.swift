import Foundation

/// Reads whole UTF-8 text files (YAML inputs and skeletons), turning failures into `BoardpackError`s.
enum TextFile {
  /// The text of `path`; an error when it is missing or not UTF-8 (naming the line of the first bad byte).
  static func read(_ path: String) throws(BoardpackError) -> String {
    let data = try InputFile.read(
      path, inFolder: "the files in it, e.g. \(path.hasSuffix("/") ? path : path + "/")*.yaml")
    guard let text = String(data: data, encoding: .utf8) else {
      let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let line = 1 + lines.prefix { String(data: $0, encoding: .utf8) != nil }.count
      throw BoardpackError(
        "the file is not valid UTF-8", at: SourceLocation(file: path, line: line))
    }
    return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
  }
}
