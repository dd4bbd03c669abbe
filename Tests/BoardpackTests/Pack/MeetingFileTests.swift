import Boardpack
import Foundation
import Testing

/// The meeting file: what it reads, and one test per kind of mistake, each comparing the whole error.
@Suite struct MeetingFileTests {
  static let head = """
    body: Police and Crime Panel
    date: 2026-06-23
    items:

    """

  func error(
    _ message: String, line: Int, column: Int, in text: String, file: String = "meeting.yaml"
  )
    -> BoardpackError
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return BoardpackError(
      message, at: SourceLocation(file: file, line: line, column: column),
      sourceLine: String(lines[line - 1]))
  }

  @Test func theExampleMeetingReads() throws {
    let meeting = try Meeting(contentsOf: "Inputs/meetings/2026-06-23-panel.yaml")
    #expect(meeting.body == "Leicester, Leicestershire and Rutland Police and Crime Panel")
    #expect(meeting.date == CalendarDate(year: 2026, month: 6, day: 23))
    #expect(meeting.time == "2.00 pm")
    #expect(
      meeting.contact
        == Author(
          name: "Damien Buckley", phone: "0116 305 0183", email: "Damien.Buckley@leics.gov.uk"))
    #expect(meeting.membership.count == 15)
    #expect(meeting.items.map(\.number) == Array(1...19))
    #expect(meeting.items[9].title == "Police and Crime Commissioner's Update Report")
    #expect(meeting.items[9].paper == .input("Inputs/pcc-update-2026-04-21-q4.yaml"))
    #expect(meeting.items[0].paper == nil)
    #expect(
      meeting.items[17].purpose.plainText
        == "The next meeting of the Panel is scheduled to take place on 29th September 2026.")
  }

  @Test func unknownKeyIsNamedWithASuggestion() {
    let text = Self.head + "  - title: Apologies\n    purpse: To receive apologies.\n"
    #expect(
      throws: error(
        "unknown key \"purpse\" in an agenda item (did you mean \"purpose\"?); expected one of: exempt, number, paper, presenter, purpose, title",
        line: 5, column: 5, in: text)
    ) { try Meeting(yaml: text, path: "meeting.yaml") }
  }

  @Test func anItemNeedsATitle() {
    let text = Self.head + "  - purpose: To receive apologies.\n"
    #expect(throws: error("agenda item 1 has no title:", line: 4, column: 5, in: text)) {
      try Meeting(yaml: text, path: "meeting.yaml")
    }
  }

  @Test func numbersRunInOrder() {
    let text = Self.head + "  - title: Apologies\n  - number: 3\n    title: Minutes\n"
    #expect(
      throws: error(
        "item 2 is numbered 3; items are numbered 1, 2, 3… in order", line: 5, column: 13, in: text)
    ) { try Meeting(yaml: text, path: "meeting.yaml") }
  }

  @Test func aMissingPaperIsAnErrorAtItsLine() throws {
    let folder = TemporaryDirectory()
    let text = Self.head + "  - title: Update\n    paper: ../nonesuch.yaml\n"
    let path = folder.write("meetings/m.yaml", text)
    #expect(
      throws: error(
        "no paper at \"\(folder.path)/nonesuch.yaml\"; the path is relative to the meeting file",
        line: 5, column: 12, in: text, file: path)
    ) { try Meeting(contentsOf: path) }
    // A slip in the name of a paper that is there is suggested, as the meeting file writes it.
    folder.write("minutes-2026-02-04.yaml", "")
    let slip = Self.head + "  - title: Minutes\n    paper: ../minuets-2026-02-04.yaml\n"
    let slipped = folder.write("meetings/slip.yaml", slip)
    #expect(
      throws: error(
        "no paper at \"\(folder.path)/minuets-2026-02-04.yaml\" (did you mean \"../minutes-2026-02-04.yaml\"?); the path is relative to the meeting file",
        line: 5, column: 12, in: slip, file: slipped)
    ) { try Meeting(contentsOf: slipped) }
  }

  @Test func aPaperOutsideTheInputsIsRefused() throws {
    let folder = TemporaryDirectory()
    let text = Self.head + "  - title: Update\n    paper: ../../elsewhere.yaml\n"
    let path = folder.write("inputs/meetings/m.yaml", text)
    #expect(
      throws: error(
        "the paper \"\(folder.path)/elsewhere.yaml\" is outside \(folder.path)/inputs; an input reads only files in its own folder, or in folders named in BOARDPACK_ALLOW_PATHS (e.g. BOARDPACK_ALLOW_PATHS=/srv/shared-tables)",
        line: 5, column: 12, in: text, file: path)
    ) { try Meeting(contentsOf: path) }
  }

  @Test func exemptNamesAParagraphOfSchedule12A() throws {
    let folder = TemporaryDirectory()
    folder.write("paper.yaml", "")
    let text = Self.head + "  - title: Update\n    paper: ../paper.yaml\n    exempt: 9\n"
    let path = folder.write("meetings/m.yaml", text)
    #expect(
      throws: error(
        "exempt: \"9\" is not a paragraph of Part 1 of Schedule 12A to the Local Government Act 1972; write its number, 1 to 7",
        line: 6, column: 13, in: text, file: path)
    ) { try Meeting(contentsOf: path) }
  }

  @Test func theDateMustBeADate() {
    let text = "body: Panel\ndate: 23/13/2026\nitems: []\n"
    #expect(
      throws: error(
        "date \"23/13/2026\" is not a date (there is no month 13); write 2026-04-21 or 2026-06",
        line: 2, column: 7, in: text)
    ) { try Meeting(yaml: text, path: "meeting.yaml") }
  }

  @Test func theDateNeedsItsDay() {
    let text = "body: Panel\ndate: 2026-06\nitems: []\n"
    #expect(
      throws: error("a meeting's date needs its day: write 2026-06-23", line: 2, column: 7, in: text)
    ) { try Meeting(yaml: text, path: "meeting.yaml") }
  }
}
