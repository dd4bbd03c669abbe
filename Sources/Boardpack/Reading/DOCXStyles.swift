import BoardpackXML

/// WordprocessingML's namespaces, and how it writes a switch.
enum DOCX {
  static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  /// A switch such as `<w:b/>` or `<w:b w:val="false"/>`: on unless its value turns it off.
  static func isOn(_ value: String?) -> Bool {
    guard let value else { return true }
    return value != "0" && value != "false" && value != "off"
  }

  /// The `w:val` of the first child of `element` named `name`.
  static func value(of name: String, in element: XMLNode?) -> String? {
    element?.firstElement(named: name)?.attribute("val", namespace: w)
  }
}

/// What the reader needs of a `.docx`'s styles (`word/styles.xml`): each paragraph style's name,
/// outline level, numbering and alignment, and each character style's bold and italic, with what
/// a style inherits from the styles it is based on worked out once.
struct DOCXStyles {
  /// One style, with what it inherits already applied.
  struct Style {
    /// The style's name and its ancestors', nearest first ("Heading 1", "Heading", "Normal").
    var names: [String] = []
    /// 0 for a level-1 heading; nil for body text.
    var outlineLevel: Int?
    /// The numbering the style gives its paragraphs: `numId` ("0" for none) and level.
    var numId: String?
    var numLevel = 0
    var bold = false
    var italic = false
    var centred = false
    var pageBreakBefore = false

    /// The heading level (1-based): the outline level, else a "Heading N" name.
    var headingLevel: Int? {
      if let outlineLevel, outlineLevel < 9 { return outlineLevel + 1 }
      for name in names where name.lowercased().hasPrefix("heading ") {
        if let level = Int(name.dropFirst("heading ".count)), (1...9).contains(level) {
          return level
        }
      }
      return nil
    }
  }

  private var paragraphStyles: [String: Style] = [:]
  private var characterStyles: [String: Style] = [:]
  private var defaultParagraphStyle: String?
  /// The document's default language, as a BCP 47 tag ("en-GB").
  private(set) var language: String?

  init() {}

  init(_ xml: XMLDocument) {
    guard let root = xml.root else { return }
    var raw: [String: (type: String, basedOn: String?, element: XMLNode)] = [:]
    for element in root.elements {
      if element.name == "docDefaults" {
        let properties = element.elements.first { $0.name == "rPrDefault" }?.elements.first {
          $0.name == "rPr"
        }
        language = properties?.elements.first { $0.name == "lang" }?.attribute(
          "val", namespace: DOCX.w)
      }
      guard element.name == "style", let id = element.attribute("styleId", namespace: DOCX.w)
      else { continue }
      let type = element.attribute("type", namespace: DOCX.w) ?? "paragraph"
      if type == "paragraph", DOCX.isOn(element.attribute("default", namespace: DOCX.w) ?? "0") {
        defaultParagraphStyle = id
      }
      raw[id] = (type, DOCX.value(of: "basedOn", in: element), element)
    }
    var resolved: [String: Style] = [:]
    func resolve(_ id: String, depth: Int) -> Style {
      if let done = resolved[id] { return done }
      guard let (_, basedOn, element) = raw[id] else { return Style() }
      var style =
        basedOn.flatMap { depth < 16 && $0 != id ? resolve($0, depth: depth + 1) : nil } ?? Style()
      style.names.insert(DOCX.value(of: "name", in: element) ?? id, at: 0)
      for group in element.elements {
        Self.apply(group, to: &style)
      }
      resolved[id] = style
      return style
    }
    for (id, entry) in raw {
      let style = resolve(id, depth: 0)
      if entry.type == "character" {
        characterStyles[id] = style
      } else if entry.type == "paragraph" || entry.type == "numbering" {
        paragraphStyles[id] = style
      }
    }
  }

  /// Applies a `w:pPr` or `w:rPr` (of a style or a paragraph) to `style`.
  static func apply(_ properties: XMLNode, to style: inout Style) {
    func value(_ property: XMLNode) -> String? { property.attribute("val", namespace: DOCX.w) }
    switch properties.name {
    case "pPr":
      properties.forEachElement { property in
        switch property.name {
        case "outlineLvl": style.outlineLevel = value(property).flatMap { Int($0) }
        case "jc": style.centred = value(property) == "center"
        case "pageBreakBefore": style.pageBreakBefore = DOCX.isOn(value(property))
        case "numPr":
          if let numId = DOCX.value(of: "numId", in: property) { style.numId = numId }
          style.numLevel =
            DOCX.value(of: "ilvl", in: property).flatMap { Int($0) } ?? style.numLevel
        default: break
        }
      }
    case "rPr":
      properties.forEachElement { property in
        switch property.name {
        case "b": style.bold = DOCX.isOn(value(property))
        case "i": style.italic = DOCX.isOn(value(property))
        default: break
        }
      }
    default: break
    }
  }

  /// The paragraph style `id`, else the default paragraph style.
  func paragraphStyle(_ id: String?) -> Style {
    id.flatMap { paragraphStyles[$0] } ?? defaultParagraphStyle.flatMap { paragraphStyles[$0] }
      ?? Style()
  }

  /// The character style `id`, if there is one.
  func characterStyle(_ id: String) -> Style? { characterStyles[id] }

  /// The `numId` a numbering style (`w:type="numbering"`) gives, for `w:numStyleLink`.
  func numbering(ofStyle id: String) -> String? { paragraphStyles[id]?.numId }
}
