import Foundation

extension Metadata {
  /// The metadata as Boardpack's `bp:` fields, in a fixed order, leaving out what is not set;
  /// both writers store these (XHTML `<meta>`, ODF `meta:user-defined`) so readers can restore them.
  var boardpackFields: [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    if let template { fields.append(("bp:template", template)) }
    if let body { fields.append(("bp:body", body)) }
    if let meetingDate { fields.append(("bp:meeting-date", meetingDate.iso)) }
    if let reportDate { fields.append(("bp:report-date", reportDate.iso)) }
    if let author {
      fields.append(("bp:author", author.name))
      if let role = author.role { fields.append(("bp:author-role", role)) }
      if let phone = author.phone { fields.append(("bp:author-phone", phone)) }
      if let email = author.email { fields.append(("bp:author-email", email)) }
    }
    if let classification { fields.append(("bp:classification", classification)) }
    if !titleBlock.isEmpty { fields.append(("bp:title-block", titleBlock.map(\.rawValue).joined(separator: " "))) }
    return fields
  }

  /// The title-block table as printed: ("Report Date", "21st April 2026"), ("Report Author", "Name, Role"), …
  var titleBlockRows: [(caption: String, value: String)] {
    titleBlock.map { field in
      switch field {
      case .reportDate: (field.caption, reportDate?.longUK ?? "")
      case .author: (field.caption, author.map { [$0.name, $0.role].compactMap { $0 }.joined(separator: ", ") } ?? "")
      case .classification: (field.caption, classification ?? "")
      }
    }
  }
}

extension Table {
  /// The relations as JSON with sorted keys, e.g. `[{"totalRow":{}}]`, as both formats store them.
  var relationsJSON: String {
    // Most tables (every merged letter's) declare none: spare them an encoder.
    guard !relations.isEmpty else { return "[]" }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(relations) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Whether the first column holds row labels, shown as row headers.
  var hasRowHeaders: Bool { columns.first?.type == .text }
}

extension Value {
  /// The figure as a plain decimal ("271818.47", "0" for Nil), or nil for text and blank cells.
  var plainDecimal: String? { number?.plainText }
}
