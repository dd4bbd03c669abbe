import Boardpack
import Foundation
import Testing

/// Nothing an input or a paper read elsewhere holds becomes unsafe output: links only to http,
/// https, mailto and tel; manifest cells a spreadsheet shows as typed; files read only from the
/// input's folder; letter names every system can hold (issue 15).
@Suite struct SafeOutputTests {
  let fixture = GeneratorFixture()
  var out: String { fixture.directory.path + "/out" }

  init() throws {
    fixture.directory.write(
      "Templates/reference.fodt",
      try Data(contentsOf: Snapshot.packageRoot.appendingPathComponent("Templates/reference.fodt")))
  }

  func generate(_ input: String, environment: [String: String] = [:]) throws -> BoardpackCLI.Result {
    fixture.writeInput("paper.yaml", input)
    return try BoardpackCLI.run(
      ["generate", fixture.inputPath, "--templates", fixture.directory.path + "/Templates", "--out", out],
      environment: environment)
  }

  var written: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted() }

  // MARK: Links

  @Test(arguments: [
    "javascript:alert", "JavaScript:x", "java\tscript:x", "data:text/html,<b>x</b>", "vbscript:x",
    "file:///etc/passwd",
  ])
  func aLinkOfAnotherSchemeIsAnErrorAtItsLine(_ url: String) throws {
    let input = GeneratorFixture.inputHead + "  summary:\n    - \"Read [this](\(url.replacingOccurrences(of: "\t", with: "\\t")))\"\n"
    #expect(throws: BoardpackError.self) { try fixture.generate(input) }
    let result = try generate(input)
    #expect(result.status == 1)
    #expect(
      result.errors.hasPrefix(
        "\(fixture.inputPath):9:7: error: the link address \"\(url)\" is not allowed; links may be http, https, mailto or tel"))
    #expect(written.isEmpty)
  }

  @Test func allowedLinksAreWritten() throws {
    let document = try fixture.generate(
      GeneratorFixture.inputHead
        + "  summary:\n    - \"[a](https://example.org) [b](mailto:x@example.org) [c](tel:+441162298980) [d](#top) [e](notes.pdf)\"\n")
    let xhtml = String(decoding: XHTMLWriter().render(document), as: UTF8.self)
    for href in ["https://example.org", "mailto:x@example.org", "tel:+441162298980", "#top", "notes.pdf"] {
      #expect(xhtml.contains("href=\"\(href)\""))
    }
  }

  @Test func aLetterTemplateLinkOfAnotherSchemeIsAnError() {
    #expect(
      throws: BoardpackError(
        "the link address \"data:text/html,x\" is not allowed; links may be http, https, mailto or tel (or within the paper)",
        at: SourceLocation(file: "letter.yaml", line: 3, column: 10),
        sourceLine: "blocks: [\"[click](data:text/html,x)\"]")
    ) {
      _ = try LetterTemplate(
        yaml: "id: x\ntitle: T\nblocks: [\"[click](data:text/html,x)\"]\n", path: "letter.yaml")
    }
  }

  @Test func theWritersDropLinksAndImagesOfOtherSchemesFromReadPapers() throws {
    let paper = """
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head><body>
      <p>Go <a href="javascript:alert(document.cookie)">here</a> or <a href=" JAVA&#9;SCRIPT:x">there</a>
      or <a href="https://example.org/">home</a>.</p>
      <figure><img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="A chart"/></figure>
      </body></html>
      """
    let document = try PaperFile.read(Data(paper.utf8), name: "read.xhtml", isODF: false)
    let xhtml = String(decoding: XHTMLWriter().render(document), as: UTF8.self)
    let reference = try ReferenceDocument(contentsOf: Snapshot.packageRoot.path + "/Templates/reference.fodt")
    let fodt = String(decoding: FODTWriter(reference: reference).render(document), as: UTF8.self)
    for output in [xhtml, fodt] {
      #expect(!output.lowercased().contains("javascript"))
      #expect(!output.contains("data:image"))
      #expect(output.contains("here"))
      #expect(output.contains("https://example.org/"))
    }
  }

  // MARK: Paths

  @Test func aTableOutsideTheInputsFolderIsAnError() throws {
    let outside = TemporaryDirectory()
    let csv = outside.write("secret.csv", "Area,Count\nBlaby,3\n")
    for path in [csv, "../../" + String(repeating: "../", count: 8) + String(csv.dropFirst())] {
      let input = GeneratorFixture.inputHead + "  summary:\n    - table: \(path)\n"
      let result = try generate(input)
      #expect(result.status == 1)
      #expect(
        result.errors.hasPrefix(
          "\(fixture.inputPath):9:7: error: the table \"\(fixture.directory.path)/Inputs/\(path.hasPrefix("/") ? "" : "")"
        ) || result.errors.hasPrefix("\(fixture.inputPath):9:7: error: the table \"\(path)\""))
      #expect(result.errors.contains("is outside \(fixture.directory.path)/Inputs; an input reads only files in its own folder, or in folders named in BOARDPACK_ALLOW_PATHS"))
      #expect(written.isEmpty)
    }
    // A folder named in BOARDPACK_ALLOW_PATHS may be read.
    let allowed = try generate(
      GeneratorFixture.inputHead + "  summary:\n    - table: \(csv)\n",
      environment: ["BOARDPACK_ALLOW_PATHS": outside.path])
    #expect(allowed.status == 0)
    #expect(written == ["paper.fodt", "paper.xhtml"])
  }

  @Test func anImageOutsideTheInputsFolderOrOfAnotherSchemeIsAnError() throws {
    for (source, message) in [
      ("../secret.png", "the image \"\(fixture.directory.path)/Inputs/../secret.png\" is outside"),
      ("/etc/hostname", "the image \"/etc/hostname\" is outside"),
      ("data:image/png;base64,AAAA", "the image \"data:image/png;base64,AAAA\" is not a file"),
      ("https://example.org/map.png", "the image \"https://example.org/map.png\" is not a file"),
    ] {
      let input =
        GeneratorFixture.inputHead + "  summary:\n    - figure: map\n      alt: A map\n      src: \"\(source)\"\n"
      let result = try generate(input)
      #expect(result.status == 1)
      #expect(result.errors.hasPrefix("\(fixture.inputPath):11:12: error: \(message)"))
      #expect(written.isEmpty)
    }
    fixture.writeInput("images/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
    let fine = try generate(
      GeneratorFixture.inputHead + "  summary:\n    - figure: map\n      alt: A map\n      src: images/map.svg\n")
    #expect(fine.status == 0)
  }

  @Test func aTemplatesJoinOutsideTheDataFolderIsAnError() throws {
    let directory = TemporaryDirectory()
    let template = directory.write(
      "letter.yaml",
      """
      id: joined
      title: "Letter to {{Name}}"
      key: Name
      joins:
        secrets: {file: ../../etc/passwd, key: Name}
      blocks: ["Dear {{Name}}"]
      """)
    let data = directory.write("data/rows.csv", "Name\nA\n")
    let result = try BoardpackCLI.run([
      "merge", "--template", template, "--data", data, "--out", directory.path + "/out",
    ])
    #expect(result.status == 1)
    #expect(
      result.errors.hasPrefix(
        "\(template):5:3: error: the joined file \"\(directory.path)/data/../../etc/passwd\" is outside \(directory.path)/data"))
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
  }

  // MARK: The manifest and names

  @Test func manifestCellsAreNeverFormulasAndShowControlCharacters() throws {
    let directory = TemporaryDirectory()
    let template = try LetterTemplate(
      yaml: """
        id: keyed
        title: "Letter to {{Name}}"
        key: Name
        manifest: [Note, Amount]
        blocks: ["Dear {{Name}}, {{Amount|money}}"]
        """, path: directory.path + "/keyed.yaml")
    let data = directory.write(
      "data.csv",
      "Name,Note,Amount\n"
        + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",+1,-40\n"
        + "@SUM(A1),\"-2+3+cmd|' /C calc'!A0\",\"-£1,234.50\"\n"
        + "\"Evil\u{202E}txt.exe\",\"\ttab\",£5\n"
        + "Plain,\"line\nbreak\",+2.5\n")
    let output = directory.path + "/out"
    _ = try MergeJob(
      template: template, dataPath: data, outputFolder: output,
      writers: PaperWriters(xhtml: true, fodt: nil), showsProgress: false
    ).run()
    let manifest = try String(contentsOfFile: output + "/manifest.csv", encoding: .utf8)
    #expect(
      manifest == """
        row,file,key,status,Note,Amount
        1,"HYPERLINK(-http---x-,-y-)","'=HYPERLINK(""http://x"",""y"")",written,+1,-40
        2,SUM(A1),'@SUM(A1),written,'-2+3+cmd|' /C calc'!A0,"-£1,234.50"
        3,Evil-txt.exe,Evil<U+202E>txt.exe,written,tab,£5
        4,Plain,Plain,written,line<U+000A>break,+2.5

        """)
    let files = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(files.contains("HYPERLINK(-http---x-,-y-).xhtml"))
  }

  @Test func windowsDeviceNamesAreNotGiven() throws {
    var namer = try FileNamer(pattern: "{Name}", header: ["Name"])
    let names = try ["CON", "nul", "Com1", "aux.txt", "LPT9", "CONSOLE", "COM10"].enumerated().map {
      try namer.name(for: CSVRecord(fields: [$1], line: $0 + 2, row: $0 + 1), in: RecordFile(path: "data.csv"))
    }
    #expect(names == ["CON_", "nul_", "Com1_", "aux_.txt", "LPT9_", "CONSOLE", "COM10"])
  }

  @Test func aNamePatternIsNeverCutThroughItsFields() throws {
    let long = String(repeating: "n", count: 250)
    #expect(
      throws: BoardpackError(
        "the name pattern \"\(long){Name}\" has 250 bytes of fixed text, and names are at most 200 bytes; shorten it",
        at: SourceLocation(file: "--name"))
    ) { _ = try FileNamer(pattern: long + "{Name}", header: ["Name"]) }
    var namer = try FileNamer(pattern: "letter-{Name}", header: ["Name"])
    #expect(
      throws: BoardpackError(
        "the file name from \"letter-{Name}\" would be 207 bytes, more than the 200 a name may have; name the letters by a shorter column with --name",
        at: SourceLocation(file: "data.csv", line: 2))
    ) { _ = try namer.name(for: CSVRecord(fields: [String(repeating: "x", count: 200)], line: 2, row: 1), in: RecordFile(path: "data.csv")) }
  }

  @Test func aLongInputNameFitsItsTemporaryFile() throws {
    let name = String(repeating: "p", count: 240)
    let input = GeneratorFixture.inputHead + "  summary: [Text.]\n"
    let path = fixture.writeInput(name + ".yaml", input)
    let result = try BoardpackCLI.run([
      "generate", path, "--templates", fixture.directory.path + "/Templates", "--out", out,
    ])
    #expect(result.status == 0)
    #expect(written == [name + ".fodt", name + ".xhtml"])
  }
}
