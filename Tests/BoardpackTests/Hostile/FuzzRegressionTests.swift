import Foundation
import Testing

/// Every input kept in `Fixtures/fuzz/TARGET/` (a crash, hang or blow-up that fuzzing or the
/// catalogue of issue 15 found) is fed again to its reader and everything after it, by
/// `boardpack-fuzz` in a process of its own, so that a trap fails this test instead of the run.
@Suite struct FuzzRegressionTests {
  static let folder = Snapshot.packageRoot.path + "/Tests/BoardpackTests/Fixtures/fuzz"

  @Test(arguments: ["paper", "template", "data", "xlsx", "ods", "xhtml", "fodt", "docx", "odt"])
  func keptInputsEndInADocumentOrAnError(_ target: String) throws {
    let inputs = try FileManager.default.contentsOfDirectory(atPath: Self.folder + "/" + target)
      .filter { !$0.hasPrefix(".") }.sorted().map { Self.folder + "/" + target + "/" + $0 }
    #expect(!inputs.isEmpty)
    let result = try BoardpackCLI.run([target] + inputs, program: "boardpack-fuzz")
    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == inputs.count)
    for line in lines {
      #expect(line.contains(": ok") || line.contains(": error: "), "\(line)")
      // "PATH: 0.012 seconds: …": each input is done with quickly.
      let seconds = line.split(separator: ": ").dropFirst().first.flatMap {
        Double($0.split(separator: " ").first ?? "")
      }
      #expect((seconds ?? 99) < 60, "\(line)")
    }
  }
}
