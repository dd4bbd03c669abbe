import ArgumentParser
import Boardpack
import Foundation

/// `boardpack-bench generate`: the Commissioner's Q4 update report, from YAML and CSV to both
/// formats, checked on the way as `boardpack generate` checks it.
struct GenerateBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Generate the Q4 update report in both formats (target: under 20 ms).")

  @Option(help: "The input to generate.") var input = "Inputs/pcc-update-2026-04-21-q4.yaml"
  @Option(help: "How many timed runs.") var runs = 31

  func run() throws {
    let folder = try Bench.scratchFolder("generate")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let reference = try ReferenceDocument(contentsOf: "Templates/reference.fodt")
    let writers = PaperWriters(xhtml: true, fodt: reference)
    var written: [Data] = []
    let paper = try Bench.median(runs: runs) {
      let document = try Generator(templates: TemplateLibrary(directory: "Templates")).document(
        forInputAt: input)
      _ = Validator().check(document, file: input)
      _ = try writers.write(document, named: "paper", into: folder)
    }
    for name in ["paper.xhtml", "paper.fodt"] {
      written.append(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }
    let floor = try Bench.median(runs: runs) {
      for (index, data) in written.enumerated() {
        try OutputFile.write(data, to: folder + "/floor\(index)")
      }
    }
    let bytes = written.map(\.count).reduce(0, +)
    print("generate: \(input) → .xhtml + .fodt (\(bytes / 1024) KiB), median of \(runs) runs")
    print(
      "  per paper  \(Bench.milliseconds(paper))  (read YAML, skeleton and CSVs; build; check; render; write both)"
    )
    print("  floor      \(Bench.milliseconds(floor))  (writing the same bytes)")
  }
}
