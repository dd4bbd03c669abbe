import Foundation
import Synchronization

/// A regular expression compiled once, and a cheap test that passes over text it cannot match.
///
/// Patterns are ICU regular expressions, run by Foundation's `NSRegularExpression`: on this
/// validator's text it is some twenty times faster than Swift's `Regex`. `\b` is ICU's simple word
/// boundary (a letter, digit or underscore beside anything else), and a `(?i)` at the start makes
/// the whole pattern ignore case.
///
/// Most passages hold none of the words a pattern needs: every match contains at least one string
/// of each group `needing` names (small letters, matching capitals too for a `(?i)` pattern), so
/// text lacking them is never searched. A pattern is compiled when text first passes that test, so
/// a run pays only for the patterns its papers need (compiling them all took a third of a small
/// paper's `boardpack validate`).
struct TextPattern: Sendable {
  private let expression: CompiledOnFirstUse
  /// Groups of strings as UTF-8 bytes: a match holds one string of every group.
  private let clues: [[[UInt8]]]
  private let ignoringCase: Bool

  init(_ pattern: String, needing clues: [String]...) {
    expression = CompiledOnFirstUse(pattern)
    ignoringCase = pattern.hasPrefix("(?i)")
    assert(!ignoringCase || clues.joined().allSatisfy { $0 == $0.lowercased() })
    self.clues = clues.map { group in group.map { Array($0.utf8) } }
  }

  /// Whether `text` holds a string of every group, without which it cannot match.
  func mightMatch(_ text: some StringProtocol) -> Bool {
    guard !clues.isEmpty else { return true }
    var bytes = Array(text.utf8)
    if ignoringCase {
      // Clues are written in small letters; ASCII capitals are all a clue can meet.
      for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) {
        bytes[index] |= 0x20
      }
    }
    return clues.allSatisfy { group in group.contains { bytes.contains(clue: $0) } }
  }

  /// Every match in `text`, left to right; in a `Substring`, the pattern sees only the slice
  /// (`^` and `$` match at its ends), and the matches' ranges index the slice.
  func matches<Text: StringProtocol>(in text: Text) -> [TextMatch]
  where Text.SubSequence == Substring {
    guard mightMatch(text) else { return [] }
    let (base, bounds) = Self.searched(text)
    return expression.compiled.matches(in: base, range: bounds).map {
      TextMatch(base: base, result: $0)
    }
  }

  func firstMatch<Text: StringProtocol>(in text: Text) -> TextMatch?
  where Text.SubSequence == Substring {
    firstMatch(in: text, options: [])
  }

  /// A match that starts where `text` starts.
  func prefixMatch<Text: StringProtocol>(in text: Text) -> TextMatch?
  where Text.SubSequence == Substring {
    firstMatch(in: text, options: .anchored)
  }

  private func firstMatch<Text: StringProtocol>(
    in text: Text, options: NSRegularExpression.MatchingOptions
  ) -> TextMatch? where Text.SubSequence == Substring {
    guard mightMatch(text) else { return nil }
    let (base, bounds) = Self.searched(text)
    return expression.compiled.firstMatch(in: base, options: options, range: bounds).map {
      TextMatch(base: base, result: $0)
    }
  }

  /// The whole string `text` is part of, and where `text` lies in it.
  private static func searched<Text: StringProtocol>(_ text: Text) -> (String, NSRange)
  where Text.SubSequence == Substring {
    let slice = text[text.startIndex..<text.endIndex]
    return (slice.base, NSRange(slice.startIndex..<slice.endIndex, in: slice.base))
  }
}

/// A regular expression compiled the first time it is asked for, once, whichever thread asks.
private final class CompiledOnFirstUse: Sendable {
  private let pattern: String
  private let expression = Mutex<NSRegularExpression?>(nil)

  init(_ pattern: String) { self.pattern = pattern }

  var compiled: NSRegularExpression {
    expression.withLock { expression in
      if let expression { return expression }
      // The patterns are constants of this module: a bad one is a programming error.
      let compiled = try! NSRegularExpression(pattern: pattern)
      expression = compiled
      return compiled
    }
  }
}

/// One match of a `TextPattern`: the whole text matched, and its numbered and named groups.
struct TextMatch {
  fileprivate let base: String
  fileprivate let result: NSTextCheckingResult

  /// Where the whole match lies in the text searched.
  var range: Range<String.Index> { Range(result.range, in: base)! }

  /// The whole text matched.
  var text: Substring { base[range] }

  /// The text of a numbered group; nil when the group took no part in the match.
  subscript(group: Int) -> Substring? {
    Range(result.range(at: group), in: base).map { base[$0] }
  }

  /// The text of a named group, `(?<name>…)`; nil when it took no part in the match.
  subscript(name: String) -> Substring? {
    Range(result.range(withName: name), in: base).map { base[$0] }
  }
}

extension [UInt8] {
  /// Whether `clue` occurs in these bytes: C's `memchr` finds each candidate first byte, far
  /// faster than a loop in Swift, and `memcmp` checks the rest.
  fileprivate func contains(clue: [UInt8]) -> Bool {
    guard let first = clue.first else { return true }
    return withUnsafeBytes { haystack in
      guard let base = haystack.baseAddress else { return false }
      var offset = 0
      while haystack.count - offset >= clue.count {
        guard
          let found = memchr(base + offset, Int32(first), haystack.count - offset - clue.count + 1)
        else { return false }
        if memcmp(found, clue, clue.count) == 0 { return true }
        offset = base.distance(to: found) + 1
      }
      return false
    }
  }
}
