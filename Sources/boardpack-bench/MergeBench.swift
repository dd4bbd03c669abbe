import Boardpack
import Foundation

/// `boardpack-bench merge [ROWS] [--repeated-names]`: the CSP letter merged for ROWS synthetic
/// partnerships in both formats, against the I/O floor of writing the same bytes untemplated.
enum MergeBench {
  static func run(rows: Int, repeatedNames: Bool = false) throws {
    let folder = try Bench.scratchFolder("merge")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let template = try LetterTemplate(contentsOf: "Templates/csp-partner-letter.yaml")
    let writers = PaperWriters(
      xhtml: true, fodt: try ReferenceDocument(contentsOf: "Templates/reference.fodt"))
    let timings = try MergeBenchmark.run(
      template: template, rows: rows, repeatedNames: repeatedNames, writers: writers,
      in: folder)
    print(
      "merge: \(timings.letters) letters\(repeatedNames ? " (nine names repeated)" : "") x \(timings.filesPerLetter) files on \(ProcessInfo.processInfo.activeProcessorCount) cores"
    )
    print("  total    \(timings.merge) (streaming pass \(timings.checking))")
    print("  rate     \(Int(timings.lettersPerSecond)) letters/s")
    print("  floor    \(timings.floor) (same bytes, no templating)")
    print("  ratio    \(String(format: "%.2f", timings.ratioToFloor))x the floor")
    print(
      "  cpu      merge \(timings.mergeCPU), floor \(timings.floorCPU): "
        + "\(String(format: "%.2f", timings.cpuRatioToFloor))x")
  }
}
