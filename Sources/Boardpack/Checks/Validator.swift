/// One of the validator's rules: it looks at one report and appends what it finds; it never throws.
public protocol ReportRule: Sendable {
  func check(_ report: Report, into findings: inout Findings)
}

/// Runs every rule over every report of a paper and collects their diagnostics.
public struct Validator: Sendable {
  public let rules: [any ReportRule]

  /// A validator of these rules only.
  public init(rules: [any ReportRule]) {
    self.rules = rules
  }

  public init() {
    rules = [
      TableSumRule(), DerivedColumnRule(), PercentShareRule(), PercentChangeRule(), TextTotalRule(),
      ListCountRule(),
      ArithmeticRule(), CrossReferenceRule(),
      NumberingRule(), DateRule(), FinancialYearRule(), AccessibilityRule(), StoredValueRule(),
      PlaceholderRule(),
    ]
  }

  /// The diagnostics of each report in turn, in paragraph order within a report (those before
  /// its first numbered paragraph first), rule by rule where they share a paragraph.
  /// Reports are independent, so they are checked on all cores; the result does not depend on it.
  public func check(_ document: Document, file: String) -> [Diagnostic] {
    check(Report.reports(in: document), of: document.metadata, file: file)
  }

  /// The diagnostics of every paper of `papers` in turn, as `check(_:file:)` gives them, then
  /// those across the papers (`check(across:)`): each paper is split into its reports once.
  public func check(_ papers: PaperSet) -> [Diagnostic] {
    papers.papers.flatMap { check($0.reports, of: $0.metadata, file: $0.file) }
      + check(across: papers)
  }

  private func check(_ reports: [Report], of metadata: Metadata, file: String) -> [Diagnostic] {
    let found = reports.concurrentMap { check($0, file: file) }.flatMap { $0 }
    let details = PlaceholderRule.details(of: metadata, file: file, report: reports.first?.title)
    guard metadata.hasTrackedChanges else { return details + found }
    let note = Diagnostic(
      file: file, severity: .warning, rule: .trackedChanges,
      message:
        "the paper has tracked changes: it was checked as it prints with them accepted; accept or reject them before circulation",
      location: Diagnostic.Location(report: reports.first?.title))
    return [note] + details + found
  }

  private func check(_ report: Report, file: String) -> [Diagnostic] {
    let found = rules.flatMap { rule in
      var findings = Findings(file: file, report: report.title)
      rule.check(report, into: &findings)
      return findings.diagnostics
    }
    return found.enumerated().sorted { a, b in
      let (first, second) = (Self.paragraph(of: a.element), Self.paragraph(of: b.element))
      return first != second ? first < second : a.offset < b.offset
    }.map(\.element)
  }

  private static func paragraph(of diagnostic: Diagnostic) -> Int {
    diagnostic.location.paragraph.flatMap { Int($0) } ?? 0
  }
}
