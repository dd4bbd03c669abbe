import Foundation

/// Prints diagnostics as compiler-style lines or as the JSON of `--format json`.
///
/// A line reads `FILE: error: [rule] message (report "…", table "…", row "…", column "…",
/// paragraph 12): stated X, expected Y`, leaving out what does not apply.
public struct DiagnosticPrinter: Sendable {
  public init() {}

  /// One line per diagnostic, then a summary line.
  public func text(_ diagnostics: [Diagnostic], files: Int) -> String {
    let lines = diagnostics.map(line)
    let summary = Summary(diagnostics, files: files)
    let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
    return
      (lines + [
        "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")) in \(plural(files, "file"))"
      ])
      .joined(separator: "\n") + "\n"
  }

  public func line(_ diagnostic: Diagnostic) -> String {
    var result =
      "\(diagnostic.file): \(diagnostic.severity.rawValue): [\(diagnostic.rule.rawValue)] \(diagnostic.message)"
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

  /// `{"diagnostics": […], "summary": {"files": …, "errors": …, "warnings": …}}`.
  public func json(_ diagnostics: [Diagnostic], files: Int) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(
      Output(diagnostics: diagnostics, summary: Summary(diagnostics, files: files)))
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
    var summary: Summary
  }

  /// Counts for the summary line and the JSON summary.
  public struct Summary: Codable, Equatable, Sendable {
    public var files: Int
    public var errors: Int
    public var warnings: Int

    /// 1 when any diagnostic is an error, else 0: warnings alone do not fail a run.
    public var exitCode: Int32 { errors > 0 ? 1 : 0 }

    public init(_ diagnostics: [Diagnostic], files: Int) {
      self.files = files
      errors = diagnostics.filter { $0.severity == .error }.count
      warnings = diagnostics.count - errors
    }
  }
}
