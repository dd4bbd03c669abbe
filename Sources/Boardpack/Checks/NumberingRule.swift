import Foundation

/// Numbered paragraphs run 1, 2, 3 … through a report with no gaps or repeats, and lettered
/// sub-items run a, b, c (or (i), (ii), (iii)); a list split by a page break may continue its letters.
///
/// Where a sequence starts is checked only in a whole paper (`Report.isWholePaper`): an excerpt
/// may start at note 3 or item (b). Even there a start at 2 is an error and a later one a warning.
public struct NumberingRule: ReportRule {
  public init() {}

  /// A report whose numbering starts above this continues another sequence (minutes), and is not reported.
  static let highestMissedStart = 3

  public func check(_ report: Report, into findings: inout Findings) {
    checkParagraphs(report.numberedParagraphs, wholePaper: report.isWholePaper, into: &findings)
    var previous: [List.Style: Int] = [:]
    for entry in report.entries {
      guard case .list(var list, let paragraph, let source) = entry, list.style != .bullet,
        list.style != .names
      else {
        continue
      }
      let cores = list.items.prefix(2).map { $0.marker?.lowercased().filter(\.isLetter) }
      if list.style == .letter, cores.first == "i", cores.count == 1 || cores.last == "ii" {
        list.style = .roman
      }
      let positions = list.items.map {
        $0.marker.flatMap { Self.position(of: $0, style: list.style) }
      }
      guard let first = positions.first, let start = first else { continue }
      let kind = list.style == .roman ? "roman-numbered" : "lettered"
      var expected = start == previous[list.style].map({ $0 &+ 1 }) ? start : 1
      // The report's first list of its kind may start late in an excerpt, and it says so only
      // as a warning in a whole paper.
      if previous[list.style] == nil, start != 1 {
        if report.isWholePaper {
          let first = Self.marker(1, like: list.items[0].marker ?? "", style: list.style)
          findings.add(
            .numbering, .warning, "\(kind) items do not start at \(first)",
            at: Place(paragraph: paragraph, source: source), stated: list.items[0].marker,
            expected: first)
        }
        expected = start
      }
      for (item, position) in zip(list.items, positions) {
        guard let position else { continue }
        if position != expected {
          findings.add(
            .numbering, .error, "\(kind) items out of sequence",
            at: Place(paragraph: paragraph, source: source), stated: item.marker,
            expected: Self.marker(expected, like: item.marker ?? "", style: list.style))
        }
        expected = position + 1
      }
      previous[list.style] = positions.compactMap { $0 }.last
    }
  }

  private func checkParagraphs(
    _ paragraphs: [(number: Int, source: SourceLocation?)], wholePaper: Bool,
    into findings: inout Findings
  ) {
    guard let (first, source) = paragraphs.first else { return }
    if first != 1 && first <= Self.highestMissedStart && wholePaper {
      findings.add(
        .numbering, first == 2 ? .error : .warning, "numbered paragraphs do not start at 1",
        at: Place(paragraph: first, source: source), stated: "\(first)", expected: "1")
    }
    for ((previous, _), (number, source)) in zip(paragraphs, paragraphs.dropFirst())
    where number != previous &+ 1 {
      let message =
        number <= previous
        ? "paragraph number \(number) repeats or goes back after paragraph \(previous)"
        : "paragraph numbering skips from \(previous) to \(number)"
      findings.add(
        .numbering, .error, message, at: Place(paragraph: number, source: source),
        stated: "\(number)",
        expected: "\(previous &+ 1)")
    }
  }

  private static let romans = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
  ]

  /// The 1-based position of a marker such as "c.", "(c)", "C)" or "(iv)"; nil when it is not one.
  static func position(of marker: String, style: List.Style) -> Int? {
    let core = marker.lowercased().filter { $0.isLetter }
    if style == .roman { return romans.firstIndex(of: core).map { $0 + 1 } }
    guard core.count == 1, let scalar = core.unicodeScalars.first,
      ("a"..."z").contains(Character(scalar))
    else {
      return nil
    }
    return Int(scalar.value) - 96
  }

  /// The marker at `position`, punctuated and cased like `like`.
  static func marker(_ position: Int, like: String, style: List.Style) -> String {
    let core: String
    if style == .roman {
      core = romans.indices.contains(position - 1) ? romans[position - 1] : "\(position)"
    } else {
      core = String(UnicodeScalar(UInt8(96 + min(max(position, 1), 26))))
    }
    let cased = like.contains { $0.isUppercase } ? core.uppercased() : core
    guard let letters = like.range(of: #"[A-Za-z]+"#, options: .regularExpression) else {
      return cased
    }
    return like.replacingCharacters(in: letters, with: cased)
  }
}
