import Foundation

/// Renders documents with the installed LibreOffice, as a person opening them would see them:
/// `soffice --headless --convert-to pdf` with a private profile, then `pdftotext`.
///
/// Throws, rather than skipping, when LibreOffice or pdftotext is missing, so a test that needs
/// them fails loudly (CI installs both).
enum LibreOffice {
  /// A failure to run LibreOffice or pdftotext.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The text of the PDF that LibreOffice makes of `document` (named `name`, e.g. "paper.fodt").
  static func text(of document: Data, named name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-lo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent(name)
    try document.write(to: input)
    let soffice = try executable("soffice")
    try run(
      soffice,
      [
        "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
        folder.path, input.path,
      ])
    let pdf = input.deletingPathExtension().appendingPathExtension("pdf")
    guard FileManager.default.fileExists(atPath: pdf.path) else {
      throw Failure(description: "LibreOffice made no PDF of \(name)")
    }
    return try run(executable("pdftotext"), ["-layout", pdf.path, "-"])
  }

  /// The full path of a program on PATH.
  static func executable(_ program: String) throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Failure(description: "\(program) is not installed (apt-get install libreoffice-writer poppler-utils); this test needs it")
  }

  /// Runs a program to completion and returns its standard output.
  @discardableResult
  private static func run(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
