import Foundation

/// A hidden folder inside a merge's output folder that holds each letter's files, named by row,
/// until every row has been checked: then they are renamed into place, or all removed.
struct Staging: Sendable {
  let outputFolder: String
  let folder: String
  /// Whether the output folder was there before the merge; if not, `discard()` removes it when empty.
  let outputExisted: Bool

  init(outputFolder: String) {
    self.outputFolder = outputFolder
    folder = "\(outputFolder)/.boardpack-merge-\(UUID().uuidString)"
    outputExisted = FileManager.default.fileExists(atPath: outputFolder)
  }

  /// Where the file with `fileExtension` for data row `row` (1-based) is staged.
  func path(of row: Int, _ fileExtension: String) -> String {
    "\(folder)/\(row).\(fileExtension)"
  }

  /// Where the manifest is written during the pass; it is published with the letters.
  var manifestPath: String { "\(folder)/\(MergeJob.manifestName).csv" }

  /// Renames the files (one per extension in `extensions`) of each row the staged manifest names
  /// to `NAME.EXTENSION` in the output folder, reading the manifest back a window at a time on all
  /// cores, then moves the manifest into place and removes the staging folder with what is left in
  /// it: the files of rows not named. The first failure, in row order, is thrown once every rename
  /// has been tried.
  func publish(extensions: [String]) throws(BoardpackError) {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var failure: BoardpackError?
    if !extensions.isEmpty {
      try RowPipeline.run(try CSVReader(path: manifestPath)) { record -> BoardpackError? in
        // The manifest's columns are row, file, …; a bad row has no file.
        guard let row = Int(record.fields[0]), !record.fields[1].isEmpty else { return nil }
        var failure: BoardpackError?
        for fileExtension in extensions {
          do throws(BoardpackError) {
            try OutputFile.move(
              path(of: row, fileExtension),
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

  /// Removes every staged file, and the output folder if the merge created it and it is empty.
  func discard() {
    try? FileManager.default.removeItem(atPath: folder)
    if !outputExisted { rmdir(outputFolder) }
  }
}
