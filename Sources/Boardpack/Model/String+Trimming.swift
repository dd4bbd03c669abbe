import Foundation

extension StringProtocol {
  /// `trimmingCharacters(in: set)`, but without Foundation's slow round trip through UTF-16 when
  /// neither end is in `set` (as for most cells and passages), which leaves the text as it is.
  func trimming(_ set: CharacterSet) -> String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last,
      set.contains(first) || set.contains(last)
    else { return String(self) }
    return trimmingCharacters(in: set)
  }
}
