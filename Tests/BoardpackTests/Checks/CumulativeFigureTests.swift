import Boardpack
import Foundation
import Testing

/// Figures to date that fall between an earlier and a later paper: the Q4 report's CSP expenditure
/// "to date as of 05/01/2026" against a board update's "as of 12/06/2026".
@Suite struct CumulativeFigureTests {
  static let folder = FixtureFindingsTests.fixtures.appendingPathComponent("cumulative")

  static func papers(board: String = "lrscsb-2026-06-25.xhtml") throws -> [(file: String, document: Document)] {
    [
      ("pcc-update-q4-2026-04-21.xhtml", try PaperFile.read(path: AcrossPapersTests.seeds.appendingPathComponent("pcc-update-q4-2026-04-21.xhtml").path)),
      (board, try PaperFile.read(path: folder.appendingPathComponent("lrscsb-2026-06-25.xhtml").path)),
    ]
  }

  @Test func aFigureToDateThatFallsIsReportedWithBothPlaces() throws {
    let found = Validator().check(across: PaperSet(try Self.papers()))
    let expected = try JSONDecoder().decode(
      [Diagnostic].self,
      from: Data(contentsOf: Self.folder.appendingPathComponent("lrscsb-2026-06-25.findings.json")))
    #expect(found == expected)
    #expect(found.count == 7)
  }

  @Test func theSamePaperAsOfTheSameDateIsNotAFall() throws {
    let q4 = try Self.papers()[0]
    let found = Validator().check(across: PaperSet([q4, ("copy.xhtml", q4.document)]))
    #expect(found.filter { $0.message.contains("to date cannot fall") } == [])
  }

  @Test func aFigureNotSaidToBeToDateIsLeftAlone() throws {
    var papers = try Self.papers()
    let text = try String(contentsOf: Self.folder.appendingPathComponent("lrscsb-2026-06-25.xhtml"), encoding: .utf8)
      .replacingOccurrences(of: "along with expenditure to date as of 12/06/2026", with: "along with expenditure")
    papers[1].document = try PaperFile.read(Data(text.utf8), name: "board.xhtml", fileExtension: "xhtml")
    let found = Validator().check(across: PaperSet(papers))
    #expect(found.filter { $0.message.contains("to date cannot fall") } == [])
  }
}
