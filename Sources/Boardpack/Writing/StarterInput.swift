import Foundation

/// A starter input for a report type (`boardpack new`): YAML that names the skeleton, gives every
/// metadata field and fills every slot, so that it generates as it stands and the checks find
/// nothing in it.
///
/// Each slot comes with its help as a comment, and each blocks slot with the headings the skeleton
/// prints before it, so an author does not write them twice. Optional slots are commented out. A
/// slot whose help asks for a `names:` list starts with one; a slot whose help asks for a table
/// gets an example table, read from the CSV `table` beside the input; a label the skeleton's own
/// text refers to (`{ref:appendix-1}`) is given to a block in the required slot whose help names
/// it, else in the last required blocks slot.
public struct StarterInput: Sendable {
  /// The input's text.
  public let yaml: String
  /// The example table's file name, beside the input, and its text; nil when no slot asks for a table.
  public let table: (name: String, csv: String)?

  /// The starter for `skeleton`, to be written at `path` (its table beside it, named after it),
  /// dated `date`.
  public init(for skeleton: Skeleton, path: String, date: CalendarDate) {
    let tableName =
      ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "-table.csv"
    var lines = [
      "template: \(skeleton.id)",
      "metadata:",
      "  body: \(Self.quoted(Self.toBeWritten))    # the board or panel",
      "  meeting-date: \(date.iso)",
      "  title: \(Self.quoted(skeleton.name))",
      "  report-date: \(date.iso)    # or 2026-06 for \"June 2026\"",
      "  author:",
      "    name: \(Self.quoted(Self.toBeWritten))",
      "    role: \(Self.quoted(Self.toBeWritten))",
      "    phone: \(Self.quoted(Self.toBeWritten))",
      "    email: \(Self.quoted(Self.toBeWritten))",
      "  classification: Official",
      "slots:",
    ]
    let placed = Self.headingsBefore(in: skeleton.body)
    let required = skeleton.slots.filter { $0.kind == .blocks && $0.isRequired }
    var labelled: [String: [Label]] = [:]
    for label in Self.labelsReferred(in: skeleton.body) {
      let slot = required.first { $0.help.contains(label.name) } ?? required.last
      if let slot { labelled[slot.name, default: []].append(label) }
    }
    var usesTable = false
    for slot in skeleton.slots {
      lines.append("")
      let need = slot.isRequired ? "required" : "optional"
      lines += Self.comment(
        "\(slot.name) (\(slot.kind.rawValue), \(need)): \(slot.help)", indent: 2)
      if let headings = placed[slot.name], !headings.isEmpty {
        let list = headings.map { "\"\($0)\"" }.joined(separator: ", ")
        lines += Self.comment(
          "Printed before it by the skeleton, not to be added: \(list)", indent: 2)
      }
      let entry: [String]
      switch slot.kind {
      case .text:
        entry = ["\(slot.name): \(Self.quoted(Self.example(in: slot.help)))"]
      case .blocks:
        let words = slot.help.lowercased().split { !$0.isLetter }
        let wantsTable = words.contains("table") || words.contains("tables")
        usesTable = usesTable || wantsTable
        // A slot for a list of names (attendance) starts with one.
        let first =
          slot.help.contains("names:")
          ? "  - names: [\(Self.quoted(Self.toBeWritten))]" : "  - \(Self.quoted(Self.toBeWritten + "."))"
        entry =
          ["\(slot.name):", first]
          + (wantsTable ? Self.exampleTable(named: tableName) : [])
          + (labelled[slot.name] ?? []).flatMap(Self.block(labelled:))
      }
      lines += entry.map { (slot.isRequired ? "  " : "  # ") + $0 }
    }
    let replace = usesTable ? "each \"To be written\" and the example table" : "each \"To be written\""
    let intro = [
      "# A starter for \"\(skeleton.name)\" (\(skeleton.id)). It generates as it stands:",
      "#   boardpack generate \(path)",
      "# Replace \(replace); docs/FORMATS.md §1 has the syntax.",
    ]
    yaml = (intro + lines).joined(separator: "\n") + "\n"
    table = usesTable ? (tableName, Self.exampleCSV) : nil
  }

  private static let toBeWritten = "To be written"

  /// The example a slot's help gives after "e.g." ("The period covered, e.g. Quarter 4 2025/26"),
  /// else "To be written".
  private static func example(in help: String) -> String {
    guard let range = help.range(of: "e.g. ") else { return toBeWritten }
    return String(help[range.upperBound...]).trimmingCharacters(in: .whitespaces)
  }

  /// The example table's entry in a blocks slot, with the keys an author may want as comments.
  private static func exampleTable(named name: String) -> [String] {
    [
      "  - table: \(name)    # a CSV beside this file; its first row names the columns",
      "    caption: Example table (replace it with your own)",
      "    total: row    # a computed Total row",
      "    derive:    # computed columns, never typed in the CSV",
      "      - {column: Remaining, difference: [Allocation, Spent]}",
      "    # types: {Allocation: money}    # a column's type, else read from its cells",
      "    # blank: [tbc, n/a]    # cells that stand for a figure not given; totals leave them out",
    ]
  }

  private static let exampleCSV = """
    Area,Allocation,Spent
    Blaby,"£10,000.00","£7,500.00"
    Charnwood,"£12,500.00","£12,500.00"
    Rutland,"£8,000.00","£2,250.00"

    """

  /// A block that carries `label`: an appendix heading for an `appendix…` label, else a paragraph.
  private static func block(labelled label: Label) -> [String] {
    let key = label.name.hasPrefix("appendix") ? "appendix" : "p"
    return [
      "  - \(key): \(quoted(toBeWritten))",
      "    label: \(label.name)    # the skeleton refers to it",
    ]
  }

  /// The headings of the frame before each blocks slot, since the slot before it.
  private static func headingsBefore(in body: [BlockSpec]) -> [String: [String]] {
    var result: [String: [String]] = [:]
    var headings: [String] = []
    for block in body {
      switch block {
      case .heading(let text, _, _), .appendix(let text, _, _): headings.append(text.text)
      case .slot(let name, _):
        result[name] = headings
        headings = []
      default: break
      }
    }
    return result
  }

  /// The labels the frame's own text refers to (`{ref:appendix-1}`) and does not carry itself.
  private static func labelsReferred(in body: [BlockSpec]) -> [Label] {
    var texts: [String] = []
    var carried: Set<Label> = []
    func collect(_ list: ListSpec) {
      for item in list.items {
        texts.append(item.text.text)
        item.children.forEach(collect)
      }
    }
    for block in body {
      switch block {
      case .heading(let text, _, let label), .appendix(let text, _, let label):
        texts.append(text.text)
        if let label { carried.insert(label) }
      case .paragraph(let text, _, let label, _, let children):
        texts.append(text.text)
        if let label { carried.insert(label) }
        children.forEach(collect)
      case .list(let list): collect(list)
      case .quotation(let quoted): texts += quoted.map(\.text)
      case .table(let table): texts += [table.caption?.text].compactMap { $0 }
      case .figure(let figure): texts += [figure.caption?.text].compactMap { $0 }
      case .pageBreak, .slot: break
      }
    }
    var result: [Label] = []
    for text in texts {
      for match in text.ranges(of: "{ref:") {
        let rest = text[match.upperBound...].prefix { $0 != "}" }
        for name in rest.components(separatedBy: "..") {
          let label = Label(name.trimmingCharacters(in: .whitespaces))
          if !carried.contains(label) && !result.contains(label) { result.append(label) }
        }
      }
    }
    return result
  }

  /// `text` as a comment, wrapped at about 100 characters.
  private static func comment(_ text: String, indent: Int) -> [String] {
    let prefix = String(repeating: " ", count: indent) + "# "
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
      if !line.isEmpty && prefix.count + line.count + 1 + word.count > 100 {
        lines.append(prefix + line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    return lines + [prefix + line]
  }

  /// `text` as a double-quoted YAML scalar.
  private static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"")
      + "\""
  }
}
