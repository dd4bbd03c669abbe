import ArgumentParser
import Boardpack
import Foundation

/// `boardpack-bench validate`: the whole June 2026 agenda pack, read and checked.
struct ValidateBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Validate the June 2026 agenda pack, as XHTML and as LibreOffice FODT (target: under 100 ms)."
  )

  @Option(help: "How many timed runs.") var runs = 21

  func run() throws {
    let folder = "Tests/BoardpackTests/Fixtures/seeds/"
    for name in ["agenda-pack-2026-06-23.xhtml", "agenda-pack-2026-06-23.fodt"] {
      let path = folder + name
      var findings = 0
      let total = try Bench.median(runs: runs) {
        findings = Validator().check(try PaperFile.read(path: path), file: path).count
      }
      let reading = try Bench.median(runs: runs) { _ = try PaperFile.read(path: path) }
      print("validate: \(name), median of \(runs) runs: \(findings) findings")
      print(
        "  read and check  \(Bench.milliseconds(total))  (of which reading \(Bench.milliseconds(reading)))"
      )
    }
  }
}
