import ArgumentParser
import Boardpack
import Foundation

/// `boardpack validate`: check papers before circulation.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Check papers before circulation: table sums, derived figures, cross-references, numbering, dates.",
    discussion: """
      Reads papers, Boardpack's or edited or written elsewhere: .docx, .odt, .fodt, .xhtml and .html \
      (LibreOffice's and Word's exports too), and .doc, .rtf and other formats through LibreOffice when \
      it is installed; and Boardpack's YAML inputs (checked as they would be generated). A folder \
      stands for the papers in it and its subfolders, in order of path; - reads a paper from standard \
      input. Prints one line per problem, and one per file that cannot be read.

      Exit status: 0 when there are no errors (warnings allowed unless --strict), 1 when there are \
      errors, 2 when a file cannot be read.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(
    help:
      "Papers to check (.docx, .odt, .fodt, .xhtml, .html, …), folders of them, - for standard input, or YAML inputs."
  )
  var files: [String]

  @Option(help: "Output: text (compiler-style lines) or json.")
  var format: Format = .text

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Flag(
    help:
      "Also print, for each table, the totals and changes the checks found in it and hold it to (text output)."
  )
  var explain = false

  @OptionGroup var templates: TemplatesOption

  func run() throws {
    let generator = Generator(templates: TemplateLibrary(directory: templates.folder))
    let validator = Validator()
    var unreadable: [BoardpackError] = []
    var count = 0
    var documents: [(file: String, document: Document)] = []
    for argument in files {
      var papers = [argument]
      if PaperFile.isFolder(argument) {
        do throws(BoardpackError) {
          let found = try PaperFile.papers(in: argument)
          papers = found.papers
          if found.yamlFiles > 0 {
            FileHandle.standardError.write(
              Data(
                "\(argument): note: \(found.yamlFiles) YAML file(s) in the folder not checked; name the inputs to check them (boardpack validate \(argument.hasSuffix("/") ? String(argument.dropLast()) : argument)/*.yaml)\n"
                  .utf8))
          }
          if papers.isEmpty {
            throw BoardpackError("the folder holds no papers", at: SourceLocation(file: argument))
          }
        } catch {
          unreadable.append(error)
          count += 1
          continue
        }
      }
      for file in papers {
        count += 1
        do throws(BoardpackError) {
          let document =
            file.hasSuffix(".yaml") ? try input(file, generator) : try PaperFile.read(path: file)
          let name = file == PaperFile.standardInput ? PaperFile.standardInputName : file
          documents.append((name, document))
          if explain && format == .text {
            print(validator.explanation(of: document, file: name).joined(separator: "\n"))
          }
        } catch {
          unreadable.append(error)
        }
      }
    }
    // Each paper, then the papers against each other as the papers of one meeting (a pack file
    // holds several).
    let diagnostics = validator.check(PaperSet(documents))
    let printer = DiagnosticPrinter()
    switch format {
    case .text:
      print(printer.text(diagnostics, files: count, unreadable: unreadable), terminator: "")
    case .json:
      print(
        String(
          decoding: try printer.json(diagnostics, files: count, unreadable: unreadable),
          as: UTF8.self))
    }
    if !unreadable.isEmpty { throw ExitCode(2) }
    let failing = diagnostics.contains { $0.severity == .error || strict }
    if failing { throw ExitCode(1) }
  }

  /// The paper a YAML input generates; a meeting file is pointed to `pack`, which checks its papers.
  private func input(_ file: String, _ generator: Generator) throws(BoardpackError) -> Document {
    do { return try generator.document(forInputAt: file) } catch {
      guard (try? Meeting(contentsOf: file)) != nil else { throw error }
      throw BoardpackError(
        "a meeting file, not a paper: boardpack pack \(file) checks its papers, each on its own and against each other",
        at: SourceLocation(file: file))
    }
  }
}
