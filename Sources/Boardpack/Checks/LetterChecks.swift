/// The validator's checks every merged letter must pass before anything is written, so that a
/// letter is ready to send: dates (a weekday that is not its date's, no such date, a deadline
/// before the letter's date) and counts of list items in every letter; totals stated beside a
/// table, a table's sums and arithmetic in the text when a paragraph beside a table states a
/// total.
///
/// Working out a table's relations costs more than binding and writing a letter, so a letter
/// whose tables have no stated total beside them is checked without its tables.
public struct LetterChecks: Sendable {
  let text: Validator
  let full: Validator

  /// Checks for one merge: they remember the boilerplate its letters share.
  public init() {
    let dates = DateRule(checksDeadlines: true, remembersPassages: true)
    text = Validator(rules: [dates, ListCountRule()])
    full = Validator(rules: [
      dates, ListCountRule(), TextTotalRule(), TableSumRule(), ArithmeticRule(),
    ])
  }

  /// What is wrong with `letter`, one message a finding (errors and warnings alike: a letter goes
  /// out as it is), each with what it states; empty when nothing is.
  public func problems(in letter: Document) -> [String] {
    let findings: [Diagnostic]
    if LetterChecks.statesATotalBesideATable(letter.blocks) {
      findings = full.check(letter, file: "")
    } else {
      var withoutTables = letter
      withoutTables.blocks.removeAll { if case .table = $0 { true } else { false } }
      findings = text.check(withoutTables, file: "")
    }
    return findings.map { finding in
      "the letter: \(finding.message)" + (finding.stated.map { ": \"\($0)\"" } ?? "")
    }
  }

  /// Whether a paragraph just before or after a table states a total ("Total funding: £40,474.77").
  static func statesATotalBesideATable(_ blocks: [Block]) -> Bool {
    blocks.indices.contains { index in
      guard case .table = blocks[index] else { return false }
      return [index - 1, index + 1].contains { neighbour in
        guard blocks.indices.contains(neighbour), case .paragraph(let paragraph) = blocks[neighbour]
        else { return false }
        return !StatedTotal.all(in: paragraph.content.plainText).isEmpty
      }
    }
  }
}
