import ArgumentParser
import Foundation

/// `boardpack-bench process [ROWS]`: `boardpack` as a whole process, as a person runs it, each
/// figure against its floor measured in the same run, the runs interleaved:
///
/// - merging ROWS one-page letters (`Scripts/bench/letter.yaml`: hostile names, plain-decimal
///   grants, one of them a zero printed "Nil" with another paragraph) in each format, against the
///   same letter as a hand-rolled Jinja2 template (`letter.FORMAT.j2`, values escaped, nothing
///   checked) and against a minimal program writing the same bytes (`write_same_bytes.py`);
/// - the same merge when every name is one of ten, so that nine letters in ten need a suffix;
/// - `boardpack validate` of the June 2026 agenda pack in each format against `xmllint --noout`
///   of the same file, and of a one-paragraph paper, which is mostly start-up.
struct ProcessBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "process",
    abstract:
      "Time whole boardpack processes against floors (targets: merge at least 1.5× Jinja2's rate; validate of the pack at most 3× xmllint)."
  )

  @Argument(help: "How many letters a merge writes.") var rows = 10_000
  @Option(help: "How many interleaved runs of each comparison.") var runs = 5
  @Option(help: "How many interleaved runs of each validation.") var validateRuns = 21
  @Option(help: "The boardpack executable (build it with swift build -c release).")
  var boardpack = ".build/release/boardpack"

  static let scripts = "Scripts/bench/"

  func run() throws {
    let folder = try Bench.scratchFolder("process")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = folder + "/letters.csv"
    let clashing = folder + "/clashing.csv"
    try Self.writeLetterData(rows: rows, to: data, distinctNames: nil)
    try Self.writeLetterData(rows: rows, to: clashing, distinctNames: 10)
    print(
      "process: \(boardpack), \(rows) letters, median of \(runs) interleaved runs, files in \(folder)"
    )
    for format in ["xhtml", "fodt"] { try merge(format, data: data, in: folder) }
    try nameClash(data: data, clashing: clashing, in: folder)
    for format in ["xhtml", "fodt"] {
      try validate("Tests/BoardpackTests/Fixtures/seeds/agenda-pack-2026-06-23." + format)
    }
    let paper = folder + "/one-paragraph.xhtml"
    try Data(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><title>Note</title></head>
      <body><main><h1>Note</h1><p>One paragraph.</p></main></body></html>

      """.utf8
    ).write(to: URL(fileURLWithPath: paper))
    try validate(paper, label: "start-up")
  }

  /// Merges in `format`, interleaved with Jinja2 and with the floor.
  private func merge(_ format: String, data: String, in folder: String) throws {
    var (times, jinja, floor) = ([Double](), [Double](), [Double]())
    var bytes = 0
    for run in 0..<runs {
      let out = "\(folder)/\(format)-\(run)"
      times.append(
        try Self.time(
          boardpack, "merge", "--template", Self.scripts + "letter.yaml", "--data", data, "--out",
          out, "--format", format))
      bytes = try Self.bytes(in: out, extension: format)
      jinja.append(
        try Self.time(
          "/usr/bin/env", "python3", Self.scripts + "jinja_merge.py",
          Self.scripts + "letter.\(format).j2", data, out + "-jinja"))
      floor.append(
        try Self.time(
          "/usr/bin/env", "python3", Self.scripts + "write_same_bytes.py", out, format,
          out + "-floor"))
      for suffix in ["", "-jinja", "-floor"] {
        try? FileManager.default.removeItem(atPath: out + suffix)
      }
    }
    print("merge .\(format): \(bytes / rows) bytes a letter")
    print("  boardpack   \(Self.rate(rows, times)) letters/s")
    print(
      "  Jinja2      \(Self.rate(rows, jinja)) letters/s   boardpack's rate \(Self.ratio(jinja, over: times))× (target: at least 1.5×)"
    )
    print(
      "  floor       \(Self.rate(rows, floor)) letters/s   boardpack's time \(Self.ratio(times, over: floor))× (the same bytes written by a minimal program)"
    )
  }

  /// The `.xhtml` merge of rows whose names are one of ten, against rows whose names differ.
  private func nameClash(data: String, clashing: String, in folder: String) throws {
    var (distinct, clash) = ([Double](), [Double]())
    for run in 0..<runs {
      for (times, file) in [(0, data), (1, clashing)] {
        let out = "\(folder)/names-\(run)-\(times)"
        let time = try Self.time(
          boardpack, "merge", "--template", Self.scripts + "letter.yaml", "--data", file, "--out",
          out, "--format",
          "xhtml", "--name", "{Name}")
        if times == 0 { distinct.append(time) } else { clash.append(time) }
        try? FileManager.default.removeItem(atPath: out)
      }
    }
    print("merge .xhtml named by {Name}, nine names in ten clashing (-2, -3, …)")
    print("  distinct    \(Self.rate(rows, distinct)) letters/s")
    print(
      "  clashing    \(Self.rate(rows, clash)) letters/s   time \(Self.ratio(clash, over: distinct))× the distinct names'"
    )
  }

  /// `boardpack validate` of `path` against `xmllint --noout` of it.
  private func validate(_ path: String, label: String? = nil) throws {
    var (times, floor) = ([Double](), [Double]())
    for _ in 0..<validateRuns {
      times.append(try Self.time(boardpack, "validate", path, allowing: [0, 1]))
      floor.append(try Self.time("xmllint", "--noout", path))
    }
    print(
      "validate \(label ?? (path as NSString).lastPathComponent), median of \(validateRuns) interleaved runs"
    )
    print("  boardpack   \(Self.milliseconds(times))")
    print(
      "  xmllint     \(Self.milliseconds(floor))   boardpack's time \(Self.ratio(times, over: floor))× (target: at most 3×)"
    )
  }

  /// The seconds a process takes from launch to exit, its output thrown away; an exit status
  /// outside `allowing` is an error. The process is started with `posix_spawn` and reaped with
  /// `waitpid`: Foundation's `Process` waits on a run loop that adds tens of milliseconds.
  static func time(
    _ executable: String, _ arguments: String..., allowing statuses: Set<Int32> = [0]
  ) throws
    -> Double
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [1, 2] {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
    }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    let clock = ContinuousClock()
    let started = clock.now
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw ValidationError("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let (seconds, attoseconds) = (clock.now - started).components
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    guard statuses.contains(exitStatus) else {
      throw ValidationError(
        "\(executable) \(arguments.joined(separator: " ")) exited with status \(exitStatus)")
    }
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  /// The letters' data: a reference, a hostile name (or one of `distinctNames`), a contact, a grant
  /// as a plain decimal (the third row's a zero) and a date.
  static func writeLetterData(rows: Int, to path: String, distinctNames: Int?) throws {
    var text = "Ref,Name,Contact,Grant,Spend By\n"
    for row in 1...max(rows, 1) {
      let number = distinctNames.map { row % $0 } ?? row
      let grant =
        row == 3 ? "0" : "\(1_000 + (row * 7919) % 90_000).\(String(format: "%02d", row % 100))"
      text +=
        "R\(row),\"Zoë & Sons <Trust> \"\"No. \(number)\"\"\",Ms O'Brien-Müller \(row),\(grant),2027-03-31\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  static func bytes(in folder: String, extension: String) throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix("." + `extension`)
    }
    .reduce(0) { total, name in
      total
        + ((try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int)
          ?? 0)
    }
  }

  static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  /// The median rate of `count` letters over `times`.
  static func rate(_ count: Int, _ times: [Double]) -> String {
    String(format: "%8.0f", Double(count) / median(times))
  }

  /// The median of the runs' ratios of `times` to `base`.
  static func ratio(_ times: [Double], over base: [Double]) -> String {
    String(format: "%.2f", median(zip(times, base).map { $0 / $1 }))
  }

  static func milliseconds(_ times: [Double]) -> String {
    String(format: "%8.1f ms", median(times) * 1000)
  }
}
