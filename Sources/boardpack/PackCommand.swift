import ArgumentParser
import Boardpack
import Foundation

/// `boardpack pack`: compile a meeting's agenda pack from its meeting file and papers.
struct PackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pack",
    abstract:
      "Compile a meeting's pack (front sheet, agenda, papers) as one .xhtml and one .fodt, or a PDF.",
    discussion: """
      The meeting file (docs/FORMATS.md §10) gives the meeting and its agenda; each item's paper is \
      a paper input, generated, or a finished paper, read. The pack takes the meeting file's name: \
      Inputs/meetings/2026-06-23-panel.yaml → OUT/2026-06-23-panel.xhtml and .fodt. When an item is \
      exempt there are two packs: NAME-public, with a notice in place of each exempt paper, and \
      NAME-full. The agenda prints each paper's pages as fields LibreOffice fills in.

      Every paper is checked as `boardpack validate` checks it; when the checks find an error (or, \
      with --strict, a warning) nothing is written and the exit status is 1.
      """
  )

  @Argument(help: "The meeting file, e.g. Inputs/meetings/2026-06-23-panel.yaml.")
  var meeting: String

  @Option(
    help:
      "Formats to write: xhtml, fodt or all (both); or pdf (tagged, with a bookmark per item), made by LibreOffice."
  )
  var format: OutputFormat = .all

  @Option(help: "The folder to write into.")
  var out: String = "Output"

  @OptionGroup var templates: TemplatesOption

  @OptionGroup var checks: CheckOptions

  func run() throws {
    let library: TemplateLibrary
    do { library = try templates.library() } catch { throw fail(error) }
    let packs: [Pack]
    do { packs = try Pack.packs(forMeetingAt: meeting, templates: library) } catch {
      throw fail(error)
    }
    guard let full = packs.last else { return }
    let diagnostics = Validator().check(full.paperSet)
    try checks.gate(diagnostics, files: full.papers.count, fixing: "the papers")
    let name = URL(fileURLWithPath: meeting).deletingPathExtension().lastPathComponent
    let named = packs.map { (packs.count == 1 ? name : name + "-" + $0.edition.rawValue, $0) }
    do {
      let reference = try ReferenceDocument(contentsOf: library.directory + "/reference.fodt")
      if let converted = format.converted {
        for path in try PaperConversion(to: converted).write(named, reference: reference, into: out)
        {
          print("wrote \(path)")
        }
        return
      }
      let writers = PaperWriters(
        xhtml: format.writesXHTML, fodt: format.writesFODT ? reference : nil)
      for path in try writers.write(named, into: out) { print("wrote \(path)") }
    } catch { throw fail(error) }
  }
}
