import Foundation

extension Array where Element: Sendable {
  /// `map(transform)` run on all cores, in chunks of `chunkSize` elements; the result keeps the order.
  func concurrentMap<Result>(chunkSize: Int = 1, _ transform: @Sendable (Element) -> Result)
    -> [Result]
  {
    // One chunk is the caller's work: no dispatch (a merged letter's one report, on a worker).
    guard count > chunkSize else { return map(transform) }
    let chunks = (count + chunkSize - 1) / chunkSize
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialised in
      // Each chunk initialises its own disjoint slice of the buffer.
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in chunk * chunkSize..<Swift.min(count, (chunk + 1) * chunkSize) {
          (output.baseAddress! + index).initialize(to: transform(self[index]))
        }
      }
      initialised = count
    }
  }
}
