import Foundation
import Testing

/// Golden files in `Tests/BoardpackTests/Snapshots/`, compared byte for byte and re-recorded
/// only when `BOARDPACK_RECORD=1` is set.
enum Snapshot {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Records an issue unless `data` equals the snapshot `name`.
  static func expect(_ data: Data, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = packageRoot.appendingPathComponent("Tests/BoardpackTests/Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["BOARDPACK_RECORD"] == "1" {
      try data.write(to: file)
      return
    }
    guard let expected = try? Data(contentsOf: file) else {
      Issue.record("no snapshot \(name); run with BOARDPACK_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    if expected != data {
      let actual = file.deletingPathExtension().appendingPathExtension("actual." + file.pathExtension)
      let saved = FileManager.default.temporaryDirectory.appendingPathComponent(actual.lastPathComponent)
      try data.write(to: saved)
      Issue.record(
        "\(name) differs from its snapshot; output saved to \(saved.path) (BOARDPACK_RECORD=1 re-records)",
        sourceLocation: sourceLocation)
    }
  }
}
