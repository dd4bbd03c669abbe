import Foundation

/// Prints diagnostics as compiler-style lines or as the JSON of `--format json`.
///
/// A line reads `FILE[:LINE]: error: [rule] message (report "…", table "…", row "…", column "…",
/// paragraph 12): stated X, expected Y`, leaving out what does not apply.
public struct DiagnosticPrinter: Sendable {
  public init() {}

  /// The errors of the files that could not be read, one line per diagnostic, then a summary
  /// line that counts the unreadable files too.
  public func text(_ diagnostics: [Diagnostic], files: Int, unreadable: [BoardpackError] = [])
    -> String
  {
    let lines = unreadable.map(\.description) + diagnostics.map(line)
    let summary = Summary(diagnostics, files: files, unreadable: unreadable.count)
    let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
    let notRead = unreadable.isEmpty ? "" : " (\(unreadable.count) could not be read)"
    return
      (lines + [
        "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")) in \(plural(files, "file"))\(notRead)"
      ])
      .joined(separator: "\n") + "\n"
  }

  /// One diagnostic on a line, at the input line it comes from when that is a line a person can
  /// open (`tables/csp.csv:5:`, as compilers write it: a YAML, CSV, XHTML or FODT file's), else at
  /// its file (a `.docx` or `.odt` keeps its text on a line or two of zipped XML).
  /// The files whose lines a person can open in an editor.
  private static let textFiles: Set = ["yaml", "yml", "csv", "xhtml", "html", "htm", "fodt", "xml"]

  public func line(_ diagnostic: Diagnostic) -> String {
    let at =
      diagnostic.source.flatMap { source in
        source.line.flatMap { line in
          Self.textFiles.contains((source.file as NSString).pathExtension.lowercased())
            ? "\(source.file):\(line)" : nil
        }
      }
      ?? diagnostic.file
    var result =
      "\(at): \(diagnostic.severity.rawValue): [\(diagnostic.rule.rawValue)] \(diagnostic.message)"
    let location = diagnostic.location
    let parts = [
      location.report.map { "report \(quoted($0))" }, location.table.map { "table \(quoted($0))" },
      location.row.map { "row \(quoted($0))" }, location.column.map { "column \(quoted($0))" },
      location.paragraph.map { "paragraph \($0)" },
    ].compactMap { $0 }
    if !parts.isEmpty { result += " (" + parts.joined(separator: ", ") + ")" }
    let figures = [
      diagnostic.stated.map { "stated \($0)" }, diagnostic.expected.map { "expected \($0)" },
    ].compactMap { $0 }
    if !figures.isEmpty { result += ": " + figures.joined(separator: ", ") }
    return result
  }

  /// `{"diagnostics": […], "unreadable": [{"file": …, "message": …, "line": …}], "summary":
  /// {"files": …, "errors": …, "warnings": …, "unreadable": …}}`.
  public func json(_ diagnostics: [Diagnostic], files: Int, unreadable: [BoardpackError] = [])
    throws -> Data
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(
      Output(
        diagnostics: diagnostics,
        unreadable: unreadable.map {
          Unreadable(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message)
        },
        summary: Summary(diagnostics, files: files, unreadable: unreadable.count)))
  }

  /// Longer titles and captions are cut, with "…", to keep a line readable; the JSON keeps them whole.
  static let longestQuote = 80

  private func quoted(_ text: String) -> String {
    let single = text.replacingOccurrences(of: "\n", with: " ")
    let shortened =
      single.count > Self.longestQuote ? String(single.prefix(Self.longestQuote - 1)) + "…" : single
    return "\"" + shortened + "\""
  }

  private struct Output: Encodable {
    var diagnostics: [Diagnostic]
    var unreadable: [Unreadable]
    var summary: Summary
  }

  /// A file that could not be read, and why.
  private struct Unreadable: Encodable {
    var file: String
    var line: Int?
    var column: Int?
    var message: String
  }

  /// Counts for the summary line and the JSON summary.
  public struct Summary: Codable, Equatable, Sendable {
    /// The files named, read or not.
    public var files: Int
    public var errors: Int
    public var warnings: Int
    /// The files that could not be read.
    public var unreadable: Int

    /// 2 when a file could not be read, else 1 when any diagnostic is an error, else 0: warnings
    /// alone do not fail a run.
    public var exitCode: Int32 { unreadable > 0 ? 2 : errors > 0 ? 1 : 0 }

    public init(_ diagnostics: [Diagnostic], files: Int, unreadable: Int = 0) {
      self.files = files
      self.unreadable = unreadable
      errors = diagnostics.filter { $0.severity == .error }.count
      warnings = diagnostics.count - errors
    }
  }
}
