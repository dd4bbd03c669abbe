import Foundation

extension Metadata {
  /// Sets the field that a Boardpack metadata name stands for (`<meta name="bp:report-date">` in
  /// XHTML, `meta:user-defined` in ODF); names Boardpack does not write are ignored.
  mutating func set(field name: String, to value: String) {
    let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    switch name {
    case "bp:template": template = value
    case "bp:body": body = value
    case "bp:title": title = value
    case "bp:report-date": reportDate = CalendarDate(parsing: value)
    case "bp:meeting-date": meetingDate = CalendarDate(parsing: value)
    case "bp:classification": classification = value
    case "bp:author":
      author = Author(name: value, role: author?.role, phone: author?.phone, email: author?.email)
    case "bp:author-role":
      author = Author(
        name: author?.name ?? "", role: value, phone: author?.phone, email: author?.email)
    case "bp:author-phone":
      author = Author(
        name: author?.name ?? "", role: author?.role, phone: value, email: author?.email)
    case "bp:author-email":
      author = Author(
        name: author?.name ?? "", role: author?.role, phone: author?.phone, email: value)
    default: break
    }
  }

  /// Fills the field a title-block row stands for ("Report Date | 21st April 2026"); other rows are ignored.
  mutating func set(titleRow caption: String, to value: String) {
    let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard
      let field = TitleField.allCases.first(where: {
        $0.caption.lowercased() == caption.lowercased()
      })
    else { return }
    titleBlock.append(field)
    switch field {
    case .reportDate: reportDate = CalendarDate(parsing: value)
    case .classification: classification = value
    case .author:
      let parts = value.split(separator: ",", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      author = Author(name: parts.first ?? value, role: parts.count > 1 ? parts[1] : nil)
    }
  }
}
