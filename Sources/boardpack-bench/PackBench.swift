import ArgumentParser
import Boardpack
import Foundation

/// `boardpack-bench pack`: the 23 June 2026 panel's whole pack, from its meeting file and the
/// papers' inputs to one `.xhtml` and one `.fodt`, checked as `boardpack pack` checks it (each
/// paper, and the papers against each other); no PDF.
struct PackBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pack",
    abstract:
      "Compile the June 2026 panel pack in both formats, without the PDF (target: under 1 s).")

  @Option(help: "The meeting file.") var meeting = "Inputs/meetings/2026-06-23-panel.yaml"
  @Option(help: "How many timed runs.") var runs = 11

  func run() throws {
    let folder = try Bench.scratchFolder("pack")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let templates = TemplateLibrary(directory: "Templates")
    let writers = PaperWriters(
      xhtml: true, fodt: try ReferenceDocument(contentsOf: "Templates/reference.fodt"))
    var pages = 0
    let time = try Bench.median(runs: runs) {
      let packs = try Pack.packs(forMeetingAt: meeting, templates: templates)
      let full = packs.last!
      _ = Validator().check(full.paperSet)
      _ = try writers.write(packs.map { ("pack-" + $0.edition.rawValue, $0) }, into: folder)
      pages = full.papers.count
    }
    let bytes = try FileManager.default.contentsOfDirectory(atPath: folder).reduce(0) {
      $0
        + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + $1)[.size] as? Int)
          ?? 0)
    }
    print(
      "pack: \(meeting), \(pages) papers → .xhtml + .fodt (\(bytes / 1024) KiB), median of \(runs) runs"
    )
    print(
      "  per pack   \(Bench.milliseconds(time))  (read and generate every paper; check each and across; render; write both)"
    )
  }
}
