import Boardpack
import Foundation
import Testing

/// `boardpack new` for every report type, then `generate` and `validate` on what it wrote, as an
/// author starting a paper would; and `boardpack templates`, which names them.
@Suite struct StarterTests {
  static let reportTypes: [String] = {
    let library = TemplateLibrary(
      directory: Snapshot.packageRoot.appendingPathComponent("Templates").path)
    return (try? library.ids()) ?? []
  }()

  @Test func thereAreReportTypes() {
    #expect(Self.reportTypes.count >= 8)
  }

  /// A starter generates as it stands, and the checks find nothing but the text it leaves to be
  /// written, which `--strict` will not let out.
  @Test(arguments: reportTypes)
  func aStarterGeneratesAndTheChecksFindOnlyWhatIsLeftToWrite(_ template: String) throws {
    let folder = TemporaryDirectory()
    let input = folder.path + "/\(template).yaml"
    let new = try BoardpackCLI.run(["new", template, "--out", input])
    #expect(new.status == 0, "\(new.errors)")
    #expect(new.output.hasPrefix("wrote \(input)\n"))
    let generate = try BoardpackCLI.run(["generate", input, "--out", folder.path + "/Output"])
    #expect(generate.status == 0, "\(generate.errors)")
    let findings = generate.errors.split(separator: "\n").dropLast()
    #expect(!findings.isEmpty)
    #expect(findings.allSatisfy { $0.contains(": warning: [placeholder] ") }, "\(generate.errors)")
    // The details the starter leaves to be written, not only its paragraphs.
    #expect(
      findings.contains { $0.contains("[placeholder] the author's name is left to be written") },
      "\(generate.errors)")
    let papers = ["xhtml", "fodt"].map { folder.path + "/Output/\(template).\($0)" }
    let validate = try BoardpackCLI.run(["validate"] + papers)
    #expect(validate.status == 0)
    let lines = validate.output.split(separator: "\n")
    #expect(lines.last?.hasPrefix("0 errors, \(lines.count - 1) warning") == true)
    #expect(
      lines.dropLast().allSatisfy { $0.contains(": warning: [placeholder] ") }, "\(validate.output)")
    #expect(try BoardpackCLI.run(["validate", "--strict"] + papers).status == 1)
  }

  @Test func aStarterShowsTheSlotsHelpAndTheSkeletonsHeadingsAndWritesItsTable() throws {
    let folder = TemporaryDirectory()
    let result = try BoardpackCLI.run(["new", "s106-update", "--out", folder.path + "/s106.yaml"])
    #expect(
      result.output == "wrote \(folder.path)/s106.yaml\nwrote \(folder.path)/s106-table.csv\n")
    let yaml = try String(contentsOfFile: folder.path + "/s106.yaml", encoding: .utf8)
    #expect(yaml.contains("#   boardpack generate \(folder.path)/s106.yaml\n"))
    #expect(yaml.contains("# Replace each \"To be written\" and the example table;"))
    #expect(
      yaml.contains(
        """
          # local-authorities (blocks, required): Spent and remaining by local authority (table, Total
          # remaining computed, Total row), approach to each authority
          # Printed before it by the skeleton, not to be added: "Local Authority Updates"
          local-authorities:
            - "To be written."
            - table: s106-table.csv    # a CSV beside this file; its first row names the columns
        """))
    #expect(
      yaml.contains(
        """
          # other (blocks, optional): Other updates, e.g. consultation responses
          # Printed before it by the skeleton, not to be added: "Other Updates"
          # other:
          #   - "To be written."
        """))
    #expect(yaml.contains("  officer: \"Kira Knott, Chief Finance Officer\"\n"))
    #expect(FileManager.default.fileExists(atPath: folder.path + "/s106-table.csv"))
  }

  @Test func aStarterNeverOverwritesAFile() throws {
    let folder = TemporaryDirectory()
    let existing = folder.write("mine.yaml", "my own work\n")
    let result = try BoardpackCLI.run(["new", "lcjb-update", "--out", existing])
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(existing): error: already exists; give another file with --out, or move it away first\n"
    )
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "my own work\n")
  }

  @Test func templatesListsTheLetterTemplatesWithTheirFields() throws {
    let result = try BoardpackCLI.run(["templates"])
    #expect(result.status == 0)
    #expect(
      result.output.hasSuffix(
        """
        Letter templates (boardpack merge --template TEMPLATE --data CSV|XLSX|ODS):

        csp-partner-letter
          fields: Partnership, Contact, Salutation (optional, default "Dear Chair,"), Allocation (money), Expenditure (money), Remaining (money, computed: Allocation - Expenditure), Overspend (money, computed: Expenditure - Allocation), Return By (date), Signatory (optional, default "Chief Executive")
          each projects row (csp-projects-2025-26.csv, joined on Partnership): Project, Summary


        """))
  }
}
