import Foundation

/// One mail merge: a letter template bound to every row of a CSV file or a spreadsheet's sheet,
/// written as one letter per row (or one combined document) plus a manifest.
///
/// Nothing is published until everything is checked: the template's fields against the header,
/// every row's values, each bound letter (`LetterChecks`), the file names, the joins both ways and
/// the expected totals. Rows are named as they are read,
/// then checked and rendered together, each letter's files going under their final names to a
/// hidden staging folder that is published only when the whole file is good (and removed
/// otherwise). The manifest is staged too, written as rows complete, and names the files to
/// publish, so memory does not grow with the number of letters (the file namer keeps 8 bytes a
/// letter). With `--combined`, letters are
/// added to the one document's staged files in row order as they are bound.
public struct MergeJob: Sendable {
  public var template: LetterTemplate
  /// The data: a CSV file, or a spreadsheet (`.xlsx`, `.ods`).
  public var dataPath: String
  /// The spreadsheet's sheet to read (`--sheet`); nil for the first.
  public var sheet: String?
  public var outputFolder: String
  /// The formats to write, each letter (or the combined document) as `NAME.xhtml` and/or `NAME.fodt`.
  public var writers: PaperWriters
  /// Write one document holding every letter, each on a new page, in each format, instead of one file per letter.
  public var combined: Bool
  /// With `combined`, start a new combined document every this many letters (`letters-0001`, …).
  public var batch: Int?
  /// Converts the staged `.fodt` letters (PDF, Word) before they are published; `writers` must
  /// write `.fodt` alone.
  public var conversion: PaperConversion?
  /// The `--name` pattern; by default the template's `file-name`, then "{KEY}".
  public var namePattern: String?
  /// Write the good rows when some are bad, instead of nothing.
  public var skipInvalid: Bool
  public var expectedTotals: [ExpectedTotal]
  /// Joins given on the command line (paths as given), replacing the template's of the same name.
  public var joinOverrides: [String: Join]
  /// Show progress on standard error: a bar on a terminal, else a line every few seconds.
  public var showsProgress: Bool
  /// Merge into a folder that holds files no merge wrote (they are left as they are).
  public var force: Bool

  public init(
    template: LetterTemplate, dataPath: String, sheet: String? = nil, outputFolder: String,
    writers: PaperWriters, combined: Bool = false, batch: Int? = nil,
    namePattern: String? = nil, skipInvalid: Bool = false, expectedTotals: [ExpectedTotal] = [],
    joinOverrides: [String: Join] = [:], showsProgress: Bool = true,
    force: Bool = false
  ) {
    self.template = template
    self.dataPath = dataPath
    self.sheet = sheet
    self.outputFolder = outputFolder
    self.writers = writers
    self.combined = combined
    self.batch = batch
    self.namePattern = namePattern
    self.skipInvalid = skipInvalid
    self.expectedTotals = expectedTotals
    self.joinOverrides = joinOverrides
    self.showsProgress = showsProgress
    self.force = force
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

  /// Every extension a merge's letters may have: its own formats and those LibreOffice makes.
  static let letterExtensions: Set<String> = ["xhtml", "fodt", "pdf", "docx"]

  /// The extensions of the letters published: the converted format's, else the writers'.
  var publishedExtensions: [String] {
    conversion.map { [$0.format.rawValue] } ?? writers.extensions
  }

  /// The name, without extension, of the combined document holding batch `number` (from 1):
  /// `letters-0001`; `letters` when the letters are not batched.
  static func combinedName(batch number: Int?) -> String {
    guard let number else { return combinedName }
    let digits = String(number)
    return combinedName + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// The stylesheet XHTML letters share when they link to one (`--shared-stylesheet`).
  public static let stylesheetName = "letters.css"

  /// Whether `name` is a file a merge writes for the whole set: a combined document
  /// (`letters.fodt`, `letters-0012.xhtml`) in one of `extensions`, or the shared stylesheet.
  static func isCombinedFile(_ name: String, extensions: Set<String>) -> Bool {
    if name == stylesheetName { return true }
    let (base, fileExtension) = (
      (name as NSString).deletingPathExtension, (name as NSString).pathExtension
    )
    guard extensions.contains(fileExtension) else { return false }
    if base == combinedName { return true }
    let number = base.dropFirst(combinedName.count + 1)
    return base.hasPrefix(combinedName + "-") && number.count >= 4
      && number.allSatisfy { ("0"..."9").contains($0) }
  }

  /// Checks every row while binding and rendering it, then publishes the letters and the manifest;
  /// bad rows are in the report.
  public func run() throws(BoardpackError) -> MergeReport {
    let clock = ContinuousClock()
    let started = clock.now
    if let batch {
      guard combined, batch > 0 else {
        throw BoardpackError(
          combined
            ? "--batch \(batch) is not a number of letters"
            : "--batch splits the combined document; give --combined too",
          at: SourceLocation(file: "--batch"))
      }
    }
    let reader = try RecordFile.reader(dataPath, sheet: sheet)
    let binder = try binder(for: reader.header, in: reader.file)
    let warnings = ([reader.warning] + binder.joins.keys.sorted().map { binder.joins[$0]!.warning })
      .compactMap { $0 }
    for total in expectedTotals
    where !reader.header.contains(total.column) && !binder.computed.keys.contains(total.column) {
      let columns = reader.header + binder.computed.keys.sorted()
      throw BoardpackError(
        "--expect-total names \"\(total.column)\", which is not a column"
          + Suggestion.didYouMean(total.column, among: columns)
          + "; its columns are: \(columns.joined(separator: ", "))",
        at: SourceLocation(file: dataPath))
    }
    // The staged manifest is read back by its header to publish the letters, so names must differ.
    for column in template.manifest where MergeManifest.ownColumns.contains(column) {
      throw BoardpackError(
        "the manifest column \"\(column)\" has the name of one of the manifest's own columns (\(MergeManifest.ownColumns.joined(separator: ", ")))",
        at: SourceLocation(file: template.path))
    }
    guard let pattern = namePattern ?? template.fileName ?? template.key.map({ "{\($0)}" }) else {
      throw BoardpackError(
        "give --name, or \"file-name\" or \"key\" in the template",
        at: SourceLocation(file: template.path))
    }
    let namer = try FileNamer(
      pattern: pattern, header: reader.header, reserved: [Self.combinedName, Self.manifestName])
    var report = try Interruption.watching { () throws(BoardpackError) in
      try stageAndPublish(reader, binder, namer, started: started)
    }
    report.warnings = warnings
    return report
  }

  /// Takes the lock, stages every row's letter and publishes the set; a signal stops it before
  /// publishing and leaves the folder as it was.
  func stageAndPublish(
    _ reader: some RecordReader, _ binder: LetterBinder, _ namer: FileNamer,
    started: ContinuousClock.Instant
  ) throws(BoardpackError) -> MergeReport {
    let clock = ContinuousClock()
    // One merge at a time into a folder; what killed merges left there is finished or removed.
    let lock = try MergeLock(outputFolder: outputFolder)
    defer { lock.release() }
    _ = try Staging.recover(outputFolder)
    let foreign = Staging.foreignEntries(in: outputFolder)
    if !force, !foreign.isEmpty {
      let shown = foreign.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
      let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
      throw BoardpackError(
        "the output folder holds \(shown)\(more), which no merge wrote there; give a folder of "
          + "its own, or --force to merge beside \(foreign.count == 1 ? "it" : "them") (left as they are)",
        at: SourceLocation(file: outputFolder))
    }
    let staging = try Staging(outputFolder: outputFolder)
    let pass: Pass
    do {
      pass = try stream(reader, binder, namer, staging)
      try Interruption.check(outputFolder)
    } catch {
      staging.discard()
      throw error
    }
    let checked = clock.now
    let letters = pass.letters
    // With every row bad, nothing is published, --skip-invalid or not: the folder stays as it was.
    guard pass.invalid.isEmpty || skipInvalid, letters > 0 else {
      staging.discard()
      return MergeReport(
        letters: 0, invalidRows: pass.invalid, rowsWithoutJoined: pass.rowsWithoutJoined,
        written: [], checking: checked - started, writing: .zero)
    }
    // The files for the whole set: the combined documents, and the stylesheet letters link to.
    let files = pass.combinedFiles + (writers.linkedStylesheet.map { [$0] } ?? [])
    do {
      try conversion?.convertInPlace(staging.folder)
      if let stylesheet = writers.linkedStylesheet {
        try OutputFile.write(
          Data(XHTMLStylesheet.completeText.utf8), to: staging.folder + "/" + stylesheet)
      }
      try Interruption.check(outputFolder)
    } catch {
      staging.discard()
      throw error
    }
    let removed = try staging.publish(files: files, extensions: combined ? [] : publishedExtensions)
    let written = (files + ["\(Self.manifestName).csv"]).map { "\(outputFolder)/\($0)" }
    return MergeReport(
      letters: letters, invalidRows: pass.invalid, rowsWithoutJoined: pass.rowsWithoutJoined,
      written: written, removed: removed, checking: checked - started, writing: clock.now - checked)
  }

  /// What the pass found: how many rows it read and bound, the bad rows (data rows, then joined
  /// rows no data row matches), the data rows with no joined row by join and, with `--combined`,
  /// the names of the staged files holding the good rows' letters (none when no row is good).
  struct Pass {
    var rows = 0
    var letters = 0
    var invalid: [BoardpackError] = []
    var rowsWithoutJoined: [RowsWithoutJoined] = []
    var combinedFiles: [String] = []
  }

  /// The one pass over the data: on all cores, checks each row and binds and renders the good ones
  /// into `staging` (with `--combined`, into the one document's staged files); names the good rows
  /// in order in the staged manifest and compares the expected totals.
  func stream(
    _ reader: some RecordReader, _ binder: LetterBinder, _ namer: FileNamer, _ staging: Staging
  ) throws(BoardpackError) -> Pass {
    var namer = namer
    var pass = Pass()
    let manifest = try MergeManifest(path: staging.manifestPath, figures: template.manifest)
    var sums = [Decimal](repeating: 0, count: expectedTotals.count)
    let keyIndex = template.key.flatMap(reader.header.firstIndex(of:))
    let totalled = expectedTotals.map(\.column)
    let blank = template.manifest.map { _ in "" }
    let writers = self.writers
    let combined = self.combined
    // With --combined, each letter is in its batch's document, in each format: `batchFiles`.
    let batch = self.batch
    var (batchNumber, lettersInBatch, batchFiles) = (0, 0, "")
    let data = reader.file
    let checks = LetterChecks()
    var combinedStream: PaperStream?
    var coverage = JoinCoverage(joins: binder.joins, header: reader.header)
    let progress = ProgressBar(
      total: showsProgress ? reader.estimatedCount : 0, enabled: showsProgress)
    defer { progress.finish() }
    // Each row's review and, for a good row, its letter (nil once it is staged) or why it failed.
    typealias Work = (
      review: Result<
        (manifest: [String], amounts: [Decimal], scope: LetterBinder.Scope), BoardpackError
      >,
      letter: Result<Document?, BoardpackError>?
    )
    // Rows are named as they are read, so each letter is staged under its final name; a bad row
    // keeps its name too, so mending it later renames no other letter.
    try RowPipeline.run(reader) { row in
      (
        row: row,
        name: Result { () throws(BoardpackError) in try namer.name(for: row, in: data) }
      )
    } work: { item -> Work in
      let review = binder.review(item.row, totalling: totalled)
      guard case .success(let reviewed) = review, case .success(let name) = item.name else {
        return (review, nil)
      }
      let bound = Result { () throws(BoardpackError) in try binder.letter(in: reviewed.scope) }
      // A letter the checks find wrong is a bad row, at the row's line.
      if case .success(let letter) = bound {
        let problems = checks.problems(in: letter)
        guard problems.isEmpty else {
          let at = data.location(line: item.row.line)
          return (.failure(BoardpackError(problems.joined(separator: "; "), at: at)), nil)
        }
      }
      let letter = Result { () throws(BoardpackError) -> Document? in
        let letter = try bound.get()
        guard !combined else { return letter }
        for file in writers.render(letter) {
          try OutputFile.create(file.pieces, at: staging.path(of: name, file.extension))
        }
        return nil
      }
      return (review, letter)
    } collect: { item, work throws(BoardpackError) in
      try Interruption.check(outputFolder)
      let (row, (review, letter)) = (item.row, work)
      var name: String?
      do throws(BoardpackError) {
        let amounts = try review.get().amounts
        name = try item.name.get()
        for index in sums.indices { sums[index] += amounts[index] }
      } catch {
        pass.invalid.append(error)
      }
      // A good row's letter binds (the review checked every value it uses), so a failure here is a
      // file that could not be written, which stops the merge.
      if let document = try letter?.get(), name != nil {
        if let combinedStream, lettersInBatch < batch ?? .max {
          try combinedStream.append(document)
        } else {
          try combinedStream?.finish()
          batchNumber += 1
          lettersInBatch = 0
          let name = Self.combinedName(batch: batch == nil ? nil : batchNumber)
          combinedStream = try writers.stream(document, named: name, into: staging.folder)
          let files = publishedExtensions.map { "\(name).\($0)" }
          pass.combinedFiles += files
          batchFiles = files.joined(separator: " ")
        }
        lettersInBatch += 1
      }
      pass.rows += 1
      if name != nil { pass.letters += 1 }
      coverage.add(row)
      try manifest.add(
        row: row.row, file: name == nil ? "" : combined ? batchFiles : name!,
        key: keyIndex.map { row.fields[$0] } ?? "",
        status: name == nil ? "skipped: \(pass.invalid.last!.message)" : "written",
        figures: (try? review.get().manifest) ?? blank)
      progress.update(pass.rows)
    }
    for stray in coverage.strays(dataName: data.name) {
      pass.invalid.append(stray.error)
      try manifest.add(
        row: nil, file: "", key: stray.key,
        status: "skipped: \(stray.error.location): \(stray.error.message)", figures: blank)
    }
    pass.rowsWithoutJoined = coverage.unmatched
    try manifest.close()
    try combinedStream?.finish()
    guard pass.rows > 0 else {
      throw BoardpackError(
        "the \(data.sheet == nil ? "CSV file" : "sheet") has a header but no rows; there is nothing to merge",
        at: data.sheet == nil
          ? data.location(line: 2) : SourceLocation(file: data.path, sheet: data.sheet))
    }
    for (total, sum) in zip(expectedTotals, sums) where sum != total.amount {
      throw BoardpackError(
        "column \"\(total.column)\" adds up to \(UKFormat.money(sum, nilForZero: false)), "
          + "not the expected \(UKFormat.money(total.amount, nilForZero: false))",
        at: SourceLocation(file: dataPath))
    }
    return pass
  }

  /// Finishes a publish into `outputFolder` that a killed merge left half done, and removes what
  /// killed merges left staged, as every merge does before it starts; returns whether there was
  /// anything to do. Throws when a merge into the folder is running.
  public static func recover(outputFolder: String) throws(BoardpackError) -> Bool {
    let lock = try MergeLock(outputFolder: outputFolder)
    defer { lock.release() }
    return try Staging.recover(outputFolder)
  }

  /// The template checked against the `header` of the data in `file` and the joined files; every
  /// `--join` must name a join the template declares or uses.
  public func binder(for header: [String], in file: RecordFile) throws(BoardpackError)
    -> LetterBinder
  {
    let binder = try LetterBinder(
      template: template, data: file, header: header, joins: try loadJoins())
    let known = Set(template.joins.keys).union(binder.usedJoins).sorted()
    for (name, join) in joinOverrides.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
      throw BoardpackError(
        "--join names \"\(name)\", which is not a join of the template"
          + Suggestion.didYouMean(name, among: known)
          + " (its joins: \(known.isEmpty ? "none" : known.joined(separator: ", ")))",
        at: join.location)
    }
    return binder
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
    // The template's joins stay beside the data; those given on the command line are as given.
    for join in joins.values {
      try InputPaths.check(
        join.file, inside: dataFolder, "the joined file",
        at: Origin(location: join.location, sourceLine: nil))
    }
    joins.merge(joinOverrides) { _, override in override }
    var tables: [String: JoinedTable] = [:]
    for (name, join) in joins.sorted(by: { $0.key < $1.key }) {
      if joinOverrides[name] == nil, !FileManager.default.fileExists(atPath: join.file) {
        let file = template.joins[name]!.file
        let place = file.hasPrefix("/") ? file : "\(file) beside the data"
        throw BoardpackError(
          "the template's join \"\(name)\" reads \(place), and there is none: "
            + "copy it there, or give --join \(name)=FILE:\(join.key)",
          at: SourceLocation(file: join.file))
      }
      tables[name] = try JoinedTable(name: name, path: join.file, key: join.key)
    }
    return tables
  }
}

/// What a merge did: letters written, rows refused and the time each pass took.
public struct MergeReport: Sendable, Equatable {
  /// Letters bound and written (one per good row, whatever the number of formats).
  public var letters: Int
  /// Bad rows, in file order (data rows, then joined rows that match no data row); when not empty
  /// and `skipInvalid` is off, nothing was written.
  public var invalidRows: [BoardpackError]
  /// The data rows that matched no row of each join, in join name order (joins every row matched
  /// are left out).
  public var rowsWithoutJoined: [RowsWithoutJoined]
  /// What the readers assumed (a CSV file read as Windows-1252), for standard error.
  public var warnings: [String] = []
  /// The combined documents and the manifest (per-letter files are listed in the manifest).
  public var written: [String]
  /// The files of an earlier merge into the folder that this one removed: letters it does not
  /// have, or has in other formats only.
  public var removed = 0
  public var checking: Duration
  public var writing: Duration
}
