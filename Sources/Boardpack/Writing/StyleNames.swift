import BoardpackXML

/// The style names an FODT paper uses: the reference document's named styles, resolved from
/// their display names, and Boardpack's own automatic styles for tables and figures.
struct StyleNames: Sendable {
  let letterhead, body, meetingDate, title: String
  /// Heading 1 to Heading 4.
  let headings: [String]
  let numbered, text, quotation, pageBreak: String
  let tableCaption, tableHeading, tableContents, figureCaption: String
  let emphasis, strong, link, reference: String
  let numbering, clauses, bullets, figure: String
  /// The paragraph styles of tables set in small text.
  let smallTableHeading, smallTableContents: String
  /// The master pages: the reference document's first (portrait) and `BP Landscape`; in a pack's
  /// papers, `BP Paper` and `BP Paper Landscape`, whose headers print the agenda item.
  var portraitPage, landscapePage: String
  /// A pack's papers: the master page of a paper's first page, the heading that opens a paper
  /// ("Agenda Item 10"), and the tiny paragraph that marks where a paper ends.
  let paperFirstPage, paperPage, paperLandscapePage, agendaItem, paperEnd: String
  /// The paragraph styles of RAG ratings, by rating ("Red", "Amber", "Green").
  let ragParagraphs: [String: String]

  /// What Boardpack reads from the reference document's styles besides their names.
  struct Shading: Sendable {
    /// The background colour of each rating's paragraph style, which its cell takes too.
    var backgrounds: [String: String] = [:]
    /// The font sizes of table text, normal and small, in points.
    var tableText = 10.0
    var smallTableText = 7.0
  }

  // Boardpack's automatic styles.
  let row = "bp-row"
  let cell = "bp-cell"
  let headingCell = "bp-heading-cell"
  /// Right-aligned figures in body and heading cells.
  let figureContents = "bp-figure-contents"
  let figureHeading = "bp-figure-heading"
  let smallFigureContents = "bp-small-figure-contents"
  let smallFigureHeading = "bp-small-figure-heading"
  /// A row that may split across pages (a tall one); `row` keeps together.
  let splittingRow = "bp-row-split"
  /// Centred cell text: the arrows of a direction column.
  let centredContents = "bp-centred-contents"
  let smallCentredContents = "bp-small-centred-contents"
  /// The cells of a RAG rating, by rating: `bp-cell-red`, `bp-cell-amber`, `bp-cell-green`.
  static func ragCell(_ rating: String) -> String { "bp-cell-" + rating.lowercased() }
  /// A rating's paragraph in small text: `bp-small-rag-red`, ….
  static func smallRAG(_ rating: String) -> String { "bp-small-rag-" + rating.lowercased() }
  static let ratings = ["Red", "Amber", "Green"]
  /// The centred paragraph that holds a figure's frame.
  let figureParagraph = "bp-figure-paragraph"
  /// The borderless frame that holds a table inside a list item.
  let tableFrame = "bp-table-frame"

  /// Resolves each style Boardpack uses from its display name among `declared` (style names by
  /// family, then by display name); a style the reference document lacks is an error.
  init(resolvingIn declared: [String: [String: String]], file: String) throws(BoardpackError) {
    func name(_ displayName: String, family: String = "paragraph") throws(BoardpackError) -> String
    {
      guard let name = declared[family]?[displayName] else {
        throw BoardpackError(
          "the reference document has no \(family) style “\(displayName)”; Boardpack needs it",
          at: SourceLocation(file: file))
      }
      return name
    }
    letterhead = try name("BP Letterhead")
    body = try name("BP Body")
    meetingDate = try name("BP Meeting Date")
    title = try name("Title")
    headings = [
      try name("Heading 1"), try name("Heading 2"), try name("Heading 3"), try name("Heading 4"),
    ]
    numbered = try name("BP Numbered")
    text = try name("BP Text")
    quotation = try name("BP Quotation")
    pageBreak = try name("BP Page Break")
    tableCaption = try name("BP Table Caption")
    tableHeading = try name("BP Table Heading")
    tableContents = try name("BP Table Contents")
    figureCaption = try name("BP Figure Caption")
    emphasis = try name("Emphasis", family: "text")
    strong = try name("Strong Emphasis", family: "text")
    link = try name("Internet link", family: "text")
    reference = try name("BP Reference", family: "text")
    numbering = try name("BP Numbering", family: "list")
    clauses = try name("BP Clauses", family: "list")
    bullets = try name("BP Bullets", family: "list")
    figure = try name("BP Figure", family: "graphic")
    smallTableContents = try name("BP Small Table Contents")
    smallTableHeading = try name("BP Small Table Heading")
    portraitPage =
      declared["master-page"]?["Standard"] ?? declared["master-page"]?.values.sorted().first
      ?? "Standard"
    landscapePage = try name("BP Landscape", family: "master-page")
    paperFirstPage = try name("BP Paper First", family: "master-page")
    paperPage = try name("BP Paper", family: "master-page")
    paperLandscapePage = try name("BP Paper Landscape", family: "master-page")
    agendaItem = try name("BP Agenda Item")
    paperEnd = try name("BP Paper End")
    var ragParagraphs: [String: String] = [:]
    for rating in StyleNames.ratings { ragParagraphs[rating] = try name("BP RAG " + rating) }
    self.ragParagraphs = ragParagraphs
  }

  /// Boardpack's automatic styles, which build on the reference document's named ones, each on its
  /// own for a paper to carry when it uses it; `shading` gives the RAG colours and the size of small
  /// table text.
  func automaticStyles(shading: Shading) -> [StyleCatalogue.Entry] {
    var entries: [StyleCatalogue.Entry] = []
    func style(
      _ name: String, family: String, parent: String? = nil, properties: (XMLWriter) -> Void
    ) {
      let xml = XMLWriter.fragment()
      xml.start("style:style")
      xml.attribute("style:name", name)
      xml.attribute("style:family", family)
      if let parent { xml.attribute("style:parent-style-name", parent) }
      properties(xml)
      xml.end()
      entries.append(
        StyleCatalogue.Entry(
          section: .automatic, key: StyleKey(kind: family, name: name),
          dependencies: Set(parent.map { [StyleKey(kind: family, name: $0)] } ?? []),
          markup: xml.finishFragment()))
    }
    style(row, family: "table-row") { xml in
      xml.element("style:table-row-properties", ["fo:keep-together": "always"])
    }
    style(splittingRow, family: "table-row") { xml in
      xml.element("style:table-row-properties", ["fo:keep-together": "auto"])
    }
    for rating in StyleNames.ratings {
      style(StyleNames.ragCell(rating), family: "table-cell") { xml in
        xml.start("style:table-cell-properties")
        xml.attribute("fo:padding", "0.1cm")
        xml.attribute("fo:border", "0.5pt solid #000000")
        if let colour = shading.backgrounds[rating] { xml.attribute("fo:background-color", colour) }
        xml.end()
      }
      style(StyleNames.smallRAG(rating), family: "paragraph", parent: ragParagraphs[rating]) {
        xml in
        xml.element("style:text-properties", ["fo:font-size": "\(shading.smallTableText)pt"])
      }
    }
    style(cell, family: "table-cell") { xml in
      xml.element(
        "style:table-cell-properties", ["fo:padding": "0.1cm", "fo:border": "0.5pt solid #000000"])
    }
    style(headingCell, family: "table-cell") { xml in
      xml.element(
        "style:table-cell-properties",
        [
          "fo:padding": "0.1cm", "fo:border": "0.5pt solid #000000",
          "fo:background-color": "#d9e2f3",
        ])
    }
    for (name, parent) in [
      (figureContents, tableContents), (figureHeading, tableHeading),
      (smallFigureContents, smallTableContents),
      (smallFigureHeading, smallTableHeading),
    ] {
      style(name, family: "paragraph", parent: parent) { xml in
        xml.element("style:paragraph-properties", ["fo:text-align": "end"])
      }
    }
    for (name, parent) in [
      (centredContents, tableContents), (smallCentredContents, smallTableContents),
    ] {
      style(name, family: "paragraph", parent: parent) { xml in
        xml.element("style:paragraph-properties", ["fo:text-align": "center"])
      }
    }
    style(figureParagraph, family: "paragraph", parent: text) { xml in
      xml.element(
        "style:paragraph-properties", ["fo:text-align": "center", "fo:keep-with-next": "always"])
    }
    style(tableFrame, family: "graphic", parent: figure) { xml in
      xml.element(
        "style:graphic-properties",
        [
          "fo:border": "none", "fo:padding": "0cm", "style:wrap": "none",
          "draw:auto-grow-height": "true",
        ])
    }
    return entries
  }
}
