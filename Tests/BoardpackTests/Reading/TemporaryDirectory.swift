import Foundation

/// A fresh directory under the system's temporary folder, for tests that need files on disk;
/// removed with everything in it when the last reference goes.
final class TemporaryDirectory: Sendable {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "boardpack-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` (as UTF-8) to `name` inside the directory, creating folders, and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    write(name, Data(text.utf8))
  }

  /// Writes `data` to `name` inside the directory, creating folders, and returns its path.
  @discardableResult
  func write(_ name: String, _ data: Data) -> String {
    let file = path + "/" + name
    try! FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try! data.write(to: URL(fileURLWithPath: file))
    return file
  }
}
