import ArgumentParser
import Boardpack
import Foundation

/// `boardpack generate`: fill a skeleton from a YAML input and write the paper.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate papers from YAML inputs, as .xhtml and .fodt.",
    discussion: """
      Each input names its skeleton (`template:`), fills the skeleton's slots, and points at CSV \
      files for its tables. Output files take the input's name: Inputs/q4.yaml → OUT/q4.xhtml, OUT/q4.fodt.
      """
  )

  @Argument(help: "YAML inputs, e.g. Inputs/pcc-update-2026-04-21-q4.yaml.")
  var inputs: [String]

  @Option(help: "Formats to write: xhtml, fodt or all.")
  var format: OutputFormat = .all

  @Option(help: "The folder to write into.")
  var out: String = "Output"

  @Option(help: "The templates folder (default: $BOARDPACK_TEMPLATES, else ./Templates).")
  var templates: String?

  func run() throws {
    do { try generate() } catch { throw fail(error) }
  }

  private func generate() throws(BoardpackError) {
    let library = TemplateLibrary(directory: templates)
    let generator = Generator(templates: library)
    let reference =
      format.writesFODT
      ? try ReferenceDocument(contentsOf: library.directory + "/reference.fodt") : nil
    let writers = PaperWriters(xhtml: format.writesXHTML, fodt: reference)
    // Read and check every input before writing anything.
    var documents: [(name: String, document: Document)] = []
    for input in inputs {
      let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
      documents.append((name, try generator.document(forInputAt: input)))
    }
    for (name, document) in documents {
      for path in try writers.write(document, named: name, into: out) { print("wrote \(path)") }
    }
  }
}
