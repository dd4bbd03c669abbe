import ArgumentParser
import Boardpack

/// `boardpack templates`: list the report skeletons with their slots, and the letter templates
/// with their merge fields.
struct Templates: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    abstract:
      "List the report skeletons and their slots, and the letter templates and their fields."
  )

  @OptionGroup var templates: TemplatesOption

  func run() throws {
    do { try list() } catch { throw fail(error) }
  }

  private func list() throws(BoardpackError) {
    let library = try templates.library()
    print("Report types (boardpack new TEMPLATE; boardpack generate INPUT):\n")
    for skeleton in try library.skeletons() {
      print("\(skeleton.id) — \(skeleton.name)")
      if !skeleton.description.isEmpty { print("  \(skeleton.description)") }
      for slot in skeleton.slots {
        let need = slot.isRequired ? "required" : "optional"
        print(
          "  \(slot.name) (\(slot.kind.rawValue), \(need))\(slot.help.isEmpty ? "" : ": \(slot.help)")"
        )
      }
      print()
    }
    print("Letter templates (boardpack merge --template TEMPLATE --data CSV|XLSX|ODS):\n")
    for id in try library.letterTemplateIDs() {
      let letter = try library.letterTemplate(id)
      print(id)
      let fields = letter.fields
      let computed = Dictionary(uniqueKeysWithValues: letter.computed.map { ($0.name, $0) })
      func describe(_ field: LetterTemplate.FieldUse) -> String {
        var notes = field.format == .plain ? [] : [field.format.rawValue]
        if let fallback = field.fallback { notes.append("optional, default \"\(fallback)\"") }
        if let sum = computed[field.column] {
          let terms = sum.terms.enumerated().map { index, term in
            (index == 0 ? (term.negated ? "-" : "") : (term.negated ? " - " : " + ")) + term.column
          }
          notes.append("computed: " + terms.joined())
        }
        return field.column + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
      }
      print("  fields: " + fields.filter { $0.join == nil }.map(describe).joined(separator: ", "))
      for (name, join) in letter.joins.sorted(by: { $0.key < $1.key }) {
        let columns = fields.filter { $0.join == name }.map(describe)
        print(
          "  each \(name) row (\(join.file), joined on \(join.key)): \(columns.joined(separator: ", "))"
        )
      }
      print()
    }
  }
}
