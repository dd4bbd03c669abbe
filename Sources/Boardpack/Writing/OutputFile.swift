import Foundation

/// Writes output files whole or not at all: bytes go to a temporary file beside the target,
/// which is then renamed over it, so a failed run never leaves a half-written paper.
public enum OutputFile {
  public static func write(_ data: Data, to path: String) throws(BoardpackError) {
    try write([data], to: path)
  }

  /// Writes `pieces` one after another as the file at `path`.
  public static func write(_ pieces: [Data], to path: String) throws(BoardpackError) {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let temporary = "\(folder)/\(temporaryName(for: name))"
    try create(pieces, at: temporary)
    try move(temporary, to: path)
  }

  /// A hidden name, unique to this write, for a file that will be renamed to `name`: the name's
  /// first 64 bytes (whole characters) and a UUID, so it fits in a folder entry (255 bytes)
  /// whatever the length of `name`.
  static func temporaryName(for name: String) -> String {
    var prefix = Substring(name)
    while prefix.utf8.count > 64 { prefix.removeLast() }
    return ".\(prefix).\(UUID().uuidString).tmp"
  }

  /// Writes `pieces`, one after another, as a new file at `path` (creating its folder if need be)
  /// with no temporary file: for files that are renamed into place later, or removed when the run
  /// fails.
  static func create(_ pieces: [Data], at path: String) throws(BoardpackError) {
    let file = try FileSink(path: path)
    do throws(BoardpackError) {
      try file.write(pieces)
      try file.close()
    } catch {
      unlink(path)
      throw error
    }
  }

  /// Renames the file at `source` to `target`, replacing any file there.
  static func move(_ source: String, to target: String) throws(BoardpackError) {
    guard rename(source, target) == 0 else {
      let error = FileSink.failure(at: target)
      unlink(source)
      throw error
    }
  }
}
