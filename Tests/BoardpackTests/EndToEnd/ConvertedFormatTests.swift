import Boardpack
import Foundation
import Testing

/// Formats Boardpack does not read itself (`.doc`, `.rtf`) go through LibreOffice when it is
/// installed, and give a clear error when it is not.
@Suite struct ConvertedFormatTests {
  static let paper = Snapshot.packageRoot.appendingPathComponent(
    "Tests/BoardpackTests/Fixtures/seeds/lrscsb-2025-06-20.fodt")

  /// The findings of the paper as LibreOffice reads it back: RTF keeps no header row, so its table
  /// is one without (and its empty "Sum" column goes unnamed).
  @Test(arguments: [
    (
      "doc",
      [
        "text-total warning £40,474.77", "numbering error 10",
        "date warning Tuesday 10th June 2025",
      ]
    ),
    (
      "rtf",
      ["accessibility warning ", "numbering error 10", "date warning Tuesday 10th June 2025"]
    ),
  ])
  func readsThroughLibreOffice(_ format: String, _ expected: [String]) throws {
    let converted = try LibreOffice.convert(
      try Data(contentsOf: Self.paper), named: "lrscsb-2025-06-20.fodt", to: format)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-converted-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("paper.\(format)")
    try converted.write(to: file)
    let found = Validator().check(try PaperFile.read(path: file.path), file: "paper")
    #expect(
      found.map { "\($0.rule.rawValue) \($0.severity.rawValue) \($0.stated ?? "")" } == expected)
  }

  @Test func saysSoWhenLibreOfficeIsMissing() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-\(UUID().uuidString).rtf")
    try Data(#"{\rtf1\ansi 1. A paragraph.\par}"#.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = BoardpackCLI.executable
    process.arguments = ["validate", file.path]
    process.environment = ["PATH": "/nonexistent"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    #expect(
      printed.hasPrefix(
        "\(file.path): error: reading this file needs LibreOffice, which is not installed "
          + "(apt-get install libreoffice-writer-nogui); or save it as .docx, .odt or .fodt\n"))
  }
}
