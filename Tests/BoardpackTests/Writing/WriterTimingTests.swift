import Boardpack
import Foundation
import Testing

@Suite struct WriterTimingTests {
  /// Prints render times per document; the bound only catches gross regressions in a debug build.
  @Test(arguments: ["letter", "long-report"])
  func rendersQuickly(_ name: String) {
    let document = name == "letter" ? WritingFixtures.letter : WritingFixtures.longReport
    let xhtml = XHTMLWriter()
    let fodt = FODTWriter(reference: WritingFixtures.reference)
    let runs = name == "letter" ? 2000 : 50
    let clock = ContinuousClock()
    let xhtmlTime = clock.measure { for _ in 0..<runs { _ = xhtml.render(document) } } / runs
    let fodtTime = clock.measure { for _ in 0..<runs { _ = fodt.render(document) } } / runs
    print("\(name): XHTML \(microseconds(xhtmlTime)) µs, FODT \(microseconds(fodtTime)) µs per render")
    #expect(xhtmlTime < .milliseconds(50) && fodtTime < .milliseconds(50))
  }

  private func microseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
  }
}
