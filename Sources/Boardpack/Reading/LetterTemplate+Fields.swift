extension LetterTemplate {
  /// A merge field as `boardpack templates` lists it: the column, how it is first shown, and the
  /// join it is read from when it stands in an `each:` block (a column of the main data otherwise).
  public struct FieldUse: Sendable, Equatable {
    public var column: String
    public var format: FieldFormat
    /// The text shown for an absent column or an empty cell, when the field has a default.
    public var fallback: String?
    public var join: String?
  }

  /// Every merge field the template shows, once each, in the order it first appears.
  public var fields: [FieldUse] {
    var result: [FieldUse] = []
    func use(_ content: [TemplateInline], join: String?) {
      for inline in content {
        switch inline {
        case .field(let field):
          if !result.contains(where: { $0.column == field.column && $0.join == join }) {
            result.append(
              FieldUse(
                column: field.column, format: field.format, fallback: field.fallback, join: join))
          }
        case .strong(let inner), .emphasis(let inner), .link(_, let inner): use(inner, join: join)
        case .text, .lineBreak: break
        }
      }
    }
    func use<Content>(
      _ items: [TemplateItem<Content>], join: String?, _ each: (Content, String?) -> Void
    ) {
      for item in items {
        switch item {
        case .one(let content): each(content, join)
        case .each(let name, let content, _): each(content, name)
        }
      }
    }
    func use(_ blocks: [TemplateBlock], join: String?) {
      for block in blocks {
        switch block {
        case .paragraph(let text, _), .heading(let text, _): use(text.content, join: join)
        case .bullets(let items): use(items, join: join) { use($0.content, join: $1) }
        case .table(let table):
          if let caption = table.caption { use(caption.content, join: join) }
          use(table.rows, join: join) { row, join in row.forEach { use($0.content, join: join) } }
        case .conditional(_, let then, let otherwise):
          use(then, join: join)
          use(otherwise, join: join)
        case .each(let name, let blocks, let otherwise, _):
          use(blocks, join: name)
          use(otherwise, join: join)
        }
      }
    }
    use(title.content, join: nil)
    use(blocks, join: nil)
    if let closing { use(closing.content, join: nil) }
    signatory.forEach { use($0.content, join: nil) }
    return result
  }
}
