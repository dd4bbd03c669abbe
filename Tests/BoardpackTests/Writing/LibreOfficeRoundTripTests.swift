import Boardpack
import Foundation
import Testing

@Suite struct LibreOfficeRoundTripTests {
  /// LibreOffice opens the paper, prints every part of it, and numbers the paragraphs itself,
  /// continuing the numbering across headings, lists and tables.
  /// The page header prints the paper's own classification, as the reference document's field
  /// shows the metadata.
  @Test func theHeaderPrintsThePapersClassification() throws {
    var paper = WritingFixtures.everything
    paper.metadata.classification = "Official-Sensitive"
    let output = FODTWriter(reference: WritingFixtures.reference).render(paper)
    let printed = try LibreOffice.text(of: output, named: "sensitive.fodt")
    let header = printed.split(whereSeparator: \.isNewline).first.map(String.init)
    #expect(header?.trimmingCharacters(in: .whitespaces) == "OFFICIAL-SENSITIVE")
  }

  @Test func libreOfficePrintsTheEverythingPaper() throws {
    let output = FODTWriter(reference: WritingFixtures.reference).render(WritingFixtures.everything)
    #expect(try WritingFixtures.schemaErrors(in: output, name: "everything.fodt") == [])
    let printed = try LibreOffice.text(of: output, named: "everything.fodt")
    let text = printed.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for expected in [
      "OFFICIAL", "POLICE & CRIME", "21st April 2026", "Commissioner's Update Report (Q4)",
      "Lizzie Starr, Director of Governance and Performance", "Purpose of Report",
      "1. In his role the PCC is required to establish a plan",
      "2. The Commissioner asks the panel the following questions;",
      "a. Is the Panel satisfied with the work update?", "b. Would the panel like to highlight anything?",
      "(i) first roman point", "3. The PCC believes that significant progress is being made.",
      "• a bullet of paragraph three", "As paragraph 2 asks, Table 1 and paragraphs 1 to 2 show",
      "a. free letter one", "Rural Crime £68,000.00", "(i) free roman one",
      "(a) That the report be noted. (b) That the PCC report back.", "First paragraph of the quotation.",
      "4. The allocations for each CSP area", "Leicester £271,818.47 £236,492.47 £35,326.00",
      "Charnwood £89,530.24 £89,530.24 Nil",
      "Total £361,348.71 £326,022.71 £35,326.00", "Blaby 1,234 87.0% +2.1pp 1.25", "Rutland Nil Nil 0.50",
      "5. A paragraph after a heading and a table is numbered five.",
      "Map: Map of LLR showing community day engagements as stars", "Community engagements, Q4 2025-26",
      "6. The sixth numbered paragraph.", "----- End of Report -----", "Appendix One", "digital technology",
    ] {
      #expect(text.contains(expected), "LibreOffice's PDF lacks “\(expected)”")
    }
    let numbers = [
      "1. In his role", "2. The Commissioner", "3. The PCC", "4. The allocations", "5. A paragraph", "6. The sixth",
    ]
    .map { text.range(of: $0)?.lowerBound }
    #expect(numbers.allSatisfy { $0 != nil } && numbers.map { $0! } == numbers.map { $0! }.sorted())
  }

  /// In a long report LibreOffice's numbers run from 1 to 90 through ten headings and four tables.
  @Test func libreOfficeNumbersALongReportThrough() throws {
    let output = FODTWriter(reference: WritingFixtures.reference).render(WritingFixtures.longReport)
    let text = try LibreOffice.text(of: output, named: "long-report.fodt")
    let numbers = text.split(separator: "\n").compactMap { line -> Int? in
      let words = line.split(separator: " ")
      guard words.count > 1, words[0].hasSuffix("."), words[1] == "The" else { return nil }
      return Int(words[0].dropLast())
    }
    #expect(numbers == Array(1...90))
  }

  /// A reference document that a person has opened and saved in LibreOffice (which adds its own
  /// extensions) still gives valid ODF 1.3 papers.
  @Test func aReferenceDocumentSavedByLibreOfficeStillWorks() throws {
    let path = Snapshot.packageRoot.appendingPathComponent("Templates/reference.fodt")
    let saved = try LibreOffice.convert(Data(contentsOf: path), named: "reference.fodt", to: "fodt")
    #expect(String(decoding: saved, as: UTF8.self).contains("xmlns:loext"))
    let reference = try ReferenceDocument(parsing: saved, name: "saved-reference.fodt")
    let output = FODTWriter(reference: reference).render(WritingFixtures.everything)
    #expect(try WritingFixtures.schemaErrors(in: output, name: "everything.fodt") == [])
    let text = try LibreOffice.text(of: output, named: "everything.fodt")
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("5. A paragraph after a heading and a table is numbered five."))
  }
}
