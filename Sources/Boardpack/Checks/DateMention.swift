import Foundation

/// A date as a paper prints it in running text: "23 June 2026", "1st of April 2026", "23/06/2026"
/// (read day first, as UK papers write it), or a month alone ("June 2026"; `date.day` is nil).
struct DateMention: Sendable, Equatable {
  let date: CalendarDate
  /// The words as printed.
  let shown: String
  /// Where it starts in the text, in characters.
  let offset: Int

  private static let pattern = TextPattern(
    #"(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b"#,
    needing: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "/"])

  /// The dates in `text`, in order; impossible ones (31st June) are left out.
  static func all(in text: String) -> [DateMention] {
    // Every date has a year of four ASCII digits (others are no year to `Int`): text without one
    // is passed over before the pattern runs.
    var digits = 0
    guard
      text.utf8.contains(where: { byte in
        digits = (0x30...0x39).contains(byte) ? digits + 1 : 0
        return digits == 4
      })
    else { return [] }
    return pattern.matches(in: text).compactMap { match in
      let date: CalendarDate
      if let month = match[2].flatMap({ CalendarDate.month(named: String($0)) }),
        let year = match[3].flatMap({ Int($0) })
      {
        date = CalendarDate(year: year, month: month, day: match[1].flatMap { Int($0) })
      } else if let day = match[4].flatMap({ Int($0) }), let month = match[5].flatMap({ Int($0) }),
        let year = match[6].flatMap({ Int($0) })
      {
        date = CalendarDate(year: year, month: month, day: day)
      } else {
        return nil
      }
      guard date.isValid else { return nil }
      return DateMention(
        date: date, shown: String(match.text),
        offset: text.distance(from: text.startIndex, to: match.range.lowerBound))
    }
  }

  /// Whether two dates can be the same day: equal, or in the same month when either has no day.
  func agrees(with other: CalendarDate) -> Bool {
    date.day == nil || other.day == nil
      ? date.year == other.year && date.month == other.month : date == other
  }
}
