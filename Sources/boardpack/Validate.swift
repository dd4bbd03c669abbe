import ArgumentParser
import Boardpack
import Foundation

/// `boardpack validate`: check papers before circulation.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Check papers before circulation: table sums, derived figures, cross-references, numbering, dates.",
    discussion: """
      Reads .fodt and .xhtml papers (Boardpack's, or edited or written elsewhere, e.g. in LibreOffice) \
      and Boardpack's YAML inputs (checked as they would be generated). Prints one line per problem.

      Exit status: 0 when there are no errors (warnings allowed unless --strict), 1 when there are \
      errors, 2 when a file cannot be read.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(help: "Papers to check: .fodt, .xhtml, or YAML inputs.")
  var files: [String]

  @Option(help: "Output: text (compiler-style lines) or json.")
  var format: Format = .text

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(
    help: "The templates folder, for YAML inputs (default: $BOARDPACK_TEMPLATES, else ./Templates)."
  )
  var templates: String?

  func run() throws {
    let generator = Generator(templates: TemplateLibrary(directory: templates))
    let validator = Validator()
    var diagnostics: [Diagnostic] = []
    var unreadable = false
    for file in files {
      do throws(BoardpackError) {
        let document =
          file.hasSuffix(".yaml")
          ? try generator.document(forInputAt: file) : try PaperFile.read(path: file)
        diagnostics += validator.check(document, file: file)
      } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        unreadable = true
      }
    }
    let printer = DiagnosticPrinter()
    switch format {
    case .text: print(printer.text(diagnostics, files: files.count), terminator: "")
    case .json:
      print(String(decoding: try printer.json(diagnostics, files: files.count), as: UTF8.self))
    }
    if unreadable { throw ExitCode(2) }
    let failing = diagnostics.contains { $0.severity == .error || strict }
    if failing { throw ExitCode(1) }
  }
}
