import BoardpackXML
import Foundation
import Synchronization

/// The automatic styles one paper needs beyond the reference document's: column widths, the table
/// styles of tables set on a page of their own, and paragraph styles that start a new page. Each is
/// written once, under a name made from what it sets, and goes into the paper's
/// `office:automatic-styles` when the paper is finished.
///
/// A style's markup depends on its name only, so it is serialised once per process and shared by
/// every paper that uses it (a merge writes thousands of letters with the same few widths).
final class FODTPaperStyles {
  private var pieces: [Data] = []
  private var written: Set<String> = []

  /// Serialised styles by name, for every paper of the run.
  private static let serialised = Mutex<[String: Data]>([:])

  /// A column `width` hundredths of a millimetre wide.
  func column(width: Int) -> String {
    // Absolute widths only: LibreOffice 7.4 lays out columns that also carry style:rel-column-width
    // at other widths than the ones given.
    add("bp-column-\(width)") { xml, name in
      xml.start("style:style")
      xml.attribute("style:name", name)
      xml.attribute("style:family", "table-column")
      xml.element("style:table-column-properties", ["style:column-width": FODTPaperStyles.length(width)])
      xml.end()
    }
  }

  /// A table `width` hundredths of a millimetre wide; `keepsTogether` keeps its rows on one page,
  /// `breaksBefore` starts it on a new page, `masterPage` on a new page of that style.
  func table(width: Int, keepsTogether: Bool, breaksBefore: Bool, masterPage: String?) -> String {
    var name = "bp-table-\(width)"
    if keepsTogether { name += "-whole" }
    if let masterPage { name += "-" + masterPage } else if breaksBefore { name += "-new-page" }
    return add(name) { xml, name in
      xml.start("style:style")
      xml.attribute("style:name", name)
      xml.attribute("style:family", "table")
      if let masterPage { xml.attribute("style:master-page-name", masterPage) }
      xml.start("style:table-properties")
      xml.attribute("style:width", FODTPaperStyles.length(width))
      xml.attribute("table:align", "left")
      xml.attribute("fo:margin-bottom", "0.3cm")
      if breaksBefore && masterPage == nil { xml.attribute("fo:break-before", "page") }
      if keepsTogether { xml.attribute("style:may-break-between-rows", "false") }
      xml.end()
      xml.end()
    }
  }

  /// The paragraph style `parent` starting a new page (`masterPage`: a page of that style, on which
  /// with `restartingNumbers` the page numbers start again at 1).
  func paragraph(_ parent: String, masterPage: String?, restartingNumbers: Bool = false) -> String {
    let page = masterPage.map { "-" + $0 } ?? "-new-page"
    return add("bp-" + parent + page + (restartingNumbers ? "-page-1" : "")) { xml, name in
      xml.start("style:style")
      xml.attribute("style:name", name)
      xml.attribute("style:family", "paragraph")
      xml.attribute("style:parent-style-name", parent)
      if let masterPage {
        xml.attribute("style:master-page-name", masterPage)
        if restartingNumbers {
          xml.element(
            "style:paragraph-properties", ["fo:break-before": "page", "style:page-number": "1"])
        }
      } else {
        xml.element("style:paragraph-properties", ["fo:break-before": "page"])
      }
      xml.end()
    }
  }

  /// A section set in `count` columns.
  func columns(_ count: Int) -> String {
    add("bp-columns-\(count)") { xml, name in
      xml.start("style:style")
      xml.attribute("style:name", name)
      xml.attribute("style:family", "section")
      xml.start("style:section-properties")
      xml.start("style:columns")
      xml.attribute("fo:column-count", String(count))
      xml.attribute("fo:column-gap", "0.5cm")
      xml.end()
      xml.end()
      xml.end()
    }
  }

  /// Adds the style `name` once, from the shared serialisation or else written by `write`.
  private func add(_ name: String, _ write: (XMLWriter, String) -> Void) -> String {
    guard written.insert(name).inserted else { return name }
    if let data = FODTPaperStyles.serialised.withLock({ $0[name] }) {
      pieces.append(data)
      return name
    }
    let xml = XMLWriter.fragment()
    write(xml, name)
    let data = xml.finishFragment().data
    FODTPaperStyles.serialised.withLock { $0[name] = data }
    pieces.append(data)
    return name
  }

  /// Takes the styles added so far, in order, as one piece.
  func drain() -> [Data] {
    defer { pieces = [] }
    guard pieces.count > 1 else { return pieces }
    var joined = Data(capacity: pieces.reduce(0) { $0 + $1.count })
    for piece in pieces { joined.append(piece) }
    return [joined]
  }

  /// "1.234cm" for 1234 hundredths of a millimetre.
  static func length(_ hundredths: Int) -> String {
    let centimetres = hundredths / 1000
    let rest = hundredths % 1000
    let digits = String(rest)
    return "\(centimetres).\(String(repeating: "0", count: 3 - digits.count))\(digits)cm"
  }
}
