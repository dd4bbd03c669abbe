import Boardpack
import Foundation
import Testing

/// `merge` and `generate` publish all or nothing: whatever stops them, and whenever, the output
/// folder holds the whole old set or (once the next run has recovered) the whole new one (issue 15).
@Suite struct PublishingTests {
  let directory = TemporaryDirectory()
  var out: String { directory.path + "/out" }

  static let header = "Partnership,Contact,Allocation,Expenditure,Return By\n"
  /// The CSP partners as shipped: the old set.
  static let oldRows = try! String(
    contentsOfFile: Snapshot.packageRoot.path + "/Inputs/csp-partners-2026-27.csv", encoding: .utf8)
  /// The new set: other figures, one partnership renamed and one left out, so that publishing
  /// replaces letters, adds one and removes two.
  static let newRows =
    oldRows
    .replacingOccurrences(of: "Leicester,", with: "Leicester City,")
    .replacingOccurrences(of: "2026-06-25", with: "2026-07-01")
    .split(separator: "\n").filter { !$0.hasPrefix("Rutland,") }.joined(separator: "\n") + "\n"

  func merge(
    _ rows: String, _ extra: [String] = [], environment: [String: String] = [:]
  ) throws -> BoardpackCLI.Result {
    let data = directory.write("data/partners.csv", rows)
    directory.write("data/csp-projects-2025-26.csv", Self.projects(of: rows))
    return try BoardpackCLI.run(
      ["merge", "--template", "Templates/csp-partner-letter.yaml", "--data", data, "--out", out]
        + extra, environment: environment)
  }

  /// The shipped projects of the partnerships in `rows` (a joined row on no data row is an error).
  static func projects(of rows: String) -> String {
    let partnerships = Set(rows.split(separator: "\n").map { $0.prefix { $0 != "," } })
    let projects = try! String(
      contentsOfFile: Snapshot.packageRoot.path + "/Inputs/csp-projects-2025-26.csv",
      encoding: .utf8)
    return projects.split(separator: "\n").enumerated().filter {
      $0.offset == 0 || partnerships.contains($0.element.prefix { $0 != "," })
    }.map { $0.element + "\n" }.joined()
  }

  /// Every file in `folder` (hidden ones too) with its bytes.
  func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
      files[name] = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
    }
    return files
  }

  /// The whole output folder after a merge of `rows` into a fresh folder.
  func set(of rows: String, _ extra: [String] = []) throws -> [String: Data] {
    try? FileManager.default.removeItem(atPath: out)
    let result = try merge(rows, extra)
    #expect(result.status == 0, "\(result.errors)")
    return snapshot(out)
  }

  /// Nothing hidden beside or in the output folder.
  func expectNoLeftovers() throws {
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy {
        !$0.hasPrefix(".")
      })
    #expect(
      ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).allSatisfy {
        !$0.hasPrefix(".")
      })
  }

  @Test func aKillAtAnyStepOfAPublishLeavesTheOldOrTheNewSet() throws {
    let old = try set(of: Self.oldRows)
    let new = try set(of: Self.newRows)
    #expect(old != new)
    #expect(
      old.keys.contains("csp-letter-Rutland.xhtml")
        && !new.keys.contains("csp-letter-Rutland.xhtml"))
    var outcomes: [Int: String] = [:]
    for step in 1...200 {
      try? FileManager.default.removeItem(atPath: out)
      #expect(try merge(Self.oldRows).status == 0)
      let killed = try merge(
        Self.newRows, environment: ["BOARDPACK_FAULT_AFTER_PUBLISH_STEPS": "\(step)"])
      _ = try MergeJob.recover(outputFolder: out)
      let after = snapshot(out)
      #expect(after == old || after == new, "killed at step \(step)")
      try expectNoLeftovers()
      outcomes[step] = after == old ? "old" : "new"
      // Past the last step the merge runs to the end.
      if killed.status == 0 { break }
      #expect(killed.status == 86)
    }
    // The journal is written at step 1: a kill there leaves the old set, any later one the new.
    #expect(outcomes[1] == "old")
    #expect(outcomes.count > 20)
    #expect(outcomes.filter { $0.key > 1 }.allSatisfy { $0.value == "new" })
  }

  @Test func aMergeKilledAnyTimeIsRecoveredByTheNext() throws {
    // A larger merge, killed with SIGKILL after a while: staging, publishing or done.
    var rows = Self.header
    for row in 1...1000 { rows += "Area \(row),The Chair,£\(row),Nil,2026-06-25\n" }
    var newRows = Self.header
    for row in 1...1000 { newRows += "Area \(row + 700),The Chair,£\(row),£1,2026-06-25\n" }
    let old = try set(of: rows, ["--format", "xhtml"])
    let new = try set(of: newRows, ["--format", "xhtml"])
    for delay in [0.05, 0.4, 0.8, 1.2, 1.6] {
      try? FileManager.default.removeItem(atPath: out)
      #expect(try merge(rows, ["--format", "xhtml"]).status == 0)
      let data = directory.write("data/partners.csv", newRows)
      directory.write("data/csp-projects-2025-26.csv", Self.projects(of: newRows))
      let process = Process()
      process.executableURL = BoardpackCLI.executable
      process.arguments = [
        "merge", "--template", "Templates/csp-partner-letter.yaml", "--data", data, "--out", out,
        "--format", "xhtml",
      ]
      process.currentDirectoryURL = Snapshot.packageRoot
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      _ = try MergeJob.recover(outputFolder: out)
      let after = snapshot(out)
      #expect(after == old || after == new, "killed after \(delay) s")
      try expectNoLeftovers()
    }
  }

  @Test func aFolderInTheWayOfOneLetterChangesNothing() throws {
    #expect(try merge(Self.oldRows).status == 0)
    try FileManager.default.removeItem(atPath: out + "/csp-letter-Blaby.fodt")
    try FileManager.default.createDirectory(
      atPath: out + "/csp-letter-Blaby.fodt", withIntermediateDirectories: false)
    let before = snapshot(out)
    let result = try merge(Self.newRows)
    #expect(result.status == 1)
    #expect(
      result.errors == """
        \(out): error: cannot publish: "\(out)/csp-letter-Blaby.fodt" is a folder or other non-file where a letter must go; move it away and merge again (nothing was changed)

        """)
    #expect(snapshot(out) == before)
    try expectNoLeftovers()
  }

  @Test func aSecondMergeIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws {
    #expect(try merge(Self.oldRows).status == 0)
    let before = snapshot(out)
    // Hold the lock as a running merge does.
    let lock = open(directory.path + "/.out.boardpack-merge.lock", O_RDWR | O_CREAT, 0o644)
    #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
    let result = try merge(Self.newRows)
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(out): error: another merge is writing into \(out) (it holds \(directory.path)/.out.boardpack-merge.lock); wait for it to finish and merge again\n"
    )
    #expect(snapshot(out) == before)
    close(lock)
    unlink(directory.path + "/.out.boardpack-merge.lock")
    #expect(try merge(Self.newRows).status == 0)
  }

  @Test func skipInvalidWithEveryRowBadWritesNothing() throws {
    #expect(try merge(Self.oldRows).status == 0)
    let before = snapshot(out)
    let bad = Self.header + "Blaby,The Chair,abc,Nil,2026-06-25\nMelton,The Chair,,Nil,2026-06-25\n"
    let result = try merge(bad, ["--skip-invalid"])
    #expect(result.status == 1)
    #expect(result.errors.hasSuffix("nothing written: every row (2) is bad; \(out) is as it was\n"))
    #expect(snapshot(out) == before)
    try expectNoLeftovers()
  }

  @Test func aSkippedRowsOldLetterDoesNotStayBesideTheNewManifest() throws {
    #expect(try merge(Self.oldRows).status == 0)
    #expect(FileManager.default.fileExists(atPath: out + "/csp-letter-Blaby.xhtml"))
    let rows = Self.oldRows.replacingOccurrences(of: "\"£52,665.76\"", with: "tbc")
    let result = try merge(rows, ["--skip-invalid"])
    #expect(result.status == 0)
    let files = snapshot(out)
    #expect(files["csp-letter-Blaby.xhtml"] == nil && files["csp-letter-Blaby.fodt"] == nil)
    let manifest = String(decoding: files["manifest.csv"] ?? Data(), as: UTF8.self)
    #expect(manifest.contains(",Blaby,\"skipped: "))
    // Letters of a format no longer written go too.
    #expect(try merge(Self.oldRows, ["--format", "xhtml"]).status == 0)
    #expect(snapshot(out).keys.allSatisfy { !$0.hasSuffix(".fodt") })
    try expectNoLeftovers()
  }

  @Test func leftoversOfKilledMergesAreRemovedByTheNext() throws {
    #expect(try merge(Self.oldRows).status == 0)
    directory.write(".out.boardpack-merge-\(UUID().uuidString)/csp-letter-Blaby.xhtml", "half")
    directory.write("out/.boardpack-merge/stage/manifest.csv", "row,file\n")
    directory.write("out/.boardpack-merge-\(UUID().uuidString)/x.xhtml", "from before the journal")
    #expect(try MergeJob.recover(outputFolder: out))
    try expectNoLeftovers()
    #expect(try !MergeJob.recover(outputFolder: out))
    #expect(try merge(Self.newRows).status == 0)
  }

  // MARK: Reruns and signals (issue 12)

  @Test func aRerunOfTwoRowsLeavesOnlyItsTwoLettersAndManifest() throws {
    #expect(try merge(Self.oldRows).status == 0)
    #expect(snapshot(out).count == 19)
    let two =
      Self.header
      + Self.newRows.split(separator: "\n").dropFirst().prefix(2).joined(separator: "\n") + "\n"
    #expect(try merge(two).status == 0)
    #expect(
      Set(snapshot(out).keys) == [
        "csp-letter-Leicester City.xhtml", "csp-letter-Leicester City.fodt",
        "csp-letter-Charnwood.xhtml", "csp-letter-Charnwood.fodt", "manifest.csv",
      ])
    try expectNoLeftovers()
  }

  @Test func aFolderHoldingOtherFilesIsRefusedUnlessForced() throws {
    #expect(try merge(Self.oldRows).status == 0)
    directory.write("out/notes.txt", "mine")
    directory.write("out/draft.fodt", "mine too")
    let before = snapshot(out)
    let refused = try merge(Self.newRows)
    #expect(refused.status == 1)
    #expect(
      refused.errors
        == "\(out): error: the output folder holds \"draft.fodt\", \"notes.txt\", which no merge wrote there; give a folder of its own, or --force to merge beside them (left as they are)\n"
    )
    #expect(snapshot(out) == before)
    #expect(try merge(Self.newRows, ["--force"]).status == 0)
    let after = snapshot(out)
    #expect(after["notes.txt"] == Data("mine".utf8) && after["draft.fodt"] == Data("mine too".utf8))
    #expect(
      after["csp-letter-Rutland.xhtml"] == nil && after["csp-letter-Leicester City.xhtml"] != nil)
    try expectNoLeftovers()
  }

  /// Many rows, so that a merge runs long enough to be stopped while it stages.
  static var manyRows: String {
    var rows = header
    for row in 1...6000 { rows += "Area \(row),The Chair,£\(row),Nil,2026-06-25\n" }
    return rows
  }

  /// Starts a merge of `rows` and sends it `signal` once it has staged some letters; returns its
  /// exit status and what it wrote on standard error.
  func stop(_ rows: String, with signal: Int32) throws -> (status: Int32, errors: String) {
    let data = directory.write("data/partners.csv", rows)
    directory.write("data/csp-projects-2025-26.csv", Self.projects(of: rows))
    let process = Process()
    process.executableURL = BoardpackCLI.executable
    process.arguments = [
      "merge", "--template", "Templates/csp-partner-letter.yaml", "--data", data, "--out", out,
    ]
    process.currentDirectoryURL = Snapshot.packageRoot
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    // Wait for staged letters: in a sibling for a new folder, in the folder's work folder else.
    func staged() -> Bool {
      let hidden =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasPrefix(".out.boardpack-merge-") }.map { directory.path + "/" + $0 }
        + [out + "/.boardpack-merge/stage"]
      return hidden.contains {
        ((try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? []).count > 20
      }
    }
    while process.isRunning && !staged() { Thread.sleep(forTimeInterval: 0.01) }
    #expect(process.isRunning, "the merge ended before it could be stopped")
    kill(process.processIdentifier, signal)
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: message, as: UTF8.self))
  }

  @Test(arguments: [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")])
  func aSignalMidMergeRemovesWhatWasStagedAndExitsConventionally(signal: Int32, name: String) throws
  {
    // Into a new folder: nothing is left, not even the folder.
    var stopped = try stop(Self.manyRows, with: signal)
    #expect(stopped.status == 128 + signal)
    #expect(
      stopped.errors
        == "\(out): error: stopped by \(name); nothing was written and the folder is as it was\n")
    #expect(!FileManager.default.fileExists(atPath: out))
    try expectNoLeftovers()
    // Into a folder of letters: it is as it was.
    #expect(try merge(Self.oldRows).status == 0)
    let before = snapshot(out)
    stopped = try stop(Self.manyRows, with: signal)
    #expect(stopped.status == 128 + signal)
    #expect(snapshot(out) == before)
    try expectNoLeftovers()
  }

  @Test func whatAMergeKilledWhileStagingLeftIsRemovedByTheNextMerge() throws {
    for existing in [false, true] {
      try? FileManager.default.removeItem(atPath: out)
      if existing { #expect(try merge(Self.oldRows).status == 0) }
      let killed = try stop(Self.manyRows, with: SIGKILL)
      #expect(killed.status == SIGKILL)
      let hidden =
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
          $0.hasPrefix(".")
        }
        + ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter {
          $0.hasPrefix(".")
        }
      #expect(!hidden.isEmpty, "a kill leaves a staging folder")
      #expect(try merge(Self.newRows).status == 0)
      try expectNoLeftovers()
      #expect(snapshot(out) == (try set(of: Self.newRows)))
    }
  }

  // MARK: generate

  func generate(_ input: String, limitBlocks: Int? = nil) throws -> BoardpackCLI.Result {
    let fixture = directory.path + "/Inputs/paper.yaml"
    directory.write("Inputs/paper.yaml", input)
    let command = [BoardpackCLI.executable.path, "generate", fixture, "--out", out]
    guard let limitBlocks else { return try BoardpackCLI.run(Array(command.dropFirst())) }
    // A disk that fills up: writing past `limitBlocks` × 512 bytes fails with EFBIG.
    return try BoardpackCLI.run(
      ["-c", "trap '' XFSZ; ulimit -f \(limitBlocks); exec \"$@\"", "sh"] + command,
      program: "/bin/sh")
  }

  static let paper = """
    template: s106-update
    metadata:
      title: Version VERSION
    slots:
      progress: [Paragraph of version VERSION.]
      local-authorities: [Another.]
      new-bids: [None.]
      officer: A Person
    """

  @Test func generateReplacesNoFileWhenAFolderIsInTheWay() throws {
    #expect(try generate(Self.paper.replacingOccurrences(of: "VERSION", with: "1")).status == 0)
    let before = snapshot(out)
    try FileManager.default.removeItem(atPath: out + "/paper.fodt")
    try FileManager.default.createDirectory(
      atPath: out + "/paper.fodt", withIntermediateDirectories: false)
    let result = try generate(Self.paper.replacingOccurrences(of: "VERSION", with: "2"))
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(out)/paper.fodt: error: cannot write the file: a folder is in its way (nothing was written)\n"
    )
    #expect(snapshot(out)["paper.xhtml"] == before["paper.xhtml"])
    #expect(snapshot(out).keys.sorted() == ["paper.fodt", "paper.xhtml"])
  }

  @Test func generateReplacesNoFileWhenTheDiskFillsUp() throws {
    #expect(try generate(Self.paper.replacingOccurrences(of: "VERSION", with: "1")).status == 0)
    let before = snapshot(out)
    let xhtml = before["paper.xhtml"]?.count ?? 0
    let fodt = before["paper.fodt"]?.count ?? 0
    #expect(xhtml < fodt)
    // Room for the new paper.xhtml, not for paper.fodt.
    let result = try generate(
      Self.paper.replacingOccurrences(of: "VERSION", with: "2"),
      limitBlocks: (xhtml + fodt) / 2 / 512)
    #expect(result.status == 1)
    #expect(result.errors.contains("error: cannot write the file: File too large"))
    #expect(snapshot(out) == before)
  }
}
