import Boardpack
import Foundation

/// Paths and helpers shared by the merge tests.
enum MergeFixtures {
  /// The package root, for the shipped template and inputs.
  static let root = Snapshot.packageRoot.path
  static let letterTemplate = root + "/Templates/csp-partner-letter.yaml"
  static let partners = root + "/Inputs/csp-partners-2026-27.csv"

  /// A small template exercising fields, formats, a condition and a join.
  static let smallTemplate = """
    id: small
    title: "Letter to {{Name}}"
    key: Name
    file-name: "{Name}"
    manifest: [Amount, Left]
    computed:
      Left: Amount - Spent
    blocks:
      - "Dear {{Name}},"
      - "You have {{Amount|money}}; {{Left|money}} is left."
      - if: Spent is nil
        then: [Nothing spent yet.]
        else: ["Spent: {{Spent|money}}."]
    """

  /// Writes the small template into `directory` and returns its parsed value.
  static func small(in directory: TemporaryDirectory, _ yaml: String = smallTemplate) throws
    -> LetterTemplate
  {
    try LetterTemplate(contentsOf: directory.write("small.yaml", yaml))
  }
}

extension Document {
  /// Each paragraph, heading, list item and table row as plain text, in order.
  var lines: [String] {
    var result: [String] = []
    func walk(_ blocks: [Block]) {
      for block in blocks {
        switch block {
        case .paragraph(let paragraph): result.append(paragraph.content.plainText)
        case .heading(let heading): result.append(heading.content.plainText)
        case .list(let list): result += list.items.map { "• " + $0.content.plainText }
        case .table(let table):
          result += table.rows.map { $0.cells.map(\.shown).joined(separator: " | ") }
        case .quotation(let inner): walk(inner)
        case .figure, .pageBreak: break
        }
      }
    }
    walk(blocks)
    return result
  }
}
