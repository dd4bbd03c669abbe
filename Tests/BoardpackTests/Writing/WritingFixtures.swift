import Boardpack
import BoardpackXML
import Foundation

/// What the writer tests share: the reference document, the ODF 1.3 schema (compiled once per
/// run) and an "everything" paper that uses every kind of node.
enum WritingFixtures {
  static let reference: ReferenceDocument = {
    do {
      return try ReferenceDocument(
        contentsOf: Snapshot.packageRoot.appendingPathComponent("Templates/reference.fodt").path)
    } catch { fatalError("\(error)") }
  }()

  static let odfSchema: RelaxNGSchema = {
    let path = Snapshot.packageRoot.appendingPathComponent(
      "Tests/BoardpackTests/Fixtures/schemas/odf-1.3/OpenDocument-v1.3-schema.rng")
      .standardizedFileURL.path
    do { return try RelaxNGSchema(contentsOf: path) } catch { fatalError("\(error)") }
  }()

  /// The schema errors of an FODT output, as printable lines; empty when it is valid.
  static func schemaErrors(in fodt: Data, name: String) throws -> [String] {
    let document = try XMLDocument(parsing: fodt, name: name)
    return odfSchema.errors(in: document, name: name).map(\.description)
  }

  static func money(_ text: String) -> Cell {
    Cell(
      value: text == "Nil" ? .nilValue : .money(Decimal(string: text.filter { $0.isNumber || $0 == "." })!), shown: text
    )
  }

  static let metadata = Metadata(
    template: "pcc-update-report",
    body: "Police and Crime Panel for Leicester, Leicestershire and Rutland",
    meetingDate: CalendarDate(year: 2026, month: 4, day: 21),
    title: "Commissioner's Update Report (Q4)",
    reportDate: CalendarDate(year: 2026, month: 4, day: 21),
    author: Author(name: "Lizzie Starr", role: "Director of Governance and Performance", phone: "0116 229 8980"),
    classification: "Official",
    letterhead: ["POLICE & CRIME", "COMMISSIONER", "for Leicester,", "Leicestershire & Rutland"],
    titleBlock: [.reportDate, .author, .classification])

  static let allocations = Table(
    label: "allocations",
    caption: [.text("CSP allocations and expenditure 2025-26")],
    columns: [
      Column(header: "CSP Area", type: .text), Column(header: "2025-26 Allocations", type: .money),
      Column(header: "2025-26 Expenditure", type: .money), Column(header: "Remaining", type: .money),
    ],
    rows: [
      Row(cells: [
        Cell(value: .text("Leicester"), shown: "Leicester"), money("£271,818.47"), money("£236,492.47"),
        money("£35,326.00"),
      ]),
      Row(cells: [
        Cell(value: .text("Charnwood"), shown: "Charnwood"), money("£89,530.24"), money("£89,530.24"), money("Nil"),
      ]),
      Row(
        cells: [
          Cell(value: .text("Total"), shown: "Total"), money("£361,348.71"), money("£326,022.71"), money("£35,326.00"),
        ], isTotal: true),
    ],
    relations: [.totalRow, .difference(column: 3, minuend: 1, subtrahend: 2)])

  static let engagements = Table(
    caption: [.text("Engagements by local authority")],
    columns: [
      Column(header: "Local Authority", type: .text), Column(header: "Engagements", type: .count),
      Column(header: "Share", type: .percent), Column(header: "Change", type: .points),
      Column(header: "Per day", type: .decimal),
    ],
    rows: [
      Row(cells: [
        Cell(value: .text("Blaby"), shown: "Blaby"), Cell(value: .count(1234), shown: "1,234"),
        Cell(value: .percent(87), shown: "87.0%"), Cell(value: .points(2.1), shown: "+2.1pp"),
        Cell(value: .decimal(1.25), shown: "1.25"),
      ]),
      Row(cells: [
        Cell(value: .text("Rutland"), shown: "Rutland"), Cell(value: .nilValue, shown: "Nil"),
        Cell(value: .nilValue, shown: "Nil"), Cell(value: .blank, shown: ""), Cell(value: .decimal(0.5), shown: "0.50"),
      ]),
    ],
    relations: [.share(column: 2, part: 1)])

  static let projects = Table(
    caption: [.text("Projects by area")],
    columns: [Column(header: "Project", type: .text), Column(header: "Description", type: .text)],
    rows: [
      Row(cells: [
        Cell(value: .text("CCTV Camera 269"), shown: "CCTV Camera 269"),
        Cell(
          value: .text("Replacing obsolete camera 269."), shown: "Replacing obsolete camera 269.",
          blocks: [
            .paragraph(Paragraph(content: [.text("Replacing obsolete camera 269:")])),
            .list(List(style: .bullet, items: [ListItem(content: [.text("digital technology")])])),
          ]),
      ])
    ])

  static func numbered(_ number: Int, _ text: String, label: Label? = nil, children: [Block] = []) -> Block {
    .paragraph(Paragraph(number: number, content: [.text(text)], children: children, label: label))
  }

  /// A paper with every kind of block and inline, numbered 1 to 6 across headings, lists and tables.
  /// The clauses of a resolution, "(a)" and "(b)".
  static let clauses = List(
    style: .clause,
    items: [
      ListItem(content: [.text("That the report be noted.")]),
      ListItem(content: [.text("That the PCC report back.")]),
    ])

  static let everything = Document(
    metadata: metadata,
    blocks: [
      .heading(Heading(level: 1, content: [.text("Purpose of Report")], label: "purpose")),
      .paragraph(
        Paragraph(
          number: 1,
          content: [
            .text("In his role the PCC is "), .strong([.text("required")]), .text(" to "),
            .emphasis([.text("establish")]), .text(" a plan; see "),
            .link(url: "https://www.leics.pcc.police.uk/", content: [.text("the PCC's website")]), .text("."),
            .lineBreak, .text("A second line."),
          ])),
      numbered(
        2, "The Commissioner asks the panel the following questions;", label: "request",
        children: [
          .list(
            List(
              style: .letter,
              items: [
                ListItem(content: [.text("Is the Panel satisfied with the work update?")], label: "question-a"),
                ListItem(
                  content: [.text("Would the panel like to highlight anything?")],
                  children: [
                    .list(List(style: .roman, items: [ListItem(content: [.text("first roman point")])]))
                  ]),
              ]))
        ]),
      .heading(Heading(level: 2, content: [.text("Summary")])),
      numbered(
        3, "The PCC believes that significant progress is being made.",
        children: [.list(List(style: .bullet, items: [ListItem(content: [.text("a bullet of paragraph three")])]))]),
      .paragraph(
        Paragraph(
          content: [
            .text("As "), .reference(Reference(target: "request", shown: "paragraph 2")), .text(" asks, "),
            .reference(Reference(target: "allocations", shown: "Table 1")), .text(" and "),
            .reference(Reference(target: "purpose", through: "request", shown: "paragraphs 1 to 2")),
            .text(" show   three spaces,\ta tab and "),
            .reference(Reference(target: "appendix-one", shown: "Appendix 1")), .text("."),
          ])),
      .list(
        List(
          style: .bullet,
          items: [ListItem(content: [.text("free bullet one")]), ListItem(content: [.text("free bullet two")])])),
      .list(
        List(
          style: .letter,
          items: [
            ListItem(
              content: [.text("free letter one")],
              children: [
                .table(
                  Table(
                    caption: [.text("Community Action Fund rounds")],
                    columns: [Column(header: "Round", type: .text), Column(header: "Grants", type: .money)],
                    rows: [Row(cells: [Cell(value: .text("Rural Crime"), shown: "Rural Crime"), money("£68,000.00")])]))
              ])
          ])),
      .list(List(style: .roman, items: [ListItem(content: [.text("free roman one")])])),
      .list(clauses),
      .quotation([
        .paragraph(Paragraph(content: [.text("First paragraph of the quotation.")])),
        .paragraph(Paragraph(content: [.text("Second paragraph of the quotation.")])),
      ]),
      .heading(Heading(level: 1, content: [.text("Section 1 - Community Based Commissioning")])),
      numbered(4, "The allocations for each CSP area are outlined in the table below."),
      .table(allocations),
      .table(engagements),
      .heading(Heading(level: 3, content: [.text("Contracts")])),
      numbered(5, "A paragraph after a heading and a table is numbered five."),
      .heading(Heading(level: 4, content: [.text("Maps")])),
      .figure(
        Figure(
          kind: .map, altText: "Map of LLR showing community day engagements as stars",
          caption: [.text("Community engagements, Q4 2025-26")], label: "q4-map")),
      .figure(Figure(kind: .image, altText: "The Commissioner at a community day", source: "images/community-day.png")),
      numbered(6, "The sixth numbered paragraph."),
      .paragraph(
        Paragraph(
          content: [.text("----- "), .strong([.text("End of Report")]), .text(" -----")], style: "End of Report")),
      .pageBreak,
      .heading(
        Heading(level: 1, content: [.text("Appendix One – CSP-funded projects")], label: "appendix-one", appendix: 1)),
      .table(projects),
    ])

  /// A one-page letter, the unit of a mail merge.
  static let letter = Document(
    metadata: Metadata(
      template: "grant-letter", title: "Community Action Fund grant", reportDate: CalendarDate(year: 2026, month: 6)),
    blocks: [
      .paragraph(Paragraph(content: [.text("Dear Ms Patel,")])),
      .paragraph(
        Paragraph(content: [
          .text("I am pleased to tell you that Root-and-Branch Out CIC has been awarded "), .strong([.text("£10,000")]),
          .text(" from the Community Action Fund."),
        ])),
      .paragraph(
        Paragraph(content: [
          .text("The grant must be spent by 31st March 2027 on the project described in your application.")
        ])),
      .paragraph(Paragraph(content: [.text("Yours sincerely,")])),
      .paragraph(Paragraph(content: [.text("Rupert Matthews"), .lineBreak, .text("Police and Crime Commissioner")])),
    ])

  /// A report of about ninety numbered paragraphs under headings, with a table every twenty.
  static let longReport: Document = {
    var blocks: [Block] = []
    for number in 1...90 {
      if number % 10 == 1 { blocks.append(.heading(Heading(level: 1, content: [.text("Section \(number / 10 + 1)")]))) }
      blocks.append(
        numbered(
          number,
          "The PCC maintains robust and proactive oversight of all workstreams through structured weekly meetings with the CEO, bi-monthly briefings with the Senior Management Team and additional targeted briefings as issues arise."
        ))
      if number % 20 == 0 { blocks.append(.table(allocations)) }
    }
    return Document(metadata: metadata, blocks: blocks)
  }()
}
