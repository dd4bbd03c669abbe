import Foundation

/// Streams a CSV file's records through `work` on all cores, a bounded window at a time, and hands
/// the results to `collect` in file order; memory depends on the window, not on the file's length.
enum RowPipeline {
  /// Records per chunk; one chunk is one unit of work for a core.
  static let chunkSize = 32
  /// Chunks read ahead per core.
  static let chunksPerCore = 4

  static func run<Result>(
    _ reader: CSVReader,
    work: @Sendable (CSVRecord) -> Result,
    collect: (CSVRecord, Result) throws(BoardpackError) -> Void
  ) throws(BoardpackError) {
    let window = chunkSize * chunksPerCore * ProcessInfo.processInfo.activeProcessorCount
    var batch: [CSVRecord] = []
    batch.reserveCapacity(window)
    func drain() throws(BoardpackError) {
      let results = process(batch, work: work)
      for (record, result) in zip(batch, results) { try collect(record, result) }
      batch.removeAll(keepingCapacity: true)
    }
    try reader.forEachRecord { record throws(BoardpackError) in
      batch.append(record)
      if batch.count == window { try drain() }
    }
    try drain()
  }

  /// `work` applied to every record, chunks spread over the cores.
  static func process<Result>(_ records: [CSVRecord], work: @Sendable (CSVRecord) -> Result) -> [Result] {
    guard !records.isEmpty else { return [] }
    let chunks = (records.count + chunkSize - 1) / chunkSize
    return [Result](unsafeUninitializedCapacity: records.count) { buffer, count in
      // Each chunk initialises its own disjoint slice of the buffer.
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let range = chunk * chunkSize..<min(records.count, (chunk + 1) * chunkSize)
        for index in range { (output.baseAddress! + index).initialize(to: work(records[index])) }
      }
      count = records.count
    }
  }
}
