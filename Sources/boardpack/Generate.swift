import ArgumentParser
import Boardpack
import Foundation

/// `boardpack generate`: fill a skeleton from a YAML input, check the paper, and write it.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Generate papers from YAML inputs, as .xhtml and .fodt, checking them first.",
    discussion: """
      Each input names its skeleton (`template:`), fills the skeleton's slots, and points at CSV \
      files for its tables. Output files take the input's name: Inputs/q4.yaml → OUT/q4.xhtml, OUT/q4.fodt.

      Every paper is checked as `boardpack validate` checks it before anything is written; when \
      the checks find an error (or, with --strict, a warning) nothing is written and the exit \
      status is 1. Findings are printed on standard error.
      """
  )

  @Argument(help: "YAML inputs, e.g. Inputs/pcc-update-2026-04-21-q4.yaml.")
  var inputs: [String]

  @Option(
    help:
      "Formats to write: xhtml, fodt or all (both); or pdf (tagged, PDF/UA) or docx, made by LibreOffice."
  )
  var format: OutputFormat = .all

  @Option(help: "The folder to write into.")
  var out: String = "Output"

  @OptionGroup var templates: TemplatesOption

  @OptionGroup var checks: CheckOptions

  func run() throws {
    let library: TemplateLibrary
    do { library = try templates.library() } catch { throw fail(error) }
    // Read every input before checking or writing anything.
    var papers: [(input: String, document: Document)] = []
    do {
      let generator = Generator(templates: library)
      for input in inputs { papers.append((input, try generator.document(forInputAt: input))) }
    } catch { throw fail(error) }
    let validator = Validator()
    let diagnostics = papers.flatMap { validator.check($0.document, file: $0.input) }
    try checks.gate(diagnostics, files: papers.count, fixing: "the input")
    do { try write(papers, library: library) } catch { throw fail(error) }
  }

  private func write(_ papers: [(input: String, document: Document)], library: TemplateLibrary)
    throws(BoardpackError)
  {
    let reference =
      format.writesXHTML && !format.writesFODT
      ? nil : try ReferenceDocument(contentsOf: library.directory + "/reference.fodt")
    if let converted = format.converted, let reference {
      // One start of LibreOffice for the whole batch.
      let conversion = try PaperConversion(to: converted)
      let named = papers.map {
        (URL(fileURLWithPath: $0.input).deletingPathExtension().lastPathComponent, $0.document)
      }
      for path in try conversion.write(named, reference: reference, into: out) {
        print("wrote \(path)")
      }
      return
    }
    let writers = PaperWriters(xhtml: format.writesXHTML, fodt: reference)
    for (input, document) in papers {
      let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
      for path in try writers.write(document, named: name, into: out) { print("wrote \(path)") }
    }
  }
}
