import Foundation
import Testing
import ZIPFoundation

/// Zip packages built in memory from their parts' text, for the readers of `.docx`, `.xlsx` and `.ods`.
enum TestPackage {
  /// A zip of `parts` (path and text), each deflated, in order.
  static func zip(_ parts: [(String, String)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    return try #require(archive.data)
  }

  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

  /// An `.xlsx` whose one sheet, "Sheet1", holds `rows` (the XML inside `sheetData`), with
  /// `strings` as its shared strings, `formats` (format ids) as its cell styles in order, and the
  /// 1904 date system when `date1904`.
  static func xlsx(
    rows: String, strings: [String] = [], formats: [Int] = [], customFormats: [Int: String] = [:],
    date1904: Bool = false
  ) throws -> Data {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let custom = customFormats.sorted { $0.key < $1.key }.map {
      #"<numFmt numFmtId="\#($0.key)" formatCode="\#($0.value)"/>"#
    }
    return try zip([
      (
        "xl/workbook.xml",
        declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)">"#
          + #"<workbookPr date1904="\#(date1904 ? "1" : "0")"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
      ),
      (
        "xl/_rels/workbook.xml.rels",
        declaration
          + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
          + #"<Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/>"#
          + #"<Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
          + #"<Relationship Id="rId3" Type="\#(relationships)/styles" Target="styles.xml"/>"#
          + "</Relationships>"
      ),
      (
        "xl/sharedStrings.xml",
        declaration + #"<sst xmlns="\#(main)">"# + strings.map { "<si><t>\($0)</t></si>" }.joined()
          + "</sst>"
      ),
      (
        "xl/styles.xml",
        declaration
          + #"<styleSheet xmlns="\#(main)"><numFmts>\#(custom.joined())</numFmts><cellXfs>"#
          + formats.map { #"<xf numFmtId="\#($0)"/>"# }.joined() + "</cellXfs></styleSheet>"
      ),
      (
        "xl/worksheets/sheet1.xml",
        declaration + #"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#
      ),
    ])
  }

  /// An `.ods` whose one table, "Sheet1", holds `rows` (the XML inside `table:table`).
  static func ods(rows: String) throws -> Data {
    try zip([
      ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
      (
        "content.xml",
        declaration
          + #"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#
          + #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#
          + #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#
          + #"xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">"#
          + #"<office:body><office:spreadsheet><table:table table:name="Sheet1">\#(rows)"#
          + "</table:table></office:spreadsheet></office:body></office:document-content>"
      ),
    ])
  }
}
