import Foundation

/// Progress on standard error: on a terminal (with `CI` unset), a bar redrawn in place; elsewhere,
/// as in a log, a line every few seconds with the rows done, the rate and the time left.
public final class ProgressBar {
  public let total: Int
  public let enabled: Bool
  /// Whether the bar is redrawn in place, rather than written as lines.
  public let redraws: Bool
  private var shown = -1
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var lastLine: ContinuousClock.Instant
  /// How often a line is written when the bar is not redrawn: 5 s, or `BOARDPACK_PROGRESS_SECONDS`
  /// (for tests).
  static let lineInterval = Duration.seconds(
    ProcessInfo.processInfo.environment["BOARDPACK_PROGRESS_SECONDS"].flatMap(Double.init) ?? 5)

  public init(total: Int, enabled: Bool = true, redraws: Bool = ProgressBar.isWanted) {
    self.total = total
    self.enabled = enabled && total > 0
    self.redraws = redraws
    started = clock.now
    lastLine = started
  }

  /// Whether standard error is a terminal a bar can be redrawn on.
  public static var isWanted: Bool {
    isatty(2) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
  }

  /// Redraws the bar for `done` of `total`, at most once per percent; or writes a line when
  /// `lineInterval` has passed since the last.
  public func update(_ done: Int) {
    guard enabled else { return }
    guard redraws else {
      let now = clock.now
      guard now - lastLine >= Self.lineInterval else { return }
      lastLine = now
      FileHandle.standardError.write(
        Data((Self.line(done: done, of: total, in: now - started) + "\n").utf8))
      return
    }
    let percent = done * 100 / total
    guard percent != shown else { return }
    shown = percent
    let filled = percent * 30 / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
    FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) letters".utf8))
  }

  /// "merge: 12,000 of 50,000 rows, 2,400 rows/s, about 16 s left".
  static func line(done: Int, of total: Int, in elapsed: Duration) -> String {
    let rate = elapsed > .zero ? Double(done) / elapsed.seconds : 0
    let left = rate > 0 ? Int((Double(max(0, total - done)) / rate).rounded(.up)) : nil
    return
      "merge: \(UKFormat.number(Decimal(done), places: 0)) of \(UKFormat.number(Decimal(total), places: 0)) rows, "
      + "\(UKFormat.number(Decimal(Int(rate)), places: 0)) rows/s"
      + (left.map { ", about \($0) s left" } ?? "")
  }

  /// Ends the bar's line.
  public func finish() {
    guard enabled, redraws, shown >= 0 else { return }
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
