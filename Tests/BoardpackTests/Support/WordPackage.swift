import Foundation

/// Builds small `.docx` packages in memory from the XML of their parts, for the reader's tests.
enum WordPackage {
  static let namespaces =
    #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
    + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

  /// A package whose `word/document.xml` has `body` (the XML inside `w:body`), with
  /// `word/numbering.xml` and `word/styles.xml` holding `numbering` and `styles` (the XML inside
  /// their roots) when given.
  static func make(body: String, numbering: String? = nil, styles: String? = nil) throws -> Data {
    let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    var parts: [(String, String)] = [
      (
        "[Content_Types].xml",
        declaration
          + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
          + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
          + #"<Default Extension="xml" ContentType="application/xml"/>"#
          + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
          + #"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#
          + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
          + "</Types>"
      ),
      (
        "_rels/.rels",
        declaration
          + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
          + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
          + "</Relationships>"
      ),
      (
        "word/_rels/document.xml.rels",
        declaration
          + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
          + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#
          + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
          + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/plan" TargetMode="External"/>"#
          + "</Relationships>"
      ),
      (
        "word/document.xml",
        declaration + "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
      ),
    ]
    if let numbering {
      parts.append(
        (
          "word/numbering.xml",
          declaration + "<w:numbering \(namespaces)>\(numbering)</w:numbering>"
        ))
    }
    if let styles {
      parts.append(
        ("word/styles.xml", declaration + "<w:styles \(namespaces)>\(styles)</w:styles>"))
    }
    return try TestPackage.zip(parts)
  }

  /// A paragraph of `text`, numbered by instance `numId` at `level` when given, styled `style`.
  static func paragraph(_ text: String, numId: Int? = nil, level: Int = 0, style: String? = nil)
    -> String
  {
    let numbering =
      numId.map { #"<w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#($0)"/></w:numPr>"# }
      ?? ""
    let styleName = style.map { #"<w:pStyle w:val="\#($0)"/>"# } ?? ""
    return
      #"<w:p><w:pPr>\#(styleName)\#(numbering)</w:pPr><w:r><w:t xml:space="preserve">\#(text)</w:t></w:r></w:p>"#
  }

  /// A level of a list definition.
  static func level(_ index: Int, _ format: String, _ text: String, start: Int = 1) -> String {
    #"<w:lvl w:ilvl="\#(index)"><w:start w:val="\#(start)"/><w:numFmt w:val="\#(format)"/>"#
      + #"<w:lvlText w:val="\#(text)"/><w:pPr><w:ind w:left="\#(720 * (index + 1))" w:hanging="360"/></w:pPr></w:lvl>"#
  }
}
