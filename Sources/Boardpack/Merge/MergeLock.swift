import Foundation

/// Keeps two merges out of one output folder: a lock (`flock`) on a hidden file beside it,
/// `.NAME.boardpack-merge.lock`, held from before staging until the letters are published. The
/// system drops the lock when its process ends, however it ends, so a killed merge never leaves
/// the folder locked.
final class MergeLock {
  let path: String
  private var descriptor: Int32

  /// Takes the lock for `outputFolder`, or throws at once when another merge holds it.
  init(outputFolder: String) throws(BoardpackError) {
    let folder = Staging.trimmed(outputFolder)
    let (parent, name) = Staging.split(folder)
    path = "\(parent).\(name).boardpack-merge.lock"
    if !parent.isEmpty {
      try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
    while true {
      let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw BoardpackError(
          "cannot create the merge's lock file: \(String(cString: strerror(errno)))",
          at: SourceLocation(file: path))
      }
      guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
        close(descriptor)
        throw BoardpackError(
          "another merge is writing into \(folder) (it holds \(path)); wait for it to finish and merge again",
          at: SourceLocation(file: folder))
      }
      // A merge that finished removes the file: when it did so between our open and our lock,
      // the lock is on a file no other merge will find, so take it again.
      var held = stat()
      var named = stat()
      if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino,
        held.st_dev == named.st_dev
      {
        self.descriptor = descriptor
        return
      }
      close(descriptor)
    }
  }

  /// Removes the lock file and lets the lock go.
  func release() {
    guard descriptor >= 0 else { return }
    unlink(path)
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
