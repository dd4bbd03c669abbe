import Boardpack
import Foundation
import Testing

/// The writers' own output read back: their snapshots of the "everything" paper (every kind of
/// node), `Snapshots/everything.{xhtml,fodt}`. Both formats must read as the same document, but for
/// what XHTML cannot say, and as the paper the writers were given.
@Suite struct WriterOutputTests {
  static func read(_ name: String) throws -> Document {
    try PaperFile.read(path: Snapshot.packageRoot.appendingPathComponent("Tests/BoardpackTests/Snapshots/\(name)").path)
  }

  @Test func bothFormatsReadAsTheSameDocument() throws {
    let xhtml = try Self.read("everything.xhtml").withoutLocations
    let fodt = Self.asXHTMLSaysIt(try Self.read("everything.fodt").withoutLocations)
    #expect(xhtml.metadata == fodt.metadata)
    #expect(xhtml.blocks.count == fodt.blocks.count)
    for (index, (left, right)) in zip(xhtml.blocks, fodt.blocks).enumerated() {
      #expect(left == right, "block \(index)")
    }
  }

  /// `document` as XHTML can say it: a reference holds no number fields, and headings never skip
  /// a level below the title (the XHTML writer sets a level-3 heading after a level-1 one as h3).
  static func asXHTMLSaysIt(_ document: Document) -> Document {
    var level = 0
    return Document(
      metadata: document.metadata,
      blocks: document.blocks.map { block in
        switch block {
        case .heading(var heading):
          heading.level = min(heading.level, level + 1)
          level = heading.level
          return .heading(heading)
        case .paragraph(var paragraph):
          paragraph.content = paragraph.content.map { inline in
            guard case .reference(var reference) = inline else { return inline }
            reference.hasNumberFields = false
            return .reference(reference)
          }
          return .paragraph(paragraph)
        default: return block
        }
      })
  }

  @Test(arguments: ["everything.xhtml", "everything.fodt"])
  func readsThePaperTheWritersWereGiven(file: String) throws {
    let document = try Self.read(file).withoutLocations
    let metadata = document.metadata
    #expect(metadata.template == "pcc-update-report")
    #expect(metadata.title == "Commissioner's Update Report (Q4)")
    #expect(metadata.meetingDate == CalendarDate(year: 2026, month: 4, day: 21))
    #expect(
      metadata.author
        == Author(
          name: "Lizzie Starr", role: "Director of Governance and Performance",
          phone: "0116 229 8980"))
    #expect(
      metadata.letterhead == [
        "POLICE & CRIME", "COMMISSIONER", "for Leicester,", "Leicestershire & Rutland",
      ])
    #expect(metadata.titleBlock == [.reportDate, .author, .classification])

    let numbered = document.blocks.compactMap { block -> Paragraph? in
      if case .paragraph(let paragraph) = block, paragraph.number != nil { paragraph } else { nil }
    }
    #expect(numbered.map(\.number) == [1, 2, 3, 4, 5, 6])
    #expect(numbered.map(\.label) == [nil, "request", nil, nil, nil, nil])
    #expect(numbered[0].content.last == .text("A second line."))
    #expect(
      numbered[1].children == [
        .list(
          List(
            style: .letter,
            items: [
              ListItem(
                content: [.text("Is the Panel satisfied with the work update?")],
                label: "question-a"),
              ListItem(
                content: [.text("Would the panel like to highlight anything?")],
                children: [
                  .list(
                    List(style: .roman, items: [ListItem(content: [.text("first roman point")])]))
                ]),
            ]))
      ])

    guard case .paragraph(let references) = document.blocks[5] else {
      Issue.record("block 5 is not the paragraph of references")
      return
    }
    #expect(
      references.content.plainText
        == "As paragraph 2 asks, Table 1 and paragraphs 1 to 2 show   three spaces,\ta tab and Appendix 1."
    )
    let targets = references.content.compactMap {
      if case .reference(let reference) = $0 { reference.target } else { nil }
    }
    #expect(targets == ["request", "allocations", "purpose", "appendix-one"])

    let tables = document.blocks.compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    #expect(tables.map(\.label) == ["allocations", nil, nil])
    #expect(tables[0].relations == [.totalRow, .difference(column: 3, minuend: 1, subtrahend: 2)])
    #expect(tables[0].rows.map(\.isTotal) == [false, false, true])
    #expect(tables[0].rows[1].cells[3] == Cell(value: .nilValue, shown: "Nil"))
    #expect(tables[1].columns.map(\.type) == [.text, .count, .percent, .points, .decimal])
    #expect(tables[1].relations == [.share(column: 2, part: 1)])
    #expect(
      tables[1].rows[0].cells.map(\.value) == [
        .text("Blaby"), .count(1234), .percent(87), .points(2.1), .decimal(1.25),
      ])
    #expect(
      tables[1].rows[1].cells.map(\.value) == [
        .text("Rutland"), .nilValue, .nilValue, .blank, .decimal(0.5),
      ])

    #expect(
      document.blocks.contains(
        .quotation([
          .paragraph(Paragraph(content: [.text("First paragraph of the quotation.")])),
          .paragraph(Paragraph(content: [.text("Second paragraph of the quotation.")])),
        ])))
    #expect(
      document.blocks.contains(
        .figure(
          Figure(
            kind: .map, altText: "Map of LLR showing community day engagements as stars",
            caption: [.text("Community engagements, Q4 2025-26")], label: "q4-map"))))
    #expect(
      document.blocks.contains(
        .figure(
          Figure(
            kind: .image, altText: "The Commissioner at a community day",
            source: "images/community-day.png"))))
    #expect(
      document.blocks.contains(
        .paragraph(
          Paragraph(
            content: [.text("----- "), .strong([.text("End of Report")]), .text(" -----")],
            style: "End of Report"))))
    #expect(document.blocks.contains(.list(WritingFixtures.clauses)))
    #expect(document.blocks.contains(.pageBreak))
    #expect(
      document.blocks.contains(
        .heading(
          Heading(
            level: 1, content: [.text("Appendix One – CSP-funded projects")], label: "appendix-one",
            appendix: 1))))
  }
}

extension Document {
  /// The document with every source location removed, for comparing what two files say.
  var withoutLocations: Document {
    Document(metadata: metadata, blocks: blocks.map(\.withoutLocations))
  }
}

extension Block {
  fileprivate var withoutLocations: Block {
    switch self {
    case .heading(var heading):
      heading.location = nil
      heading.content = heading.content.map(\.withoutLocations)
      return .heading(heading)
    case .paragraph(var paragraph):
      paragraph.location = nil
      paragraph.content = paragraph.content.map(\.withoutLocations)
      paragraph.children = paragraph.children.map(\.withoutLocations)
      return .paragraph(paragraph)
    case .list(var list):
      list.items = list.items.map { item in
        var item = item
        item.content = item.content.map(\.withoutLocations)
        item.children = item.children.map(\.withoutLocations)
        return item
      }
      return .list(list)
    case .quotation(let blocks):
      return .quotation(blocks.map(\.withoutLocations))
    case .table(var table):
      table.location = nil
      table.rows = table.rows.map { row in
        var row = row
        row.location = nil
        row.cells = row.cells.map {
          Cell(value: $0.value, shown: $0.shown, blocks: $0.blocks.map(\.withoutLocations))
        }
        return row
      }
      return .table(table)
    case .figure(var figure):
      figure.location = nil
      return .figure(figure)
    case .pageBreak:
      return .pageBreak
    }
  }
}

extension Inline {
  fileprivate var withoutLocations: Inline {
    switch self {
    case .reference(var reference):
      reference.location = nil
      return .reference(reference)
    case .strong(let content): return .strong(content.map(\.withoutLocations))
    case .emphasis(let content): return .emphasis(content.map(\.withoutLocations))
    case .link(let url, let content):
      return .link(url: url, content: content.map(\.withoutLocations))
    case .text, .lineBreak: return self
    }
  }
}
