import ArgumentParser
import Boardpack
import Foundation

/// `boardpack-bench validate`: the whole June 2026 agenda pack, read and checked, in each format
/// it is held in; reading the `.docx` should take no more than twice the `.fodt`.
struct ValidateBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Validate the June 2026 agenda pack as XHTML, LibreOffice FODT, DOCX, ODT and HTML (target: under 100 ms; DOCX within twice FODT)."
  )

  @Option(help: "How many timed runs.") var runs = 21

  func run() throws {
    let folder = "Tests/BoardpackTests/Fixtures/seeds/"
    var medians: [String: (total: Duration, reading: Duration)] = [:]
    for format in ["xhtml", "fodt", "docx", "odt", "libreoffice.html"] {
      let name = "agenda-pack-2026-06-23." + format
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
      medians[format] = (total, reading)
    }
    if let docx = medians["docx"], let fodt = medians["fodt"] {
      print(
        String(
          format: "docx against fodt: read and check %.2f×, reading %.2f× (target: at most 2×)",
          docx.total / fodt.total, docx.reading / fodt.reading))
    }
  }
}
