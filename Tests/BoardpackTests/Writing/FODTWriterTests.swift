import Boardpack
import BoardpackXML
import Foundation
import Testing

@Suite struct FODTWriterTests {
  let writer = FODTWriter(reference: WritingFixtures.reference)

  @Test func referenceDocumentIsValidODF() throws {
    let path = Snapshot.packageRoot.appendingPathComponent("Templates/reference.fodt").path
    #expect(try WritingFixtures.schemaErrors(in: Data(contentsOf: URL(fileURLWithPath: path)), name: path) == [])
  }

  @Test(arguments: ["everything", "letter", "long-report"])
  func isValidODFAndMatchesItsSnapshot(_ name: String) throws {
    let document =
      switch name {
      case "everything": WritingFixtures.everything
      case "letter": WritingFixtures.letter
      default: WritingFixtures.longReport
      }
    let output = writer.render(document)
    #expect(try WritingFixtures.schemaErrors(in: output, name: "\(name).fodt") == [])
    if name != "long-report" { try Snapshot.expect(output, matches: "\(name).fodt") }
  }

  @Test func writesMetadataBookmarksAndTypedCells() throws {
    let output = writer.render(WritingFixtures.everything)
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.contains(#"office:version="1.3""#))
    #expect(text.contains(#"<meta:user-defined meta:name="bp:report-date">2026-04-21</meta:user-defined>"#))
    #expect(
      text.contains(
        #"<meta:user-defined meta:name="bp:relations:allocations">[{&quot;totalRow&quot;:{}},{&quot;difference&quot;:{&quot;column&quot;:3,&quot;minuend&quot;:1,&quot;subtrahend&quot;:2}}]</meta:user-defined>"#
      ))
    #expect(text.contains(#"<text:bookmark text:name="request"/>"#))
    #expect(
      text.contains(
        ##"<text:a xlink:type="simple" xlink:href="#request" text:style-name="BP_20_Reference" text:visited-style-name="BP_20_Reference">paragraph <text:bookmark-ref text:reference-format="number" text:ref-name="request">2</text:bookmark-ref></text:a>"##
      ))
    #expect(
      text.contains(
        #"office:value-type="currency" office:currency="GBP" office:value="271818.47"><text:p text:style-name="bp-figure-contents">£271,818.47</text:p>"#
      ))
    #expect(
      text.contains(
        #"office:value-type="currency" office:currency="GBP" office:value="0"><text:p text:style-name="bp-figure-contents">Nil</text:p>"#
      ))
    #expect(text.contains(#"office:value-type="percentage" office:value="0.87""#))
    #expect(text.contains(#"<text:list xml:id="bp-numbering" text:style-name="BP_20_Numbering">"#))
    #expect(text.components(separatedBy: #"text:continue-list="bp-numbering""#).count - 1 == 4)
    #expect(text.contains(#"<text:h text:style-name="Heading_20_3" text:outline-level="3">Contracts</text:h>"#))
    #expect(text.contains(#"show <text:s text:c="2"/>three spaces,<text:tab/>a tab"#))
    #expect(text.contains("<svg:title>Map of LLR showing community day engagements as stars</svg:title>"))
    // The reference document's sample body is never copied.
    #expect(!text.contains("BP Letterhead:"))
  }

  @Test func refusesAReferenceDocumentWithoutBoardpackStyles() {
    let bare = Data(
      #"<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3"/>"#.utf8)
    #expect(
      throws: BoardpackError(
        "the reference document has no paragraph style “BP Letterhead”; Boardpack needs it",
        at: SourceLocation(file: "bare.fodt"))
    ) {
      try ReferenceDocument(parsing: bare, name: "bare.fodt")
    }
  }

  @Test func dropsMarkupOutsideODFFromTheReferenceDocument() throws {
    let path = Snapshot.packageRoot.appendingPathComponent("Templates/reference.fodt").path
    var source = try String(contentsOfFile: path, encoding: .utf8)
    source = source.replacingOccurrences(
      of: "<office:document ",
      with: #"<office:document xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" "#)
    source = source.replacingOccurrences(
      of: #"<style:style style:name="Standard" style:family="paragraph" style:class="text">"#,
      with:
        #"<style:style style:name="Standard" style:family="paragraph" style:class="text" loext:linked-style-name="x"><loext:graphic-properties draw:fill="none"/>"#
    )
    let reference = try ReferenceDocument(parsing: Data(source.utf8), name: "restyled.fodt")
    let output = FODTWriter(reference: reference).render(WritingFixtures.letter)
    #expect(!String(decoding: output, as: UTF8.self).contains("loext"))
    #expect(try WritingFixtures.schemaErrors(in: output, name: "letter.fodt") == [])
  }
}

extension FODTWriterTests {
  /// A mail merge renders on several threads with one reference document; each thread must get the same bytes.
  @Test func rendersTheSameBytesOnManyThreads() async {
    let writer = writer
    let expected = (writer.render(WritingFixtures.everything), XHTMLWriter().render(WritingFixtures.everything))
    let outputs = await withTaskGroup(of: (Data, Data).self) { group in
      for _ in 0..<8 {
        group.addTask { (writer.render(WritingFixtures.everything), XHTMLWriter().render(WritingFixtures.everything)) }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outputs.count == 8)
    #expect(outputs.allSatisfy { $0 == expected })
  }
}
