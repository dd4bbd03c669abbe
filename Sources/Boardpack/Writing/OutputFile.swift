import Foundation

/// Writes output files whole or not at all: bytes go to a temporary file beside the target,
/// which is then renamed over it, so a failed run never leaves a half-written paper.
public enum OutputFile {
  public static func write(_ data: Data, to path: String) throws(BoardpackError) {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try data.write(to: temporary)
      if rename(temporary.path, target.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw BoardpackError("cannot write the file: \(error.localizedDescription)", at: SourceLocation(file: path))
    }
  }
}
