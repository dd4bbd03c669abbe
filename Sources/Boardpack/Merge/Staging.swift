import Foundation

/// A hidden folder that holds a merge's files under their final names until every row has been
/// checked: then they are published into the output folder, or all removed.
///
/// When the output folder is not there before the merge, the staging folder is its hidden sibling
/// and publishing renames it into place in one call; otherwise it is inside the output folder and
/// each file is renamed into place.
struct Staging: Sendable {
  let outputFolder: String
  let folder: String
  /// Whether the output folder was there before the merge (so the staging folder is inside it).
  let outputExisted: Bool

  init(outputFolder: String) {
    var outputFolder = outputFolder
    while outputFolder.count > 1, outputFolder.hasSuffix("/") { outputFolder.removeLast() }
    self.outputFolder = outputFolder
    outputExisted = FileManager.default.fileExists(atPath: outputFolder)
    let hidden = ".boardpack-merge-\(UUID().uuidString)"
    if outputExisted {
      folder = "\(outputFolder)/\(hidden)"
    } else {
      let slash = outputFolder.lastIndex(of: "/")
      let parent = slash.map { String(outputFolder[...$0]) } ?? ""
      let name =
        slash.map { String(outputFolder[outputFolder.index(after: $0)...]) } ?? outputFolder
      var short = Substring(name)
      while short.utf8.count > 64 { short.removeLast() }
      folder = "\(parent).\(short)\(hidden)"
    }
  }

  /// Where the file named `name` with `fileExtension` is staged.
  func path(of name: String, _ fileExtension: String) -> String {
    "\(folder)/\(name).\(fileExtension)"
  }

  /// Where the manifest is written during the pass; it is published with the letters.
  var manifestPath: String { path(of: MergeJob.manifestName, "csv") }

  /// Puts every staged file in the output folder: the whole staging folder at once when the output
  /// folder is still not there, else file by file: the `files` given, then those (one per extension
  /// in `extensions`) of each row the staged manifest names, reading it back a window at a time on
  /// all cores, then the manifest. The staging folder is removed afterwards. The first failure, in
  /// row order, is thrown once every rename has been tried.
  func publish(files: [String], extensions: [String]) throws(BoardpackError) {
    if !outputExisted, rename(folder, outputFolder) == 0 { return }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try? FileManager.default.createDirectory(
      atPath: outputFolder, withIntermediateDirectories: true)
    for file in files { try OutputFile.move("\(folder)/\(file)", to: "\(outputFolder)/\(file)") }
    var failure: BoardpackError?
    if !extensions.isEmpty {
      try RowPipeline.run(try CSVReader(path: manifestPath), reading: { $0 }) {
        record -> BoardpackError? in
        // The manifest's columns are row, file, …; a bad row has no file.
        guard !record.fields[1].isEmpty else { return nil }
        var failure: BoardpackError?
        for fileExtension in extensions {
          do throws(BoardpackError) {
            try OutputFile.move(
              path(of: record.fields[1], fileExtension),
              to: "\(outputFolder)/\(record.fields[1]).\(fileExtension)")
          } catch {
            failure = failure ?? error
          }
        }
        return failure
      } collect: { _, error in
        failure = failure ?? error
      }
    }
    if let failure { throw failure }
    try OutputFile.move(manifestPath, to: "\(outputFolder)/\(MergeJob.manifestName).csv")
  }

  /// Removes every staged file.
  func discard() {
    try? FileManager.default.removeItem(atPath: folder)
  }
}
