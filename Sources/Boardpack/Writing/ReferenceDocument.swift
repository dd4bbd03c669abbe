import BoardpackXML
import Foundation

/// The styles of a reference document (`Templates/reference.fodt`) that a person restyles in
/// LibreOffice, parsed once and kept serialised, definition by definition, so that every FODT paper
/// copies as bytes the styles it uses and those they depend on.
///
/// Only the style parts are kept (font faces, styles, automatic styles, master pages); the sample
/// body is not. Markup in namespaces outside ODF (LibreOffice's `loext:`, `officeooo:`) is dropped
/// so that papers stay valid ODF 1.3. Every style Boardpack refers to must exist, by display name.
public final class ReferenceDocument: Sendable {
  /// Every definition, the reference document's and Boardpack's own automatic styles.
  let catalogue: StyleCatalogue
  /// The RAG colours and table text sizes the styles give.
  let shading: StyleNames.Shading
  /// The style names Boardpack writes.
  let names: StyleNames
  /// Paragraph style names by display name, for `Paragraph.style`.
  private let paragraphStyles: [String: String]

  /// Reads and parses the reference document at `path`.
  public convenience init(contentsOf path: String) throws(BoardpackError) {
    try self.init(parsing: try InputFile.read(path, "reference document"), name: path)
  }

  /// Parses a flat ODF text document (`.fodt`) held in memory; `name` is used in errors.
  public init(parsing data: Data, name: String) throws(BoardpackError) {
    let document: XMLDocument
    do { document = try XMLDocument(parsing: data, name: name) } catch {
      throw BoardpackError(
        error.message, at: SourceLocation(file: name, line: error.line, column: error.column))
    }
    guard let root = document.root, root.name == "document", root.namespace == ODF.office else {
      throw BoardpackError(
        "not a flat ODF document (.fodt): the root is not office:document",
        at: SourceLocation(file: name))
    }
    let sections = Dictionary(
      root.elements.filter { $0.namespace == ODF.office }.map { ($0.name, $0) },
      uniquingKeysWith: { first, _ in first }
    )
    let declared = ReferenceDocument.declaredStyles(in: sections["styles"])
    let names = try StyleNames(
      resolvingIn: declared.merging(
        ["master-page": ReferenceDocument.masterPages(in: sections["master-styles"])],
        uniquingKeysWith: { a, _ in a }),
      file: name)
    self.names = names
    paragraphStyles = declared["paragraph"] ?? [:]

    let shading = ReferenceDocument.shading(in: sections["styles"], names: names)
    self.shading = shading
    var entries: [StyleCatalogue.Entry] = []
    for (section, element) in [
      (StyleCatalogue.Section.fonts, "font-face-decls"), (.styles, "styles"),
      (.automatic, "automatic-styles"),
      (.masters, "master-styles"),
    ] {
      entries += StyleCatalogue.entries(of: section, in: sections[element]) { node in
        let xml = XMLWriter.fragment()
        ReferenceDocument.copy(node, to: xml)
        return xml.finishFragment()
      }
    }
    entries += names.automaticStyles(shading: shading)
    // A paper's first page is on the portrait master page unless it names another.
    catalogue = StyleCatalogue(entries, roots: [.masterPage(names.portraitPage)])
  }

  /// Master page names by display name.
  private static func masterPages(in masters: XMLNode?) -> [String: String] {
    var result: [String: String] = [:]
    for node in masters?.elements ?? []
    where node.name == "master-page" && node.namespace == ODF.style {
      guard let name = node.attribute("name", namespace: ODF.style) else { continue }
      result[node.attribute("display-name", namespace: ODF.style) ?? name] = name
    }
    return result
  }

  /// The background colour of each RAG rating's paragraph style, by rating, which its cell takes
  /// too (LibreOffice shows no cell styles in a text document), and the font sizes in points of
  /// table text, normal and small, for measuring columns.
  private static func shading(in styles: XMLNode?, names: StyleNames) -> StyleNames.Shading {
    var parents: [String: String] = [:]
    var sizes: [String: Double] = [:]
    var backgrounds: [String: String] = [:]
    for node in styles?.elements ?? [] where node.name == "style" && node.namespace == ODF.style {
      guard node.attribute("family", namespace: ODF.style) == "paragraph",
        let name = node.attribute("name", namespace: ODF.style)
      else { continue }
      parents[name] = node.attribute("parent-style-name", namespace: ODF.style)
      for child in node.elements {
        if child.name == "text-properties",
          let size = child.attribute("font-size", namespace: ODF.fo),
          size.hasSuffix("pt"), let points = Double(size.dropLast(2))
        {
          sizes[name] = points
        }
        if child.name == "paragraph-properties",
          let colour = child.attribute("background-color", namespace: ODF.fo)
        {
          backgrounds[name] = colour
        }
      }
    }
    func size(_ name: String) -> Double? {
      var current: String? = name
      var steps = 0
      while let style = current, steps < 20 {
        if let points = sizes[style] { return points }
        current = parents[style]
        steps += 1
      }
      return nil
    }
    var result = StyleNames.Shading()
    for (rating, style) in names.ragParagraphs { result.backgrounds[rating] = backgrounds[style] }
    result.tableText = size(names.tableContents) ?? result.tableText
    result.smallTableText = size(names.smallTableContents) ?? result.smallTableText
    return result
  }

  /// The name of the paragraph style for a model style ("End of Report" finds "BP End of Report").
  func paragraphStyle(named style: String) -> String? {
    paragraphStyles["BP " + style] ?? paragraphStyles[style]
  }

  /// Style names by family ("paragraph", "text", "list", "graphic", "table-cell"), then by display name.
  private static func declaredStyles(in styles: XMLNode?) -> [String: [String: String]] {
    var result: [String: [String: String]] = [:]
    for node in styles?.elements ?? [] {
      let family: String?
      switch (node.namespace, node.name) {
      case (ODF.style, "style"): family = node.attribute("family", namespace: ODF.style)
      case (ODF.text, "list-style"): family = "list"
      default: family = nil
      }
      guard let family, let name = node.attribute("name", namespace: ODF.style) else { continue }
      let displayName = node.attribute("display-name", namespace: ODF.style) ?? name
      result[family, default: [:]][displayName] = name
    }
    return result
  }

  /// Writes `node` again through `xml` with ODF's usual prefixes, leaving out comments, elements
  /// and attributes whose namespace ODF 1.3 does not define, and the white space that only indents
  /// the markup (outside paragraphs, where it means nothing).
  private static func copy(_ node: XMLNode, to xml: XMLWriter, inParagraph: Bool = false) {
    if node.isText {
      if inParagraph || node.text.contains(where: { !$0.isWhitespace }) { xml.text(node.text) }
      return
    }
    guard node.isElement, let name = ODF.qualifiedName(node.name, in: node.namespace) else {
      return
    }
    xml.start(name)
    for attribute in node.attributes {
      if let name = ODF.qualifiedName(attribute.name, in: attribute.namespace) {
        xml.attribute(name, attribute.value)
      }
    }
    let inParagraph =
      inParagraph || node.namespace == ODF.text && (node.name == "p" || node.name == "h")
    for child in node.children { copy(child, to: xml, inParagraph: inParagraph) }
    xml.end()
  }
}

/// The ODF namespaces Boardpack declares and keeps, with their customary prefixes.
enum ODF {
  static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  static let number = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

  static let namespaces: [(prefix: String, uri: String)] = [
    ("office", office),
    ("style", style),
    ("text", text),
    ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("draw", draw),
    ("fo", fo),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
    ("number", number),
    ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("chart", "urn:oasis:names:tc:opendocument:xmlns:chart:1.0"),
    ("dr3d", "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0"),
    ("form", "urn:oasis:names:tc:opendocument:xmlns:form:1.0"),
    ("script", "urn:oasis:names:tc:opendocument:xmlns:script:1.0"),
    ("math", "http://www.w3.org/1998/Math/MathML"),
  ]

  /// The namespaces a paper's metadata and body may use, which every paper declares; the styles it
  /// carries may add others.
  static let bodyNamespaces: Set<String> = Set(
    namespaces.filter {
      ["office", "style", "text", "table", "draw", "fo", "xlink", "dc", "meta", "svg"].contains(
        $0.prefix)
    }
    .map(\.uri))

  private static let prefixes: [String: String] = Dictionary(
    uniqueKeysWithValues: namespaces.map { ($0.uri, $0.prefix) } + [
      ("http://www.w3.org/XML/1998/namespace", "xml")
    ])

  /// "style:name" for a name in the style namespace; nil for a namespace ODF does not define.
  static func qualifiedName(_ name: String, in namespace: String?) -> String? {
    namespace.flatMap { prefixes[$0] }.map { $0 + ":" + name }
  }
}
