extension Pack {
  /// The pack's papers as the papers of its meeting, each for its item, for the checks across
  /// papers: the meeting's date and agenda come from the meeting file.
  public var paperSet: PaperSet {
    PaperSet(
      papers.map { ($0.item.paperPath ?? $0.header, $0.document, $0.item.number) },
      meetingDate: meeting.date, agenda: Agenda(meeting))
  }
}
