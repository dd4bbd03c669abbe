import Boardpack
import Foundation
import Testing

@Suite struct WriterTimingTests {
  /// Prints the CPU time per render (steady under a loaded machine, unlike the wall clock); the
  /// bound only catches gross regressions in a debug build.
  @Test(arguments: ["letter", "long-report"])
  func rendersQuickly(_ name: String) {
    let document = name == "letter" ? WritingFixtures.letter : WritingFixtures.longReport
    let xhtml = XHTMLWriter()
    let fodt = FODTWriter(reference: WritingFixtures.reference)
    let runs = name == "letter" ? 5000 : 100
    let xhtmlTime = cpuMicroseconds { for _ in 0..<runs { _ = xhtml.render(document) } } / Double(runs)
    let fodtTime = cpuMicroseconds { for _ in 0..<runs { _ = fodt.render(document) } } / Double(runs)
    print("\(name): XHTML \(Int(xhtmlTime)) µs, FODT \(Int(fodtTime)) µs of CPU per render")
    #expect(xhtmlTime < 50_000 && fodtTime < 50_000)
  }

  /// The CPU time the current thread spends in `work`, in microseconds.
  private func cpuMicroseconds(_ work: () -> Void) -> Double {
    func now() -> Double {
      var time = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
      return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }
    let start = now()
    work()
    return now() - start
  }
}
