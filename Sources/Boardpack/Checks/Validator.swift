/// One of the validator's rules: it looks at one report and appends what it finds; it never throws.
public protocol ReportRule: Sendable {
  func check(_ report: Report, into findings: inout Findings)
}

/// Runs every rule over every report of a paper and collects their diagnostics, in report order.
public struct Validator: Sendable {
  public let rules: [any ReportRule]

  public init() {
    rules = [
      TableSumRule(), DerivedColumnRule(), PercentShareRule(), TextTotalRule(),
      CrossReferenceRule(),
      NumberingRule(), DateRule(), AccessibilityRule(),
    ]
  }

  public func check(_ document: Document, file: String) -> [Diagnostic] {
    Report.reports(in: document).flatMap { report in
      rules.flatMap { rule in
        var findings = Findings(file: file, report: report.title)
        rule.check(report, into: &findings)
        return findings.diagnostics
      }
    }
  }
}
