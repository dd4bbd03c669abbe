import Boardpack
import Foundation

/// One reader fed an input the fuzzer made, and everything downstream of it: the checks and both
/// writers for papers, binding and rendering every row for letter templates and merge data.
///
/// A run may fail with a `BoardpackError` (bad input is expected); it must never trap, hang or
/// grow without bound. The package root (`Inputs/`, `Templates/`) is the working folder.
enum FuzzTarget: String, CaseIterable {
  /// A paper input (`Inputs/*.yaml`), its tables read from `Inputs/tables/`.
  case paper
  /// A letter template, bound to the CSP partners' CSV.
  case template
  /// Merge data: a CSV merged with the CSP letter template into a fresh folder.
  case data
  /// Merge data as an Office Open XML workbook, merged as `data` is.
  case xlsx
  /// Merge data as an OpenDocument spreadsheet, merged as `data` is.
  case ods
  /// A finished paper as XHTML.
  case xhtml
  /// A finished paper as ODF flat XML.
  case fodt
  /// A paper exported as HTML that is not XML (libxml2's HTML parser).
  case html
  /// A Word document: the zip package, its numbering, styles and document parts.
  case docx
  /// An OpenDocument text package.
  case odt

  /// Feeds `data` to the reader and what follows it; returns "ok" or the error the input earned.
  @discardableResult
  func run(_ data: Data) -> String {
    do throws(BoardpackError) {
      switch self {
      case .paper:
        let path = Scratch.shared.write(data, as: "paper.yaml")
        let document = try Scratch.shared.generator.document(forInputAt: path)
        check(document, path)
      case .template:
        let path = Scratch.shared.write(data, as: "letter.yaml")
        let template = try LetterTemplate(contentsOf: path)
        try merge(template, data: Scratch.partners)
      case .data, .xlsx, .ods:
        let name = self == .data ? "partners.csv" : "partners.\(rawValue)"
        try merge(try Scratch.shared.letterTemplate(), data: Scratch.shared.write(data, as: name))
      case .xhtml, .fodt, .html, .docx, .odt:
        let document = try PaperFile.read(data, name: "fuzz.\(rawValue)", fileExtension: rawValue)
        check(document, "fuzz.\(rawValue)")
      }
    } catch {
      return "error: " + (error.description.split(separator: "\n").first.map(String.init) ?? "")
    }
    return "ok"
  }

  /// Runs the checks and both writers over `document`.
  private func check(_ document: Document, _ file: String) {
    _ = Validator().check(document, file: file)
    _ = XHTMLWriter().render(document)
    _ = Scratch.shared.fodtWriter.render(document)
  }

  /// Merges `data` with `template` into a fresh folder (both formats, and the combined document
  /// every other run), then removes it.
  private func merge(_ template: LetterTemplate, data: String) throws(BoardpackError) {
    let out = Scratch.shared.folder + "/out"
    defer { try? FileManager.default.removeItem(atPath: out) }
    Scratch.shared.runs += 1
    let job = MergeJob(
      template: template, dataPath: data, outputFolder: out, writers: Scratch.shared.writers,
      combined: Scratch.shared.runs % 2 == 0, skipInvalid: true, showsProgress: false)
    _ = try job.run()
  }
}

/// The fuzzer's own folder (under `$TMPDIR`, else `/dev/shm`), and what every run shares.
final class Scratch: @unchecked Sendable {
  static let shared = Scratch()
  static let partners = "Inputs/csp-partners-2026-27.csv"

  let folder: String
  var runs = 0
  let generator = Generator(templates: TemplateLibrary(directory: "Templates"))
  let reference: ReferenceDocument
  let fodtWriter: FODTWriter
  let writers: PaperWriters
  private var template: LetterTemplate?

  private init() {
    let base =
      ProcessInfo.processInfo.environment["TMPDIR"]
      ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    folder = base + "/boardpack-fuzz-\(getpid())"
    try? FileManager.default.removeItem(atPath: folder)
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // A paper input's tables and the letter's joined projects, found beside the fuzzed file.
    let root = FileManager.default.currentDirectoryPath
    try? FileManager.default.createSymbolicLink(
      atPath: folder + "/tables", withDestinationPath: root + "/Inputs/tables")
    try? FileManager.default.copyItem(
      atPath: root + "/Inputs/csp-projects-2025-26.csv",
      toPath: folder + "/csp-projects-2025-26.csv")
    reference = try! ReferenceDocument(contentsOf: "Templates/reference.fodt")
    fodtWriter = FODTWriter(reference: reference)
    writers = PaperWriters(xhtml: true, fodt: reference)
    atexit { try? FileManager.default.removeItem(atPath: Scratch.shared.folder) }
  }

  /// Writes `data` as `name` in the folder and returns its path.
  func write(_ data: Data, as name: String) -> String {
    let path = folder + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: data)
    return path
  }

  /// The shipped CSP letter template, read once.
  func letterTemplate() throws(BoardpackError) -> LetterTemplate {
    if let template { return template }
    let read = try LetterTemplate(contentsOf: "Templates/csp-partner-letter.yaml")
    template = read
    return read
  }
}
