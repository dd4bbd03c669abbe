import Foundation

/// Arithmetic written out in a sentence or a cell against the result it states: "1 Youth worker
/// 3hrs @ £15ph per week over a period of 8 weeks = £576.00" (1 × 3 × £15 × 8 is £360.00),
/// "4 laptops @ £500 each = £2,000", "£1,000 x 12 months = £12,000", "£250 + £100 = £350".
///
/// The result must be stated with "=", "totalling" or "making"; the working is the text before it
/// back to the previous result or the start of the clause. Only working that can be read one way
/// is checked: a product (an "@", "×", "x" or "at £…", every figure a factor) or a sum (every pair
/// of figures joined by "+"), with no hedging ("approximately", "up to"), ranges, dates, years,
/// percentages or scaled figures ("£1.2m"), at most one sum of money among a product's factors,
/// and every rate ("per week", "£15ph") matched by a figure it applies to ("8 weeks"), since
/// otherwise the result is itself a rate. Anything else is passed over in silence.
public struct ArithmeticRule: ReportRule {
  public init() {}

  public func check(_ report: Report, into findings: inout Findings) {
    for passage in report.passages where !passage.quoted {
      var start = passage.text.startIndex
      for match in Self.results.matches(in: passage.text) {
        defer { start = match.range.upperBound }
        guard let marker = match["marker"], let result = Figure(match, in: passage.text),
          result.per == nil, !result.isUnreadable,
          !["per", "each", "a", "an", "every"].contains(result.unit ?? ""),
          let working = Working(passage.text[start..<marker.startIndex])
        else { continue }
        check(working, result, at: passage.place, into: &findings)
      }
    }
  }

  private func check(
    _ working: Working, _ result: Figure, at place: Place, into findings: inout Findings
  ) {
    guard result.currency == working.currency else { return }
    let computed = working.value
    let stated = Measured(
      value: result.value, places: result.places, shown: result.currency + result.number)
    guard !stated.agrees(withRange: computed.low, computed.high) else { return }
    let expected = Measured.show(computed.value, like: "£" + result.number)
      .replacingOccurrences(of: "£", with: result.currency)
    findings.add(
      .arithmetic, .error,
      "the arithmetic written out does not make the result stated: \(working.shown) = \(expected)",
      at: place, stated: stated.shown, expected: expected)
  }

  // MARK: Reading the text

  /// A figure as printed: "£15ph", "3hrs", "8", "£1,000", "£15/hr".
  private static let figurePattern =
    #"(?<currency>[£$€])?\s?(?<number>\d+(?:,\d{3})*(?:\.\d+)?)(?<suffix>%|(?![xX]\b)[A-Za-z]+)?(?:/(?<per>[A-Za-z]+))?"#

  /// A stated result: "= £576.00", "totalling £2,000", "making a total of 12".
  private static let results = TextPattern(
    #"(?i)(?<marker>(?<![=<>!])=(?!=)|\btotall?ing\b|\bmak(?:ing|es)\b(?:\s+(?:a\s+)?total\s+of)?)\s*"#
      + figurePattern,
    needing: ["=", "total", "mak"])

  /// A figure in working, not inside a longer number or word.
  private static let figures = TextPattern(#"(?<![\w.,£$€])"# + figurePattern)

  /// A printed figure and what is attached to it.
  struct Figure {
    var currency: String
    var number: String
    var value: Decimal
    var places: Int
    /// Letters printed against the figure ("hrs", "ph"), or the word after it.
    var unit: String?
    /// The two words after the figure, lower-cased ("youth worker").
    var following: [Substring]
    /// An operator comes right after the figure ("12 × 3").
    var isOperand: Bool
    /// The figure is a rate per this unit ("£15ph", "£15/hr"), normalised ("hour").
    var per: String?
    /// A percentage, a scaled figure ("£1.2m"), an ordinal or a time: not read.
    var isUnreadable: Bool

    init?(_ match: TextMatch, in text: String) {
      guard let number = match["number"],
        let value = FigureParser.parse(String(number), as: .decimal)?.number
      else { return nil }
      self.currency = match["currency"].map(String.init) ?? ""
      self.number = String(number)
      self.value = value
      places = FigureParser.places(in: String(number))
      let suffix = match["suffix"]?.lowercased()
      per =
        (match["per"].map { ArithmeticRule.unit(String($0)) } ?? nil)
        ?? suffix.flatMap { ArithmeticRule.ratesBySuffix[$0] }
      let after = text[match.range.upperBound...].prefix(40)
      following =
        after.first == " "
        ? after.lowercased().split(separator: " ").prefix(2).map {
          $0.prefix { $0.isLetter || $0 == "-" }
        }
        : []
      isOperand =
        ArithmeticRule.join(after.prefix { $0 == " " || !$0.isLetter && !$0.isNumber }) == .times
        || following.first == "x" || following.first == "times"
      unit =
        suffix.flatMap { ArithmeticRule.ratesBySuffix[$0] == nil ? $0 : nil }
        ?? following.first.flatMap { $0.isEmpty ? nil : String($0) }
      let scaled = suffix.map {
        ["%", "k", "m", "bn", "pm", "am", "st", "nd", "rd", "th"].contains($0)
      }
      let dated = unit.map { CalendarDate.month(named: $0) != nil } ?? false
      isUnreadable =
        scaled == true || dated
        || ["million", "billion", "thousand", "percent"].contains(unit ?? "")
    }
  }

  /// Rates printed as a suffix: "£15ph" is £15 an hour.
  static let ratesBySuffix = ["ph": "hour", "pw": "week", "pd": "day", "pa": "year"]

  /// A unit word reduced to what it counts ("hrs" → "hour", "weeks" → "week"); nil for other words.
  static func unit(_ word: String) -> String? {
    switch word.lowercased() {
    case "min", "mins", "minute", "minutes": "minute"
    case "h", "hr", "hrs", "hour", "hours": "hour"
    case "d", "day", "days": "day"
    case "wk", "wks", "week", "weeks": "week"
    case "mth", "mths", "month", "months": "month"
    case "yr", "yrs", "year", "years", "annum": "year"
    case "session", "sessions": "session"
    default: nil
    }
  }

  /// Words that make working uncertain.
  private static let hedges = TextPattern(
    #"(?i)\b(?:approx\w*|about|around|circa|c\.|roughly|nearly|almost|estimated|est\.|up\s+to|at\s+least|more\s+than|less\s+than|minimum|maximum|average|avg|or|to|between)\b|~"#
  )

  /// What joins two figures of working.
  private enum Join { case times, plus, words, unreadable }

  /// Rates in the words of working: "per week", "a week", "each month", "hrs/week".
  private static let ratesInWords = TextPattern(
    #"(?i)(?:\b(?:per|a|an|each|every)\s+|/)(?<unit>[a-z]+)"#)

  /// Arithmetic written before a stated result, read as a product or a sum.
  struct Working {
    var figures: [Figure]
    /// A product (true) or a sum.
    var isProduct: Bool
    var currency: String

    init?(_ text: Substring) {
      // The working starts after the last break in the clause.
      let cut = text.lastIndex { ";:()[]–—\n".contains($0) }
      let sentence = text.range(of: ". ", options: .backwards)?.upperBound
      let start = [cut.map { text.index(after: $0) }, sentence].compactMap { $0 }.max()
      let working = start.map { text[$0...] } ?? text
      let matches = ArithmeticRule.figures.matches(in: working)
      guard let first = matches.first, matches.count >= 2 else { return nil }
      // Hedges just before the first figure count too: "up to 3 x £10".
      let hedged = working[
        (working.index(first.range.lowerBound, offsetBy: -30, limitedBy: working.startIndex)
          ?? working.startIndex)...]
      guard ArithmeticRule.hedges.firstMatch(in: hedged) == nil else { return nil }
      var figures: [Figure] = []
      var joins: [Join] = []
      var previousEnd = working.startIndex
      for match in matches {
        guard let figure = Figure(match, in: working.base), !figure.isUnreadable else { return nil }
        let gap = working[previousEnd..<match.range.lowerBound]
        if !figures.isEmpty { joins.append(ArithmeticRule.join(gap)) }
        if ArithmeticRule.mayBeAName(figure, after: gap) { return nil }
        figures.append(figure)
        previousEnd = match.range.upperBound
      }
      let tail = working[previousEnd...]
      guard !joins.contains(.unreadable), ArithmeticRule.join(tail) != .unreadable else {
        return nil
      }
      let moneys = Set(figures.map(\.currency)).subtracting([""])
      guard moneys.count <= 1 else { return nil }
      let currency = moneys.first ?? ""
      let isSum = joins.allSatisfy { $0 == .plus }
      if isSum {
        // A sum adds like to like.
        guard figures.allSatisfy({ $0.currency == currency }) else { return nil }
      } else {
        let times = joins.contains(.times) || figures.contains { $0.per != nil }
        guard times, !joins.contains(.plus),
          figures.filter({ !$0.currency.isEmpty }).count <= 1
        else { return nil }
        // Every rate needs the figure it applies to, or the result is a rate too.
        let rates =
          figures.compactMap(\.per)
          + ArithmeticRule.ratesInWords.matches(in: working).compactMap {
            $0["unit"].flatMap { ArithmeticRule.unit(String($0)) }
          }
        let counted = Set(figures.compactMap { $0.unit.flatMap(ArithmeticRule.unit) })
        guard rates.allSatisfy(counted.contains) else { return nil }
      }
      self.figures = figures
      self.currency = currency
      isProduct = !isSum
    }

    /// The working's value, with the uncertainty of figures printed with decimals.
    var value: Measured {
      // Figures are printed without signs, so the bounds of each give the bounds of the whole.
      let bounds = figures.map { figure -> (Decimal, Decimal) in
        let slack = figure.places > 0 ? Measured.halfUnit(figure.places) : 0
        return (figure.value - slack, figure.value + slack)
      }
      let combine: (Decimal, Decimal) -> Decimal = isProduct ? { $0 * $1 } : { $0 + $1 }
      let identity: Decimal = isProduct ? 1 : 0
      let value = figures.reduce(identity) { combine($0, $1.value) }
      let low = bounds.reduce(identity) { combine($0, $1.0) }
      let high = bounds.reduce(identity) { combine($0, $1.1) }
      return Measured(value: value, slack: max(high - value, value - low))
    }

    /// The working as a formula: "1 × 3 × £15 × 8".
    var shown: String {
      figures.map { $0.currency + $0.number }.joined(separator: isProduct ? " × " : " + ")
    }
  }

  /// Words that may stand between a count and what comes before it: "of 8 weeks", "x 12 months".
  private static let joiningWords: Set<Substring> = [
    "of", "for", "over", "by", "at", "x", "times", "per", "with", "from", "and", "plus", "a",
    "an", "each",
  ]

  /// Nouns that count people without a plural "s": "2 staff".
  private static let countNouns: Set<Substring> = [
    "staff", "people", "children", "personnel", "police", "youth", "men", "women",
  ]

  /// Whether a plain figure may name something rather than count it: "Room 101", "week 3",
  /// "Phase 2 costs", or a four-figure year. A figure counts when a unit is printed against it
  /// ("3hrs", "8 weeks"), an operator stands beside it ("12 × 3", "of 8"), or, after a word in
  /// small letters, a plural follows ("bought 4 laptops"). A 1 is harmless either way.
  private static func mayBeAName(_ figure: Figure, after gap: Substring) -> Bool {
    guard figure.currency.isEmpty, figure.value != 1 else { return false }
    if figure.number.count == 4, (1900...2099).contains(figure.value) { return true }
    let previous = gap.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).last
    let afterOperator =
      previous.map { joiningWords.contains(Substring($0.lowercased())) || join($0) == .times }
      ?? true
    if figure.unit.flatMap(unit) != nil || figure.isOperand || afterOperator { return false }
    let plural = figure.following.contains {
      countNouns.contains($0) || $0.count > 3 && $0.hasSuffix("s")
    }
    return previous?.first?.isUppercase == true || !plural
  }

  /// How the text between two figures joins them.
  private static func join(_ gap: Substring) -> Join {
    let words = gap.lowercased().split { $0 == " " || $0 == "\u{A0}" }
    // A hyphen inside a word ("part-time") joins nothing.
    let minus = gap.indices.contains { index in
      guard "-−/÷".contains(gap[index]) else { return false }
      let after = gap.index(after: index)
      return index == gap.startIndex || after == gap.endIndex
        || !gap[gap.index(before: index)].isLetter || !gap[after].isLetter
    }
    if minus || words.contains(where: { ["minus", "less", "divided"].contains($0) }) {
      return .unreadable
    }
    let plus = gap.contains("+") || words.contains("plus")
    let times =
      gap.contains(where: { "@×*".contains($0) })
      || words.contains(where: { ["x", "times", "at"].contains($0) })
    switch (plus, times) {
    case (true, true): return .unreadable
    case (true, false): return .plus
    case (false, true): return .times
    case (false, false): return .words
    }
  }
}
