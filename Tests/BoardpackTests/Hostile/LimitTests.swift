import Boardpack
import Foundation
import Testing

/// Inputs that ask for unbounded work are refused quickly, with an error that names the limit and
/// the environment variable that raises it, and nothing is written (issue 15).
@Suite struct LimitTests {
  let directory = TemporaryDirectory()

  var out: String { directory.path + "/out" }

  /// The files in the output folder, none when it is not there.
  var written: [String] { (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] }

  /// Runs `boardpack` and how long it took.
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
    result: BoardpackCLI.Result, seconds: Double
  ) {
    let started = Date()
    let result = try BoardpackCLI.run(arguments, environment: environment)
    return (result, Date().timeIntervalSince(started))
  }

  /// A sparse file of `size` bytes.
  func sparse(_ name: String, size: Int) -> String {
    let path = directory.write(name, "")
    #expect(truncate(path, off_t(size)) == 0)
    return path
  }

  @Test func aTwoGigabyteFileIsRefusedBeforeItIsRead() throws {
    let paper = sparse("huge.xhtml", size: 2 << 30)
    let (validate, seconds) = try run(["validate", paper])
    #expect(validate.status == 2)
    #expect(
      validate.output.hasPrefix(
        "\(paper): error: the file is 2 GB, larger than the limit of 256 MB for an input; "
          + "set BOARDPACK_MAX_INPUT_SIZE to raise it (e.g. BOARDPACK_MAX_INPUT_SIZE=1G)\n"))
    #expect(seconds < 30)
    let input = sparse("huge.yaml", size: 2 << 30)
    let (generate, _) = try run(["generate", input, "--out", out])
    #expect(generate.status == 1)
    #expect(generate.errors.hasPrefix("\(input): error: the file is 2 GB, larger than the limit"))
    #expect(written.isEmpty)
    let data = sparse("huge.csv", size: 300 << 20)
    let (merge, _) = try run([
      "merge", "--template", "Templates/csp-partner-letter.yaml", "--data", data, "--out", out,
    ])
    #expect(merge.status == 1)
    #expect(merge.errors.hasPrefix("\(data): error: the CSV file is 300 MB, larger than the limit"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func theSizeLimitCanBeLowered() throws {
    let (result, _) = try run(
      ["validate", "Tests/BoardpackTests/Fixtures/reading/lists.xhtml"],
      environment: ["BOARDPACK_MAX_INPUT_SIZE": "100"])
    #expect(result.status == 2)
    #expect(
      result.output.hasPrefix(
        "Tests/BoardpackTests/Fixtures/reading/lists.xhtml: error: the file is 563 bytes, larger than "
          + "the limit of 100 bytes for an input; set BOARDPACK_MAX_INPUT_SIZE to raise it (e.g. BOARDPACK_MAX_INPUT_SIZE=1G)\n"))
  }

  @Test func aPaperOver2GiBIsRefusedWithAReason() throws {
    let paper = sparse("over.xhtml", size: (2 << 30) + 4096)
    let (result, _) = try run(["validate", paper], environment: ["BOARDPACK_MAX_INPUT_SIZE": "3G"])
    #expect(result.status == 2)
    #expect(
      result.output.hasPrefix(
        "\(paper): error: the file is 2.0 GB; papers are read by libxml2, which reads at most 2 GB\n"))
  }

  /// Nested anchors: 1.5 KB that Yams would expand to a million list items.
  static let billionLaughs: String = {
    var lines = ["template: pcc-update-report", "metadata: {title: T}", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...6 {
      lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test func anchorsAndAliasesAreRefusedBeforeComposing() throws {
    let input = directory.write("bomb.yaml", Self.billionLaughs)
    let (result, seconds) = try run(["generate", input, "--out", out])
    #expect(result.status == 1)
    #expect(
      result.errors == """
        \(input):3:5: error: an anchor (&name): Boardpack's YAML files do not use anchors or aliases; write the value out in full, or put text that starts with & in quotes
        a0: &a0 [x, x, x, x, x, x, x, x, x, x]
            ^

        """)
    #expect(seconds < 30)
    #expect(written.isEmpty)
  }

  /// `*` and `&` inside values are text, wherever a value wraps: only where a value starts are
  /// they an alias or anchor.
  @Test func starsAndAmpersandsInsideValuesAreText() throws {
    let template = try LetterTemplate(
      yaml: """
        id: stars
        title: "Letter & {{Name}} *one*"
        key: Name
        blocks:
          - A paragraph that wraps
            *onto* a line that starts with emphasis
            &and one that starts with an ampersand.
          - text: >
              *folded* text
              &more
          - text: |
              *literal*
          - "*quoted* & more"
          - '*single* ''quoted'''
          - bullets: ["*a*", 'b & c', d *e* &f]
          - heading: Mixed
            level: 2
          - if: Name is not nil   # a comment with *stars* and &ampersands
            then:
              - Then **bold**
                *continues*
        closing: "&Co"
        """, path: "stars.yaml")
    #expect(template.blocks.count == 8)
    let input = """
      template: x
      metadata:
        title: "T"
      slots:
        summary:
          - The PCC believes
            **strongly** that
            *this* works.
          - bullets: [a *b*, "*c*", x *y*]
          - {p: x *y*}
      """
    _ = try PaperInput(yaml: input, path: "input.yaml")
  }

  @Test func anAliasBombAsAMappingKeyIsRefusedAtOnce() throws {
    var lines = ["a0: &a0 {x: 1, y: 2}"]
    for level in 1...30 { lines.append("? &a\(level) [*a\(level - 1), *a\(level - 1)]\n: v") }
    let input = directory.write("keys.yaml", lines.joined(separator: "\n"))
    let (result, seconds) = try run(["validate", input])
    #expect(result.status == 2)
    #expect(result.output.hasPrefix("\(input):1:5: error: an anchor (&name)"))
    #expect(seconds < 30)
  }

  @Test func aLetterTemplateOfAliasedBlocksIsRefused() throws {
    let template = directory.write(
      "letter.yaml",
      """
      id: bomb
      title: "Letter to {{Partnership}}"
      key: Partnership
      blocks:
        - if: Allocation > 0
          then: &b1 [one, two, three, four, five, six, seven, eight]
        - if: Allocation > 0
          then: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]
      """)
    let (result, _) = try run([
      "merge", "--template", template, "--data", "Inputs/csp-partners-2026-27.csv", "--out", out,
    ])
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("\(template):6:11: error: an anchor (&name)"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func aLetterOverItsBlockLimitStopsTheMerge() throws {
    let (result, _) = try run(
      [
        "merge", "--template", "Templates/csp-partner-letter.yaml", "--data",
        "Inputs/csp-partners-2026-27.csv", "--out", out,
      ], environment: ["BOARDPACK_MAX_LETTER_BLOCKS": "5"])
    #expect(result.status == 1)
    #expect(
      result.errors.hasPrefix(
        "Inputs/csp-partners-2026-27.csv:2: error: the letter for this row would hold more than 5 blocks, "
          + "list items and table rows, the limit; set BOARDPACK_MAX_LETTER_BLOCKS to raise it"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func deepNestingIsRefused() throws {
    let flow = directory.write(
      "flow.yaml", "template: x\nmetadata: " + String(repeating: "[", count: 100_000) + "\n")
    let (result, seconds) = try run(["validate", flow])
    #expect(result.status == 2)
    #expect(
      result.output.hasPrefix(
        "\(flow):2: error: the YAML nests more than 64 levels deep, the limit; set BOARDPACK_MAX_DEPTH to raise it"))
    #expect(seconds < 30)
    var block = "template: x\nmetadata:\n"
    for level in 1...80 { block += String(repeating: " ", count: level) + "- k\(level):\n" }
    let indented = directory.write("block.yaml", block)
    let (nested, _) = try run(["validate", indented])
    #expect(nested.status == 2)
    #expect(nested.output.contains("error: the YAML nests more than 64 levels deep"))
  }

  @Test func tooManyValuesAreRefused() throws {
    let input = directory.write(
      "many.yaml", "template: x\nmetadata: [" + String(repeating: "1,", count: 2_000) + "]\n")
    let (result, _) = try run(["validate", input], environment: ["BOARDPACK_MAX_YAML_NODES": "1000"])
    #expect(result.status == 2)
    #expect(
      result.output.hasPrefix(
        "\(input):2:1: error: the file holds more than 1000 YAML values, the limit; set BOARDPACK_MAX_YAML_NODES to raise it"))
  }

  @Test func anElementOf200000AttributesIsRefusedQuickly() throws {
    var xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head><body>\n<p"
    for index in 0..<200_000 { xhtml += " a\(index)=\"\(index)\"" }
    xhtml += ">x</p></body></html>\n"
    let paper = directory.write("attributes.xhtml", xhtml)
    let (result, seconds) = try run(["validate", paper])
    #expect(result.status == 2)
    #expect(
      result.output.split(separator: "\n").first
        == "\(paper):2: error: an element has more than 1000 attributes, the limit; set BOARDPACK_MAX_ATTRIBUTES to raise it")
    #expect(seconds < 30)
  }

  @Test func aFIFOIsNotARegularFile() throws {
    let fifo = directory.path + "/paper.xhtml"
    #expect(mkfifo(fifo, 0o644) == 0)
    let (result, seconds) = try run(["validate", fifo])
    #expect(result.status == 2)
    #expect(
      result.output.hasPrefix(
        "\(fifo): error: cannot read the file: it is a FIFO (named pipe), not a regular file\n"))
    #expect(seconds < 30)
    let (folder, _) = try run(["validate", directory.path + "/"])
    #expect(folder.status == 2)
  }

  @Test func anUnreadableFileSaysPermissionDenied() throws {
    let paper = directory.write("secret.xhtml", "<html/>")
    #expect(chmod(paper, 0) == 0)
    // Root reads any file, so the check runs as nobody when the tests run as root.
    let result = try BoardpackCLI.run(["validate", paper], asUser: geteuid() == 0 ? 65534 : nil)
    #expect(result.status == 2)
    #expect(result.output.hasPrefix("\(paper): error: cannot read the file: permission denied\n"))
  }
}
