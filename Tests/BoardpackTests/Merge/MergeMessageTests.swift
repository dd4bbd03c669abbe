import Boardpack
import Foundation
import Testing

/// The merge's errors and summary as office staff read them (issue 12): each says what is wrong
/// where, and what to do about it.
@Suite struct MergeMessageTests {
  let directory = TemporaryDirectory()
  var out: String { directory.path + "/out" }
  static let partners = try! String(contentsOfFile: MergeFixtures.partners, encoding: .utf8)
  static let projects = try! String(
    contentsOfFile: MergeFixtures.root + "/Inputs/csp-projects-2025-26.csv", encoding: .utf8)

  /// The CSP merge of `partners` with `projects` beside it (none when nil), by the shipped template
  /// or `template`.
  func merge(
    partners: String = partners, projects: String? = projects, template: String? = nil,
    _ extra: [String] = []
  ) throws -> (data: String, result: BoardpackCLI.Result) {
    let data = directory.write("data/partners.csv", partners)
    if let projects { directory.write("data/csp-projects-2025-26.csv", projects) }
    let templatePath =
      template.map { directory.write("letter.yaml", $0) } ?? "Templates/csp-partner-letter.yaml"
    let result = try BoardpackCLI.run(
      ["merge", "--template", templatePath, "--data", data, "--out", out] + extra)
    return (data, result)
  }

  @Test func aMisspeltHeaderIsSuggestedAtTheTemplatesFirstUse() throws {
    let (data, result) = try merge(
      partners: Self.partners.replacingOccurrences(
        of: "Contact,Allocation,", with: "Contact,Alocation,"))
    #expect(result.status == 1)
    #expect(
      result.errors
        == "Templates/csp-partner-letter.yaml:16:3: error: the field \"Allocation\" is not a column of \(data) nor a computed column (did you mean the data's column \"Alocation\"? if the data's header is misspelt, correct it there); its columns are: Partnership, Contact, Alocation, Expenditure, Return By\n"
    )
  }

  /// A misspelt column in `--name` or `--expect-total` is suggested, as a template's field is.
  @Test func aMisspeltColumnOfAnOptionIsSuggested() throws {
    let named = try merge(["--name", "{Partnership}-{Alocation}"]).result
    #expect(named.status == 1)
    #expect(
      named.errors
        == "--name: error: the name pattern \"{Partnership}-{Alocation}\" uses \"{Alocation}\", which is not a column (did you mean \"Allocation\"?); its columns are: Partnership, Contact, Allocation, Expenditure, Return By\n"
    )
    let (data, totalled) = try merge(["--expect-total", "Alocation=£1.00"])
    #expect(totalled.status == 1)
    #expect(
      totalled.errors.hasPrefix(
        "\(data): error: --expect-total names \"Alocation\", which is not a column (did you mean \"Allocation\"?); its columns are: Partnership, Contact, Allocation, Expenditure, Return By, "
      ), "\(totalled.errors)")
  }

  /// A partnership that has spent more than its allocation is told so, in words, not that the
  /// allocation "leaves -£16,697.89".
  @Test func anOverspendIsWordedAsOne() throws {
    let (_, result) = try merge(
      partners: Self.partners.replacingOccurrences(
        of: "\"£89,530.24\",\"£89,530.24\"", with: "\"£89,530.24\",\"£106,228.13\""),
      ["--format", "xhtml"])
    #expect(result.status == 0)
    let letter = try String(contentsOfFile: out + "/csp-letter-Charnwood.xhtml", encoding: .utf8)
    #expect(
      letter.contains(
        "Expenditure to date is £106,228.13, which is £16,697.89 more than the allocation."))
    #expect(!letter.contains("leaves"))
  }

  /// `--date` dates the letters instead of the template's date:, and the letters' deadlines are
  /// checked against it; a date that is not a day says how to write one.
  @Test func theLettersDateIsGivenOnTheCommandLine() throws {
    let (_, dated) = try merge(["--format", "xhtml", "--date", "2026-06-10"])
    #expect(dated.status == 0, "\(dated.errors)")
    let letter = try String(contentsOfFile: out + "/csp-letter-Blaby.xhtml", encoding: .utf8)
    #expect(letter.contains(">10th June 2026<") && !letter.contains(">5th June 2026<"))
    let (_, late) = try merge(["--format", "xhtml", "--date", "2026-07-01"])
    #expect(late.status == 1)
    #expect(late.errors.contains("a deadline before the letter's date (1st July 2026): \"25th June 2026\""))
    let (_, bad) = try merge(["--date", "2026-06"])
    #expect(bad.errors == "--date: error: --date \"2026-06\" is not a day: write it as 2026-06-05, or today\n")
  }

  /// A file saved in the wrong character set, whose "£" reads as "Â£", is said to be one.
  @Test func aPoundSignReadInTheWrongCharacterSetIsExplained() throws {
    let (data, result) = try merge(partners: Self.partners.replacingOccurrences(of: "£", with: "Â£"))
    #expect(result.status == 1)
    #expect(
      result.errors.hasPrefix(
        "\(data):2: error: column \"Allocation\": \"Â£271,818.47\" is not an amount of money; its £ reads as \"Â£\", so the file was saved in another character set: save it again as CSV with the character set Unicode (UTF-8)\n"
      ), "\(result.errors)")
  }

  /// A merge that replaces an earlier one's letters says how many of its files it removed: here
  /// the `.fodt` letters of a merge in both formats, rerun as XHTML only.
  @Test func theFilesOfAnEarlierMergeThatGoAreCounted() throws {
    let (_, both) = try merge()
    #expect(!both.output.contains("removed"))
    let (_, xhtml) = try merge(["--format", "xhtml"])
    #expect(
      xhtml.output.hasPrefix(
        "9 letter(s) written to \(out); 9 file(s) of the previous merge removed (letters or formats this one does not write);"
      ), "\(xhtml.output)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".fodt") } == [])
  }

  @Test func aMisspeltFieldIsSuggested() throws {
    let template = try String(contentsOfFile: MergeFixtures.letterTemplate, encoding: .utf8)
      .replacingOccurrences(of: "{{Return By|date}}", with: "{{Retrun By|date}}")
    let (data, result) = try merge(template: template)
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(directory.path)/letter.yaml:68:5: error: the field \"Retrun By\" is not a column of \(data) nor a computed column (did you mean the data's column \"Return By\"? if the data's header is misspelt, correct it there); its columns are: Partnership, Contact, Allocation, Expenditure, Return By\n"
    )
  }

  @Test func aMisspeltFieldOfAJoinIsSuggestedFromTheJoinedFile() throws {
    let template = try String(contentsOfFile: MergeFixtures.letterTemplate, encoding: .utf8)
      .replacingOccurrences(of: "{{Project}}**", with: "{{Projcet}}**")
    let (data, result) = try merge(template: template)
    let projects = directory.path + "/data/csp-projects-2025-26.csv"
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(directory.path)/letter.yaml:63:19: error: the field \"Projcet\" is not a column of \(data) or \(projects) nor a computed column (did you mean the \"projects\" join's column \"Project\"? if \(projects)'s header is misspelt, correct it there); its columns are: Partnership, Contact, Allocation, Expenditure, Return By; \(projects)'s: Partnership, Project, Summary\n"
    )
  }

  @Test func aMissingJoinedFileNamesTheJoinAndTheWayOut() throws {
    let (_, result) = try merge(projects: nil)
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(directory.path)/data/csp-projects-2025-26.csv: error: the template's join \"projects\" reads csp-projects-2025-26.csv beside the data, and there is none: copy it there, or give --join projects=FILE:Partnership\n"
    )
  }

  @Test func anImpossibleDateSaysWhy() throws {
    let (data, result) = try merge(
      partners: Self.partners.replacingOccurrences(
        of: "\"£236,492.47\",2026-06-25", with: "\"£236,492.47\",31/06/2026"))
    #expect(result.status == 1)
    #expect(
      result.errors
        == "\(data):2: error: column \"Return By\": \"31/06/2026\" is not a date (June has 30 days); write 2026-06-25, 25/06/2026 or 25 June 2026\n"
        + "nothing written: 1 bad row(s); fix them or use --skip-invalid\n")
  }

  @Test func rowsWithNoJoinedRowsAreNamedFiveAtMost() throws {
    let leicester = Self.projects.split(separator: "\n").filter {
      $0.hasPrefix("Partnership,") || $0.hasPrefix("Leicester,")
    }
    let (_, result) = try merge(
      projects: leicester.joined(separator: "\n") + "\n", ["--format", "xhtml"])
    #expect(result.status == 0, "\(result.errors)")
    #expect(
      result.output
        == "9 letter(s) written to \(out); 8 rows with no \"projects\" rows: \"Charnwood\", \"SNWLP\", \"Blaby\", \"Hinckley and Bosworth\", \"Harborough\" and 3 more\n"
    )
  }
}
