import Foundation

/// One mail merge: a letter template bound to every row of a CSV file, written as one letter per
/// row (or one combined document) plus a manifest.
///
/// Everything is checked before anything is written: the template's fields against the header,
/// every row's values, the file names and the expected totals. Rows are streamed twice (check,
/// then write), so memory does not grow with the number of letters; only the file names and the
/// manifest do, a few bytes a row.
public struct MergeJob: Sendable {
  public var template: LetterTemplate
  public var dataPath: String
  public var outputFolder: String
  /// The formats to write, each letter (or the combined document) as `NAME.xhtml` and/or `NAME.fodt`.
  public var writers: PaperWriters
  /// Write one document holding every letter, each on a new page, in each format, instead of one file per letter.
  public var combined: Bool
  /// The `--name` pattern; by default the template's `file-name`, then "{KEY}".
  public var namePattern: String?
  /// Write the good rows when some are bad, instead of nothing.
  public var skipInvalid: Bool
  public var expectedTotals: [ExpectedTotal]
  /// Joins given on the command line (paths as given), replacing the template's of the same name.
  public var joinOverrides: [String: Join]
  public var showsProgress: Bool

  public init(
    template: LetterTemplate, dataPath: String, outputFolder: String, writers: PaperWriters,
    combined: Bool = false,
    namePattern: String? = nil, skipInvalid: Bool = false, expectedTotals: [ExpectedTotal] = [],
    joinOverrides: [String: Join] = [:], showsProgress: Bool = ProgressBar.isWanted
  ) {
    self.template = template
    self.dataPath = dataPath
    self.outputFolder = outputFolder
    self.writers = writers
    self.combined = combined
    self.namePattern = namePattern
    self.skipInvalid = skipInvalid
    self.expectedTotals = expectedTotals
    self.joinOverrides = joinOverrides
    self.showsProgress = showsProgress
  }

  /// `--expect-total Allocation=£639,674.00`: the column's sum over the rows merged must be this amount.
  public struct ExpectedTotal: Sendable, Equatable {
    public var column: String
    public var amount: Decimal

    public init(column: String, amount: Decimal) {
      self.column = column
      self.amount = amount
    }

    /// Parses `COLUMN=AMOUNT`.
    public init?(argument: String) {
      guard let equals = argument.lastIndex(of: "="),
        let amount = FigureParser.parse(
          String(argument[argument.index(after: equals)...]), as: .money)?.number
      else { return nil }
      self.init(column: argument[..<equals].trimmingCharacters(in: .whitespaces), amount: amount)
    }
  }

  /// The file name, without extension, of the combined document and of the manifest.
  public static let combinedName = "letters"
  public static let manifestName = "manifest"

  /// Checks everything, then writes the letters and the manifest; bad rows are in the report.
  public func run() throws(BoardpackError) -> MergeReport {
    let clock = ContinuousClock()
    let started = clock.now
    let reader = try CSVReader(path: dataPath)
    let binder = try binder(for: reader.header)
    for total in expectedTotals
    where !reader.header.contains(total.column) && !binder.computed.keys.contains(total.column) {
      throw BoardpackError(
        "--expect-total names \"\(total.column)\", which is not a column",
        at: SourceLocation(file: dataPath))
    }
    guard let pattern = namePattern ?? template.fileName ?? template.key.map({ "{\($0)}" }) else {
      throw BoardpackError(
        "give --name, or \"file-name\" or \"key\" in the template",
        at: SourceLocation(file: template.path))
    }
    let namer = try FileNamer(
      pattern: pattern, header: reader.header, reserved: [Self.combinedName, Self.manifestName])
    let checks = try check(reader, binder, namer)
    let checked = clock.now
    guard checks.invalid.isEmpty || skipInvalid else {
      return MergeReport(
        letters: 0, invalidRows: checks.invalid, written: [], checking: checked - started,
        writing: .zero)
    }
    let progress = ProgressBar(
      total: checks.names.count - checks.invalid.count, enabled: showsProgress)
    var written: [String] = []
    if combined {
      written = try writeCombined(reader, binder, names: checks.names, progress)
    } else {
      try writeEach(reader, binder, names: checks.names, progress)
    }
    progress.finish()
    let manifestPath = "\(outputFolder)/\(Self.manifestName).csv"
    try OutputFile.write(checks.manifest.data, to: manifestPath)
    written.append(manifestPath)
    return MergeReport(
      letters: checks.names.count - checks.invalid.count, invalidRows: checks.invalid,
      written: written,
      checking: checked - started, writing: clock.now - checked)
  }

  /// What the check pass found: a file name for each good row (nil for a bad one), the bad rows, the manifest.
  struct Checks {
    var names: [String?] = []
    var invalid: [BoardpackError] = []
    let manifest: MergeManifest
  }

  /// Pass 1: checks every row, names the good ones and compares the expected totals.
  func check(_ reader: CSVReader, _ binder: LetterBinder, _ namer: FileNamer) throws(BoardpackError)
    -> Checks
  {
    var namer = namer
    var checks = Checks(manifest: try MergeManifest(figures: template.manifest))
    var sums = [Decimal](repeating: 0, count: expectedTotals.count)
    let keyIndex = template.key.flatMap(reader.header.firstIndex(of:))
    let totalled = expectedTotals.map(\.column)
    let blank = template.manifest.map { _ in "" }
    try RowPipeline.run(reader) { row in
      binder.review(row, totalling: totalled)
    } collect: { row, review throws(BoardpackError) in
      var name: String?
      do throws(BoardpackError) {
        let (_, amounts) = try review.get()
        name = try namer.name(for: row, in: dataPath)
        for index in sums.indices { sums[index] += amounts[index] }
      } catch {
        checks.invalid.append(error)
      }
      checks.names.append(name)
      try checks.manifest.add(
        row: row.row, file: name ?? "", key: keyIndex.map { row.fields[$0] } ?? "",
        status: name == nil ? "skipped: \(checks.invalid.last!.message)" : "written",
        figures: (try? review.get().manifest) ?? blank)
    }
    guard !checks.names.isEmpty else {
      throw BoardpackError(
        "the CSV file has a header but no rows; there is nothing to merge",
        at: SourceLocation(file: dataPath, line: 2))
    }
    for (total, sum) in zip(expectedTotals, sums) where sum != total.amount {
      throw BoardpackError(
        "column \"\(total.column)\" adds up to \(UKFormat.money(sum, nilForZero: false)), "
          + "not the expected \(UKFormat.money(total.amount, nilForZero: false))",
        at: SourceLocation(file: dataPath))
    }
    return checks
  }

  /// Pass 2: binds, renders and writes each good row as its own files, on all cores.
  func writeEach(
    _ reader: CSVReader, _ binder: LetterBinder, names: [String?], _ progress: ProgressBar
  ) throws(BoardpackError) {
    let (writers, folder) = (self.writers, outputFolder)
    var letters = 0
    try RowPipeline.run(reader) { row -> BoardpackError? in
      guard let name = MergeJob.name(of: row, in: names) else { return nil }
      do throws(BoardpackError) {
        _ = try writers.write(try binder.letter(for: row), named: name, into: folder)
        return nil
      } catch {
        return error
      }
    } collect: { row, failure throws(BoardpackError) in
      try unchanged(row, names)
      if let failure { throw failure }
      guard MergeJob.name(of: row, in: names) != nil else { return }
      letters += 1
      progress.update(letters)
    }
  }

  /// Pass 2 with `--combined`: binds the good rows on all cores and writes one document per format.
  func writeCombined(
    _ reader: CSVReader, _ binder: LetterBinder, names: [String?], _ progress: ProgressBar
  ) throws(BoardpackError) -> [String] {
    var document: Document?
    var letters = 0
    try RowPipeline.run(reader) { row in
      MergeJob.name(of: row, in: names) == nil
        ? nil : Result { () throws(BoardpackError) in try binder.letter(for: row) }
    } collect: { row, letter throws(BoardpackError) in
      try unchanged(row, names)
      guard let letter else { return }
      MergeJob.append(try letter.get(), to: &document)
      letters += 1
      progress.update(letters)
    }
    guard let document else { return [] }
    return try writers.write(document, named: Self.combinedName, into: outputFolder)
  }

  /// The file name pass 1 gave `row`: nil for a bad row, or for a row pass 1 never saw.
  static func name(of row: CSVRecord, in names: [String?]) -> String? {
    names.indices.contains(row.row - 1) ? names[row.row - 1] : nil
  }

  /// Stops pass 2 at a row pass 1 never saw: the data file grew between the passes.
  func unchanged(_ row: CSVRecord, _ names: [String?]) throws(BoardpackError) {
    guard row.row > names.count else { return }
    throw BoardpackError(
      "the file changed during the merge (row \(row.row) was not there when it was checked)",
      at: SourceLocation(file: dataPath, line: row.line))
  }

  /// Adds `letter` to a combined document: after a page break, with its letterhead and title, unless it is the first.
  static func append(_ letter: Document, to combined: inout Document?) {
    guard combined != nil else {
      combined = letter
      return
    }
    combined!.blocks.append(.pageBreak)
    combined!.blocks += letter.metadata.letterhead.map {
      .paragraph(Paragraph(content: [.text($0)], style: "Letterhead"))
    }
    combined!.blocks.append(
      .paragraph(Paragraph(content: [.text(letter.metadata.title)], style: "Title")))
    combined!.blocks += letter.blocks
  }

  /// The template checked against the data's `header` and the joined files.
  public func binder(for header: [String]) throws(BoardpackError) -> LetterBinder {
    try LetterBinder(template: template, dataPath: dataPath, header: header, joins: try loadJoins())
  }

  /// The template's joins (files beside the data file) with the command line's (files as given) in their place.
  func loadJoins() throws(BoardpackError) -> [String: JoinedTable] {
    let dataFolder = (dataPath as NSString).deletingLastPathComponent
    var joins = template.joins.mapValues { join in
      var join = join
      if !join.file.hasPrefix("/") {
        join.file = (dataFolder as NSString).appendingPathComponent(join.file)
      }
      return join
    }
    joins.merge(joinOverrides) { _, override in override }
    var tables: [String: JoinedTable] = [:]
    for (name, join) in joins {
      tables[name] = try JoinedTable(name: name, path: join.file, key: join.key)
    }
    return tables
  }
}

/// What a merge did: letters written, rows refused and the time each pass took.
public struct MergeReport: Sendable, Equatable {
  /// Letters bound and written (one per good row, whatever the number of formats).
  public var letters: Int
  /// Bad rows, in file order; when not empty and `skipInvalid` is off, nothing was written.
  public var invalidRows: [BoardpackError]
  /// The combined documents and the manifest (per-letter files are listed in the manifest).
  public var written: [String]
  public var checking: Duration
  public var writing: Duration
}
