import Foundation

/// Internal links resolve to a label in the document, and references written in the text —
/// "paragraph 12", "paragraphs 68-80", "para. 5", "Table One", "Appendix 1", "row 34" — point at
/// something that exists in the same report. References to other documents ("paragraph 31 of
/// the Act", "Schedule 6 para 31") and quotations are left alone.
public struct CrossReferenceRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    checkLinks(report, into: &findings)
    let paragraphs = Set(report.paragraphNumbers)
    let tables = report.tables
    let passages = report.passages
    for passage in passages where !passage.quoted {
      if !paragraphs.isEmpty { checkParagraphs(passage, paragraphs, into: &findings) }
      checkTables(passage, tables, passages, into: &findings)
      checkAppendices(passage, report, passages, into: &findings)
      checkRows(passage, tables, into: &findings)
    }
  }

  // MARK: Links

  private func checkLinks(_ report: Report, into findings: inout Findings) {
    for (reference, paragraph) in report.references {
      for target in [reference.target] + (reference.through.map { [$0] } ?? []) where !report.labels.contains(target) {
        findings.add(
          .crossReference, .error, "reference \"\(reference.shown)\" points at \"\(target.name)\", which is not in the document",
          at: Place(paragraph: paragraph), stated: target.name)
      }
    }
  }

  // MARK: Text

  private static let numberWords = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
  ]

  private static func number(_ text: Substring) -> Int? {
    Int(text) ?? numberWords[text.lowercased()]
  }

  private func checkParagraphs(_ passage: Passage, _ numbers: Set<Int>, into findings: inout Findings) {
    let regex = #/(?i)\b(paragraphs?|paras?\.?)\s+(\d+)(?:\s*(?:-|–|to|and|&)\s*(\d+))?/#
    let text = passage.text
    for match in text.matches(of: regex) {
      let start = text.index(match.range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
      if text[start..<match.range.lowerBound].contains(#/(?i)\b(?:sched|schedule|section|act|regulation|article)\W*\d*\W*$/#) {
        continue
      }
      let after = text[match.range.upperBound...]
      if after.prefixMatch(of: #/(?i)(?:\s*\(\d+\))*(?:\s+or\s+\d+(?:\(\d+\))?)*,?\s+of\s+(?!this\b)/#) != nil {
        continue
      }
      guard let first = Int(match.2) else { continue }
      let last = match.3.flatMap { Int($0) } ?? first
      let missing = [first, last].filter { !numbers.contains($0) }
      guard !missing.isEmpty else { continue }
      let shown = String(text[match.range])
      findings.add(
        .crossReference, .error,
        "\(shown) refers to paragraph \(missing.map(String.init).joined(separator: " and ")), which this report does not have",
        at: passage.place, stated: shown, expected: "a paragraph from \(numbers.min()!) to \(numbers.max()!)")
    }
  }

  private func checkTables(_ passage: Passage, _ tables: [TableSite], _ passages: [Passage], into findings: inout Findings) {
    let regex = #/(?i)\btable\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/#
    let titled = tables.compactMap { site in site.name.firstMatch(of: #/(?i)^table\s+(\w+)/#).flatMap { Self.number($0.1) } }
    let titles = passages.compactMap { candidate -> Int? in
      guard candidate.text.count <= 100, let match = candidate.text.firstMatch(of: #/(?i)^table\s+(\w+)/#) else { return nil }
      return Self.number(match.1)
    }
    for match in passage.text.matches(of: regex) {
      guard let number = Self.number(match.1) else { continue }
      let named = Set(titled + titles)
      let exists = named.isEmpty ? number <= tables.count : named.contains(number)
      if !exists {
        findings.add(
          .crossReference, .error, "\(match.0) is not in this report", at: passage.place, stated: String(match.0))
      }
    }
  }

  private func checkAppendices(_ passage: Passage, _ report: Report, _ passages: [Passage], into findings: inout Findings) {
    let regex = #/(?i)\bappendix\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten|[a-h]\b)/#
    let key = { (text: Substring) in Self.number(text).map(String.init) ?? text.uppercased() }
    var present = Set(report.appendixNumbers.map(String.init))
    for candidate in passages where candidate.text.count <= 120 {
      if let match = candidate.text.firstMatch(of: #/(?i)^appendix\s+(\w+)/#) { present.insert(key(match.1)) }
    }
    for site in report.tables {
      if let match = site.name.firstMatch(of: #/(?i)^appendix\s+(\w+)/#) { present.insert(key(match.1)) }
    }
    for match in passage.text.matches(of: regex) where !present.contains(key(match.1)) {
      findings.add(
        .crossReference, .warning, "\(match.0) is not in this report (no heading or caption names it)", at: passage.place,
        stated: String(match.0))
    }
  }

  /// "row 34" of a table keyed by a serial-number column.
  private func checkRows(_ passage: Passage, _ tables: [TableSite], into findings: inout Findings) {
    let keyed = tables.filter { site in
      let header = site.table.columns.first?.header.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
      return header.contains("serial") || ["no", "no.", "ref", "ref.", "#", "id", "row"].contains(header)
    }
    guard !keyed.isEmpty else { return }
    let keys = Set(keyed.flatMap { site in site.table.rows.compactMap { $0.cells.first.flatMap { Int($0.shown.trimmingCharacters(in: .whitespaces)) } } })
    for match in passage.text.matches(of: #/(?i)\brow\s+(\d+)\b/#) {
      guard let number = Int(match.1), !keys.contains(number) else { continue }
      findings.add(
        .crossReference, .error, "\(match.0) is not a row of \(keyed[0].name)", at: passage.place, stated: String(match.0))
    }
  }
}
