import Foundation

/// Times a large merge of synthetic CSP rows against the I/O floor: the same number of files of
/// the same bytes written the same way, with no reading, binding or rendering.
public enum MergeBenchmark {
  /// What one run measured.
  public struct Timings: Sendable {
    public var letters: Int
    /// Files per letter (one per format).
    public var filesPerLetter: Int
    /// The whole merge: the one pass over the CSV (checking, binding, rendering, staging), then
    /// publishing the letters and writing the manifest.
    public var merge: Duration
    /// The pass over the CSV alone, without publishing.
    public var checking: Duration
    /// Writing one merged letter's files `letters` times over.
    public var floor: Duration
    /// Processor time (user and system, all threads) of the merge and of the floor: steadier than
    /// wall-clock time on a machine shared with other work.
    public var mergeCPU: Duration
    public var floorCPU: Duration

    public var lettersPerSecond: Double { Double(letters) / merge.seconds }
    /// How many times slower than the floor the merge is.
    public var ratioToFloor: Double { merge.seconds / floor.seconds }
    public var cpuRatioToFloor: Double { mergeCPU.seconds / floorCPU.seconds }
  }

  /// Merges `rows` synthetic partnerships with `template` (the shipped CSP letter or one using the
  /// same columns: Partnership, Contact, Allocation, Expenditure, Return By, and a `projects` join)
  /// into `folder`/merged, then writes the floor into `folder`/floor. With `repeatedNames`, the
  /// partnerships take the nine CSP names in turn, so that all but nine letters' names clash.
  public static func run(
    template: LetterTemplate, rows: Int, repeatedNames: Bool = false, writers: PaperWriters,
    in folder: String
  ) throws(BoardpackError) -> Timings {
    let data = folder + "/input/partners.csv"
    try writeSyntheticData(
      rows: rows, repeatedNames: repeatedNames, to: data,
      projects: template.joins["projects"].map { folder + "/input/" + $0.file })
    let clock = ContinuousClock()
    let job = MergeJob(
      template: template, dataPath: data, outputFolder: folder + "/merged", writers: writers,
      showsProgress: false)
    let started = clock.now
    let startedCPU = processorTime()
    let report = try job.run()
    let merge = clock.now - started
    let mergeCPU = processorTime() - startedCPU
    if let bad = report.invalidRows.first { throw bad }

    // The floor: the first letter's files, written as many times, on all cores, atomically.
    let reader = try CSVReader(path: data)
    var first: CSVRecord?
    try reader.forEachRecord { record in if first == nil { first = record } }
    let sample = try writers.write(
      try job.binder(for: reader.header, in: reader.file).letter(for: first!), named: "sample",
      into: folder)
    let payloads = sample.map { path in
      ((path as NSString).pathExtension, FileManager.default.contents(atPath: path) ?? Data())
    }
    let floorFolder = folder + "/floor"
    let chunk = RowPipeline.chunkSize
    let floorStarted = clock.now
    let floorStartedCPU = processorTime()
    DispatchQueue.concurrentPerform(iterations: (rows + chunk - 1) / chunk) { index in
      for row in index * chunk..<min(rows, (index + 1) * chunk) {
        for payload in payloads {
          try? OutputFile.write(payload.1, to: "\(floorFolder)/letter-\(row).\(payload.0)")
        }
      }
    }
    let floor = clock.now - floorStarted
    return Timings(
      letters: report.letters, filesPerLetter: payloads.count, merge: merge,
      checking: report.checking, floor: floor, mergeCPU: mergeCPU,
      floorCPU: processorTime() - floorStartedCPU)
  }

  /// User and system time used so far by the whole process.
  static func processorTime() -> Duration {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func duration(_ time: timeval) -> Duration {
      .seconds(Int64(time.tv_sec)) + .microseconds(Int64(time.tv_usec))
    }
    return duration(usage.ru_utime) + duration(usage.ru_stime)
  }

  /// `rows` partnerships with varied figures (some Nil expenditure, some fully spent) and, when
  /// `projects` is given, one to three projects for most names.
  static func writeSyntheticData(
    rows: Int, repeatedNames: Bool = false, to path: String, projects: String?
  ) throws(BoardpackError) {
    var partners = "Partnership,Contact,Allocation,Expenditure,Return By\n"
    var joined = "Partnership,Project,Summary\n"
    for row in 1...max(rows, 1) {
      let name = repeatedNames ? cspNames[row % cspNames.count] : "Partnership \(row)"
      let allocation = Decimal(10_000 + (row * 7919) % 90_000) + Decimal(row % 100) / 100
      let expenditure: String =
        switch row % 5 {
        case 0: "Nil"
        case 1: UKFormat.money(allocation, nilForZero: false)
        default: UKFormat.money(allocation * Decimal(row % 10) / 10, nilForZero: false)
        }
      partners +=
        "\(name),\"The Chair, \(name) & Co <Zoë>\",\"\(UKFormat.money(allocation))\",\"\(expenditure)\",2026-06-25\n"
      for project in 0..<(repeatedNames && row > cspNames.count ? 0 : row % 4) {
        joined +=
          "\(name),Project \(project + 1),\"Detached youth work, target hardening & \"\"quoted\"\" outreach\"\n"
      }
    }
    try OutputFile.write(Data(partners.utf8), to: path)
    if let projects { try OutputFile.write(Data(joined.utf8), to: projects) }
  }

  static let cspNames = [
    "Leicester", "Charnwood", "SNWLP", "Blaby", "Hinckley and Bosworth", "Harborough",
    "Oadby and Wigston", "Melton Mowbray", "Rutland",
  ]
}

extension Duration {
  /// The duration in seconds, for rates.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
