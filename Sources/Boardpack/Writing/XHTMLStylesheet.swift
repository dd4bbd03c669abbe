import BoardpackXML
import Foundation
import Synchronization

/// The stylesheet put inline in every paper: readable on screen, A4 on paper. A paper carries only
/// the rules for what it holds: each rule names the elements and classes it styles, and is kept
/// when the paper has any of them; a paper's rules are noted as bits while it is written. The rules avoid `"`, `<`, `>` and `&`, which XML escapes but an
/// HTML parser would not unescape inside `<style>`.
struct XHTMLStylesheet: Sendable {
  /// A rule and what it styles: element names, `.class` names and `[attribute]` names; a rule that
  /// styles nothing in particular is in every paper.
  struct Rule: Sendable {
    var styles: [String]
    var css: String

    init(_ styles: [String], _ css: String) {
      self.styles = styles
      self.css = css
    }

    func applies(to used: Set<String>) -> Bool {
      styles.isEmpty || styles.contains(where: used.contains)
    }
  }

  static let screen: [Rule] = [
    Rule(
      [],
      """
      body { font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
        max-width: 48em; margin: 2em auto; padding: 0 1em; color: #000; }
      """),
    Rule(
      [".bp-letterhead"],
      ".bp-letterhead { text-align: right; font-weight: bold; color: #1f3864; margin: 0; } .bp-letterhead + :not(.bp-letterhead) { margin-top: 1.5em; }"),
    Rule(
      [".bp-body", ".bp-meeting-date"],
      ".bp-body, .bp-meeting-date { font-weight: bold; font-size: 12pt; }"),
    Rule(["h1"], "h1 { font-size: 14pt; }"),
    Rule(
      ["h2", "h3", "h4", "h5", "h6"],
      "h2, h3, h4, h5, h6 { font-size: 12pt; margin: 1.2em 0 0.4em; }"),
    Rule(["h4", "h5", "h6"], "h4, h5, h6 { font-style: italic; }"),
    Rule([".bp-para"], ".bp-para p:first-child { padding-left: 3em; text-indent: -3em; }"),
    Rule([".bp-number"], ".bp-number { display: inline-block; width: 3em; text-indent: 0; }"),
    Rule([".bp-para"], ".bp-para ol, .bp-para ul { margin-left: 3em; }"),
    Rule([".bp-letter"], "ol.bp-letter { list-style-type: lower-alpha; }"),
    Rule([".bp-roman"], "ol.bp-roman { list-style-type: lower-roman; }"),
    Rule(
      [".bp-roman"], "ol.bp-roman li::marker { content: '(' counter(list-item, lower-roman) ') '; }"
    ),
    Rule(
      [".bp-clause"], "ol.bp-clause li::marker { content: '(' counter(list-item, lower-alpha) ') '; }"
    ),
    Rule([".bp-names"], "ul.bp-names { list-style: none; padding: 0; margin-left: 0; }"),
    Rule([".bp-columns"], ".bp-columns { columns: 2; column-gap: 1em; }"),
    Rule(["blockquote"], "blockquote { margin: 0 3em; font-style: italic; }"),
    Rule(["table"], "table { border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; }"),
    Rule(
      ["caption"],
      "caption { caption-side: top; text-align: left; font-weight: bold; padding: 0.3em 0; }"),
    Rule(
      [".bp-visually-hidden"],
      ".bp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }"
    ),
    Rule(
      ["th", "td"],
      "th, td { border: 1px solid #000; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }"
    ),
    Rule(["thead"], "thead th { background: #d9e2f3; }"),
    Rule(["tfoot"], "tfoot th, tfoot td { font-weight: bold; }"),
    Rule(
      [".bp-num"],
      ".bp-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }"),
    Rule([".bp-direction"], ".bp-direction { text-align: center; }"),
    Rule([".bp-rag-red"], ".bp-rag-red { background: #f4b6b6; }"),
    Rule([".bp-rag-amber"], ".bp-rag-amber { background: #fbd89a; }"),
    Rule([".bp-rag-green"], ".bp-rag-green { background: #b7dfb9; }"),
    Rule([], "main { display: block; }"),
    Rule([".bp-title-block"], "table.bp-title-block { width: auto; }"),
    Rule([".bp-title-block"], "table.bp-title-block th { background: none; }"),
    Rule([".bp-figure"], ".bp-figure { margin: 1em 0; text-align: center; }"),
    Rule([".bp-figure"], ".bp-figure img { max-width: 100%; }"),
    Rule(
      [".bp-placeholder"],
      ".bp-placeholder { border: 1px dashed #808080; padding: 3em 1em; color: #404040; }"),
    Rule(["figcaption"], "figcaption { font-size: 10pt; font-style: italic; }"),
    Rule([".bp-end-of-report"], ".bp-end-of-report { text-align: center; }"),
    Rule(
      [".bp-page-break"],
      "hr.bp-page-break { border: 0; border-top: 1px dashed #c0c0c0; margin: 2em 0; }"),
    Rule([".bp-paper"], "section.bp-paper { border-top: 1px solid #808080; margin-top: 3em; }"),
    Rule(
      [".bp-merged-letter"],
      "article.bp-merged-letter + article.bp-merged-letter { border-top: 1px dashed #c0c0c0; margin-top: 2em; padding-top: 2em; }"
    ),
    Rule([".bp-agenda-item"], ".bp-agenda-item { text-align: right; font-weight: bold; }"),
    // The contents' links, one a line, each a target 24px from the next (WCAG 2.5.8).
    Rule(["nav"], "nav li { padding: 0.25em 0; }"),
  ]

  /// The rules inside `@media print`.
  static let print: [Rule] = [
    Rule(
      [],
      """
      @page { size: A4; margin: 2cm 2cm;
        @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages); font: 10pt Arial, 'Liberation Sans', sans-serif; }
        @top-center { font: bold 10pt Arial, 'Liberation Sans', sans-serif; } }
      """),
    Rule([".bp-landscape"], "@page wide { size: A4 landscape; }"),
    Rule([".bp-landscape"], "table.bp-landscape { page: wide; }"),
    Rule([".bp-small"], "table.bp-small { font-size: 7pt; }"),
    Rule(
      ["[data-bp-appendix]"], "h2[data-bp-appendix], h3[data-bp-appendix] { break-before: page; }"),
    Rule([], "body { max-width: none; margin: 0; padding: 0; }"),
    Rule(["a"], "a, a:visited { color: inherit; text-decoration: none; }"),
    Rule([".bp-page-break"], "hr.bp-page-break { border: 0; margin: 0; break-after: page; }"),
    Rule(
      ["h2", "h3", "h4", "h5", "h6", "caption"],
      "h2, h3, h4, h5, h6, caption { break-after: avoid; }"),
    Rule(["table", "figure"], "table, figure { break-inside: auto; }"),
    Rule(["thead"], "thead { display: table-header-group; }"),
    Rule(["tfoot"], "tfoot { display: table-footer-group; }"),
    Rule(
      ["tr", ".bp-figure", ".bp-title-block"],
      "tr, .bp-figure, .bp-title-block { break-inside: avoid; }"),
    Rule(["p"], "p { orphans: 3; widows: 3; }"),
    Rule([".bp-paper"], "section.bp-paper { break-before: page; border: 0; margin: 0; }"),
    Rule(
      [".bp-merged-letter"],
      "article.bp-merged-letter + article.bp-merged-letter { break-before: page; border: 0; margin: 0; padding: 0; }"
    ),
  ]

  /// Every rule, screen then print, numbered by its bit in a set of rules.
  private static let all = screen.map { ($0, false) } + print.map { ($0, true) }

  /// The rules every paper has.
  static let everyPaper: UInt64 = bits { $0.styles.isEmpty }

  /// The rules that an element name or `[attribute]` calls for, and those that a class calls for.
  private static let byName = lookUp { !$0.hasPrefix(".") }
  private static let byClass = Dictionary(
    uniqueKeysWithValues: lookUp { $0.hasPrefix(".") }.map {
      (Substring($0.key.dropFirst()), $0.value)
    })

  /// The rules for an element name, or an attribute written `[name]`.
  static func rules(forName name: String) -> UInt64 { byName[name] ?? 0 }

  /// The rules for a class.
  static func rules(forClass name: Substring) -> UInt64 { byClass[name] ?? 0 }

  private static func bits(where chosen: (Rule) -> Bool) -> UInt64 {
    precondition(all.count <= 64, "a set of rules is 64 bits")
    return all.indices.reduce(0) { chosen(all[$1].0) ? $0 | 1 << UInt64($1) : $0 }
  }

  private static func lookUp(_ kept: (String) -> Bool) -> [String: UInt64] {
    var result: [String: UInt64] = [:]
    for (index, (rule, _)) in all.enumerated() {
      for style in rule.styles where kept(style) { result[style, default: 0] |= 1 << UInt64(index) }
    }
    return result
  }

  /// The `<style>` element with every rule, for a document written before all of it is known.
  static let complete = build(~0)

  /// The `<style>` elements made so far, by their rules.
  private static let made = Mutex<[UInt64: XMLFragment]>([:])

  /// The `<style>` element with `rules`, serialised once for each set of rules.
  static func element(for rules: UInt64) -> XMLFragment {
    if let made = made.withLock({ $0[rules] }) { return made }
    let fragment = build(rules)
    made.withLock { $0[rules] = fragment }
    return fragment
  }

  /// The stylesheet with every rule, as a file of its own (`letters.css`) that letters link to.
  static var completeText: String { text(~0) }

  /// The `<link>` to the stylesheet at `href`, in place of a `<style>` element.
  static func link(to href: String) -> XMLFragment {
    let xml = XMLWriter.fragment()
    xml.element("link", ["rel": "stylesheet", "href": href])
    return xml.finishFragment()
  }

  private static func build(_ rules: UInt64) -> XMLFragment {
    let xml = XMLWriter.fragment()
    xml.element("style", text: text(rules))
    return xml.finishFragment()
  }

  /// The CSS of `rules`, the print rules inside `@media print`.
  private static func text(_ rules: UInt64) -> String {
    let chosen = { (printing: Bool) in
      all.indices.filter { rules & 1 << UInt64($0) != 0 && all[$0].1 == printing }.map {
        all[$0].0.css
      }
    }
    var lines = [""] + chosen(false)
    let printing = chosen(true)
    if !printing.isEmpty {
      lines +=
        ["@media print {"] + printing.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
        + ["}"]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
