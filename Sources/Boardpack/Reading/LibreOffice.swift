import Foundation

/// LibreOffice, run headless to turn a document Boardpack does not read itself (`.doc`, `.rtf`,
/// WordPerfect, …) into flat ODF: `soffice` is found on the PATH, each run gets a profile folder
/// of its own (so runs never share or lock one, nor touch the user's), and a run that takes longer
/// than `timeLimit` is stopped, with all the processes it started.
struct LibreOffice {
  /// The longest a conversion may take.
  static let timeLimit = 120

  private let executable: String

  /// LibreOffice as installed, or nil when `soffice` is not on the PATH.
  init?() {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    guard
      let found = path.split(separator: ":").map({ "\($0)/soffice" }).first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return nil }
    executable = found
  }

  /// The flat ODF (`.fodt`) LibreOffice makes of `data`; `name` is the file it came from, whose
  /// extension tells LibreOffice the format, and names it in errors.
  func flatODF(of data: Data, name: String) throws(BoardpackError) -> Data {
    let location = SourceLocation(file: name)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-soffice-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let fileExtension = URL(fileURLWithPath: name).pathExtension
    let input = folder.appendingPathComponent(
      "paper." + (fileExtension.isEmpty ? "doc" : fileExtension))
    let output = folder.appendingPathComponent("out/paper.fodt")
    let process = Process()
    // coreutils' timeout stops soffice and every process it started (its whole process group).
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = [
      "--kill-after=5", "\(Self.timeLimit)", executable,
      "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
      "--convert-to", "fodt:OpenDocument Text Flat XML", "--outdir", folder.path + "/out",
      input.path,
    ]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try data.write(to: input)
      try process.run()
    } catch {
      throw BoardpackError(
        "cannot run LibreOffice to convert the file: \(error.localizedDescription)", at: location)
    }
    process.waitUntilExit()
    switch process.terminationStatus {
    case 0: break
    case 124, 137:
      throw BoardpackError(
        "LibreOffice took longer than \(Self.timeLimit) seconds to convert the file; it was stopped",
        at: location)
    default:
      throw BoardpackError(
        "LibreOffice could not convert the file (exit status \(process.terminationStatus))",
        at: location)
    }
    guard let converted = FileManager.default.contents(atPath: output.path) else {
      throw BoardpackError(
        "LibreOffice could not convert the file: it opened it as no text document", at: location)
    }
    return converted
  }
}
