import ArgumentParser
import Boardpack
import Foundation

/// `boardpack new`: write a starter input for a report type.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a starter input for a report type, ready to fill in.",
    discussion: """
      The starter names the skeleton, gives every metadata field and fills every slot with \
      "To be written", each slot with its help and the headings the skeleton already prints as \
      comments; a slot that asks for a table gets an example table, written as a CSV beside the \
      input. It generates as it stands. Existing files are never overwritten.
      """
  )

  @Argument(help: "The report type: a skeleton id, as `boardpack templates` lists them.")
  var template: String

  @Option(help: "The input to write (default: TEMPLATE.yaml in the current folder).")
  var out: String?

  @OptionGroup var templates: TemplatesOption

  func run() throws {
    do { try write() } catch { throw fail(error) }
  }

  private func write() throws(BoardpackError) {
    let skeleton = try templates.library().skeleton(template)
    let path = out ?? template + ".yaml"
    let starter = StarterInput(for: skeleton, path: path, date: .today)
    var files = [(path: path, text: starter.yaml)]
    if let table = starter.table {
      let folder = (path as NSString).deletingLastPathComponent as NSString
      files.append((folder.appendingPathComponent(table.name), table.csv))
    }
    for file in files where FileManager.default.fileExists(atPath: file.path) {
      throw BoardpackError(
        "already exists; give another file with --out, or move it away first",
        at: SourceLocation(file: file.path))
    }
    for file in files {
      try OutputFile.write(Data(file.text.utf8), to: file.path)
      print("wrote \(file.path)")
    }
  }
}
