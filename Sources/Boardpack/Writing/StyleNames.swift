import BoardpackXML

/// The style names an FODT paper uses: the reference document's named styles, resolved from
/// their display names, and Boardpack's own automatic styles for tables and figures.
struct StyleNames: Sendable {
  /// The styles a reference document must define, as (family, display name).
  static let required: [(family: String, displayName: String)] =
    [
      "BP Letterhead", "BP Body", "BP Meeting Date", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4",
      "BP Numbered", "BP Text", "BP End of Report", "BP Quotation", "BP Table Caption", "BP Table Heading",
      "BP Table Contents", "BP Figure Caption", "BP Page Break",
    ].map { ("paragraph", $0) }
    + [("text", "Emphasis"), ("text", "Strong Emphasis"), ("text", "Internet link")]
    + [("list", "BP Numbering"), ("list", "BP Bullets"), ("graphic", "BP Figure")]

  let letterhead, body, meetingDate, title: String
  /// Heading 1 to Heading 4.
  let headings: [String]
  let numbered, text, quotation, pageBreak: String
  let tableCaption, tableHeading, tableContents, figureCaption: String
  let emphasis, strong, link: String
  let numbering, bullets, figure: String

  // Boardpack's automatic styles.
  let table = "bp-table"
  let row = "bp-row"
  let cell = "bp-cell"
  let headingCell = "bp-heading-cell"
  /// Right-aligned figures in body and heading cells.
  let figureContents = "bp-figure-contents"
  let figureHeading = "bp-figure-heading"
  /// The centred paragraph that holds a figure's frame.
  let figureParagraph = "bp-figure-paragraph"

  /// `resolved` maps each required display name to its style name.
  init(_ resolved: [String: String]) {
    func name(_ displayName: String) -> String { resolved[displayName] ?? displayName }
    letterhead = name("BP Letterhead")
    body = name("BP Body")
    meetingDate = name("BP Meeting Date")
    title = name("Title")
    headings = (1...4).map { name("Heading \($0)") }
    numbered = name("BP Numbered")
    text = name("BP Text")
    quotation = name("BP Quotation")
    pageBreak = name("BP Page Break")
    tableCaption = name("BP Table Caption")
    tableHeading = name("BP Table Heading")
    tableContents = name("BP Table Contents")
    figureCaption = name("BP Figure Caption")
    emphasis = name("Emphasis")
    strong = name("Strong Emphasis")
    link = name("Internet link")
    numbering = name("BP Numbering")
    bullets = name("BP Bullets")
    figure = name("BP Figure")
  }

  /// Writes Boardpack's automatic styles, which build on the reference document's named ones.
  func writeAutomaticStyles(to xml: XMLWriter) {
    style(table, family: "table", xml) {
      xml.element("style:table-properties", ["style:width": "17cm", "table:align": "margins", "fo:margin-bottom": "0.3cm"])
    }
    style(row, family: "table-row", xml) {
      xml.element("style:table-row-properties", ["fo:keep-together": "always"])
    }
    style(cell, family: "table-cell", xml) {
      xml.element("style:table-cell-properties", ["fo:padding": "0.1cm", "fo:border": "0.5pt solid #000000"])
    }
    style(headingCell, family: "table-cell", xml) {
      xml.element(
        "style:table-cell-properties",
        ["fo:padding": "0.1cm", "fo:border": "0.5pt solid #000000", "fo:background-color": "#d9e2f3"])
    }
    for (name, parent) in [(figureContents, tableContents), (figureHeading, tableHeading)] {
      style(name, family: "paragraph", parent: parent, xml) {
        xml.element("style:paragraph-properties", ["fo:text-align": "end"])
      }
    }
    style(figureParagraph, family: "paragraph", parent: text, xml) {
      xml.element("style:paragraph-properties", ["fo:text-align": "center"])
    }
  }

  private func style(_ name: String, family: String, parent: String? = nil, _ xml: XMLWriter, properties: () -> Void) {
    xml.start("style:style")
    xml.attribute("style:name", name)
    xml.attribute("style:family", family)
    if let parent { xml.attribute("style:parent-style-name", parent) }
    properties()
    xml.end()
  }
}
