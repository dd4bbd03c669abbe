import Boardpack
import Foundation
import Testing

/// Hostile and broken packages (`Fixtures/hostile/`, made by its `make_hostile.py`): each is
/// refused with an error that names the file and says why, quickly, and `boardpack validate`
/// reports it as unreadable with exit status 2.
@Suite struct PackageTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../Fixtures/hostile").standardizedFileURL.path

  static let cases: [(String, String)] = [
    (
      "bomb.docx",
      "word/document.xml is compressed 948 to 1, a zip bomb's ratio; Boardpack refuses it"
    ),
    (
      "huge.docx",
      "word/document.xml would inflate to 300000000 bytes, more than Boardpack reads (268435456)"
    ),
    (
      "lying.docx",
      "word/document.xml inflates to more than the 600 bytes it states; Boardpack refuses it"
    ),
    (
      "slip.docx",
      "the package holds a member whose path leaves the package (../../evil.xml); Boardpack refuses it"
    ),
    ("no-document.docx", "not a Word document: the package has no word/document.xml"),
    ("renamed.docx", "not a Word document: the file is not a zip package"),
    (
      "encrypted.docx",
      "the document is encrypted (password-protected); save an unprotected copy to check it"
    ),
    (
      "encrypted-member.docx",
      "the package has encrypted members; save an unprotected copy to check it"
    ),
    (
      "encrypted.odt",
      "the document is encrypted (password-protected); save an unprotected copy to check it"
    ),
  ]

  @Test(arguments: cases)
  func refuses(_ name: String, _ message: String) {
    let path = Self.folder + "/" + name
    let start = Date()
    #expect(throws: BoardpackError(message, at: SourceLocation(file: path))) {
      try PaperFile.read(path: path)
    }
    #expect(Date().timeIntervalSince(start) < 20)
  }

  @Test func readsAPackageByWhatItHoldsWhateverItsName() throws {
    let seeds = URL(fileURLWithPath: Self.folder + "/../seeds").standardizedFileURL
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-renamed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // The same findings, each at its own file's line.
    func withoutLines(_ found: [Diagnostic]) -> [Diagnostic] {
      found.map { diagnostic in
        var diagnostic = diagnostic
        diagnostic.source = nil
        return diagnostic
      }
    }
    let expected = withoutLines(
      Validator().check(
        try PaperFile.read(path: seeds.appendingPathComponent("lrscsb-2025-06-20.fodt").path),
        file: "paper"))
    for source in ["lrscsb-2025-06-20.odt", "lrscsb-2025-06-20.docx"] {
      let renamed = folder.appendingPathComponent("paper.fodt")
      try? FileManager.default.removeItem(at: renamed)
      try FileManager.default.copyItem(at: seeds.appendingPathComponent(source), to: renamed)
      #expect(
        withoutLines(Validator().check(try PaperFile.read(path: renamed.path), file: "paper"))
          == expected,
        "\(source)")
    }
  }

  @Test func validateReportsEachAsUnreadable() throws {
    let paths = Self.cases.map { "Tests/BoardpackTests/Fixtures/hostile/" + $0.0 }
    let result = try BoardpackCLI.run(["validate", "--format", "json"] + paths)
    #expect(result.status == 2)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(
      object["summary"] as? [String: Int]
        == ["files": paths.count, "errors": 0, "warnings": 0, "unreadable": paths.count])
    let unreadable = try #require(object["unreadable"] as? [[String: String]])
    #expect(unreadable.map { $0["file"] } == paths)
    #expect(unreadable.map { $0["message"] } == Self.cases.map(\.1))
  }
}
