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

  /// The text of the PDF that LibreOffice makes of `document` (named `name`, e.g. "paper.fodt"),
  /// laid out as on the page.
  static func text(of document: Data, named name: String) throws -> String {
    let pdf = try convert(document, named: name, to: "pdf")
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("paper.pdf")
    try pdf.write(to: file)
    return try run(executable("pdftotext"), ["-layout", file.path, "-"])
  }

  /// What LibreOffice makes of `document` (named `name`; its extension tells LibreOffice the format)
  /// with `soffice --convert-to format`, e.g. "pdf", "odt", "docx" or "xhtml:XHTML Writer File:UTF8".
  static func convert(_ document: Data, named name: String, to format: String) throws -> Data {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent(name)
    let outputFolder = folder.appendingPathComponent("out")
    try document.write(to: input)
    try run(
      executable("soffice"),
      [
        "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", format, "--outdir",
        outputFolder.path, input.path,
      ])
    // "xhtml:XHTML Writer File:UTF8" names a filter too; the file's extension comes first.
    let fileExtension = format.prefix { $0 != ":" }
    let output = outputFolder.appendingPathComponent(
      input.deletingPathExtension().lastPathComponent + "." + fileExtension)
    guard let data = try? Data(contentsOf: output) else {
      throw Failure(description: "LibreOffice made no \(format) of \(name)")
    }
    return data
  }

  /// Converts every file of `paths` with `--convert-to format` into `folder`, in one run.
  static func convertAll(_ paths: [String], to format: String, into folder: String) throws {
    let profile = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: profile) }
    try run(
      executable("soffice"),
      ["-env:UserInstallation=file://\(profile.path)/profile", "--headless", "--convert-to", format, "--outdir", folder]
        + paths)
  }

  /// A new folder of its own, so that runs in parallel never share files or a LibreOffice profile.
  private static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-lo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The full path of a program on PATH.
  static func executable(_ program: String) throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Failure(
      description: "\(program) is not installed (apt-get install libreoffice-writer poppler-utils); this test needs it")
  }

  /// Runs a program to completion and returns its standard output.
  @discardableResult
  static func run(_ program: String, _ arguments: [String]) throws -> String {
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
      throw Failure(
        description: "\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
