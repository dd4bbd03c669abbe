import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal and `CI` is unset.
public final class ProgressBar {
  public let total: Int
  public let enabled: Bool
  private var shown = -1

  public init(total: Int, enabled: Bool = ProgressBar.isWanted) {
    self.total = total
    self.enabled = enabled && total > 0
  }

  public static var isWanted: Bool {
    isatty(2) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
  }

  /// Redraws the bar for `done` of `total`, at most once per percent.
  public func update(_ done: Int) {
    guard enabled else { return }
    let percent = done * 100 / total
    guard percent != shown else { return }
    shown = percent
    let filled = percent * 30 / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) letters".utf8))
  }

  /// Ends the bar's line.
  public func finish() {
    guard enabled, shown >= 0 else { return }
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
