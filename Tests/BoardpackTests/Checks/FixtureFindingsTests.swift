import Boardpack
import Foundation
import Testing

/// Every fixture paper with known errors gets exactly its expected findings, in the validator's
/// order: the seed papers (`Fixtures/seeds/`, errors explained in its `ERRORS.md`) and real tables
/// written elsewhere, correct or with an error planted (`Fixtures/tables/`, see its README). The
/// seed papers LibreOffice wrote as `.fodt` are also there as LibreOffice converts them to `.docx`,
/// `.odt` and HTML (`make_conversions.py`), each with the same findings. The manifests
/// `expected.json` are also what `boardpack-bench accuracy` scores.
@Suite struct FixtureFindingsTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures").standardizedFileURL

  /// (folder/file, findings) for every entry of the folders' manifests, each finding written
  /// "rule severity stated".
  static func entries(_ folders: String...) -> [(String, [String])] {
    folders.flatMap { folder -> [(String, [String])] in
      let manifest = fixtures.appendingPathComponent("\(folder)/expected.json")
      guard let data = try? Data(contentsOf: manifest),
        let entries = try? JSONDecoder().decode([String: [String]].self, from: data)
      else { return [("\(folder)/expected.json", ["(unreadable manifest)"])] }
      return entries.sorted { $0.key < $1.key }.map { ("\(folder)/\($0.key)", $0.value) }
    }
  }

  @Test(arguments: entries("seeds", "tables"))
  func findsExactlyTheKnownErrors(_ path: String, _ expected: [String]) throws {
    let name = (path as NSString).lastPathComponent
    let document = try PaperFile.read(path: Self.fixtures.appendingPathComponent(path).path)
    let found = Validator().check(document, file: name)
    #expect(
      found.map { "\($0.rule.rawValue) \($0.severity.rawValue) \($0.stated ?? "")" } == expected)
    #expect(found.allSatisfy { $0.file == name && $0.location.report?.isEmpty == false })
  }

  @Test func theManifestsCoverEveryFixturePaper() throws {
    for folder in ["seeds", "tables"] {
      let papers = try FileManager.default.contentsOfDirectory(
        atPath: Self.fixtures.appendingPathComponent(folder).path
      ).filter { PaperFile.extensions.contains(($0 as NSString).pathExtension) }
      #expect(Set(papers.map { "\(folder)/\($0)" }) == Set(Self.entries(folder).map(\.0)))
    }
  }
}
