import Synchronization

/// What a rule found in passages it has met before, by everything the finding depends on: a
/// merge checks the same boilerplate in every letter, and a passage's date findings depend only on
/// its text and its report's date and date order. Holds at most `capacity` passages; past that,
/// new passages are checked without being remembered.
final class PassageMemo: Sendable {
  /// What a finding depends on besides the rule. Texts are compared and hashed as their UTF-8
  /// bytes, without the Unicode normalisation `String` pays for: only the same bytes are the same
  /// passage.
  struct Key: Hashable {
    var text: String
    var date: CalendarDate?
    var order: DateOrder?

    static func == (a: Key, b: Key) -> Bool {
      a.date == b.date && a.order == b.order && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(date)
      hasher.combine(order)
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  private let remembered = Mutex<[Key: [Diagnostic]]>([:])
  private let capacity: Int

  init(capacity: Int = 4_096) { self.capacity = capacity }

  /// The findings of `passage`, worked out by `check` the first time its key is met and replayed
  /// at the passage's own place after that.
  func findings(
    for passage: Passage, _ key: Key, into findings: inout Findings,
    check: (inout Findings) -> Void
  ) {
    if let known = remembered.withLock({ $0[key] }) {
      for diagnostic in known {
        findings.add(
          diagnostic.rule, diagnostic.severity, diagnostic.message, at: passage.place,
          stated: diagnostic.stated, expected: diagnostic.expected)
      }
      return
    }
    var found = Findings(file: findings.file, report: findings.report)
    check(&found)
    remembered.withLock { remembered in
      if remembered.count < capacity { remembered[key] = found.diagnostics }
    }
    findings.append(found)
  }
}
