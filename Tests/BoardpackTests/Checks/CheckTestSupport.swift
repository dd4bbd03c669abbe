import Boardpack
import Foundation

/// Small builders for the checks' tests: tables from rows of strings, paragraphs from text.
enum Build {
  /// A table whose first row is the header; column types are inferred and rows labelled
  /// "Total", "Grand total", "Sub-total"… are total rows, as the readers do.
  static func table(_ rows: [[String]], caption: String = "", relations: [Relation] = []) -> Block {
    let header = rows[0]
    let body = Array(rows.dropFirst())
    let types = header.indices.map { index in
      FigureParser.inferType(of: body.map { index < $0.count ? $0[index] : "" })
    }
    let columns = zip(header, types).map { Column(header: $0, type: $1) }
    let built = body.map { cells in
      Row(
        cells: cells.enumerated().map { index, shown in
          Cell(value: FigureParser.parse(shown, as: types[index]) ?? .text(shown), shown: shown)
        },
        isTotal: Row.isTotalLabel(cells.first ?? ""))
    }
    return .table(
      Table(
        caption: caption.isEmpty ? [] : [.text(caption)], columns: columns, rows: built,
        relations: relations))
  }

  static func paragraph(_ number: Int?, _ text: String, children: [Block] = []) -> Block {
    .paragraph(Paragraph(number: number, content: [.text(text)], children: children))
  }

  static func heading(_ text: String, level: Int = 1, appendix: Int? = nil) -> Block {
    .heading(Heading(level: level, content: [.text(text)], appendix: appendix))
  }

  static func list(_ style: List.Style, _ markers: [String]) -> Block {
    .list(List(style: style, items: markers.map { ListItem(content: [.text("item")], marker: $0) }))
  }

  /// Numbered paragraphs `numbers`, each with filler text.
  static func numbered(_ numbers: [Int]) -> [Block] {
    numbers.map { paragraph($0, "Paragraph \($0) of the report.") }
  }

  static func document(_ blocks: [Block], title: String = "Test report") -> Document {
    Document(metadata: Metadata(title: title), blocks: blocks)
  }
}

extension ReportRule {
  /// The diagnostics this rule alone finds in `blocks`, as one report.
  func findings(in blocks: [Block], title: String = "Test report") -> [Diagnostic] {
    var findings = Findings(file: "paper.xhtml", report: title)
    check(Report(title: title, blocks: blocks, labels: Report.labels(in: blocks)), into: &findings)
    return findings.diagnostics
  }
}
