import Boardpack
import BoardpackXML
import Foundation
import Testing

/// The real example papers in `Inputs/`, generated as a user would, checked against the ODF 1.3
/// schema, and read back through LibreOffice.
@Suite struct ExamplePaperTests {
  /// Every paper input in `Inputs/`, by name.
  static let inputs: [String] = {
    let folder = Snapshot.packageRoot.appendingPathComponent("Inputs").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }()

  @Test func theExamplesAreAllThere() {
    #expect(Self.inputs.count >= 9)
  }

  static func generate(_ name: String) throws -> Document {
    let root = Snapshot.packageRoot
    let generator = Generator(
      templates: TemplateLibrary(directory: root.appendingPathComponent("Templates").path))
    return try generator.document(
      forInputAt: root.appendingPathComponent("Inputs/\(name).yaml").path)
  }

  @Test(arguments: inputs)
  func fodtIsValidODFAndLibreOfficeShowsEveryParagraphAndFigure(_ name: String) throws {
    let document = try Self.generate(name)
    let fodt = FODTWriter(reference: WritingFixtures.reference).render(document)
    #expect(try WritingFixtures.schemaErrors(in: fodt, name: "\(name).fodt") == [])

    let page = Self.normalised(try LibreOffice.text(of: fodt, named: "\(name).fodt"))
    let numbered = Self.numberedParagraphs(in: document.blocks)
    #expect(!numbered.isEmpty)
    for (number, text) in numbered {
      let opening = Self.normalised(String(text.prefix(40)))
      #expect(
        page.contains("\(number). \(opening)"),
        "paragraph \(number) \"\(opening)\" is not on the page")
    }
    for cell in Self.figureCells(in: document.blocks) {
      #expect(page.contains(cell), "figure \(cell) is not on the page")
    }
  }

  @Test(arguments: inputs)
  func xhtmlIsWellFormedAndAccessible(_ name: String) throws {
    let document = try Self.generate(name)
    let xhtml = XHTMLWriter().render(document)
    let root = try #require(try XMLDocument(parsing: xhtml, name: "\(name).xhtml").root)
    #expect(root.attribute("lang") == "en-GB")
    var tables = 0
    var figures = 0
    Self.visit(root) { element in
      if element.attribute("role") == "img" {
        figures += 1
        #expect(element.attribute("aria-label")?.isEmpty == false, "a figure has no alt text")
      }
      switch element.name {
      case "img": #expect(element.attribute("alt")?.isEmpty == false, "an image has no alt text")
      case "th": #expect(element.attribute("scope") != nil, "a header cell has no scope")
      case "table":
        tables += 1
        #expect(element.elements.first?.name == "caption", "a table has no caption")
      default: break
      }
    }
    // Every paper with a title block or a table writes tables (minutes have neither).
    let hasTables = document.blocks.contains { if case .table = $0 { true } else { false } }
    #expect(tables > 0 || (document.metadata.titleBlock.isEmpty && !hasTables))
    if name == "pcc-update-2026-04-21-q4" { #expect(figures == 2) }
  }

  @Test(arguments: inputs)
  func theValidatorFindsNothingInAGeneratedPaperReadBackFromEitherFormat(_ name: String) throws {
    let document = try Self.generate(name)
    #expect(
      DiagnosticPrinter().text(Validator().check(document, file: "\(name).yaml"), files: 1)
        == Self.clean)
    let formats = [
      ("xhtml", XHTMLWriter().render(document)),
      ("fodt", FODTWriter(reference: WritingFixtures.reference).render(document)),
    ]
    for (format, data) in formats {
      let file = "\(name).\(format)"
      let read = try PaperFile.read(data, name: file, isODF: format == "fodt")
      #expect(DiagnosticPrinter().text(Validator().check(read, file: file), files: 1) == Self.clean)
    }
  }

  static let clean = "0 errors, 0 warnings in 1 file\n"

  @Test func theCommandWritesBothFormatsOfEveryExample() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bp-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try BoardpackCLI.run(
      ["generate"] + Self.inputs.map { "Inputs/\($0).yaml" } + ["--out", folder.path])
    #expect(result.status == 0, "\(result.errors)")
    // The checks `generate` runs find nothing in them.
    #expect(result.errors == "")
    let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(written == Self.inputs.flatMap { ["\($0).fodt", "\($0).xhtml"] }.sorted())
  }

  @Test func badInputExitsWithStatusOneAndWritesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bp-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let input = folder.appendingPathComponent("bad.yaml")
    try Data("template: no-such-report\nmetadata:\n  title: T\n".utf8).write(to: input)
    let result = try BoardpackCLI.run([
      "generate", input.path, "--out", folder.appendingPathComponent("out").path,
    ])
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("\(input.path):1:11: error: "))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  /// Calls `body` on `element` and every element inside it.
  static func visit(_ element: XMLNode, _ body: (XMLNode) -> Void) {
    body(element)
    for child in element.elements { visit(child, body) }
  }

  /// Numbered paragraphs with their plain text, in order.
  static func numberedParagraphs(in blocks: [Block]) -> [(Int, String)] {
    blocks.flatMap { block -> [(Int, String)] in
      guard case .paragraph(let paragraph) = block, let number = paragraph.number else { return [] }
      return [(number, paragraph.content.plainText)]
    }
  }

  /// Every money, count and percent cell as shown.
  static func figureCells(in blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
      guard case .table(let table) = block else { return [] }
      return table.rows.flatMap(\.cells).filter { $0.value.number != nil }.map(\.shown)
    }
  }

  /// Collapses white space and undoes typographic differences between the input and pdftotext.
  static func normalised(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
  }
}
