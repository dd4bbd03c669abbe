import Foundation

/// Streams a CSV file's records through `work` on all cores, a bounded window at a time, and hands
/// the results to `collect` in file order; memory depends on the window, not on the file's length.
///
/// While one window is being worked on, the next is read and the one before is collected, so
/// reading and collecting overlap the work; at most three windows are in memory.
enum RowPipeline {
  /// Records per chunk; one chunk is one unit of work for a core.
  static let chunkSize = 32
  /// Chunks per core in a window.
  static let chunksPerCore = 4

  static func run<Result>(
    _ reader: CSVReader,
    work: @escaping @Sendable (CSVRecord) -> Result,
    collect: (CSVRecord, Result) throws(BoardpackError) -> Void
  ) throws(BoardpackError) {
    let window = chunkSize * chunksPerCore * ProcessInfo.processInfo.activeProcessorCount
    var batch: [CSVRecord] = []
    var inFlight: Window<Result>?
    // Whatever happens, no window is left running after we return.
    defer { inFlight?.finished.wait() }
    func deliver(_ window: Window<Result>) throws(BoardpackError) {
      window.finished.wait()
      for (record, result) in zip(window.records, window.results) { try collect(record, result) }
    }
    try reader.forEachRecord { record throws(BoardpackError) in
      batch.append(record)
      guard batch.count == window else { return }
      // Start this window before collecting the last, so the cores work while `collect` runs.
      let previous = inFlight
      inFlight = Window(batch, work: work)
      batch = []
      batch.reserveCapacity(window)
      if let previous { try deliver(previous) }
    }
    if let inFlight { try deliver(inFlight) }
    inFlight = nil
    if !batch.isEmpty { try deliver(Window(batch, work: work)) }
  }

  /// A window of records being worked on in the background; `results` is ready once `finished` is passed.
  final class Window<Result>: @unchecked Sendable {
    let records: [CSVRecord]
    /// Written once by the background work before `finished` is left, read only after waiting on it.
    var results: [Result] = []
    let finished = DispatchGroup()

    init(_ records: [CSVRecord], work: @escaping @Sendable (CSVRecord) -> Result) {
      self.records = records
      finished.enter()
      DispatchQueue.global().async { [self] in
        results = RowPipeline.process(records, work: work)
        finished.leave()
      }
    }
  }

  /// `work` applied to every record, chunks spread over the cores.
  static func process<Result>(_ records: [CSVRecord], work: @Sendable (CSVRecord) -> Result)
    -> [Result]
  {
    records.concurrentMap(chunkSize: chunkSize, work)
  }
}
