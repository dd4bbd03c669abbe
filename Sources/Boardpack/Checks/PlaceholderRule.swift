/// Text left for the author to write, which no paper should carry when it goes out: the starter's
/// "To be written" (`boardpack new`), and "[insert …]", "[TBC]", "[to follow]" in square brackets.
/// A warning, so that a starter still generates as it stands.
public struct PlaceholderRule: ReportRule {
  public init() {}

  private static let placeholders = TextPattern(
    #"(?i)\bto be written\b|\[\s*(?:insert\b[^\]]{0,80}|tbc|tbd|to follow|to be confirmed)\s*\]"#,
    needing: ["to be written", "["])

  /// The paper's details still to be written (the starter leaves its body, title and author so):
  /// each named as the paper prints it, in the first report of the paper `file`.
  static func details(of metadata: Metadata, file: String, report: String?) -> [Diagnostic] {
    let author = metadata.author
    let details: [(String, String?)] = [
      ("the paper's title", metadata.title), ("the board or panel", metadata.body),
      ("the author's name", author?.name), ("the author's role", author?.role),
      ("the author's phone", author?.phone), ("the author's email", author?.email),
      ("the classification", metadata.classification),
    ]
    return details.compactMap { detail, text in
      guard let text, let match = placeholders.firstMatch(in: text) else { return nil }
      return Diagnostic(
        file: file, severity: .warning, rule: .placeholder,
        message: "\(detail) is left to be written before the paper goes out",
        location: Diagnostic.Location(report: report), stated: String(match.text))
    }
  }

  public func check(_ report: Report, into findings: inout Findings) {
    for passage in report.passages where !passage.quoted {
      for match in Self.placeholders.matches(in: passage.text) {
        findings.add(
          .placeholder, .warning, "text left to be written before the paper goes out",
          at: passage.place, stated: String(match.text))
      }
    }
  }
}
