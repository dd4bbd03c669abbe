import Foundation

/// LibreOffice, run headless: to turn a document Boardpack does not read itself (`.doc`, `.rtf`,
/// WordPerfect, …) into flat ODF, and to turn the papers it writes into PDF and `.docx`. `soffice`
/// is found on the PATH, each run gets a profile folder of its own (so runs never share or lock
/// one, nor touch the user's), and a run that takes longer than its time limit is stopped, with all
/// the processes it started.
struct LibreOffice {
  /// The longest a conversion of one file may take.
  static let timeLimit = 120
  /// What to install when LibreOffice is missing, for messages.
  static let package = "libreoffice-writer-nogui"

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

  /// LibreOffice as installed; when it is not, an error naming `purpose` and the Debian package.
  static func required(for purpose: String, at location: SourceLocation) throws(BoardpackError) -> LibreOffice {
    guard let libreOffice = LibreOffice() else {
      throw BoardpackError(
        "\(purpose) needs LibreOffice, which is not installed: soffice is not on the PATH "
          + "(on Debian or Ubuntu: apt-get install \(package))",
        at: location)
    }
    return libreOffice
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
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try data.write(to: input)
    } catch {
      throw BoardpackError(
        "cannot run LibreOffice to convert the file: \(error.localizedDescription)", at: location)
    }
    try run(
      ["--convert-to", "fodt:OpenDocument Text Flat XML", "--outdir", folder.path + "/out", input.path],
      profile: folder.path + "/profile", timeLimit: Self.timeLimit, location: location)
    guard let converted = FileManager.default.contents(atPath: output.path) else {
      throw BoardpackError(
        "LibreOffice could not convert the file: it opened it as no text document", at: location)
    }
    return converted
  }

  /// Converts the files at `paths` with `--convert-to format` (for example
  /// `pdf:writer_pdf_Export:{…}`) into `folder`, with one start of LibreOffice for the whole batch;
  /// each result takes its input's name with the format's extension. A file LibreOffice made nothing
  /// of is an error naming it.
  func convert(_ paths: [String], to format: String, into folder: String) throws(BoardpackError) {
    guard !paths.isEmpty else { return }
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "boardpack-soffice-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let location = SourceLocation(file: paths.count == 1 ? paths[0] : folder)
    try run(
      ["--convert-to", format, "--outdir", folder] + paths, profile: profile.path,
      timeLimit: Self.timeLimit + 10 * paths.count, location: location)
    let fileExtension = String(format.prefix { $0 != ":" })
    for path in paths {
      let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      guard FileManager.default.fileExists(atPath: folder + "/" + name + "." + fileExtension) else {
        throw BoardpackError("LibreOffice made no .\(fileExtension) of the file", at: SourceLocation(file: path))
      }
    }
  }

  /// Runs `soffice --headless` with `arguments` and a profile folder of its own, stopped after
  /// `timeLimit` seconds; a failure is an error at `location`.
  private func run(_ arguments: [String], profile: String, timeLimit: Int, location: SourceLocation)
    throws(BoardpackError)
  {
    let process = Process()
    // coreutils' timeout stops soffice and every process it started (its whole process group).
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments =
      [
        "--kill-after=5", "\(timeLimit)", executable, "-env:UserInstallation=file://\(profile)",
        "--headless", "--norestore",
      ] + arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch {
      throw BoardpackError(
        "cannot run LibreOffice to convert the file: \(error.localizedDescription)", at: location)
    }
    process.waitUntilExit()
    switch process.terminationStatus {
    case 0: break
    case 124, 137:
      throw BoardpackError(
        "LibreOffice took longer than \(timeLimit) seconds to convert the file; it was stopped",
        at: location)
    default:
      throw BoardpackError(
        "LibreOffice could not convert the file (exit status \(process.terminationStatus))",
        at: location)
    }
  }
}
