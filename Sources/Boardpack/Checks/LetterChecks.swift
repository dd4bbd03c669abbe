/// The validator's checks every merged letter must pass before anything is written, so that a
/// letter is ready to send: dates (a weekday that is not its date's, no such date, a deadline
/// before the letter's date), totals stated beside a table, a table's sums and arithmetic in the
/// text, and counts of list items.
public struct LetterChecks: Sendable {
  let validator = Validator(rules: [
    DateRule(checksDeadlines: true), TextTotalRule(), TableSumRule(), ArithmeticRule(),
    ListCountRule(),
  ])

  public init() {}

  /// What is wrong with `letter`, one message a finding (errors and warnings alike: a letter goes
  /// out as it is), each with what it states; empty when nothing is.
  public func problems(in letter: Document) -> [String] {
    validator.check(letter, file: "").map { finding in
      "the letter: \(finding.message)" + (finding.stated.map { ": \"\($0)\"" } ?? "")
    }
  }
}
