import Foundation
import Testing

/// `boardpack validate` on the shapes of input a user gives it: a folder, several files, standard
/// input, and files that cannot be read among them.
@Suite struct ValidateInputTests {
  static let seeds = "Tests/BoardpackTests/Fixtures/seeds"

  @Test func readsAFolderRecursivelyInPathOrder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-folder-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let inner = folder.appendingPathComponent("b")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
    let source = Snapshot.packageRoot.appendingPathComponent(Self.seeds)
    for (name, target) in [
      ("lrscsb-2025-06-20.docx", "b/z.docx"), ("pcc-update-2024-10-28.odt", "a.odt"),
      ("complaints-2026-06-23.xhtml", "b/a.xhtml"),
    ] {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(name), to: folder.appendingPathComponent(target))
    }
    try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    try Data("lock".utf8).write(to: inner.appendingPathComponent(".~lock.z.docx#"))
    let result = try BoardpackCLI.run(["validate", folder.path + "/"])
    let files = result.output.split(separator: "\n").compactMap { line in
      line.split(separator: ":").first.map(String.init)
    }.filter { $0.hasPrefix(folder.path) }
    let order = files.enumerated().filter { $0.offset == 0 || files[$0.offset - 1] != $0.element }
      .map(\.element)
    #expect(order == ["\(folder.path)/a.odt", "\(folder.path)/b/z.docx"])
    #expect(result.output.hasSuffix("2 errors, 2 warnings in 3 files\n"))
    #expect(result.status == 1)
  }

  /// A folder's YAML files are inputs, meeting files or templates, checked only when named: the
  /// run says how many it passed over; a meeting file named is pointed to `pack`.
  @Test func saysWhatItPassesOverAndPointsAMeetingFileToPack() throws {
    let folder = TemporaryDirectory()
    folder.write("inputs/paper.yaml", "template: nonesuch\n")
    let copied = try Data(
      contentsOf: Snapshot.packageRoot.appendingPathComponent(Self.seeds + "/complaints-2026-06-23.xhtml"))
    folder.write("inputs/papers/complaints.xhtml", copied)
    let result = try BoardpackCLI.run(["validate", folder.path + "/inputs/"])
    #expect(
      result.errors
        == "\(folder.path)/inputs/: note: 1 YAML file(s) in the folder not checked; name the inputs to check them (boardpack validate \(folder.path)/inputs/*.yaml)\n"
    )
    let meeting = "Inputs/meetings/2026-06-23-panel.yaml"
    let named = try BoardpackCLI.run(["validate", meeting])
    #expect(named.status == 2)
    #expect(
      named.output.hasPrefix(
        "\(meeting): error: a meeting file, not a paper: boardpack pack \(meeting) checks its papers, each on its own and against each other\n"
      ))
  }

  @Test func readsStandardInputAndCountsUnreadableFiles() throws {
    let process = Process()
    process.executableURL = BoardpackCLI.executable
    process.currentDirectoryURL = Snapshot.packageRoot
    process.arguments = ["validate", "-", "missing.docx", "Tests/BoardpackTests/Support"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let paper = try Data(
      contentsOf: Snapshot.packageRoot.appendingPathComponent(
        Self.seeds + "/lrscsb-2025-06-20.docx"))
    input.fileHandleForWriting.write(paper)
    try input.fileHandleForWriting.close()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = printed.split(separator: "\n")
    #expect(lines.first == "missing.docx: error: no such file")
    #expect(
      lines.dropFirst().first == "Tests/BoardpackTests/Support: error: the folder holds no papers")
    #expect(
      lines.contains {
        $0.hasPrefix("<stdin>: error: [numbering] paragraph numbering skips from 8 to 10")
      })
    #expect(lines.last == "1 error, 2 warnings in 3 files (2 could not be read)")
    #expect(process.terminationStatus == 2)
  }
}
