import ArgumentParser
import Boardpack
import Foundation

/// `boardpack merge`: one letter per CSV row from a letter template.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write one letter per CSV row from a letter template (docs/FORMATS.md §6).")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case xhtml, fodt, all
  }

  @Option(help: "The letter template: a path, or an id in ./Templates.") var template: String
  @Option(help: "The CSV file, one letter per row.") var data: String
  @Option(help: "The output folder (default: Output/<template id>).") var out: String?
  @Option(help: "xhtml, fodt or all (default: all; fodt with --combined).") var format: Format?
  @Flag(help: "Write one document with every letter, each on a new page.") var combined = false
  @Option(
    help: "File names from columns, e.g. \"{Partnership}\" (default: the template's file-name).")
  var name: String?
  @Flag(help: "Write the good rows when some are bad, and list the rest.") var skipInvalid = false
  @Option(help: "COLUMN=AMOUNT: the column must add up to this, e.g. \"Allocation=£639,675.00\".")
  var expectTotal: [String] = []
  @Option(help: "NAME=CSV:KEY: join a second CSV on KEY for the template's \"each NAME\".")
  var join: [String] = []
  @Option(help: "The reference document for FODT styles.") var reference =
    "Templates/reference.fodt"

  func run() throws {
    do {
      let report = try job().run()
      for problem in report.invalidRows {
        FileHandle.standardError.write(Data("\(problem)\n".utf8))
      }
      guard report.invalidRows.isEmpty || skipInvalid else {
        FileHandle.standardError.write(
          Data(
            "nothing written: \(report.invalidRows.count) bad row(s); fix them or use --skip-invalid\n"
              .utf8))
        throw ExitCode.failure
      }
      let skipped = report.invalidRows.isEmpty ? "" : ", \(report.invalidRows.count) row(s) skipped"
      print("\(report.letters) letter(s) written to \(outputFolder)\(skipped)")
    } catch let error as BoardpackError {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      throw ExitCode.failure
    }
  }

  var outputFolder: String {
    out ?? "Output/" + ((template as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  func job() throws(BoardpackError) -> MergeJob {
    let path = template.hasSuffix(".yaml") ? template : "Templates/\(template).yaml"
    var formats: [LetterFormat] = []
    let chosen = format ?? (combined ? .fodt : .all)
    if chosen != .fodt { formats.append(.xhtml) }
    if chosen != .xhtml {
      formats.append(.fodt(reference: try ReferenceDocument(contentsOf: reference)))
    }
    return MergeJob(
      template: try LetterTemplate(contentsOf: path), dataPath: data, outputFolder: outputFolder,
      formats: formats,
      combined: combined, namePattern: name, skipInvalid: skipInvalid,
      expectedTotals: try expectedTotals(),
      joinOverrides: try joins())
  }

  func expectedTotals() throws(BoardpackError) -> [MergeJob.ExpectedTotal] {
    try expectTotal.map { argument throws(BoardpackError) in
      guard let total = MergeJob.ExpectedTotal(argument: argument) else {
        throw BoardpackError(
          "--expect-total \"\(argument)\" is not COLUMN=AMOUNT",
          at: SourceLocation(file: "--expect-total"))
      }
      return total
    }
  }

  func joins() throws(BoardpackError) -> [String: Join] {
    var result: [String: Join] = [:]
    for argument in join {
      let at = SourceLocation(file: "--join")
      guard let equals = argument.firstIndex(of: "="), let colon = argument.lastIndex(of: ":"),
        equals < colon
      else {
        throw BoardpackError("--join \"\(argument)\" is not NAME=CSV:KEY", at: at)
      }
      let name = String(argument[..<equals])
      result[name] = Join(
        file: String(argument[argument.index(after: equals)..<colon]),
        key: String(argument[argument.index(after: colon)...]),
        location: at)
    }
    return result
  }
}
