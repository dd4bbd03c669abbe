import Foundation

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a merge: the merge stops at its next row, removes
/// what it staged and its lock, and the process exits with 128 + the signal's number (130, 143,
/// 129), leaving the output folder as it was. A signal while the letters are being published lets
/// the publish finish (it is quick, and all or nothing); a second signal, or one when no merge is
/// running, ends the process at once (the next merge into the folder removes what is left).
public enum Interruption {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var caught: Int32 = 0
  nonisolated(unsafe) private static var watching = 0
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Catches the signals for the rest of the process; call once, from the command line tool.
  public static func install() {
    for number in signals {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { received(number) }
      source.resume()
      sources.append(source)
    }
  }

  /// The signal that stopped the merge, if one did.
  public static var caughtSignal: Int32? {
    lock.withLock { caught == 0 ? nil : caught }
  }

  static func received(_ number: Int32) {
    let stopsAtOnce = lock.withLock {
      let atOnce = caught != 0 || watching == 0
      caught = number
      return atOnce
    }
    if stopsAtOnce { _exit(128 + number) }
  }

  /// Runs `body`, a merge from taking its lock to publishing, during which a signal stops the merge through `check()`
  /// rather than the process.
  static func watching<T>(_ body: () throws(BoardpackError) -> T) throws(BoardpackError) -> T {
    lock.withLock { watching += 1 }
    defer { lock.withLock { watching -= 1 } }
    return try body()
  }

  /// Throws once a signal has been caught, saying that the merge into `outputFolder` changed nothing.
  static func check(_ outputFolder: String) throws(BoardpackError) {
    guard let signal = caughtSignal else { return }
    throw BoardpackError(
      "stopped by \(name(of: signal)); nothing was written and the folder is as it was",
      at: SourceLocation(file: outputFolder))
  }

  static func name(of signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    default: "signal \(signal)"
    }
  }
}
