import Boardpack
import Foundation

/// A temporary project with a small skeleton, `Templates/test-report.yaml`, for generating papers in tests.
struct GeneratorFixture {
  let directory = TemporaryDirectory()

  static let skeleton = """
    id: test-report
    name: Test Report
    description: A small skeleton for tests.
    letterhead: [OFFICE OF THE TEST]
    title-block: [report-date, author]
    slots:
      period: {kind: text, required: true, help: The period covered}
      summary: {kind: blocks, required: true, help: The summary}
      background: {kind: blocks, required: false, help: The rest}
    body:
      - heading: Purpose of Report
      - This report covers {slot:period} and is by {meta:author.name}.
      - heading: Summary
      - slot: summary
      - slot: background
      - text: "----- **End of Report** -----"
        style: End of Report
    """

  /// The head of an input for the test skeleton, up to and including `slots:` and `period:`.
  static let inputHead = """
    template: test-report
    metadata:
      title: Test Paper
      report-date: 2026-06
      author: {name: A Person, role: Director}
    slots:
      period: Quarter 4

    """

  init() {
    directory.write("Templates/test-report.yaml", GeneratorFixture.skeleton)
  }

  var templates: TemplateLibrary { TemplateLibrary(directory: directory.path + "/Templates") }
  var inputPath: String { directory.path + "/Inputs/paper.yaml" }

  /// Writes `input` as `Inputs/paper.yaml` and generates its paper.
  func generate(_ input: String) throws(BoardpackError) -> Document {
    directory.write("Inputs/paper.yaml", input)
    return try Generator(templates: templates).document(forInputAt: inputPath)
  }

  /// The error expected at `line`:`column` of `input` (the input file), with that line for the caret display.
  func error(_ message: String, line: Int, column: Int, in input: String) -> BoardpackError {
    let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
    return BoardpackError(
      message, at: SourceLocation(file: inputPath, line: line, column: column),
      sourceLine: String(lines[line - 1]))
  }

  /// The path of `name` under `Inputs/`, after writing `text` there.
  @discardableResult
  func writeInput(_ name: String, _ text: String) -> String {
    directory.write("Inputs/" + name, text)
  }
}
