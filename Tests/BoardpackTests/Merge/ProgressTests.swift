import Foundation
import Testing

@testable import Boardpack

/// Progress when standard error is not a terminal: a line every few seconds (issue 12).
@Suite struct ProgressTests {
  @Test func aLineTellsTheRowsDoneTheRateAndTheTimeLeft() {
    #expect(
      ProgressBar.line(done: 12_000, of: 50_000, in: .seconds(5))
        == "merge: 12,000 of 50,000 rows, 2,400 rows/s, about 16 s left")
    #expect(ProgressBar.line(done: 0, of: 10, in: .zero) == "merge: 0 of 10 rows, 0 rows/s")
  }

  @Test func aMergeWritesProgressLinesToALog() throws {
    let directory = TemporaryDirectory()
    var rows = "Name,Amount,Spent\n"
    for row in 1...300 { rows += "Area \(row),£\(row),Nil\n" }
    let data = directory.write("data.csv", rows)
    let template = try MergeFixtures.small(in: directory)
    // Standard error is a pipe here, not a terminal: lines, never a redrawn bar.
    let result = try BoardpackCLI.run(
      [
        "merge", "--template", template.path, "--data", data, "--out", directory.path + "/out",
        "--format", "xhtml",
      ], environment: ["BOARDPACK_PROGRESS_SECONDS": "0"])
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.errors.split(separator: "\n")
    #expect(!result.errors.contains("\r"))
    // A line for each row at this interval; the summary goes to standard output.
    #expect(lines.count == 300)
    #expect(lines.allSatisfy { $0.hasPrefix("merge: ") && $0.contains(" of 300 rows, ") })
    #expect(lines[0].hasPrefix("merge: 1 of 300 rows, ") && lines[0].hasSuffix(" s left"))
    #expect(lines[299].hasPrefix("merge: 300 of 300 rows, "))
  }
}
