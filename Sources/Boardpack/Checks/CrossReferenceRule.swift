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
    let sections = Self.sections(report)
    let passages = report.passages
    let tables = tableNumbers(report.tables, passages)
    let appendices = Self.appendixKeys(report, passages)
    let rows = serialKeys(report.tables)
    for passage in passages where !passage.quoted {
      if !paragraphs.isEmpty { checkParagraphs(passage, paragraphs, sections, into: &findings) }
      checkTables(passage, tables, into: &findings)
      checkAppendices(passage, appendices, into: &findings)
      if let rows { checkRows(passage, rows, into: &findings) }
    }
  }

  // MARK: Links

  private func checkLinks(_ report: Report, into findings: inout Findings) {
    let numbers = report.blocks.paragraphNumbers
    for (reference, paragraph) in report.references {
      checkShownNumbers(reference, numbers, at: paragraph, into: &findings)
      // A link to "#" is a link whose address was lost (as in papers converted from PDF), not a cross-reference.
      guard !reference.target.name.isEmpty else { continue }
      for target in [reference.target] + (reference.through.map { [$0] } ?? [])
      where !report.labels.contains(target) {
        findings.add(
          .crossReference, .error,
          "reference \"\(reference.shown)\" points at \"\(target.name)\", which is not in the document",
          at: Place(paragraph: paragraph, source: reference.location), stated: target.name)
      }
    }
  }

  /// A link shown as "paragraph 12" or "paragraphs 12 to 15" must still name its targets' numbers:
  /// inserting or deleting a paragraph renumbers them but leaves the link's text as it was.
  private func checkShownNumbers(
    _ reference: Reference, _ numbers: [Label: Int], at paragraph: Int?,
    into findings: inout Findings
  ) {
    let words = reference.shown.lowercased().split(separator: " ")
    guard let first = words.first, first == "paragraph" || first == "paragraphs",
      let current = numbers[reference.target]
    else { return }
    let shown = words.dropFirst().compactMap { Int($0) }
    guard let shownFirst = shown.first else { return }
    // A range read from a .fodt links only its first target; then only its first number can be checked.
    let last = reference.through.flatMap { numbers[$0] }
    let (stated, expected, what): ([Int], [Int], String) =
      if let last, shown.count == 2 {
        (shown, [current, last], "its targets are now")
      } else if shown.count == 2 {
        ([shownFirst], [current], "its first target is now")
      } else { (shown, [current], "its target is now") }
    guard stated != expected else { return }
    let expectedText =
      expected.count == 1 ? "paragraph \(current)" : "paragraphs \(expected[0]) to \(expected[1])"
    findings.add(
      .crossReference, .error,
      "reference \"\(reference.shown)\" is out of date: \(what) \(expectedText)",
      at: Place(paragraph: paragraph, source: reference.location), stated: reference.shown,
      expected: expectedText)
  }

  // MARK: Text

  private static let numberWords = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
  ]

  private static func number(_ text: Substring) -> Int? {
    Int(text) ?? numberWords[text.lowercased()]
  }

  /// A statute's part just before a reference: "Schedule 6", "section".
  private static let statuteParts = TextPattern(
    #"(?i)\b(?:sched|schedule|section|act|regulation|article)\W*\d*\W*$"#,
    needing: ["sched", "section", "act", "regulation", "article"])

  /// Another document named just after a reference: "(2) of the Act", "in the HMICFRS report".
  private static let otherDocuments = TextPattern(
    #"(?i)(?:\s*\(\d+\))*(?:\s+or\s+\d+(?:\(\d+\))?)*,?\s+(?:of|in)\s+(?!this\b)"#,
    needing: ["of", "in"])

  /// Whether the reference at `range` is to another document: "paragraph 31 of the Act",
  /// "Schedule 6 para 31", "Table 2 in the HMICFRS report" (but not "… of this report").
  private static func isExternal(_ range: Range<String.Index>, in text: String) -> Bool {
    let start =
      text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
    return statuteParts.firstMatch(in: text[start..<range.lowerBound]) != nil
      || otherDocuments.prefixMatch(in: text[range.upperBound...]) != nil
  }

  /// "paragraph 12", "paragraphs 68-80", "para. 5"; not "paragraph 1.14" (sub-numbered paragraphs,
  /// which the model does not number).
  private static let paragraphs = TextPattern(
    #"(?i)\b(?:paragraphs?|paras?\.?)\s+(?<first>\d++)(?!\.\d)(?:\s*(?<separator>-|–|to|and|&)\s*(?<last>\d++)(?!\.\d))?"#,
    needing: ["para"])

  private func checkParagraphs(
    _ passage: Passage, _ numbers: Set<Int>, _ sections: [Section], into findings: inout Findings
  ) {
    let text = passage.text
    for match in Self.paragraphs.matches(in: text) {
      if Self.isExternal(match.range, in: text) { continue }
      guard let first = match["first"].flatMap({ Int($0) }) else { continue }
      let last = match["last"].flatMap { Int($0) } ?? first
      let shown = String(text[match.range])
      let missing = Set([first, last]).filter { !numbers.contains($0) }.sorted()
      guard missing.isEmpty else {
        findings.add(
          .crossReference, .error,
          "\(shown) refers to paragraph \(missing.map(String.init).joined(separator: " and ")), which this report does not have",
          at: passage.place, stated: shown,
          expected: "a paragraph from \(numbers.min()!) to \(numbers.max()!)")
        continue
      }
      if first < last, ["-", "–", "to"].contains(match["separator"]?.lowercased()) {
        checkRange(first...last, shown, sections, passage, into: &findings)
      }
    }
  }

  /// A run of numbered paragraphs under one heading.
  struct Section {
    var title: String
    var numbers: ClosedRange<Int>
  }

  /// The report's sections, in order; paragraphs before the first heading belong to none.
  private static func sections(_ report: Report) -> [Section] {
    var result: [Section] = []
    var title: String?
    for entry in report.entries {
      switch entry {
      case .passage(let passage) where passage.isHeading:
        title = passage.text
      case .numbered(let number, _):
        guard let current = title else { continue }
        if let last = result.last, last.title == current, last.numbers.upperBound < number {
          result[result.count - 1].numbers = last.numbers.lowerBound...number
        } else {
          result.append(Section(title: current, numbers: number...number))
        }
        title = current
      default: continue
      }
    }
    return result
  }

  /// A range that takes in one whole section and a stray paragraph of the sections beside it
  /// ("paragraphs 68-80" where "Holding the Force to Account" is 69 to 79) most likely meant the
  /// section: the text was written before paragraphs moved, or loosely.
  private func checkRange(
    _ range: ClosedRange<Int>, _ shown: String, _ sections: [Section], _ passage: Passage,
    into findings: inout Findings
  ) {
    let starts = Set(sections.map(\.numbers.lowerBound))
    let ends = Set(sections.map(\.numbers.upperBound))
    guard !starts.contains(range.lowerBound) || !ends.contains(range.upperBound),
      let section = sections.first(where: { section in
        (0...1).contains(section.numbers.lowerBound &- range.lowerBound)
          && (0...1).contains(range.upperBound &- section.numbers.upperBound)
      })
    else { return }
    let strays = [range.lowerBound, range.upperBound].filter { !section.numbers.contains($0) }
    let named = strays.compactMap { stray in
      sections.first { $0.numbers.contains(stray) }.map { "paragraph \(stray) (\"\($0.title)\")" }
    }
    let expected =
      "paragraphs \(section.numbers.lowerBound) to \(section.numbers.upperBound)"
    findings.add(
      .crossReference, .warning,
      "\(shown) takes in \(named.joined(separator: " and ")) beside \"\(section.title)\", which is \(expected)",
      at: passage.place, stated: shown, expected: expected)
  }

  /// "Table One" opening a caption or line.
  private static let tableTitles = TextPattern(
    #"(?i)^table\s+(\w+)"#, needing: ["table"])

  /// The numbers of the report's tables as titled ("Table One" captions or lines), or all of 1…count when none is titled.
  private func tableNumbers(_ tables: [TableSite], _ passages: [Passage]) -> Set<Int> {
    let titled = tables.compactMap { site in
      Self.tableTitles.firstMatch(in: site.name)?[1].flatMap(Self.number)
    }
    let lines = passages.compactMap { candidate -> Int? in
      guard candidate.text.count <= 100, let match = Self.tableTitles.firstMatch(in: candidate.text)
      else {
        return nil
      }
      return match[1].flatMap(Self.number)
    }
    let named = Set(titled + lines)
    return named.isEmpty ? Set(tables.indices.map { $0 + 1 }) : named
  }

  /// "Table 2", "table One".
  private static let tables = TextPattern(
    #"(?i)\btable\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b"#, needing: ["table"])

  private func checkTables(_ passage: Passage, _ numbers: Set<Int>, into findings: inout Findings) {
    for match in Self.tables.matches(in: passage.text) {
      guard let number = match[1].flatMap(Self.number), !numbers.contains(number),
        !Self.isExternal(match.range, in: passage.text)
      else { continue }
      findings.add(
        .crossReference, .error, "\(match.text) is not in this report", at: passage.place,
        stated: String(match.text))
    }
  }

  /// The key of an appendix named `text` ("One", "1", "b"): its number, else its letter in capitals.
  static func appendixKey(_ text: Substring) -> String {
    number(text).map(String.init) ?? text.uppercased()
  }

  /// "Appendix 1" opening a heading, caption or line.
  private static let appendixTitles = TextPattern(
    #"(?i)^appendix\s+(\w+)"#, needing: ["appendix"])

  /// The report's appendices: headings marked as appendices, and short lines, headings or captions opening "Appendix …".
  static func appendixKeys(_ report: Report, _ passages: [Passage]) -> Set<String> {
    var present = Set(report.appendixNumbers.map(String.init))
    for text in passages.filter({ $0.text.count <= 120 }).map(\.text) + report.tables.map(\.name) {
      if let title = Self.appendixTitles.firstMatch(in: text)?[1] {
        present.insert(Self.appendixKey(title))
      }
    }
    return present
  }

  /// " to Item 10", " of Agenda Item 10": an appendix of another paper of the meeting
  /// (`PaperReferenceRule` checks it).
  private static let anotherItem = TextPattern(
    #"(?i)\s+(?:to|of)\s+(?:the\s+report\s+(?:at|for)\s+)?(?:agenda\s+)?item\s+\d"#, needing: ["item"])

  /// "Appendix 1", "appendix B".
  private static let appendices = TextPattern(
    #"(?i)\bappendix\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten|[a-h]\b)"#,
    needing: ["appendix"])

  private func checkAppendices(
    _ passage: Passage, _ present: Set<String>, into findings: inout Findings
  ) {
    for match in Self.appendices.matches(in: passage.text)
    where !present.contains(Self.appendixKey(match[1] ?? ""))
      && Self.anotherItem.prefixMatch(in: passage.text[match.range.upperBound...]) == nil
    {
      findings.add(
        .crossReference, .warning,
        "\(match.text) is not in this report (no heading or caption names it)", at: passage.place,
        stated: String(match.text))
    }
  }

  /// The serial numbers of the report's tables keyed by a serial-number column, and the first such table's name; nil when there is none.
  private func serialKeys(_ tables: [TableSite]) -> (keys: Set<Int>, table: String)? {
    let keyed = tables.filter { site in
      let header =
        site.table.columns.first?.header.lowercased().trimmedOfSpaces ?? ""
      return header.contains("serial")
        || ["no", "no.", "ref", "ref.", "#", "id", "row"].contains(header)
    }
    guard let first = keyed.first else { return nil }
    let keys = keyed.flatMap { site in
      site.table.rows.compactMap {
        $0.cells.first.flatMap { Int($0.shown.trimmedOfSpaces) }
      }
    }
    return (Set(keys), first.name)
  }

  private static let rows = TextPattern(
    #"(?i)\brow\s+(\d+)\b"#, needing: ["row"])

  /// "row 34" of a table keyed by a serial-number column.
  private func checkRows(
    _ passage: Passage, _ rows: (keys: Set<Int>, table: String), into findings: inout Findings
  ) {
    for match in Self.rows.matches(in: passage.text) {
      guard let number = match[1].flatMap({ Int($0) }), !rows.keys.contains(number) else { continue }
      findings.add(
        .crossReference, .error, "\(match.text) is not a row of \(rows.table)", at: passage.place,
        stated: String(match.text))
    }
  }
}
