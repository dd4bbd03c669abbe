/// Which link addresses Boardpack writes: `http`, `https`, `mailto` and `tel` links, and links
/// within the paper or beside it (no scheme: `#label`, `report.pdf`). Anything else (`javascript:`,
/// `data:`, `file:`, `vbscript:`) is an error in an input and is written as plain text when it
/// comes from a paper read elsewhere.
public enum LinkAddress {
  public static let schemes: Set<String> = ["http", "https", "mailto", "tel"]
  /// The schemes an image may be loaded from (no `data:`, no `file:`).
  public static let imageSchemes: Set<String> = ["http", "https"]

  /// Whether `url` may be written as a link.
  public static func isAllowed(_ url: String) -> Bool {
    scheme(of: url).map(schemes.contains) ?? true
  }

  /// Whether `source` may be written as an image's address.
  public static func isAllowedImage(_ source: String) -> Bool {
    scheme(of: source).map(imageSchemes.contains) ?? true
  }

  /// The lower-cased scheme of `url` as a browser reads it (leading and trailing controls and
  /// spaces dropped, tabs and line breaks anywhere ignored: "java\tscript:" is `javascript`); nil
  /// for an address without one.
  public static func scheme(of url: String) -> String? {
    var scheme = ""
    var started = false
    for scalar in url.unicodeScalars {
      if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
      if !started && scalar.value <= 0x20 { continue }
      started = true
      if scalar == ":" { return scheme.isEmpty ? nil : scheme }
      let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
      let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
      guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
      scheme.unicodeScalars.append(lowercase(scalar))
    }
    return nil
  }

  private static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
  }

  /// The first link in `inlines` whose address is not allowed.
  static func firstRefused(in inlines: [Inline]) -> String? {
    for inline in inlines {
      switch inline {
      case .link(let url, let content):
        if !isAllowed(url) { return url }
        if let inner = firstRefused(in: content) { return inner }
      case .strong(let content), .emphasis(let content):
        if let inner = firstRefused(in: content) { return inner }
      case .text, .reference, .lineBreak: continue
      }
    }
    return nil
  }

  /// The error for a link address an input may not use.
  static func refusal(_ url: String) -> String {
    "the link address \"\(url)\" is not allowed; links may be http, https, mailto or tel (or within the paper)"
  }
}
