import Foundation

/// A meeting's pack, a document of documents: the front sheet and agenda, then each item's paper
/// in agenda order, each to start a page under its own running header ("Agenda Item 10").
public struct Pack: Sendable, Equatable {
  /// Which papers a pack holds.
  public enum Edition: String, Sendable, Equatable, CaseIterable {
    /// Every paper, exempt ones too.
    case full
    /// Exempt papers replaced by a notice naming their paragraph of Schedule 12A.
    case `public`
  }

  /// One item's paper in the pack.
  public struct Paper: Sendable, Equatable {
    public var item: AgendaItem
    public var document: Document
    /// The running header of its pages and its bookmark in a PDF: "Agenda Item 10".
    public var header: String
    /// The bookmarks at its start and its end, whose pages the agenda prints.
    public var start: Label { Label("agenda-item-\(item.number)") }
    public var end: Label { Label("agenda-item-\(item.number)-end") }
  }

  public var meeting: Meeting
  public var edition: Edition
  /// The front sheet and the agenda, as a paper of their own.
  public var front: Document
  public var papers: [Paper]

  /// The pack of `meeting` from its papers (`documents`, by item number); `template` words the
  /// front sheet and agenda. In the public edition an exempt paper is a notice.
  init(
    _ meeting: Meeting, edition: Edition, papers documents: [Int: Document], template: PackTemplate
  ) throws(BoardpackError) {
    self.meeting = meeting
    self.edition = edition
    let date = meeting.date.weekday.map { $0 + ", " } ?? ""
    let values: [String: String?] = [
      "body": meeting.body,
      "when": date + meeting.date.longUK + (meeting.time.map { " at " + $0 } ?? ""),
      "venue": meeting.venue, "contact": meeting.contact?.name, "phone": meeting.contact?.phone,
      "email": meeting.contact?.email,
    ]
    var papers: [Paper] = []
    for item in meeting.items {
      guard var document = documents[item.number] else { continue }
      let number: [String: String?] = ["number": String(item.number)]
      let header = try PackTemplate.fill(template.itemHeader, number)?.plainText ?? ""
      if let paragraph = item.exemptParagraph, edition == .public {
        let notice = try PackTemplate.fill(
          template.exemptNotice,
          number.merging(["title": item.title, "paragraph": String(paragraph)]) { a, _ in a })
        let metadata = Metadata(body: meeting.body, meetingDate: meeting.date, title: item.title)
        document = Document(
          metadata: metadata, blocks: [.paragraph(Paragraph(content: notice ?? []))])
      }
      papers.append(Paper(item: item, document: document, header: header))
    }
    self.papers = papers
    let title = try PackTemplate.fill(template.title, values)?.plainText ?? meeting.body
    var blocks: [Block] = []
    for line in template.frontSheet {
      if let content = try PackTemplate.fill(line, values) {
        blocks.append(.paragraph(Paragraph(content: content)))
      }
    }
    if !meeting.membership.isEmpty {
      blocks.append(
        .heading(
          Heading(
            level: 1, content: try PackTemplate.fill(template.membershipHeading, values) ?? [])))
      blocks.append(
        .list(
          List(style: .names, items: meeting.membership.map { ListItem(content: [.text($0)]) })))
    }
    blocks += meeting.notices.map { .paragraph(Paragraph(content: [.strong($0)])) }
    blocks.append(
      .heading(
        Heading(level: 1, content: try PackTemplate.fill(template.agendaHeading, values) ?? [])))
    let link = try PackTemplate.fill(template.reportLink, values)?.plainText ?? ""
    for item in meeting.items {
      var content: [Inline] = [.text(item.title.hasSuffix(".") ? item.title : item.title + ".")]
      if let paper = papers.first(where: { $0.item.number == item.number }) {
        content += [
          .text(" "),
          .reference(Reference(target: paper.start, through: paper.end, shown: link, pages: true)),
        ]
      }
      var children: [Block] = []
      if let presenter = item.presenter {
        children.append(.paragraph(Paragraph(content: [.emphasis([.text(presenter)])])))
      }
      if !item.purpose.isEmpty { children.append(.paragraph(Paragraph(content: item.purpose))) }
      blocks.append(
        .paragraph(Paragraph(number: item.number, content: content, children: children)))
    }
    for line in template.closing {
      if let content = try PackTemplate.fill(line, values) {
        blocks.append(.paragraph(Paragraph(content: content)))
      }
    }
    front = Document(metadata: Metadata(body: nil, meetingDate: nil, title: title), blocks: blocks)
    front.metadata.language = "en-GB"
  }
}

extension Pack {
  /// Reads the meeting file at `path` and every paper it names, generating paper inputs from their
  /// skeletons in `templates` and reading finished papers, and words the front sheet and agenda by
  /// the library's `agenda-pack.yaml`; both editions when an item is exempt, else the full one.
  public static func packs(forMeetingAt path: String, templates: TemplateLibrary)
    throws(BoardpackError) -> [Pack]
  {
    let meeting = try Meeting(contentsOf: path)
    let template = try PackTemplate(contentsOf: templates.directory + "/agenda-pack.yaml")
    let generator = Generator(templates: templates)
    var documents: [Int: Document] = [:]
    for item in meeting.items {
      switch item.paper {
      case .input(let input): documents[item.number] = try generator.document(forInputAt: input)
      case .file(let file):
        // A paper read elsewhere prints its title as a heading too: the pack prints it once, as
        // the heading, where a header above it may date it.
        var document = try PaperFile.read(path: file)
        let title = document.metadata.title.lowercased()
        if document.blocks.contains(where: {
          if case .heading(let heading) = $0 {
            heading.content.plainText.lowercased() == title
          } else {
            false
          }
        }) {
          document.metadata.title = ""
        }
        documents[item.number] = document
      case nil: break
      }
    }
    let editions: [Edition] =
      meeting.items.contains { $0.exemptParagraph != nil } ? [.public, .full] : [.full]
    var packs: [Pack] = []
    for edition in editions {
      packs.append(try Pack(meeting, edition: edition, papers: documents, template: template))
    }
    return packs
  }
}
