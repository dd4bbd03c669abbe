import Boardpack
import Foundation
import Testing

/// Printed text wins: a cell's stored value that disagrees with its printed figure is reported,
/// and the other checks judge the printed figure.
@Suite struct StoredValueRuleTests {
  static func cell(_ shown: String, stored: String? = nil, type: String = "float") -> String {
    guard let stored else {
      return "<table:table-cell><text:p>\(shown)</text:p></table:table-cell>"
    }
    return
      #"<table:table-cell office:value-type="\#(type)" office:value="\#(stored)"><text:p>\#(shown)</text:p></table:table-cell>"#
  }

  /// A table whose total prints 413 over a stored 421 (the sum of the rows printed above it), with
  /// a percentage stored more exactly than it prints.
  static let table = """
    <text:p text:style-name="Centred">Engagements by area</text:p>
    <table:table table:name="Engagements"><table:table-column table:number-columns-repeated="3"/>
    <table:table-header-rows><table:table-row>\(cell("Area"))\(cell("Engagements"))\(cell("Share"))</table:table-row></table:table-header-rows>
    <table:table-row>\(cell("Blaby"))\(cell("200", stored: "200"))\(cell("47.5%", stored: "0.47506", type: "percentage"))</table:table-row>
    <table:table-row>\(cell("Charnwood"))\(cell("221", stored: "221"))\(cell("52.5%", stored: "0.52494", type: "percentage"))</table:table-row>
    <table:table-row>\(cell("Total"))\(cell("413", stored: "421"))\(cell("100.0%", stored: "1", type: "percentage"))</table:table-row>
    </table:table>
    """

  @Test func reportsTheDisagreementAndChecksThePrintedFigure() throws {
    let document = try FODTReaderTests.document(body: Self.table)
    let findings = Validator().check(document, file: "inline.fodt")
    #expect(
      findings.map {
        "\($0.rule.rawValue) \($0.severity.rawValue) \($0.stated ?? "") \($0.expected ?? "")"
      }
        == ["table-sum error 413 421", "stored-value warning 413 421 as stored"])
    #expect(findings.last?.location.row == "Total")
    #expect(findings.last?.location.column == "Engagements")
  }
}
