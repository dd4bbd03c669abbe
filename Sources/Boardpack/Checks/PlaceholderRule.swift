/// Text left for the author to write, which no paper should carry when it goes out: the starter's
/// "To be written" (`boardpack new`), and "[insert …]", "[TBC]", "[to follow]" in square brackets.
/// A warning, so that a starter still generates as it stands.
public struct PlaceholderRule: ReportRule {
  public init() {}

  private static let placeholders = TextPattern(
    #"(?i)\bto be written\b|\[\s*(?:insert\b[^\]]{0,80}|tbc|tbd|to follow|to be confirmed)\s*\]"#,
    needing: ["to be written", "["])

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
