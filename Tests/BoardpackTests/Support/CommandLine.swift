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
  static var executable: URL {
    var folder = Bundle.main.bundleURL
    while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("boardpack").path),
      folder.pathComponents.count > 1
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("boardpack")
  }

  static func run(_ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = Snapshot.packageRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    let complained = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
      errors: String(decoding: complained, as: UTF8.self))
  }
}
