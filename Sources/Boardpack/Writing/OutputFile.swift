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
    let temporary = "\(folder)/.\(name).\(UUID().uuidString).tmp"
    try create(pieces, at: temporary)
    try move(temporary, to: path)
  }

  /// Writes `pieces`, one after another, as a new file at `path` (creating its folder if need be)
  /// with no temporary file: for files that are renamed into place later, or removed when the run
  /// fails.
  static func create(_ pieces: [Data], at path: String) throws(BoardpackError) {
    var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    if descriptor < 0 && errno == ENOENT {
      let folder = (path as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    }
    guard descriptor >= 0 else { throw failure(at: path) }
    let written = withBytes(of: pieces[...], []) { buffers in
      var vectors = buffers.filter { !$0.isEmpty }.map {
        iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)
      }[...]
      while !vectors.isEmpty {
        let count = writev(descriptor, Array(vectors), Int32(vectors.count))
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        // Drop what was written; a piece written in part keeps its rest.
        var left = count
        while let first = vectors.first, left >= first.iov_len {
          left -= first.iov_len
          vectors = vectors.dropFirst()
        }
        if left > 0 {
          vectors[vectors.startIndex].iov_base = vectors[vectors.startIndex].iov_base! + left
          vectors[vectors.startIndex].iov_len -= left
        }
      }
      return true
    }
    guard written else {
      let error = failure(at: path)
      close(descriptor)
      unlink(path)
      throw error
    }
    guard close(descriptor) == 0 else {
      let error = failure(at: path)
      unlink(path)
      throw error
    }
  }

  /// Calls `body` with the bytes of every piece, each held in place for the call.
  private static func withBytes<Result>(
    of pieces: ArraySlice<Data>, _ held: [UnsafeRawBufferPointer],
    _ body: ([UnsafeRawBufferPointer]) -> Result
  ) -> Result {
    guard let first = pieces.first else { return body(held) }
    return first.withUnsafeBytes { withBytes(of: pieces.dropFirst(), held + [$0], body) }
  }

  /// Renames the file at `source` to `target`, replacing any file there.
  static func move(_ source: String, to target: String) throws(BoardpackError) {
    guard rename(source, target) == 0 else {
      let error = failure(at: target)
      unlink(source)
      throw error
    }
  }

  /// The error for a failed system call on `path`, from `errno`.
  private static func failure(at path: String) -> BoardpackError {
    BoardpackError(
      "cannot write the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
  }
}
