import ArgumentParser
import Boardpack
import Foundation

/// `boardpack merge`: one letter per CSV row from a letter template.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract:
      "Write one letter per row of a CSV file or spreadsheet from a letter template (docs/FORMATS.md §6).",
    discussion: """
      Every row is checked before anything is written; a bad row stops the merge unless \
      --skip-invalid. A manifest.csv beside the letters lists each row's file and figures.
      """
  )

  @Option(help: "The letter template: a .yaml path, or an id in the templates folder.")
  var template: String

  @Option(help: "The data, one letter per row: a CSV file, or a spreadsheet (.xlsx, .ods).")
  var data: String

  @Option(help: "The spreadsheet's sheet to read (default: the first).")
  var sheet: String?

  @Option(help: "The folder to write into (default: Output/<template id>).")
  var out: String?

  @Option(
    help:
      "Formats to write: xhtml, fodt or all (default: all; fodt with --combined); or pdf or docx, made by LibreOffice."
  )
  var format: OutputFormat?

  @Flag(help: "Write one document holding every letter, each on a new page.")
  var combined = false

  @Option(
    help: "With --combined, start a new document every N letters: letters-0001, letters-0002, ….")
  var batch: Int?

  @Option(
    help: "File names from columns, e.g. \"{Partnership}\" (default: the template's file-name).")
  var name: String?

  @Flag(
    help:
      "XHTML letters link to one stylesheet, letters.css, written beside them, instead of each carrying its own."
  )
  var sharedStylesheet = false

  @Flag(help: "Write the good rows when some are bad, and list the rest.")
  var skipInvalid = false

  @Flag(help: "Merge into a folder that holds files no merge wrote (they are left as they are).")
  var force = false

  @Option(help: "COLUMN=AMOUNT: the column must add up to this, e.g. \"Allocation=£639,675.00\".")
  var expectTotal: [String] = []

  @Option(
    help:
      "NAME=FILE:KEY: join a second CSV file or spreadsheet (its first sheet) on column KEY for the template's \"each: NAME\"."
  )
  var join: [String] = []

  @Option(help: "The letters' date, YYYY-MM-DD or \"today\" (default: the template's date:).")
  var date: String?

  @OptionGroup var templates: TemplatesOption

  func run() throws {
    Interruption.install()
    let report: MergeReport
    do {
      if let converted = format?.converted {
        report = try convertedRun(converted)
      } else {
        report = try job().run()
      }
    } catch {
      let failure = fail(error)
      throw Interruption.caughtSignal.map { ExitCode(128 + $0) } ?? failure
    }
    for warning in report.warnings {
      FileHandle.standardError.write(Data("\(warning)\n".utf8))
    }
    for problem in report.invalidRows {
      FileHandle.standardError.write(Data("\(problem)\n".utf8))
    }
    guard report.invalidRows.isEmpty || skipInvalid else {
      FileHandle.standardError.write(
        Data(
          "nothing written: \(report.invalidRows.count) bad row(s); fix them or use --skip-invalid\n"
            .utf8))
      throw ExitCode(1)
    }
    guard report.letters > 0 else {
      FileHandle.standardError.write(
        Data(
          "nothing written: every row (\(report.invalidRows.count)) is bad; \(outputFolder) is as it was\n"
            .utf8))
      throw ExitCode(1)
    }
    let skipped =
      report.invalidRows.isEmpty ? "" : ", \(report.invalidRows.count) bad row(s) skipped"
    let without = report.rowsWithoutJoined.map { "; \($0)" }
    let removed =
      report.removed == 0
      ? "" : "; \(report.removed) file(s) of the previous merge removed (letters or formats this one does not write)"
    print("\(report.letters) letter(s) written to \(outputFolder)\(skipped)\(removed)\(without.joined())")
    // A signal during publishing let it finish; the run still ends as the signal asked.
    if let signal = Interruption.caughtSignal { throw ExitCode(128 + signal) }
  }

  var outputFolder: String {
    out ?? "Output/" + ((template as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  /// The merge as `.fodt`, converted by LibreOffice (one start for every letter) in the merge's
  /// staging folder, so that the PDFs or Word files are published as the letters are: all or nothing.
  func convertedRun(_ converted: PaperConversion.Format) throws(BoardpackError) -> MergeReport {
    var job = try job(formats: .fodt)
    job.conversion = try PaperConversion(to: converted)
    return try job.run()
  }

  func job(formats chosen: OutputFormat? = nil) throws(BoardpackError) -> MergeJob {
    let library = try templates.library()
    let formats = chosen ?? format ?? (combined ? .fodt : .all)
    let reference =
      formats.writesFODT
      ? try ReferenceDocument(contentsOf: library.directory + "/reference.fodt") : nil
    var letter = try library.letterTemplate(template)
    if let date {
      guard let day = date == "today" ? CalendarDate.today : CalendarDate(iso: date), day.day != nil
      else {
        throw BoardpackError(
          "--date \"\(date)\" is not a day: write it as 2026-06-05, or today",
          at: SourceLocation(file: "--date"))
      }
      letter.date = day
    }
    return MergeJob(
      template: letter, dataPath: data, sheet: sheet,
      outputFolder: outputFolder,
      writers: PaperWriters(
        xhtml: formats.writesXHTML, fodt: reference,
        linkingStylesheet: sharedStylesheet ? MergeJob.stylesheetName : nil),
      combined: combined,
      batch: batch,
      namePattern: name, skipInvalid: skipInvalid, expectedTotals: try expectedTotals(),
      joinOverrides: try joins(), force: force)
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
        throw BoardpackError("--join \"\(argument)\" is not NAME=FILE:KEY", at: at)
      }
      result[String(argument[..<equals])] = Join(
        file: String(argument[argument.index(after: equals)..<colon]),
        key: String(argument[argument.index(after: colon)...]), location: at)
    }
    return result
  }
}
