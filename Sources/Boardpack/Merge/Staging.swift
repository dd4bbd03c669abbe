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
  /// folder, on all cores, then removes the staging folder with what is left in it: the files of
  /// rows not named. The first failure, in row order, is thrown once every rename has been tried.
  func publish(_ names: [String?], extensions: [String]) throws(BoardpackError) {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let chunk = RowPipeline.chunkSize * 8
    let chunks = (names.count + chunk - 1) / chunk
    let failures = [BoardpackError?](unsafeUninitializedCapacity: chunks) { buffer, count in
      // Each chunk initialises its own element of the buffer.
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { index in
        var failure: BoardpackError?
        for row in index * chunk..<min(names.count, (index + 1) * chunk) {
          guard let name = names[row] else { continue }
          for fileExtension in extensions {
            do throws(BoardpackError) {
              try OutputFile.move(
                path(of: row + 1, fileExtension), to: "\(outputFolder)/\(name).\(fileExtension)")
            } catch {
              failure = failure ?? error
            }
          }
        }
        (output.baseAddress! + index).initialize(to: failure)
      }
      count = chunks
    }
    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
  }

  /// Removes every staged file, and the output folder if the merge created it and it is empty.
  func discard() {
    try? FileManager.default.removeItem(atPath: folder)
    if !outputExisted { rmdir(outputFolder) }
  }
}
