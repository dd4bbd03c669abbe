import Foundation

/// Runs the built `boardpack` executable as a user would, from the package root.
enum BoardpackCLI {
  /// What a run printed and how it ended.
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// The executable SwiftPM built beside this test bundle.
  static var executable: URL { built("boardpack") }

  /// The executable `name` (`boardpack`, `boardpack-fuzz`) SwiftPM built beside this test bundle.
  static func built(_ name: String) -> URL {
    if name.hasPrefix("/") { return URL(fileURLWithPath: name) }
    var folder = Bundle.main.bundleURL
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(name).path),
      folder.pathComponents.count > 1
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent(name)
  }

  /// Runs `boardpack` with `arguments`, the test's environment plus `environment`; with
  /// `asUser`, as that user id (when the tests run as root, so that permissions apply).
  static func run(
    _ arguments: [String], environment: [String: String] = [:], program: String = "boardpack",
    asUser user: Int? = nil
  ) throws -> Result {
    let process = Process()
    if let user {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", built(program).path] + arguments
    } else {
      process.executableURL = built(program)
      process.arguments = arguments
    }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.currentDirectoryURL = Snapshot.packageRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Both pipes are drained at once, so a long error cannot block the program while the test
    // waits for the end of its output.
    nonisolated(unsafe) var complained = Data()
    let drained = DispatchGroup()
    DispatchQueue.global().async(group: drained) {
      complained = errors.fileHandleForReading.readDataToEndOfFile()
    }
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
      errors: String(decoding: complained, as: UTF8.self))
  }
}
