import ArgumentParser
import Foundation

/// `boardpack-bench`: the speed and accuracy targets, measured in a release build
/// (`swift run -c release boardpack-bench`).
@main
struct BoardpackBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "boardpack-bench",
    abstract:
      "Measure Boardpack's speed and accuracy targets; run from the package root in a release build.",
    discussion: """
      Files are written under $TMPDIR, else /dev/shm (a tmpfs, so the disk's write bursts do not \
      skew the figures); each figure is compared with a floor measured in the same run.
      """,
    subcommands: [
      GenerateBench.self, ValidateBench.self, PackBench.self, MergeBenchCommand.self,
      AccuracyBench.self, ProcessBench.self,
      All.self,
    ],
    defaultSubcommand: All.self
  )

  /// Every benchmark in turn.
  struct All: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "all", abstract: "Run every benchmark.")

    func run() throws {
      try GenerateBench.parse([]).run()
      try ValidateBench.parse([]).run()
      try PackBench.parse([]).run()
      try MergeBench.run(rows: 10_000)
      try AccuracyBench.parse([]).run()
      try ProcessBench.parse([]).run()
    }
  }

  /// `boardpack-bench merge [ROWS]`.
  struct MergeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge ROWS CSP letters in both formats, against the I/O floor.")

    @Argument(help: "How many letters.") var rows = 10_000

    @Flag(help: "Name the partnerships by the nine CSP names, repeated, so that the names clash.")
    var repeatedNames = false

    func run() throws { try MergeBench.run(rows: rows, repeatedNames: repeatedNames) }
  }
}

/// Timing helpers shared by the benchmarks.
enum Bench {
  /// A fresh folder on a tmpfs (or $TMPDIR when set), removed by the caller.
  static func scratchFolder(_ name: String) throws -> String {
    let base =
      ProcessInfo.processInfo.environment["TMPDIR"]
      ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    let folder = base + "/boardpack-bench-\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The median of `runs` timings of `body`, after one warm-up run.
  static func median(runs: Int, _ body: () throws -> Void) rethrows -> Duration {
    try body()
    var times: [Duration] = []
    for _ in 0..<runs { times.append(try ContinuousClock().measure(body)) }
    return times.sorted()[runs / 2]
  }

  /// "12.34 ms".
  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.2f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
  }
}
