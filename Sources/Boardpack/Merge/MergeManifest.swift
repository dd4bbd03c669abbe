import CSV
import Foundation

/// The manifest every merge writes beside its letters: one CSV row per data row, with its file
/// name, key, what happened to it and the template's manifest figures.
struct MergeManifest {
  private let stream = OutputStream(toMemory: ())
  private let writer: CSVWriter

  init(figures: [String]) throws(BoardpackError) {
    stream.open()
    do {
      writer = try CSVWriter(stream: stream)
      try writer.write(row: ["row", "file", "key", "status"] + figures)
    } catch {
      throw BoardpackError(
        "cannot start the manifest: \(error)", at: SourceLocation(file: "manifest.csv"))
    }
  }

  func add(row: Int, file: String, key: String, status: String, figures: [String])
    throws(BoardpackError)
  {
    do {
      try writer.write(row: [String(row), file, key, status] + figures)
    } catch {
      throw BoardpackError(
        "cannot add to the manifest: \(error)", at: SourceLocation(file: "manifest.csv"))
    }
  }

  /// The CSV so far, ending with a newline.
  var data: Data {
    var bytes = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    bytes.append(contentsOf: "\n".utf8)
    return bytes
  }
}
