import Foundation

/// A file being written from the start, in pieces, with as few system calls as the pieces allow.
final class FileSink {
  let path: String
  private var descriptor: Int32

  /// Creates (or empties) the file at `path`, creating its folder if need be.
  init(path: String) throws(BoardpackError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    if descriptor < 0 && errno == ENOENT {
      let folder = (path as NSString).deletingLastPathComponent
      try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    }
    guard descriptor >= 0 else { throw FileSink.failure(at: path) }
  }

  deinit {
    if descriptor >= 0 { Foundation.close(descriptor) }
  }

  /// Appends `pieces`, one after another.
  func write(_ pieces: [Data]) throws(BoardpackError) {
    let written = FileSink.withBytes(of: pieces[...], []) { buffers in
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
    guard written else { throw FileSink.failure(at: path) }
  }

  /// Appends the whole file at `source`, a megabyte at a time.
  func write(contentsOf source: String) throws(BoardpackError) {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw FileSink.failure(at: source) }
    defer { Foundation.close(input) }
    var chunk = Data(count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw FileSink.failure(at: source) }
      if count == 0 { return }
      try write([chunk.prefix(count)])
    }
  }

  /// Flushes the file's bytes to the disk.
  func synchronise() throws(BoardpackError) {
    guard fsync(descriptor) == 0 else { throw FileSink.failure(at: path) }
  }

  /// Closes the file; the bytes are all in it once this returns.
  func close() throws(BoardpackError) {
    let result = Foundation.close(descriptor)
    descriptor = -1
    guard result == 0 else { throw FileSink.failure(at: path) }
  }

  /// Calls `body` with the bytes of every piece, each held in place for the call.
  private static func withBytes<Result>(
    of pieces: ArraySlice<Data>, _ held: [UnsafeRawBufferPointer],
    _ body: ([UnsafeRawBufferPointer]) -> Result
  ) -> Result {
    guard let first = pieces.first else { return body(held) }
    return first.withUnsafeBytes { withBytes(of: pieces.dropFirst(), held + [$0], body) }
  }

  /// The error for a failed system call on `path`, from `errno`.
  static func failure(at path: String) -> BoardpackError {
    BoardpackError(
      "cannot write the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
  }
}
