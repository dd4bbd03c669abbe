import Boardpack
import BoardpackXML
import Foundation
import Testing

@Suite struct MergeJobTests {
  let directory = TemporaryDirectory()

  var output: String { directory.path + "/out" }

  func job(_ template: LetterTemplate, _ data: String)
    -> MergeJob
  {
    MergeJob(
      template: template, dataPath: data, outputFolder: output,
      writers: PaperWriters(xhtml: true, fodt: nil),
      showsProgress: false)
  }

  func written(_ name: String) throws -> String {
    try String(contentsOfFile: output + "/" + name, encoding: .utf8)
  }

  var outputExists: Bool { FileManager.default.fileExists(atPath: output) }

  // MARK: The shipped CSP letter

  func cspLetters() throws -> [String: Document] {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    let reader = try CSVReader(path: MergeFixtures.partners)
    let binder = try MergeJob(
      template: template, dataPath: MergeFixtures.partners, outputFolder: output,
      writers: PaperWriters(xhtml: true, fodt: nil)
    )
    .binder(for: reader.header, in: reader.file)
    var rows: [CSVRecord] = []
    try reader.forEachRecord { rows.append($0) }
    var letters: [String: Document] = [:]
    for row in rows {
      #expect(binder.check(row) == nil)
      letters[row.fields[0]] = try binder.letter(for: row)
    }
    return letters
  }

  @Test func cspLetterShowsTheFiguresAndComputedRemaining() throws {
    let leicester = try #require(try cspLetters()["Leicester"])
    #expect(leicester.metadata.title == "Community Safety Partnership funding 2025-26: Leicester")
    #expect(leicester.lines.contains("Allocation | £271,818.47"))
    #expect(leicester.lines.contains("Expenditure to date | £236,492.47"))
    #expect(leicester.lines.contains("Remaining | £35,326.00"))
    #expect(
      leicester.lines.contains {
        $0.hasPrefix("Expenditure to date is £236,492.47, which leaves £35,326.00")
      })
    #expect(
      leicester.lines.contains { $0.hasPrefix("Please make sure that the remaining £35,326.00") })
    #expect(
      leicester.lines.contains(
        "• CCTV Camera 269: Replacing obsolete camera 269 with digital technology."))
    #expect(
      leicester.lines.contains {
        $0.contains("Please return your signed contract by 25th June 2026")
      })
    #expect(leicester.lines.first == "5th June 2026")
    #expect(
      leicester.lines.last
        == "Chief Executive\nOffice of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland"
    )
  }

  /// The CSP letter's Salutation and Signatory columns: a row's own where it has them, the
  /// template's default where the cell is empty or the data has no such column.
  @Test func cspLetterTakesEachRowsSalutationAndSignatory() throws {
    let data = directory.write(
      "partners.csv",
      try String(contentsOfFile: MergeFixtures.partners, encoding: .utf8)
        .split(separator: "\n").prefix(3).enumerated().map { index, line in
          line
            + [
              ",Salutation,Signatory", ",\"Dear Councillor Kaur,\",Police and Crime Commissioner",
              ",,",
            ][index]
        }.joined(separator: "\n") + "\n")
    directory.write(
      "csp-projects-2025-26.csv",
      try String(
        contentsOfFile: MergeFixtures.root + "/Inputs/csp-projects-2025-26.csv", encoding: .utf8
      )
      .split(separator: "\n").filter {
        $0.hasPrefix("Partnership,") || $0.hasPrefix("Leicester,") || $0.hasPrefix("Charnwood,")
      }
      .joined(separator: "\n") + "\n")
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    let report = try job(template, data).run()
    #expect(report.invalidRows == [] && report.letters == 2)
    let leicester = try written("csp-letter-Leicester.xhtml")
    #expect(leicester.contains("<p>Dear Councillor Kaur,</p>"))
    #expect(leicester.contains("Police and Crime Commissioner<br/>Office of the Police"))
    let charnwood = try written("csp-letter-Charnwood.xhtml")
    #expect(charnwood.contains("<p>Dear Chair,</p>"))
    #expect(charnwood.contains("Chief Executive<br/>Office of the Police"))
    // Without the columns (the shipped CSV), every letter has the defaults.
    let letters = try cspLetters()
    #expect(letters.values.allSatisfy { $0.lines.contains("Dear Chair,") })
  }

  @Test func aDefaultIsForAnAbsentColumnNotAMisspeltOne() throws {
    let template = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate + "\n  - \"{{Nme|default:Friend}} / {{Title|default:}}\"\n")
    let data = directory.write("d.csv", "Name,Amount,Spent\nAda,10,0\n")
    #expect(
      throws: BoardpackError(
        "the field \"Nme\" is not a column of \(data) (did you mean the data's column \"Name\"? if the data's header is misspelt, correct it there); its default is for data without the column",
        at: SourceLocation(file: directory.path + "/small.yaml", line: 14, column: 5))
    ) { try job(template, data).run() }
    let computed = try MergeFixtures.small(
      in: directory, MergeFixtures.smallTemplate + "\n  - \"{{Left|default:none}}\"\n")
    #expect(
      throws: BoardpackError(
        "computed column \"Left\" always has a value, so it takes no default",
        at: SourceLocation(file: directory.path + "/small.yaml", line: 14, column: 5))
    ) { try job(computed, data).run() }
    let fine = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate + "\n  - \"({{Title|default:}}) {{Town|default:Leicester}}\"\n")
    #expect(try job(fine, data).run().letters == 1)
    #expect(try written("Ada.xhtml").contains("<p>() Leicester</p>"))
  }

  @Test func cspLetterSaysNilInTheTableAndLeavesOutTheRemainingParagraph() throws {
    let charnwood = try #require(try cspLetters()["Charnwood"])
    #expect(charnwood.lines.contains("Remaining | Nil"))
    #expect(
      charnwood.lines.contains {
        $0 == "Expenditure to date is £89,530.24, the whole of the allocation."
      })
    #expect(!charnwood.lines.contains { $0.hasPrefix("Please make sure that the remaining") })
  }

  @Test func cspLetterHasOtherWordingWhenExpenditureIsNilAndNoProjects() throws {
    let oadby = try #require(try cspLetters()["Oadby and Wigston"])
    #expect(
      oadby.lines.contains {
        $0.hasPrefix("Our records show no expenditure against this allocation")
      })
    #expect(!oadby.lines.contains { $0.hasPrefix("Expenditure to date is") })
    #expect(oadby.lines.contains { $0.hasPrefix("Please make sure that the remaining £32,554.58") })
    #expect(oadby.lines.contains { $0.hasPrefix("We hold no list of agreed projects") })
    #expect(oadby.lines.contains { $0.contains("by 2nd July 2026") })
    #expect(!oadby.lines.contains { $0.hasPrefix("•") })
  }

  @Test func mergesTheNineCSPLettersWithTheExpectedTotal() throws {
    var job = job(
      try LetterTemplate(contentsOf: MergeFixtures.letterTemplate), MergeFixtures.partners)
    job.expectedTotals = [try #require(MergeJob.ExpectedTotal(argument: "Allocation=£639,675.00"))]
    let report = try job.run()
    #expect(report.letters == 9)
    #expect(report.invalidRows.isEmpty)
    #expect(
      FileManager.default.fileExists(atPath: output + "/csp-letter-Hinckley and Bosworth.xhtml"))
    let manifest = try written("manifest.csv").split(separator: "\n")
    #expect(manifest.first == "row,file,key,status,Allocation,Expenditure,Remaining")
    #expect(
      manifest[2] == "2,csp-letter-Charnwood,Charnwood,written,\"£89,530.24\",\"£89,530.24\",£0.00")
  }

  @Test func refusesAManifestColumnNamedLikeOneOfTheManifestsOwn() throws {
    let template = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate.replacingOccurrences(
        of: "manifest: [Amount, Left]", with: "manifest: [Amount, status]"))
    let data = directory.write("data.csv", "Name,Amount,Spent,status\nZoë,£1,Nil,new\n")
    #expect(
      throws: BoardpackError(
        "the manifest column \"status\" has the name of one of the manifest's own columns (row, file, key, status)",
        at: SourceLocation(file: template.path))
    ) { try job(template, data).run() }
    #expect(!outputExists)
  }

  @Test func refusesAWrongExpectedTotalBeforeWriting() throws {
    var job = job(
      try LetterTemplate(contentsOf: MergeFixtures.letterTemplate), MergeFixtures.partners)
    job.expectedTotals = [
      MergeJob.ExpectedTotal(column: "Allocation", amount: Decimal(string: "639674.00")!)
    ]
    #expect(
      throws: BoardpackError(
        "column \"Allocation\" adds up to £639,675.00, not the expected £639,674.00",
        at: SourceLocation(file: MergeFixtures.partners))
    ) { try job.run() }
    #expect(!outputExists)
  }

  // MARK: Bad rows

  @Test func reportsABadAmountAndWritesNothing() throws {
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£10.00,Nil\nŁukasz,abc,£1\n")
    let report = try job(try MergeFixtures.small(in: directory), data).run()
    #expect(report.letters == 0)
    #expect(
      report.invalidRows == [
        BoardpackError(
          "column \"Amount\": \"abc\" is not an amount of money",
          at: SourceLocation(file: data, line: 3))
      ])
    #expect(
      report.invalidRows.first?.description
        == "\(data):3: error: column \"Amount\": \"abc\" is not an amount of money")
    #expect(!outputExists)
  }

  @Test func skipInvalidWritesTheGoodRowsAndListsTheRest() throws {
    let data = directory.write(
      "data.csv", "Name,Amount,Spent\nZoë,£10.00,Nil\nŁukasz,£5,\nAda,£3,£1\n")
    var job = job(try MergeFixtures.small(in: directory), data)
    job.skipInvalid = true
    let report = try job.run()
    #expect(report.letters == 2)
    #expect(
      report.invalidRows == [
        BoardpackError("column \"Spent\" is empty", at: SourceLocation(file: data, line: 3))
      ])
    #expect(try written("Zoë.xhtml").contains("Nothing spent yet."))
    #expect(
      try written("manifest.csv").contains(
        "2,,Łukasz,\"skipped: column \"\"Spent\"\" is empty\",,\n"))
  }

  @Test func aSkippedRowKeepsItsNameSoTheNextLettersKeepTheirs() throws {
    let data = directory.write("data.csv", "Name,Amount,Spent\nAda,£5,\nAda,£3,£1\n")
    var job = job(try MergeFixtures.small(in: directory), data)
    job.skipInvalid = true
    #expect(try job.run().letters == 1)
    #expect(try written("manifest.csv").contains("\n2,Ada-2,Ada,written,"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [
        "Ada-2.xhtml", "manifest.csv",
      ])
  }

  @Test func publishesIntoAFolderThatIsThereFileByFile() throws {
    directory.write("out/notes.txt", "mine")
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£10.00,Nil\nAda,£3,£1\n")
    var job = job(try MergeFixtures.small(in: directory), data)
    job.force = true
    #expect(try job.run().letters == 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [
        "Ada.xhtml", "Zoë.xhtml", "manifest.csv", "notes.txt",
      ])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy {
        !$0.hasPrefix(".")
      })
  }

  /// PDFs are converted in the staging folder and published as letters are: a rerun leaves only
  /// its own PDFs and manifest, and a run with a bad row leaves the folder as it was.
  @Test func aPDFMergeIsPublishedWholeOrNotAtAll() throws {
    let template = try MergeFixtures.small(in: directory)
    var job = job(template, directory.write("three.csv", "Name,Amount,Spent\nZoë,£10,Nil\nAda,£3,£1\nBo,£2,£1\n"))
    job.writers = PaperWriters(xhtml: false, fodt: try ReferenceDocument(contentsOf: MergeFixtures.root + "/Templates/reference.fodt"))
    job.conversion = try PaperConversion(to: .pdf)
    #expect(try job.run().letters == 3)
    job.dataPath = directory.write("two.csv", "Name,Amount,Spent\nZoë,£10,Nil\nAda,£3,£1\n")
    #expect(try job.run().letters == 2)
    let published = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    #expect(published == ["Ada.pdf", "Zoë.pdf", "manifest.csv"])
    #expect(try written("manifest.csv").contains("\n2,Ada,Ada,written,"))
    let pdf = try Data(contentsOf: URL(fileURLWithPath: output + "/Ada.pdf"))
    #expect(pdf.starts(with: Data("%PDF-".utf8)))
    job.dataPath = directory.write("bad.csv", "Name,Amount,Spent\nCy,£1,Nil\nDi,tbc,Nil\n")
    #expect(try job.run().letters == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == published)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy {
        !$0.hasPrefix(".")
      })
  }

  /// With a shared stylesheet each XHTML letter links to `letters.css`, published with them; a
  /// rerun without it removes the file and the letters carry their rules again.
  @Test func lettersMayShareOneStylesheet() throws {
    var job = job(try MergeFixtures.small(in: directory), directory.write("two.csv", "Name,Amount,Spent\nZoë,£10,Nil\nAda,£3,£1\n"))
    job.writers = PaperWriters(xhtml: true, fodt: nil, linkingStylesheet: MergeJob.stylesheetName)
    #expect(try job.run().letters == 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [
        "Ada.xhtml", "Zoë.xhtml", "letters.css", "manifest.csv",
      ])
    let letter = try written("Ada.xhtml")
    #expect(letter.contains("<link rel=\"stylesheet\" href=\"letters.css\"/>"))
    #expect(!letter.contains("<style>"))
    #expect(try written("letters.css").contains("@media print {"))
    _ = try XMLDocument(parsing: Data(letter.utf8), name: "Ada.xhtml")
    job.writers = PaperWriters(xhtml: true, fodt: nil)
    #expect(try job.run().letters == 2)
    #expect(!FileManager.default.fileExists(atPath: output + "/letters.css"))
    #expect(try written("Ada.xhtml").contains("<style>"))
  }

  @Test func checksValuesInBranchesThatAreNotTaken() throws {
    // Spent is "Nil", so "Spent: {{Spent|money}}" is never shown, but a bad date elsewhere still counts.
    let template = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate + "\n  - if: Amount > 1000\n    then: [\"Due {{Due|date}}\"]\n")
    let data = directory.write("data.csv", "Name,Amount,Spent,Due\nZoë,£10,Nil,31/02/2026\n")
    let report = try job(template, data).run()
    #expect(
      report.invalidRows == [
        BoardpackError(
          "column \"Due\": \"31/02/2026\" is not a date (February 2026 has 28 days); write 2026-06-25, 25/06/2026 or 25 June 2026",
          at: SourceLocation(file: data, line: 2))
      ])
  }

  @Test func formatsNumbersCaseAndComparesColumns() throws {
    let template = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate + """

          - "{{Name|lower}} / {{Name|upper}}: {{Count|number}} visits by {{Due|date}}"
          - if: Spent >= Amount
            then: [Fully spent.]
            else: [Not fully spent.]
        """)
    let data = directory.write(
      "data.csv",
      "Name,Amount,Spent,Count,Due\nZoë Ł,£10,£10.00,1234567,25/06/2026\nAda,£10,£4,12.5,2026-07-01\n"
    )
    #expect(try job(template, data).run().letters == 2)
    let zoe = try written("Zoë Ł.xhtml")
    #expect(zoe.contains("zoë ł / ZOË Ł: 1,234,567 visits by 25th June 2026"))
    #expect(zoe.contains("Fully spent."))
    #expect(zoe.contains("You have £10.00; £0.00 is left."))
    let ada = try written("Ada.xhtml")
    #expect(ada.contains("12.5 visits by 1st July 2026"))
    #expect(ada.contains("Not fully spent."))
  }

  @Test func refusesACSVThatTypesAComputedColumn() throws {
    let template = try MergeFixtures.small(in: directory)
    let data = directory.write("data.csv", "Name,Amount,Spent,Left\nZoë,£1,Nil,£1\n")
    #expect(
      throws: BoardpackError(
        "column \"Left\" is computed by the template, so \(data) must not have it",
        at: SourceLocation(file: template.path, line: 7, column: 3))
    ) { try job(template, data).run() }
  }

  // MARK: Bad files

  @Test func refusesAnEmptyCSV() throws {
    let data = directory.write("data.csv", "")
    #expect(throws: BoardpackError.self) {
      try job(try MergeFixtures.small(in: directory), data).run()
    }
    #expect(!outputExists)
  }

  @Test func refusesAHeaderOnlyCSV() throws {
    let data = directory.write("data.csv", "Name,Amount,Spent\n")
    #expect(
      throws: BoardpackError(
        "the CSV file has a header but no rows; there is nothing to merge",
        at: SourceLocation(file: data, line: 2))
    ) { try job(try MergeFixtures.small(in: directory), data).run() }
  }

  @Test func refusesRaggedRows() throws {
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£1,Nil\nAda,£2\n")
    #expect(
      throws: BoardpackError(
        "line 3 has 2 values, but the header has 3: a row needs a value for every column; write an empty value as nothing between two commas",
        at: SourceLocation(file: data, line: 3))
    ) { try job(try MergeFixtures.small(in: directory), data).run() }
    #expect(!outputExists)
  }

  @Test func refusesDuplicateColumnNames() throws {
    let data = directory.write("data.csv", "Name,Amount,Name,Spent\nZoë,£1,Zoë,Nil\n")
    #expect(
      throws: BoardpackError(
        "column \"Name\" appears more than once in the header",
        at: SourceLocation(file: data, line: 1))
    ) { try job(try MergeFixtures.small(in: directory), data).run() }
  }

  @Test func readsBOMCRLFAndQuotedNewlines() throws {
    let data = directory.write(
      "data.csv",
      Data([0xEF, 0xBB, 0xBF])
        + Data("Name,Amount,Spent\r\n\"Zoë\r\nLine\",\"£1,234.50\",£34.50\r\n".utf8))
    let report = try job(try MergeFixtures.small(in: directory), data).run()
    #expect(report.letters == 1)
    let letter = try written("Zoë Line.xhtml")
    #expect(letter.contains("You have £1,234.50; £1,200.00 is left."))
    #expect(letter.contains("Dear Zoë&#13;\nLine,"))
  }

  @Test func escapesMarkupCharactersInValues() throws {
    let nasty = "A&B <b>\"Q\"</b> 'x' ]]> **not bold**"
    let data = directory.write(
      "data.csv",
      "Name,Amount,Spent\n\"\(nasty.replacingOccurrences(of: "\"", with: "\"\""))\",£1,Nil\n")
    let report = try job(try MergeFixtures.small(in: directory), data).run()
    #expect(report.letters == 1)
    let files = try FileManager.default.contentsOfDirectory(atPath: output).filter {
      $0.hasSuffix(".xhtml")
    }
    let bytes = try #require(FileManager.default.contents(atPath: output + "/" + files[0]))
    _ = try XMLDocument(parsing: bytes, name: files[0])
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("Dear A&amp;B &lt;b&gt;"))
    #expect(!text.contains("<b>"))
    #expect(text.contains("**not bold**"))
    #expect(!files[0].contains("/") && !files[0].contains("<"))
  }

  @Test func namesAFieldMissingFromTheCSVWithTheTemplateLine() throws {
    let template = try MergeFixtures.small(in: directory)
    let data = directory.write("data.csv", "Name,Amount\nZoë,£1\n")
    #expect(
      throws: BoardpackError(
        "the field \"Spent\" is not a column of \(data) nor a computed column; its columns are: Name, Amount",
        at: SourceLocation(file: template.path, line: 7, column: 3))
    ) { try job(template, data).run() }
    #expect(!outputExists)
  }

  // MARK: Joins and large batches

  @Test func repeatsBlocksPerJoinedRowFromACommandLineJoin() throws {
    let template = try MergeFixtures.small(
      in: directory,
      MergeFixtures.smallTemplate
        + "\n  - each: items\n    blocks: [\"Item {{Item}} for {{Name}}\"]\n    else: [No items.]\n"
    )
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£1,Nil\nAda,£2,£1\n")
    let items = directory.write("elsewhere/items.csv", "Who,Item\nZoë,one\nZoë,two\n")
    var job = job(template, data)
    job.joinOverrides = [
      "items": Join(file: items, key: "Name", location: SourceLocation(file: "--join"))
    ]
    #expect(throws: BoardpackError.self) { try job.run() }  // the key column must be in both files
    directory.write("elsewhere/items.csv", "Name,Item\nZoë,one\nZoë,two\n")
    #expect(try job.run().letters == 2)
    #expect(try written("Zoë.xhtml").contains("Item one for Zoë</p>"))
    #expect(try written("Zoë.xhtml").contains("Item two for Zoë</p>"))
    #expect(try written("Ada.xhtml").contains("No items."))
  }

  @Test func refusesAnUndeclaredJoin() throws {
    let template = try MergeFixtures.small(
      in: directory, MergeFixtures.smallTemplate + "\n  - bullets: [{each: items, item: x}]\n")
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£1,Nil\n")
    #expect(
      throws: BoardpackError(
        "there is no join named \"items\"; declare it under \"joins:\" in the template or with --join",
        at: SourceLocation(file: template.path, line: 14, column: 22))
    ) { try job(template, data).run() }
  }

  @Test func streamsManyRowsInOrderWithUniqueNames() throws {
    var csv = "Name,Amount,Spent\n"
    for row in 1...700 { csv += "Area \(row % 350),£\(row),Nil\n" }
    let data = directory.write("data.csv", csv)
    let report = try job(try MergeFixtures.small(in: directory), data).run()
    #expect(report.letters == 700)
    let manifest = try written("manifest.csv").split(separator: "\n")
    #expect(manifest.count == 701)
    #expect(manifest[1].hasPrefix("1,Area 1,Area 1,written,£1,"))
    #expect(manifest[351].hasPrefix("351,Area 1-2,Area 1,written,£351,"))
    #expect(try written("Area 1-2.xhtml").contains("You have £351.00"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: output).count == 701)
  }

  // MARK: File names

  @Test(arguments: ["../x-{Name}", "/etc/x-{Name}", "{Name}/../../x", "..{Name}"])
  func refusesANamePatternThatEscapesTheOutputFolder(pattern: String) throws {
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£1,Nil\n")
    var job = job(try MergeFixtures.small(in: directory), data)
    job.namePattern = pattern
    #expect(throws: BoardpackError.self) { try job.run() }
    #expect(!outputExists)
  }

  @Test func makesSafeUniqueStableNames() throws {
    var namer = try FileNamer(pattern: "{Name}", header: ["Name"], reserved: ["manifest"])
    let names = try ["a/b", "A-b", "a/b", "Manifest", "x\u{7}y", " Zoë\n Ł "].enumerated().map {
      index, value in
      try namer.name(
        for: CSVRecord(fields: [value], line: index + 2, row: index + 1),
        in: RecordFile(path: "d.csv"))
    }
    #expect(names == ["a-b", "A-b-2", "a-b-3", "Manifest-2", "x-y", "Zoë Ł"])
  }

  @Test func aClashTakesTheFirstFreeSuffixAfterTheLastGivenToItsName() throws {
    var namer = try FileNamer(pattern: "{Name}", header: ["Name"])
    let names = try ["Blaby", "Blaby", "Blaby-3", "blaby", "Blaby-2", "Blaby", "Melton"]
      .enumerated()
      .map { index, value in
        try namer.name(
          for: CSVRecord(fields: [value], line: index + 2, row: index + 1),
          in: RecordFile(path: "d.csv"))
      }
    #expect(names == ["Blaby", "Blaby-2", "Blaby-3", "blaby-4", "Blaby-2-2", "Blaby-5", "Melton"])
  }

  @Test func refusesAnEmptyName() throws {
    var namer = try FileNamer(pattern: "{Name}", header: ["Name"])
    #expect(
      throws: BoardpackError(
        "the file name from \"{Name}\" is empty", at: SourceLocation(file: "d.csv", line: 2))
    ) {
      try namer.name(
        for: CSVRecord(fields: [" .. "], line: 2, row: 1), in: RecordFile(path: "d.csv"))
    }
  }

  // MARK: Combined

  @Test func combinedPutsEachLetterOnANewPageWithNoTrailingBreak() throws {
    let data = directory.write("data.csv", "Name,Amount,Spent\nZoë,£1,Nil\nAda,£2,£1\nBo,£3,£3\n")
    var job = job(try MergeFixtures.small(in: directory), data)
    job.combined = true
    let report = try job.run()
    #expect(report.letters == 3)
    // Each letter is an article of its own with its title as its heading; no page-break rules.
    let text = try written("letters.xhtml")
    #expect(text.components(separatedBy: "<article class=\"bp-merged-letter\">").count - 1 == 3)
    #expect(text.contains("<article class=\"bp-merged-letter\">\n<h1>Letter to Bo</h1>"))
    #expect(!text.contains("bp-page-break\""))
    // The manifest names the file each letter is in: the one combined document.
    let manifest = try written("manifest.csv").split(separator: "\n")
    #expect(manifest[1].hasPrefix("1,letters.xhtml,Zoë,written,"))
    #expect(manifest[3].hasPrefix("3,letters.xhtml,Bo,written,"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [
        "letters.xhtml", "manifest.csv",
      ])
  }
}
