import BoardpackXML

extension XHTMLWriter {
  /// The `<style>` element every paper carries, serialised once.
  static let styleElement: XMLFragment = {
    let xml = XMLWriter.fragment()
    xml.element("style", text: stylesheet)
    return xml.finishFragment()
  }()

  /// The stylesheet put inline in every paper: readable on screen, A4 on paper. It avoids `"`, `<`,
  /// `>` and `&`, which XML escapes but an HTML parser would not unescape inside `<style>`.
  private static let stylesheet = """

    body { font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
      max-width: 48em; margin: 2em auto; padding: 0 1em; color: #000; }
    .bp-letterhead { text-align: right; font-weight: bold; color: #1f3864; margin: 0; }
    .bp-body, .bp-meeting-date { font-weight: bold; font-size: 12pt; }
    h1 { font-size: 14pt; }
    h2, h3, h4, h5, h6 { font-size: 12pt; margin: 1.2em 0 0.4em; }
    h4, h5, h6 { font-style: italic; }
    .bp-para p:first-child { padding-left: 3em; text-indent: -3em; }
    .bp-number { display: inline-block; width: 3em; text-indent: 0; }
    .bp-para ol, .bp-para ul { margin-left: 3em; }
    ol.bp-letter { list-style-type: lower-alpha; }
    ol.bp-roman { list-style-type: lower-roman; }
    ol.bp-roman li::marker { content: '(' counter(list-item, lower-roman) ') '; }
    blockquote { margin: 0 3em; font-style: italic; }
    table { border-collapse: collapse; margin: 0.5em 0 1em; width: 100%; }
    caption { caption-side: top; text-align: left; font-weight: bold; padding: 0.3em 0; }
    .bp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    th, td { border: 1px solid #000; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
    thead th { background: #d9e2f3; }
    tfoot th, tfoot td { font-weight: bold; }
    .bp-num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .bp-direction { text-align: center; }
    .bp-rag-red { background: #f4b6b6; }
    .bp-rag-amber { background: #fbd89a; }
    .bp-rag-green { background: #b7dfb9; }
    main { display: block; }
    table.bp-title-block { width: auto; }
    table.bp-title-block th { background: none; }
    .bp-figure { margin: 1em 0; text-align: center; }
    .bp-figure img { max-width: 100%; }
    .bp-placeholder { border: 1px dashed #808080; padding: 3em 1em; color: #404040; }
    figcaption { font-size: 10pt; font-style: italic; }
    .bp-end-of-report { text-align: center; }
    hr.bp-page-break { border: 0; border-top: 1px dashed #c0c0c0; margin: 2em 0; }
    section.bp-paper { border-top: 1px solid #808080; margin-top: 3em; }
    .bp-agenda-item { text-align: right; font-weight: bold; }
    @media print {
      section.bp-paper { break-before: page; border: 0; margin: 0; }
      @page { size: A4; margin: 2cm 2cm;
        @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages); font: 10pt Arial, 'Liberation Sans', sans-serif; }
        @top-center { font: bold 10pt Arial, 'Liberation Sans', sans-serif; } }
      @page wide { size: A4 landscape; }
      table.bp-landscape { page: wide; }
      table.bp-small { font-size: 7pt; }
      h2[data-bp-appendix], h3[data-bp-appendix] { break-before: page; }
      body { max-width: none; margin: 0; padding: 0; }
      a, a:visited { color: inherit; text-decoration: none; }
      hr.bp-page-break { border: 0; margin: 0; break-after: page; }
      h2, h3, h4, h5, h6, caption { break-after: avoid; }
      table, figure { break-inside: auto; }
      thead { display: table-header-group; }
      tfoot { display: table-footer-group; }
      tr, .bp-figure, .bp-title-block { break-inside: avoid; }
      p { orphans: 3; widows: 3; }
    }

    """
}
