/// A regular expression compiled once, and a cheap test that passes over text it cannot match.
///
/// Swift's `Regex` is slow, and most passages hold none of the words a pattern needs: every match
/// contains at least one string of each group `needing` names (compared with the text lowercased
/// when `ignoringCase`, as a `(?i)` pattern compares), so text lacking them is never searched.
///
/// Unchecked: a `Regex` is immutable once made and compiles itself on first use thread-safely,
/// but with `AnyRegexOutput` (not `Sendable`) as its output it is not marked `Sendable`.
struct TextPattern<Output>: @unchecked Sendable {
  let regex: Regex<Output>
  /// Groups of strings as UTF-8 bytes: a match holds one string of every group.
  private let clues: [[[UInt8]]]
  private let ignoringCase: Bool

  init(_ regex: Regex<Output>, needing clues: [String]..., ignoringCase: Bool = false) {
    self.regex = regex
    self.clues = clues.map { group in group.map { Array($0.utf8) } }
    self.ignoringCase = ignoringCase
  }

  /// Whether `text` holds a string of every group, without which it cannot match.
  func mightMatch(_ text: some StringProtocol) -> Bool {
    let haystack = Array((ignoringCase ? text.lowercased() : String(text)).utf8)
    return clues.allSatisfy { group in group.contains { haystack.contains(bytes: $0) } }
  }

  func matches<Text: StringProtocol>(in text: Text) -> [Regex<Output>.Match]
  where Text.SubSequence == Substring {
    mightMatch(text) ? text.matches(of: regex) : []
  }

  func firstMatch<Text: StringProtocol>(in text: Text) -> Regex<Output>.Match?
  where Text.SubSequence == Substring {
    mightMatch(text) ? text.firstMatch(of: regex) : nil
  }

  func prefixMatch<Text: StringProtocol>(in text: Text) -> Regex<Output>.Match?
  where Text.SubSequence == Substring {
    mightMatch(text) ? text.prefixMatch(of: regex) : nil
  }
}

extension [UInt8] {
  /// Whether `bytes` occur in order somewhere in this array (a plain search: the standard
  /// library's `firstRange(of:)` takes microseconds per call).
  fileprivate func contains(bytes: [UInt8]) -> Bool {
    guard let first = bytes.first, bytes.count <= count else { return bytes.isEmpty }
    return indices.dropLast(bytes.count - 1).contains { start in
      self[start] == first && self[start..<start + bytes.count].elementsEqual(bytes)
    }
  }
}
