import Boardpack
import BoardpackXML
import Foundation
import Testing

/// Merged letters in ODF: escaping, well-formedness, combined page breaks. (Validation against the
/// ODF 1.3 schema waits for `RelaxNGSchema` to load schemas past the refusing entity loader.)
@Suite struct MergeFODTTests {
  let directory = TemporaryDirectory()
  var output: String { directory.path + "/out" }

  static let writers = PaperWriters(
    xhtml: true,
    fodt: try! ReferenceDocument(contentsOf: MergeFixtures.root + "/Templates/reference.fodt"))

  func run(_ template: LetterTemplate, _ data: String, combined: Bool = false) throws -> MergeReport
  {
    try MergeJob(
      template: template, dataPath: data, outputFolder: output, writers: Self.writers,
      combined: combined,
      showsProgress: false
    ).run()
  }

  func document(_ name: String) throws -> (text: String, xml: XMLDocument) {
    let bytes = try #require(FileManager.default.contents(atPath: output + "/" + name))
    return (String(decoding: bytes, as: UTF8.self), try XMLDocument(parsing: bytes, name: name))
  }

  @Test func escapesValuesAndKeepsNonASCIINamesInBothFormats() throws {
    let data = directory.write(
      "data.csv", "Name,Amount,Spent\n\"Zoë & Łukasz <i>\"\"x\"\"</i> ]]> 'q'\",£1,Nil\n")
    #expect(try run(try MergeFixtures.small(in: directory), data).letters == 1)
    let name = "Zoë & Łukasz -i--x---i- ]]- 'q'"
    for file in [name + ".xhtml", name + ".fodt"] {
      let (text, _) = try document(file)
      #expect(text.contains("Dear Zoë &amp; Łukasz &lt;i&gt;"))
      #expect(text.contains("]]&gt;"))
      #expect(!text.contains("<i>"))
    }
  }

  @Test func cspLettersAreWellFormedODF() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    #expect(try run(template, MergeFixtures.partners).letters == 9)
    let (text, _) = try document("csp-letter-Oadby and Wigston.fodt")
    #expect(text.contains("£32,554.58"))
    #expect(text.contains("Please return your signed contract by 2nd July 2026"))
  }

  @Test func combinedFODTStartsEachLetterOnANewPageWithoutATrailingBreak() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    #expect(try run(template, MergeFixtures.partners, combined: true).letters == 9)
    let (text, _) = try document("letters.fodt")
    let breaks =
      text.components(separatedBy: "<text:p text:style-name=\"BP_20_Page_20_Break\"></text:p>")
      .count - 1
    #expect(breaks == 8)
    let body = try #require(text.range(of: "</office:text>"))
    let lastBreak = try #require(
      text.range(of: "BP_20_Page_20_Break\"></text:p>", options: .backwards))
    #expect(text[lastBreak.upperBound..<body.lowerBound].contains("Safer Rutland Partnership"))
    #expect(!FileManager.default.fileExists(atPath: output + "/csp-letter-Leicester.fodt"))
  }
}
