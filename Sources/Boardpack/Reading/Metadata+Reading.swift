import Foundation

extension Metadata {
  /// Sets the field that a Boardpack metadata name stands for (`<meta name="bp:report-date">` in
  /// XHTML, `meta:user-defined` in ODF); names Boardpack does not write are ignored.
  mutating func set(field name: String, to value: String) {
    let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    var person = author ?? Author(name: "")
    switch name {
    case "bp:template": template = value
    case "bp:body": body = value
    case "bp:title": title = value
    case "bp:report-date": reportDate = Metadata.date(value)
    case "bp:meeting-date": meetingDate = Metadata.date(value)
    case "bp:classification": classification = value
    case "bp:title-block":
      titleBlock = value.split(separator: " ").compactMap { TitleField(rawValue: String($0)) }
    case "bp:author": person.name = value
    case "bp:author-role": person.role = value
    case "bp:author-phone": person.phone = value
    case "bp:author-email": person.email = value
    default: return
    }
    if name.hasPrefix("bp:author") { author = person }
  }

  /// Fills what a title-block row ("Report Date | 21st April 2026") says, where the metadata does
  /// not say it already; rows that are not title-block rows are ignored.
  mutating func set(titleRow caption: String, to value: String) {
    let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard
      let field = TitleField.allCases.first(where: {
        $0.caption.lowercased() == caption.lowercased()
      })
    else { return }
    if !titleBlock.contains(field) { titleBlock.append(field) }
    switch field {
    case .reportDate: reportDate = reportDate ?? Metadata.date(value)
    case .classification: classification = classification ?? value
    case .author:
      guard author == nil else { return }
      let parts = value.split(separator: ",", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      author = Author(name: parts.first ?? value, role: parts.count > 1 ? parts[1] : nil)
    }
  }

  /// Fills the metadata from a table that is a title block (every row a title-block caption and a
  /// value); returns whether it was one.
  mutating func absorbTitleBlock(_ table: Table) -> Bool {
    let captions = Set(TitleField.allCases.map { $0.caption.lowercased() })
    guard !table.rows.isEmpty,
      table.rows.allSatisfy({
        $0.cells.count == 2 && captions.contains($0.cells[0].shown.lowercased())
      })
    else { return false }
    for row in table.rows { set(titleRow: row.cells[0].shown, to: row.cells[1].shown) }
    return true
  }

  /// A date as metadata and title blocks print it: ISO "2026-06-25" or "2026-06", "25/06/2026",
  /// "25th June 2026" or, as some papers space it, "25 th June 2026".
  /// A date that does not exist (month 13, 31st June) is no date.
  static func date(_ text: String) -> CalendarDate? {
    if let date = CalendarDate(iso: text) { return date }
    var words = text.split(separator: " ").map(String.init)
    if words.count == 4, ["st", "nd", "rd", "th"].contains(words[1].lowercased()) {
      words[0] += words.remove(at: 1)
    }
    return CalendarDate(parsing: words.joined(separator: " ")).flatMap { $0.isValid ? $0 : nil }
  }
}
