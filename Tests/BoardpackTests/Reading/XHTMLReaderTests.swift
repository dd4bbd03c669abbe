import Boardpack
import Foundation
import Testing

/// `XHTMLReader` on small documents written inline: Boardpack's own markup and XHTML written elsewhere.
@Suite struct XHTMLReaderTests {
  static func document(_ body: String, head: String = "") throws -> Document {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB" xml:lang="en-GB">
      <head><title>Commissioner's Update Report (Q4)</title>\(head)</head>
      <body>
      \(body)
      </body></html>
      """
    return try PaperFile.read(Data(xml.utf8), name: "inline.xhtml", isODF: false)
  }

  static let boardpackHead = """
    <meta name="bp:template" content="pcc-update-report"/>
    <meta name="bp:report-date" content="2026-04-21"/>
    <meta name="bp:author" content="Lizzie Starr"/>
    <meta name="bp:author-role" content="Director of Governance and Performance"/>
    <meta name="bp:classification" content="Official"/>
    """

  @Test func readsBoardpackMarkup() throws {
    let document = try Self.document(
      """
      <p class="bp-letterhead">POLICE &amp; CRIME</p>
      <h1>Commissioner's Update Report (Q4)</h1>
      <table class="bp-title-block"><tr><th scope="row">Report Date</th><td>21st April 2026</td></tr></table>
      <h2 id="purpose">Purpose of Report</h2>
      <div class="bp-para" id="p1" data-bp-number="1"><p><span class="bp-number">1.</span> The PCC asks:</p>
        <ol class="bp-letter" type="a"><li>Is the Panel satisfied?</li><li>Would the Panel like <strong>more</strong>?</li></ol>
      </div>
      <div class="bp-para" id="csp-para" data-bp-number="2"><p><span class="bp-number">2.</span> See \
      <a class="bp-ref" href="#csp">Table 1</a> and <a href="https://www.leics.pcc.police.uk/">the website</a>.</p></div>
      <table id="csp" data-bp-relations='[{"totalRow":{}},{"difference":{"column":3,"minuend":1,"subtrahend":2}}]'>
        <caption>CSP allocations 2025-26</caption>
        <thead><tr><th scope="col" data-bp-type="text">CSP Area</th><th scope="col" data-bp-type="money">Allocation</th>
          <th scope="col" data-bp-type="money">Expenditure</th><th scope="col" data-bp-type="money">Remaining</th></tr></thead>
        <tbody><tr><th scope="row">Charnwood</th><td data-bp-value="89530.24">£89,530.24</td>
          <td data-bp-value="89530.24">£89,530.24</td><td data-bp-value="0">Nil</td></tr></tbody>
        <tfoot><tr><th scope="row">Total</th><td data-bp-value="89530.24">£89,530.24</td>
          <td data-bp-value="89530.24">£89,530.24</td><td data-bp-value="0">Nil</td></tr></tfoot>
      </table>
      <figure id="q4-map" class="bp-figure" data-bp-kind="map"><div class="bp-placeholder" role="img" aria-label="Map of LLR"></div>
        <figcaption>Community days</figcaption></figure>
      <hr class="bp-page-break"/>
      <h2 id="appendix-one" data-bp-appendix="1">Appendix One – CSP-funded projects</h2>
      """, head: Self.boardpackHead)
    #expect(document.metadata.template == "pcc-update-report")
    #expect(document.metadata.title == "Commissioner's Update Report (Q4)")
    #expect(document.metadata.reportDate == CalendarDate(year: 2026, month: 4, day: 21))
    #expect(
      document.metadata.author
        == Author(name: "Lizzie Starr", role: "Director of Governance and Performance"))
    #expect(document.metadata.letterhead == ["POLICE & CRIME"])
    #expect(document.metadata.titleBlock == [.reportDate])
    #expect(document.blocks.count == 7)
    guard case .heading(let purpose) = document.blocks[0],
      case .paragraph(let first) = document.blocks[1],
      case .paragraph(let second) = document.blocks[2], case .table(let table) = document.blocks[3],
      case .figure(let map) = document.blocks[4], case .heading(let appendix) = document.blocks[6]
    else {
      Issue.record("unexpected blocks: \(document.blocks)")
      return
    }
    #expect(purpose.level == 1)
    #expect(purpose.label == "purpose")
    #expect(first.number == 1)
    #expect(first.content == [.text("The PCC asks:")])
    #expect(
      first.children == [
        .list(
          List(
            style: .letter,
            items: [
              ListItem(content: [.text("Is the Panel satisfied?")]),
              ListItem(content: [
                .text("Would the Panel like "), .strong([.text("more")]), .text("?"),
              ]),
            ]))
      ])
    #expect(second.number == 2)
    #expect(second.label == "csp-para")
    #expect(second.content.plainText == "See Table 1 and the website.")
    #expect(
      second.content.contains {
        if case .reference(let reference) = $0 {
          reference.target == "csp" && reference.shown == "Table 1"
        } else {
          false
        }
      })
    #expect(table.label == "csp")
    #expect(table.relations == [.totalRow, .difference(column: 3, minuend: 1, subtrahend: 2)])
    #expect(table.columns.map(\.type) == [.text, .money, .money, .money])
    #expect(table.rows.map(\.isTotal) == [false, true])
    #expect(
      table.rows[0].cells.map(\.value) == [
        .text("Charnwood"), .money(Decimal(string: "89530.24")!),
        .money(Decimal(string: "89530.24")!), .nilValue,
      ])
    #expect(map.kind == .map)
    #expect(map.altText == "Map of LLR")
    #expect(map.caption == [.text("Community days")])
    #expect(document.blocks[5] == .pageBreak)
    #expect(appendix.appendix == 1)
  }

  @Test func keepsBoardpackListsWhereTheFilePutsThem() throws {
    let document = try Self.document(
      """
      <div class="bp-para" id="p1" data-bp-number="1"><p><span class="bp-number">1.</span> First.</p></div>
      <ol class="bp-letter" type="a"><li>a free-standing letter</li></ol>
      """, head: Self.boardpackHead)
    #expect(
      document.blocks == [
        .paragraph(
          Paragraph(
            number: 1, content: [.text("First.")],
            location: SourceLocation(file: "inline.xhtml", line: 9))),
        .list(List(style: .letter, items: [ListItem(content: [.text("a free-standing letter")])])),
      ])
  }

  @Test func recoversPrintedNumbersAndMarkersFromForeignXHTML() throws {
    let document = try Self.document(
      """
      <h1>Police and Crime Panel</h1>
      <p>12. The PCC would like to ask:</p>
      <p>a. first question;</p>
      <p>b. second question.</p>
      <p>14. A paragraph after a gap.</p>
      <ol type="a" start="3"><li>third</li><li>fourth</li></ol>
      <ol><li><p>Numbered by the browser.</p></li><li>And again.</li></ol>
      <h2>Appendix 2 - Dashboard</h2>
      <p><img src="map.png" alt=""/></p>
      """)
    let numbers = document.blocks.compactMap {
      if case .paragraph(let paragraph) = $0 { paragraph.number } else { nil }
    }
    #expect(numbers == [12, 14, 1, 2])
    guard case .heading(let title) = document.blocks[0],
      case .paragraph(let twelve) = document.blocks[1],
      case .paragraph(let fourteen) = document.blocks[2],
      case .heading(let appendix) = document.blocks[5],
      case .figure(let figure) = document.blocks[6]
    else {
      Issue.record("unexpected blocks: \(document.blocks)")
      return
    }
    #expect(title.level == 1)
    #expect(twelve.content == [.text("The PCC would like to ask:")])
    #expect(
      twelve.children == [
        .list(
          List(
            style: .letter,
            items: [
              ListItem(content: [.text("first question;")], marker: "a."),
              ListItem(content: [.text("second question.")], marker: "b."),
            ]))
      ])
    #expect(
      fourteen.children == [
        .list(
          List(
            style: .letter,
            items: [
              ListItem(content: [.text("third")], marker: "c."),
              ListItem(content: [.text("fourth")], marker: "d."),
            ]))
      ])
    #expect(appendix.appendix == 2)
    #expect(figure.altText == "")
  }

  @Test func readsLibreOfficeHeadingParagraphsAsHeadings() throws {
    let document = try Self.document(
      """
      <p class="Heading_20_1">20th JUNE 2025</p>
      <p class="Heading_20_2">Background</p>
      <p class="Text_20_body">1. The OPCC supports the Commissioner.</p>
      """)
    let headings = document.blocks.compactMap { block -> String? in
      guard case .heading(let heading) = block else { return nil }
      return "\(heading.level) \(heading.content.plainText)"
    }
    #expect(headings == ["1 20th JUNE 2025", "2 Background"])
  }

  @Test func readsNumberedNoteHeadingsAsHeadings() throws {
    let document = try Self.document(
      """
      <h1>Notes to the accounts</h1>
      <p>3. Investments in subsidiaries</p>
      <p>The additions in the year relate to share-based payments granted to employees.</p>
      <p>(6) INTANGIBLE ASSETS</p>
      <p>NOTE 7 – LEASES</p>
      <p>(b) Credit risk</p>
      <p>Accounting policies</p>
      <p>Credit risk arises from cash and trade receivables.</p>
      <p>8. This Joint Prevention Strategy states that:</p>
      <p>Prevention has clear benefits for victims and wider communities.</p>
      <p>9. Background</p>
      <p>10. The Panel is asked to note the report.</p>
      """)
    let outline = document.blocks.map { block -> String in
      switch block {
      case .heading(let heading): "h\(heading.level) \(heading.content.plainText)"
      case .paragraph(let paragraph):
        "\(paragraph.number.map { "\($0). " } ?? "")\(paragraph.content.plainText)"
      default: "\(block)"
      }
    }
    #expect(
      outline == [
        "h1 Notes to the accounts",
        "h2 3. Investments in subsidiaries",
        "The additions in the year relate to share-based payments granted to employees.",
        "(6) INTANGIBLE ASSETS",
        "NOTE 7 – LEASES",
        "h2 (b) Credit risk",
        "Accounting policies",
        "Credit risk arises from cash and trade receivables.",
        "8. This Joint Prevention Strategy states that:",
        "Prevention has clear benefits for victims and wider communities.",
        "9. Background",
        "10. The Panel is asked to note the report.",
      ])
  }

  @Test func readsTheDocumentsLanguage() throws {
    #expect(try Self.document("<p>Text.</p>").metadata.language == "en-GB")
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-US"><head><title>10-K</title></head>
      <body><p>As of 1/31/2018.</p></body></html>
      """
    let document = try PaperFile.read(Data(xml.utf8), name: "us.xhtml", isODF: false)
    #expect(document.metadata.language == "en-US")
    #expect(Report.reports(in: document).first?.dateOrder == .monthFirst)
  }

  @Test func readsForeignTables() throws {
    let document = try Self.document(
      """
      <table><tr><th>Local Authority</th><th>Engagements</th><th>Share</th></tr>
      <tr><td>Blaby</td><td>33</td><td>8.0%</td></tr>
      <tr><td>Charnwood</td><td>1,035</td><td>-</td></tr>
      <tr><td>Totals</td><td>1,068</td><td>100.0%</td></tr></table>
      """)
    guard case .table(let table) = document.blocks.first else {
      Issue.record("no table")
      return
    }
    #expect(table.columns.map(\.header) == ["Local Authority", "Engagements", "Share"])
    #expect(table.columns.map(\.type) == [.text, .count, .percent])
    #expect(table.rows.map(\.isTotal) == [false, false, true])
    #expect(table.rows[1].cells.map(\.value) == [.text("Charnwood"), .count(1035), .nilValue])
    #expect(table.rows[1].cells[1].shown == "1,035")
    #expect(table.relations == [])
  }

  @Test func refusesBrokenRelations() throws {
    #expect(throws: BoardpackError.self) {
      try Self.document(
        "<table data-bp-relations='[{\"sum\":2}]'><tr><td>1</td></tr></table>",
        head: Self.boardpackHead)
    }
  }
}
