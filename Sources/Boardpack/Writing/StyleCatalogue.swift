import BoardpackXML
import Foundation

/// A style a paper can refer to: a style family ("paragraph", "text", "table-cell", …) or another
/// kind of named definition ("list", "outline", "page-layout", "master-page", "font-face", "data"),
/// and its name.
struct StyleKey: Hashable, Sendable {
  var kind: String
  var name: String

  static func paragraph(_ name: String) -> StyleKey { StyleKey(kind: "paragraph", name: name) }
  static func text(_ name: String) -> StyleKey { StyleKey(kind: "text", name: name) }
  static func list(_ name: String) -> StyleKey { StyleKey(kind: "list", name: name) }
  static func graphic(_ name: String) -> StyleKey { StyleKey(kind: "graphic", name: name) }
  static func tableRow(_ name: String) -> StyleKey { StyleKey(kind: "table-row", name: name) }
  static func tableCell(_ name: String) -> StyleKey { StyleKey(kind: "table-cell", name: name) }
  static func masterPage(_ name: String) -> StyleKey { StyleKey(kind: "master-page", name: name) }
  /// The outline style, which numbers headings.
  static let outline = StyleKey(kind: "outline", name: "")
}

/// The reference document's style definitions one by one, each serialised once with the styles it
/// depends on, so that a paper carries only the styles it refers to and everything they need
/// (parent and next styles, list styles, page layouts, master pages, fonts).
final class StyleCatalogue: Sendable {
  /// The parts of `office:document` that hold style definitions, in document order.
  enum Section: Int, CaseIterable, Sendable {
    case fonts, styles, automatic, masters
  }

  /// One definition: a top-level element of a section.
  struct Entry: Sendable {
    var section: Section
    /// What refers to it; nil for a definition every paper carries (default styles, settings).
    var key: StyleKey?
    var dependencies: Set<StyleKey>
    var markup: XMLFragment
    /// The namespaces of its elements and attributes.
    var namespaces: Set<String> = []
  }

  /// The definitions a paper carries, by section, ready to copy, and the namespaces they use.
  struct Selection: Sendable {
    var sections: [Section: XMLFragment]
    var namespaces: Set<String>
  }

  private let entries: [Entry]
  private let positions: [StyleKey: Int]
  /// Definitions every paper carries besides those without a key (the default master page).
  private let roots: Set<StyleKey>

  init(_ entries: [Entry], roots: Set<StyleKey>) {
    self.entries = entries
    var positions: [StyleKey: Int] = [:]
    for (index, entry) in entries.enumerated() {
      if let key = entry.key, positions[key] == nil { positions[key] = index }
    }
    self.positions = positions
    self.roots = roots
  }

  /// The definitions a paper refers to, by their place in the catalogue, so that noting one costs a
  /// look-up and comparing two sets a few words.
  struct Uses: Hashable, Sendable {
    fileprivate var words: [UInt64] = []

    /// Adds the styles `other` uses.
    mutating func formUnion(_ other: Uses) {
      if other.words.count > words.count {
        words += Array(repeating: 0, count: other.words.count - words.count)
      }
      for (index, word) in other.words.enumerated() { words[index] |= word }
    }

    fileprivate mutating func insert(_ index: Int) {
      let (word, bit) = index.quotientAndRemainder(dividingBy: 64)
      if word >= words.count { words += Array(repeating: 0, count: word - words.count + 1) }
      words[word] |= 1 << UInt64(bit)
    }

    fileprivate var indices: [Int] {
      words.indices.flatMap { word in
        (0..<64).filter { words[word] & (1 << UInt64($0)) != 0 }.map { word * 64 + $0 }
      }
    }
  }

  /// Notes that a paper refers to `key`; a style the catalogue lacks needs nothing carried.
  func note(_ key: StyleKey, in uses: inout Uses) {
    if let position = positions[key] { uses.insert(position) }
  }

  /// The definitions that `uses` needs, with everything they depend on, in the reference
  /// document's order.
  func selection(for uses: Uses) -> Selection {
    var needed = Set(entries.indices.filter { entries[$0].key == nil })
    let used = uses.indices.compactMap { entries[$0].key }
    var pending = Array(roots.union(used).union(needed.flatMap { entries[$0].dependencies }))
    var seen = Set(pending)
    while let key = pending.popLast() {
      guard let index = positions[key] else { continue }
      needed.insert(index)
      for dependency in entries[index].dependencies where seen.insert(dependency).inserted {
        pending.append(dependency)
      }
    }
    var sections: [Section: XMLFragment] = [:]
    var namespaces = Set<String>()
    for section in Section.allCases {
      let xml = XMLWriter.fragment()
      for index in needed.sorted() where entries[index].section == section {
        xml.copy(entries[index].markup)
        namespaces.formUnion(entries[index].namespaces)
      }
      sections[section] = xml.finishFragment()
    }
    return Selection(sections: sections, namespaces: namespaces)
  }

  /// The entries of a parsed section of the reference document, each serialised through
  /// `serialise` (which leaves out what ODF 1.3 does not define).
  static func entries(
    of section: Section, in node: XMLNode?, serialise: (XMLNode) -> XMLFragment
  ) -> [Entry] {
    (node?.elements ?? []).map { element in
      let key = Self.key(of: element)
      var dependencies = Set<StyleKey>()
      var namespaces = Set<String>()
      collectDependencies(
        of: element, kind: key?.kind, into: &dependencies, namespaces: &namespaces)
      if let key { dependencies.remove(key) }
      return Entry(
        section: section, key: key, dependencies: dependencies, markup: serialise(element),
        namespaces: namespaces)
    }
  }

  /// What refers to a definition: a style by its family, the others by their kind.
  private static func key(of element: XMLNode) -> StyleKey? {
    let name = element.attribute("name", namespace: ODF.style)
    switch (element.namespace, element.name) {
    case (ODF.style, "style"):
      guard let name, let family = element.attribute("family", namespace: ODF.style) else {
        return nil
      }
      return StyleKey(kind: family, name: name)
    case (ODF.text, "list-style"): return name.map(StyleKey.list)
    case (ODF.text, "outline-style"): return .outline
    case (ODF.style, "page-layout"): return name.map { StyleKey(kind: "page-layout", name: $0) }
    case (ODF.style, "master-page"): return name.map(StyleKey.masterPage)
    case (ODF.style, "font-face"): return name.map { StyleKey(kind: "font-face", name: $0) }
    case (ODF.number, _): return name.map { StyleKey(kind: "data", name: $0) }
    default: return nil
    }
  }

  /// The definitions that `node` and its descendants refer to, and the namespaces they are in;
  /// `kind` is the family of the style being read, which its parent style shares.
  private static func collectDependencies(
    of node: XMLNode, kind: String?, into result: inout Set<StyleKey>, namespaces: inout Set<String>
  ) {
    if let namespace = node.namespace { namespaces.insert(namespace) }
    for attribute in node.attributes {
      if let namespace = attribute.namespace { namespaces.insert(namespace) }
      if !attribute.value.isEmpty,
        let target = referredKind(attribute.name, attribute.namespace, on: node, family: kind)
      {
        result.insert(StyleKey(kind: target, name: attribute.value))
      }
    }
    for child in node.elements {
      collectDependencies(of: child, kind: kind, into: &result, namespaces: &namespaces)
    }
  }

  /// The kind of definition an attribute names, if it names one.
  private static func referredKind(
    _ name: String, _ namespace: String?, on element: XMLNode, family: String?
  )
    -> String?
  {
    switch (namespace, name) {
    case (ODF.style, "parent-style-name"): return family
    case (ODF.style, "next-style-name"): return "paragraph"
    case (ODF.style, "list-style-name"): return "list"
    case (ODF.style, "master-page-name"): return "master-page"
    case (ODF.style, "page-layout-name"): return "page-layout"
    case (ODF.style, "font-name"), (ODF.style, "font-name-asian"), (ODF.style, "font-name-complex"):
      return "font-face"
    case (ODF.style, "data-style-name"): return "data"
    case (ODF.text, "visited-style-name"), (ODF.text, "citation-style-name"),
      (ODF.text, "citation-body-style-name"):
      return "text"
    case (ODF.text, "style-name"):
      switch element.name {
      case "p", "h": return "paragraph"
      case "list": return "list"
      default: return "text"
      }
    case (ODF.draw, "style-name"): return "graphic"
    default: return nil
    }
  }
}
