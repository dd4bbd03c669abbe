import Boardpack
import Foundation
import Testing

/// References between the papers of a meeting ("Item 10", "Appendix One to Item 10", "see the
/// minutes of 4 February 2026"): against a pack file's printed agenda, against a meeting file's in
/// `pack`, and left alone where the papers carry no item numbers.
@Suite struct PaperReferenceTests {
  static let folder = FixtureFindingsTests.fixtures.appendingPathComponent("references")

  @Test func aPackFilesReferencesAreCheckedAgainstItsAgenda() throws {
    let name = "pack-with-references.xhtml"
    let document = try PaperFile.read(path: Self.folder.appendingPathComponent(name).path)
    let validator = Validator()
    let found =
      validator.check(document, file: name) + validator.check(across: PaperSet([(name, document)]))
    let json = try DiagnosticPrinter().json(found, files: 1)
    let expected = try Data(
      contentsOf: Self.folder.appendingPathComponent("pack-with-references.findings.json"))
    // As `boardpack validate --format json` prints it, with a newline after.
    #expect(String(decoding: json, as: UTF8.self) + "\n" == String(decoding: expected, as: UTF8.self))
  }

  /// A meeting of two items whose second paper refers to Item 19 and to its neighbour's appendix.
  static func pack(referring text: String) throws -> [Diagnostic] {
    let folder = TemporaryDirectory()
    folder.write(
      "papers/update.xhtml",
      """
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><title>Update</title></head><body>
      <h1>Update</h1><p>1. The projects are funded.</p><h2>Appendix One – Projects</h2><p>Twelve.</p>
      </body></html>
      """)
    folder.write(
      "papers/prevention.xhtml",
      """
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><title>Prevention</title></head><body>
      <h1>Prevention</h1><p>1. The patrols start in July.</p><p>2. \(text)</p>
      </body></html>
      """)
    let meeting = folder.write(
      "meetings/panel.yaml",
      """
      body: Police and Crime Panel
      date: 2026-06-23
      items:
        - title: Update
          paper: ../papers/update.xhtml
        - title: Prevention
          paper: ../papers/prevention.xhtml
        - title: Date of next meeting

      """)
    let templates = TemplateLibrary(
      directory: Snapshot.packageRoot.appendingPathComponent("Templates").path)
    let full = try #require(try Pack.packs(forMeetingAt: meeting, templates: templates).last)
    return Validator().check(across: full.paperSet).filter { $0.rule == .crossReference }
  }

  @Test func packReportsAnItemTheAgendaDoesNotHave() throws {
    let found = try Self.pack(referring: "The evaluation comes to the Panel under Item 19.")
    #expect(found.count == 1)
    let finding = try #require(found.first)
    #expect(finding.file.hasSuffix("/papers/prevention.xhtml"))
    #expect(finding.severity == .error)
    #expect(finding.message == "Item 19 names no item of the agenda, whose items run 1 to 3")
    #expect(finding.location == Diagnostic.Location(report: "Prevention", paragraph: "2"))
    #expect(finding.stated == "Item 19")
  }

  @Test func packResolvesItemsAndTheirPapersAppendices() throws {
    #expect(try Self.pack(referring: "The projects are in Appendix One to Item 1 (Agenda Item 3 next).") == [])
    let missing = try Self.pack(referring: "The costs are in Appendix Two to Item 1.")
    #expect(missing.map(\.message) == [
      "Appendix Two to Item 1: the paper for Item 1 has no Appendix Two (no heading or caption names it)"
    ])
    let noPaper = try Self.pack(referring: "See Appendix One to Item 3.")
    #expect(noPaper.map(\.message) == ["Appendix One to Item 3: Item 3 has no paper in the pack"])
  }

  /// The example pack as its `.xhtml` reads back, with `sentence` added to Item 17's paragraph 28.
  static func examplePackReadBack(adding sentence: String) throws -> [Diagnostic] {
    let templates = TemplateLibrary(
      directory: Snapshot.packageRoot.appendingPathComponent("Templates").path)
    let pack = try #require(
      try Pack.packs(
        forMeetingAt: Snapshot.packageRoot.appendingPathComponent(
          "Inputs/meetings/2026-06-23-panel.yaml"
        ).path, templates: templates
      ).last)
    let xhtml = String(decoding: XHTMLWriter().render(pack), as: UTF8.self)
      .replacingOccurrences(of: "As described in ", with: sentence + " As described in ")
    let document = try PaperFile.read(Data(xhtml.utf8), name: "pack.xhtml", fileExtension: "xhtml")
    return Validator().check(across: PaperSet([("pack.xhtml", document)])).filter {
      $0.rule == .crossReference
    }
  }

  @Test func theExamplePackReadBackResolvesItsItemsAndTheirAppendices() throws {
    #expect(try Self.examplePackReadBack(adding: "Appendix One to Item 10 lists the projects.") == [])
    let found = try Self.examplePackReadBack(adding: "Item 25 will follow.")
    #expect(found.map(\.message) == ["Item 25 names no item of the agenda, whose items run 1 to 19"])
    #expect(found.first?.location == Diagnostic.Location(report: "Crime Prevention Activity", paragraph: "28"))
  }

  @Test func papersWithoutItemNumbersAreLeftAlone() throws {
    let xhtml = """
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><title>Update</title></head><body>
      <h1>Update</h1><p>1. The evaluation comes under Item 19, and Appendix Two to Item 4.</p>
      <p>2. See the minutes of 4 February 2026.</p></body></html>
      """
    let papers = try ["a.xhtml", "b.xhtml"].map {
      ($0, try PaperFile.read(Data(xhtml.utf8), name: $0, fileExtension: "xhtml"))
    }
    let found = Validator().check(across: PaperSet(papers))
    #expect(found.filter { $0.rule == .crossReference } == [])
  }
}
