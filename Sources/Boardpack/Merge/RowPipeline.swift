import Foundation

/// Streams the records of a CSV file or a sheet, each made into an item by `reading` as it is read (in file order,
/// on one thread), through `work` on all cores, a bounded window at a time, and hands the results
/// to `collect` in file order; memory depends on the window, not on the file's length.
///
/// While one window is being worked on, the next is read and the one before is collected, so
/// reading and collecting overlap the work; at most three windows are in memory.
enum RowPipeline {
  /// Records per chunk; one chunk is one unit of work for a core.
  static let chunkSize = 32
  /// Chunks per core in a window.
  static let chunksPerCore = 4

  static func run<Item: Sendable, Result>(
    _ reader: some RecordReader,
    reading: (CSVRecord) -> Item,
    work: @escaping @Sendable (Item) -> Result,
    collect: (Item, Result) throws(BoardpackError) -> Void
  ) throws(BoardpackError) {
    let window = chunkSize * chunksPerCore * ProcessInfo.processInfo.activeProcessorCount
    var batch: [Item] = []
    var inFlight: Window<Item, Result>?
    // Whatever happens, no window is left running after we return.
    defer { inFlight?.finished.wait() }
    func deliver(_ window: Window<Item, Result>) throws(BoardpackError) {
      window.finished.wait()
      for (item, result) in zip(window.items, window.results) { try collect(item, result) }
    }
    try reader.forEachRecord { record throws(BoardpackError) in
      batch.append(reading(record))
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

  /// A window of items being worked on in the background; `results` is ready once `finished` is passed.
  final class Window<Item: Sendable, Result>: @unchecked Sendable {
    let items: [Item]
    /// Written once by the background work before `finished` is left, read only after waiting on it.
    var results: [Result] = []
    let finished = DispatchGroup()

    init(_ items: [Item], work: @escaping @Sendable (Item) -> Result) {
      self.items = items
      finished.enter()
      DispatchQueue.global().async { [self] in
        results = RowPipeline.process(items, work: work)
        finished.leave()
      }
    }
  }

  /// `work` applied to every item, chunks spread over the cores.
  static func process<Item: Sendable, Result>(_ items: [Item], work: @Sendable (Item) -> Result)
    -> [Result]
  {
    items.concurrentMap(chunkSize: chunkSize, work)
  }
}
