import ArgumentParser
import Boardpack

/// `boardpack templates`: list the report skeletons and the slots an author fills.
struct Templates: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the report skeletons in the templates folder and their slots."
  )

  @Option(help: "The templates folder (default: $BOARDPACK_TEMPLATES, else ./Templates).")
  var templates: String?

  func run() throws {
    do { try list() } catch { throw fail(error) }
  }

  private func list() throws(BoardpackError) {
    for skeleton in try TemplateLibrary(directory: templates).skeletons() {
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
  }
}
