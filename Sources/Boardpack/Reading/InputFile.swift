import Foundation

/// Opens and reads input files with one set of checks and messages: a missing file, a file that
/// may not be read, a folder, FIFO or device where a file should be, and a file larger than
/// `InputLimits.fileSize`, each refused before any of it is read.
enum InputFile {
  /// The bytes of the file at `path`; `what` names it in errors ("CSV file"), and `inFolder`
  /// says what to give instead when `path` is a folder ("the files in it, e.g. …").
  static func read(_ path: String, _ what: String = "file", inFolder: String? = nil)
    throws(BoardpackError) -> Data
  {
    let descriptor = try open(path, what, inFolder: inFolder)
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure(path, what) }
    let expected = Int(info.st_size)
    var data = Data(count: expected)
    var count = 0
    // Read to the end, whatever the size said: a file may grow while it is read.
    while true {
      if count == data.count {
        guard count <= InputLimits.current.fileSize else { throw tooLarge(path, what, count) }
        data.count += max(1 << 16, count / 2)
      }
      let read = data.withUnsafeMutableBytes { buffer in
        Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if read < 0 && errno == EINTR { continue }
      guard read >= 0 else { throw failure(path, what) }
      if read == 0 { break }
      count += read
    }
    data.count = count
    return data
  }

  /// A descriptor open for reading the regular file at `path`, checked against the size limit.
  static func open(_ path: String, _ what: String = "file", inFolder: String? = nil)
    throws(BoardpackError) -> Int32
  {
    // Non-blocking, so that opening a FIFO with no writer does not wait for one.
    let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard descriptor >= 0 else { throw failure(path, what) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let error = failure(path, what)
      close(descriptor)
      throw error
    }
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG else {
      close(descriptor)
      if kind == S_IFDIR, let inFolder {
        throw BoardpackError(
          "a folder, not a file; give \(inFolder)", at: SourceLocation(file: path))
      }
      let thing =
        switch kind {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
      throw BoardpackError(
        "cannot read the \(what): it is \(thing), not a regular file",
        at: SourceLocation(file: path))
    }
    let size = Int(info.st_size)
    guard size <= InputLimits.current.fileSize else {
      close(descriptor)
      throw tooLarge(path, what, size)
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    return descriptor
  }

  static func tooLarge(_ path: String, _ what: String, _ size: Int) -> BoardpackError {
    let limit = InputLimits.current.fileSize
    return BoardpackError(
      "the \(what) is \(InputLimits.size(size)), larger than the limit of \(InputLimits.size(limit)) for an input; "
        + InputLimits.raise(.fileSize, example: "1G"),
      at: SourceLocation(file: path))
  }

  /// The error for a failed open or read, from `errno`, in words a user acts on.
  static func failure(_ path: String, _ what: String) -> BoardpackError {
    let code = errno
    if code == ENOENT { return BoardpackError("no such \(what)", at: SourceLocation(file: path)) }
    let reason =
      switch code {
      case EACCES, EPERM: "permission denied"
      case EISDIR: "it is a folder, not a regular file"
      case ENOTDIR: "a part of the path is not a folder"
      case ELOOP: "too many symbolic links"
      case ENAMETOOLONG: "the path is too long"
      default: String(cString: strerror(code))
      }
    return BoardpackError("cannot read the \(what): \(reason)", at: SourceLocation(file: path))
  }
}
