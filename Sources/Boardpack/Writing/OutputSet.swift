import Foundation

/// Files written together or not at all: each goes to a temporary file beside its target as it is
/// added, and only once every one is written are they renamed into place. When a rename fails,
/// the files already replaced are put back (their old versions were kept as hard links), so the
/// targets hold the whole old set or the whole new one.
final class OutputSet {
  private var files: [(temporary: String, target: String, backup: String?, existed: Bool)] = []
  private var finished = false

  init() {}

  deinit { if !finished { abandon() } }

  /// Checks that each of `targets` can be replaced (nothing but a file is there, and no two are
  /// the same), before anything is written.
  static func checkTargets(_ targets: [String]) throws(BoardpackError) {
    var seen = Set<String>()
    for target in targets {
      guard seen.insert(InputPaths.absolute(target)).inserted else {
        throw BoardpackError(
          "two of the papers would be written here; give the inputs different names",
          at: SourceLocation(file: target))
      }
      var info = stat()
      guard lstat(target, &info) == 0 else { continue }
      let kind = info.st_mode & S_IFMT
      guard kind == S_IFREG || kind == S_IFLNK else {
        throw BoardpackError(
          "cannot write the file: \(kind == S_IFDIR ? "a folder" : "something other than a file") is in its way (nothing was written)",
          at: SourceLocation(file: target))
      }
    }
  }

  /// Writes `pieces` to a temporary file for `target`; on failure, every file added is removed.
  func add(_ pieces: [Data], as target: String) throws(BoardpackError) {
    let slash = target.lastIndex(of: "/")
    let folder = slash.map { String(target[..<$0]) } ?? "."
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
    let temporary = "\(folder)/\(OutputFile.temporaryName(for: name))"
    do throws(BoardpackError) {
      try OutputFile.create(pieces, at: temporary)
    } catch {
      abandon()
      throw error
    }
    files.append((temporary, target, nil, false))
  }

  /// Renames every file into place, or, when one cannot be, puts back what was replaced.
  func commit() throws(BoardpackError) {
    finished = true
    // Keep each old version under a second name, so a failed rename can be undone.
    for index in files.indices {
      let backup = files[index].temporary + ".old"
      if link(files[index].target, backup) == 0 {
        files[index].backup = backup
        files[index].existed = true
      } else {
        files[index].existed = errno != ENOENT
      }
    }
    for index in files.indices {
      guard rename(files[index].temporary, files[index].target) == 0 else {
        let error = FileSink.failure(at: files[index].target)
        // (A file that was there but could not be linked, on a file system without hard links,
        // keeps its new version.)
        for done in files[..<index] {
          if let backup = done.backup {
            rename(backup, done.target)
          } else if !done.existed {
            unlink(done.target)
          }
        }
        for left in files[index...] {
          unlink(left.temporary)
          if let backup = left.backup { unlink(backup) }
        }
        throw error
      }
    }
    for file in files { if let backup = file.backup { unlink(backup) } }
  }

  /// Removes every temporary file.
  func abandon() {
    finished = true
    for file in files { unlink(file.temporary) }
    files = []
  }
}
