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

  /// Renames the files of each named row (`names[row - 1]`) to `NAME.EXTENSION` in the output
  /// folder, then removes the staging folder with what is left in it: the files of rows not named.
  func publish(_ names: [String?], extensions: [String]) throws(BoardpackError) {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (index, name) in names.enumerated() {
      guard let name else { continue }
      for fileExtension in extensions {
        try OutputFile.move(
          path(of: index + 1, fileExtension), to: "\(outputFolder)/\(name).\(fileExtension)")
      }
    }
  }

  /// Removes every staged file, and the output folder if the merge created it and it is empty.
  func discard() {
    try? FileManager.default.removeItem(atPath: folder)
    if !outputExisted { rmdir(outputFolder) }
  }
}
