import Foundation

/// A count stated in a lead-in against the items listed under it: "The six priority areas are:"
/// followed by five bullets. The items are the list that follows, or else the unnumbered
/// paragraphs up to the next numbered paragraph, heading or table (a list whose bullets were lost
/// on the way: a warning, as one item may run over two paragraphs).
public struct ListCountRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    let entries = report.entries
    for (index, entry) in entries.enumerated() {
      guard case .passage(let passage) = entry, !passage.isHeading, !passage.quoted,
        passage.text.hasSuffix(":"),
        let match = Self.leadIns.firstMatch(in: Self.lastSentence(of: passage.text)),
        let countText = match["count"], let noun = match["noun"],
        let stated = Int(countText) ?? NumberWords.value(of: String(countText)),
        let (items, isList) = Self.items(after: index, in: entries), items != stated
      else { continue }
      findings.add(
        .textTotal, isList ? .error : .warning,
        "the text counts \(countText) \(noun), but \(items) \(items == 1 ? "is" : "are") listed",
        at: passage.place, stated: String(countText), expected: String(items))
    }
  }

  /// "The six priority areas are:", "The first three rounds will open on the following dates:",
  /// "These 4 workstreams include:".
  private static let leadIns = TextPattern(
    #"(?i)^(?:the|these|our|its|their)\s+(?:first\s+|following\s+|main\s+|key\s+|last\s+)?(?<count>\d{1,2}|"#
      + NumberWords.pattern
      + #")\s+(?<noun>[a-z][a-z\- ]{0,40}?)\s+(?:are|were|include|includes|included|will|have|has|is|as\s+follows)\b[^.;]*:$"#)

  /// The text after the last full stop: the sentence that leads into the list.
  private static func lastSentence(of text: String) -> Substring {
    guard let stop = text.dropLast().range(of: ". ", options: .backwards) else { return text[...] }
    return text[stop.upperBound...]
  }

  /// How many items follow the lead-in at `index`, and whether they form a list.
  private static func items(after index: Int, in entries: [Report.Entry]) -> (Int, Bool)? {
    let following = entries.dropFirst(index + 1)
    if case .list(let list, _, _) = following.first { return (list.items.count, true) }
    let loose = following.prefix { entry in
      if case .passage(let passage) = entry { return !passage.isHeading }
      return false
    }
    return loose.isEmpty ? nil : (loose.count, false)
  }
}
