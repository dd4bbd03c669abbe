/// "Did you mean" for a name the author misspelt: the known name nearest to it, when one is near
/// enough to be what was meant. The one place errors about unknown slots, templates, columns,
/// labels and keys find their suggestion.
public enum Suggestion {
  /// ` (did you mean "summary"?)` for `sumary` among `[period, summary, background]`; empty when
  /// no name is near enough.
  public static func didYouMean(_ name: String, among names: [String]) -> String {
    nearest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
  }

  /// The one name among `names` that begins with `name` and a hyphen (an id typed short), else the
  /// name fewest edits from `name` (case ignored; a swap of two neighbouring letters is one edit), when the edits are at most a third of its length, and at least one;
  /// the first such name on a tie; nil when none is that near or `name` is itself among them.
  /// Names that differ only in their digits ("row-99", "row-1") are different things, not slips.
  public static func nearest(to name: String, among names: [String]) -> String? {
    guard !names.contains(name), !name.isEmpty else { return nil }
    // An id typed short ("pcc-update" for "pcc-update-report") is the one id it begins.
    let longer = names.filter { $0.lowercased().hasPrefix(name.lowercased() + "-") }
    if longer.count == 1 { return longer[0] }
    let word = Array(name.lowercased())
    let allowed = max(1, word.count / 3)
    let letters = { (text: String) in text.lowercased().filter { !$0.isNumber } }
    var best: (name: String, edits: Int)?
    for candidate in names
    where letters(candidate) != letters(name)
      || candidate.filter(\.isNumber) == name.filter(\.isNumber)
    {
      let edits = distance(word, Array(candidate.lowercased()), atMost: allowed)
      if edits <= allowed, edits < best?.edits ?? Int.max { best = (candidate, edits) }
    }
    return best?.name
  }

  /// The optimal-string-alignment distance between `a` and `b`, or `limit + 1` as soon as it is
  /// known to exceed `limit`.
  private static func distance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int {
    guard abs(a.count - b.count) <= limit else { return limit + 1 }
    guard !a.isEmpty else { return b.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], before[j - 2] + 1)
        }
      }
      guard current.min()! <= limit else { return limit + 1 }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
