import Foundation

/// Where a merge's files wait, under their final names, until every row has been checked, and how
/// they are then published so that the output folder holds the whole old set of letters or the
/// whole new one, whenever the merge is stopped.
///
/// When the output folder is not there, the files are staged in a hidden sibling
/// (`.NAME.boardpack-merge-UUID`) that is renamed into place in one call. When it is there, they
/// are staged in `OUT/.boardpack-merge/stage`; publishing checks that no folder stands where a
/// file must go, writes a journal (`OUT/.boardpack-merge/journal`), and then, one rename at a
/// time, sets the old manifest aside, moves the new letters and manifest in, and removes the old
/// letters the new set does not replace. A merge that is killed after the journal is written is
/// finished by the next merge into the folder (`recover(_:)`), which also removes what any killed
/// merge left before it; the merge lock (`MergeLock`) keeps two merges apart.
struct Staging: Sendable {
  let outputFolder: String
  /// The folder the files are staged in.
  let folder: String
  /// Whether the output folder was there before the merge (so the files are staged inside it).
  let outputExisted: Bool

  /// The work folder inside an output folder that is there: `stage/`, `journal`,
  /// `old-manifest.csv`.
  static let workName = ".boardpack-merge"
  /// What a sibling staging folder's name holds after the output folder's name.
  static let siblingMarker = ".boardpack-merge-"

  /// Creates the staging folder for a merge into `outputFolder`.
  init(outputFolder: String) throws(BoardpackError) {
    let outputFolder = Staging.trimmed(outputFolder)
    self.outputFolder = outputFolder
    var info = stat()
    outputExisted = stat(outputFolder, &info) == 0
    if outputExisted && info.st_mode & S_IFMT != S_IFDIR {
      throw BoardpackError(
        "the output folder is a file; give --out a folder", at: SourceLocation(file: outputFolder))
    }
    folder =
      outputExisted
      ? Staging.workFolder(outputFolder) + "/stage"
      : Staging.siblingPrefix(outputFolder) + UUID().uuidString
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw BoardpackError(
        "cannot create the staging folder: \(error.localizedDescription)",
        at: SourceLocation(file: folder))
    }
  }

  /// `path` without trailing slashes.
  static func trimmed(_ path: String) -> String {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path
  }

  static func workFolder(_ outputFolder: String) -> String { outputFolder + "/" + workName }

  /// The start of a sibling staging folder's path: `PARENT/.NAME.boardpack-merge-` (the name cut
  /// to 64 bytes, so that the whole fits in a folder entry).
  static func siblingPrefix(_ outputFolder: String) -> String {
    let (parent, name) = split(outputFolder)
    var short = Substring(name)
    while short.utf8.count > 64 { short.removeLast() }
    return "\(parent).\(short)\(siblingMarker)"
  }

  /// The parent (with its "/", or "") and the last part of `path`.
  static func split(_ path: String) -> (parent: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  /// Where the file named `name` with `fileExtension` is staged.
  func path(of name: String, _ fileExtension: String) -> String {
    "\(folder)/\(name).\(fileExtension)"
  }

  /// Where the manifest is written during the pass; it is published with the letters.
  var manifestPath: String { path(of: MergeJob.manifestName, "csv") }

  /// Removes every staged file.
  func discard() {
    try? FileManager.default.removeItem(
      atPath: outputExisted ? Staging.workFolder(outputFolder) : folder)
  }

  // MARK: Publishing

  /// Puts the staged set in the output folder: the staged `files` (the combined documents) and,
  /// for each row the staged manifest names, one file per extension in `extensions`; then the
  /// manifest; returns how many files of an earlier merge it removed (letters this set does not
  /// have). Nothing is changed when a folder (or anything but a file) stands where a file must go.
  func publish(files: [String], extensions: [String]) throws(BoardpackError) -> Int {
    let journal = Journal(extensions: extensions, combined: files)
    if !outputExisted {
      if rename(folder, outputFolder) == 0 { return 0 }
      // The output folder appeared during the merge: publish into it as into any folder there.
      guard errno == EEXIST || errno == ENOTEMPTY || errno == EISDIR else {
        let error = Staging.failure("cannot publish the letters", at: outputFolder)
        discard()
        throw error
      }
      let stage = Staging.workFolder(outputFolder) + "/stage"
      try? FileManager.default.createDirectory(
        atPath: Staging.workFolder(outputFolder), withIntermediateDirectories: true)
      guard rename(folder, stage) == 0 else {
        let error = Staging.failure("cannot publish the letters", at: outputFolder)
        discard()
        throw error
      }
    }
    do throws(BoardpackError) {
      try Staging.checkFree(journal, in: outputFolder)
    } catch {
      try? FileManager.default.removeItem(atPath: Staging.workFolder(outputFolder))
      throw error
    }
    try journal.write(to: Staging.workFolder(outputFolder) + "/journal")
    return try Staging.finish(journal, in: outputFolder)
  }

  /// Throws, naming up to three of them, when anything other than a file stands where a staged
  /// file is to go.
  static func checkFree(_ journal: Journal, in outputFolder: String) throws(BoardpackError) {
    var taken: [String] = []
    func check(_ name: String) {
      var info = stat()
      let path = outputFolder + "/" + name
      guard lstat(path, &info) == 0 else { return }
      let kind = info.st_mode & S_IFMT
      if kind != S_IFREG && kind != S_IFLNK { taken.append(path) }
    }
    for file in journal.combined + [MergeJob.manifestName + ".csv"] { check(file) }
    if !journal.extensions.isEmpty {
      let extensions = journal.extensions
      let stage = workFolder(outputFolder) + "/stage"
      try RowPipeline.run(try CSVReader(path: stage + "/manifest.csv"), reading: { $0 }) {
        record -> [String] in
        guard record.fields.count > 1, !record.fields[1].isEmpty else { return [] }
        return extensions.compactMap { fileExtension in
          var info = stat()
          let path = "\(outputFolder)/\(record.fields[1]).\(fileExtension)"
          guard lstat(path, &info) == 0 else { return nil }
          let kind = info.st_mode & S_IFMT
          return kind == S_IFREG || kind == S_IFLNK ? nil : path
        }
      } collect: { _, paths in
        taken += paths
      }
    }
    guard !taken.isEmpty else { return }
    let shown = taken.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
    let more = taken.count > 3 ? " and \(taken.count - 3) more" : ""
    throw BoardpackError(
      "cannot publish: \(shown)\(more) \(taken.count == 1 ? "is a folder or other non-file where a letter must go" : "are folders or other non-files where letters must go"); "
        + "move \(taken.count == 1 ? "it" : "them") away and merge again (nothing was changed)",
      at: SourceLocation(file: outputFolder))
  }

  /// Carries out the publish `journal` describes, from wherever it stopped: every step is a
  /// rename or removal that is skipped once done, so it may be run again after a kill. Returns how
  /// many files of an earlier merge it removed.
  @discardableResult
  static func finish(_ journal: Journal, in outputFolder: String) throws(BoardpackError) -> Int {
    let work = workFolder(outputFolder)
    let stage = work + "/stage"
    let stagedManifest = stage + "/manifest.csv"
    let manifest = outputFolder + "/" + MergeJob.manifestName + ".csv"
    let oldManifest = work + "/old-manifest.csv"
    let published = exists(stagedManifest) == false
    // The old manifest goes aside first, so it names the old letters to remove at the end.
    if !published, exists(manifest), !exists(oldManifest) {
      try move(manifest, to: oldManifest)
    }
    if !published {
      if !journal.extensions.isEmpty {
        var failure: BoardpackError?
        try RowPipeline.run(try CSVReader(path: stagedManifest), reading: { $0 }) {
          record -> BoardpackError? in
          guard record.fields.count > 1, !record.fields[1].isEmpty else { return nil }
          for fileExtension in journal.extensions {
            let name = "\(record.fields[1]).\(fileExtension)"
            guard exists(stage + "/" + name) else { continue }
            do throws(BoardpackError) {
              try move(stage + "/" + name, to: outputFolder + "/" + name)
            } catch {
              return error
            }
          }
          return nil
        } collect: { _, error in
          failure = failure ?? error
        }
        if let failure { throw failure }
      }
      for file in journal.combined where exists(stage + "/" + file) {
        try move(stage + "/" + file, to: outputFolder + "/" + file)
      }
      try move(stagedManifest, to: manifest)
    }
    var removed = 0
    if exists(oldManifest) {
      removed = removeOldLetters(listedIn: oldManifest, keeping: journal, in: outputFolder)
      FaultInjection.step()
      unlink(oldManifest)
    }
    FaultInjection.step()
    try? FileManager.default.removeItem(atPath: work)
    return removed
  }

  /// Removes the letters of the old manifest, and old combined documents (`letters.fodt`,
  /// `letters-0001.fodt`, …), that the new set does
  /// not have (the new names are held as 8-byte hashes); names that are not plain file names are
  /// left alone. Best effort: a manifest that
  /// cannot be read (edited by hand) removes nothing.
  static func removeOldLetters(
    listedIn oldManifest: String, keeping journal: Journal, in outputFolder: String
  ) -> Int {
    var removed = 0
    let newManifest = outputFolder + "/" + MergeJob.manifestName + ".csv"
    var kept = Set<UInt64>()
    if !journal.extensions.isEmpty {
      guard let reader = try? CSVReader(path: newManifest),
        let file = reader.header.firstIndex(of: "file")
      else { return 0 }
      try? reader.forEachRecord { record in
        if !record.fields[file].isEmpty { kept.insert(exactHash(record.fields[file])) }
      }
    }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? []
    where MergeJob.isCombinedFile(name, extensions: MergeJob.letterExtensions)
      && !journal.combined.contains(name)
    {
      FaultInjection.step()
      if unlink(outputFolder + "/" + name) == 0 { removed += 1 }
    }
    guard let reader = try? CSVReader(path: oldManifest),
      let file = reader.header.firstIndex(of: "file")
    else { return removed }
    try? reader.forEachRecord { record in
      let name = record.fields[file]
      guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return }
      let isKept = kept.contains(exactHash(name))
      for fileExtension in MergeJob.letterExtensions
      where !(isKept && journal.extensions.contains(fileExtension)) {
        let path = "\(outputFolder)/\(name).\(fileExtension)"
        if exists(path) {
          FaultInjection.step()
          if unlink(path) == 0 { removed += 1 }
        }
      }
    }
    return removed
  }

  /// Finishes a publish that a killed merge left half done, and removes what killed merges left
  /// staged; returns whether there was anything. Call it holding the merge lock.
  static func recover(_ outputFolder: String) throws(BoardpackError) -> Bool {
    let outputFolder = trimmed(outputFolder)
    var found = false
    let work = workFolder(outputFolder)
    if let journal = Journal(contentsOf: work + "/journal") {
      try finish(journal, in: outputFolder)
      found = true
    } else if exists(work) {
      try? FileManager.default.removeItem(atPath: work)
      found = true
    }
    // Staging folders of merges killed before publishing: siblings, and (from Boardpack before
    // the journal) hidden folders inside the output folder.
    let prefix = siblingPrefix(outputFolder)
    let (parent, _) = split(prefix)
    let start = split(prefix).name
    for entry
      in (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
    where entry.hasPrefix(start) {
      try? FileManager.default.removeItem(atPath: parent + entry)
      found = true
    }
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? []
    where entry.hasPrefix(siblingMarker) {
      try? FileManager.default.removeItem(atPath: outputFolder + "/" + entry)
      found = true
    }
    return found
  }

  /// The entries of `outputFolder` that no earlier merge wrote there: all but its manifest, the
  /// letters that manifest names (in any format), the combined documents and Boardpack's work
  /// folder. Empty when the folder is not there.
  static func foreignEntries(in outputFolder: String) -> [String] {
    let outputFolder = trimmed(outputFolder)
    guard var entries = try? FileManager.default.contentsOfDirectory(atPath: outputFolder) else {
      return []
    }
    let own: Set<String> = [MergeJob.manifestName + ".csv", workName]
    entries.removeAll {
      own.contains($0) || MergeJob.isCombinedFile($0, extensions: MergeJob.letterExtensions)
    }
    guard !entries.isEmpty else { return [] }
    var written = Set<UInt64>()
    if let reader = try? CSVReader(path: outputFolder + "/" + MergeJob.manifestName + ".csv"),
      let file = reader.header.firstIndex(of: "file")
    {
      try? reader.forEachRecord { record in
        let name = record.fields[file]
        guard !name.isEmpty else { return }
        for fileExtension in MergeJob.letterExtensions {
          written.insert(exactHash(name + "." + fileExtension))
        }
      }
    }
    return entries.filter { !written.contains(exactHash($0)) }.sorted()
  }

  /// FNV-1a over the name's UTF-8, case kept: on a file system that tells case apart, an old
  /// "Blaby" is not replaced by a new "blaby".
  static func exactHash(_ name: String) -> UInt64 {
    name.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// Renames `source` to `target` (replacing a file there), as one step of a publish.
  static func move(_ source: String, to target: String) throws(BoardpackError) {
    FaultInjection.step()
    guard rename(source, target) == 0 else {
      throw failure("cannot publish the file", at: target)
    }
  }

  static func failure(_ what: String, at path: String) -> BoardpackError {
    BoardpackError("\(what): \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
  }

  /// What a publish into a folder that is there does, written before its first step so that the
  /// next merge can finish it: the extensions of each letter's files, and the combined documents.
  /// The staged files are in `OUT/.boardpack-merge/stage`.
  struct Journal: Equatable {
    var extensions: [String]
    var combined: [String]

    init(extensions: [String], combined: [String]) {
      self.extensions = extensions
      self.combined = combined
    }

    static let heading = "boardpack merge journal 1"

    /// The journal at `path`; nil when there is none, or it is not a whole journal (it is written
    /// to a temporary file and renamed, so a half-written one is never at `path`).
    init?(contentsOf path: String) {
      guard let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8)
      else { return nil }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard lines.count >= 3, lines[0] == Self.heading, lines[1].hasPrefix("extensions:"),
        lines[2].hasPrefix("combined:")
      else { return nil }
      extensions = lines[1].dropFirst("extensions:".count).split(separator: " ").map(String.init)
      combined = lines[2].dropFirst("combined:".count).split(separator: " ").map(String.init)
      // A journal names only Boardpack's own files.
      guard extensions.allSatisfy(MergeJob.letterExtensions.contains),
        combined.allSatisfy({ MergeJob.isCombinedFile($0, extensions: MergeJob.letterExtensions) })
      else { return nil }
    }

    /// Writes the journal to `path` through a temporary file, flushed to disk before it is renamed.
    func write(to path: String) throws(BoardpackError) {
      let text =
        "\(Self.heading)\nextensions: \(extensions.joined(separator: " "))\n"
        + "combined: \(combined.joined(separator: " "))\n"
      let temporary = path + ".tmp"
      let file = try FileSink(path: temporary)
      try file.write([Data(text.utf8)])
      try file.synchronise()
      try file.close()
      FaultInjection.step()
      guard rename(temporary, path) == 0 else {
        throw failure("cannot write the journal", at: path)
      }
    }
  }
}

/// A test's way to stop a publish partway as a kill would: with `BOARDPACK_FAULT_AFTER_PUBLISH_STEPS=N`
/// set, the process exits at once (no clean-up) on the Nth step of a publish (a rename, removal or
/// journal write).
enum FaultInjection {
  static let limit: Int? = getenv("BOARDPACK_FAULT_AFTER_PUBLISH_STEPS").flatMap {
    Int(String(cString: $0))
  }
  private static let lock = NSLock()
  nonisolated(unsafe) private static var steps = 0

  static func step() {
    guard let limit else { return }
    lock.lock()
    steps += 1
    let reached = steps >= limit
    lock.unlock()
    if reached { _exit(86) }
  }
}
