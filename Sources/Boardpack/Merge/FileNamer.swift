import Foundation

/// Makes one safe, unique file name per letter from a `--name` pattern such as "{Partnership}".
///
/// Names never hold path separators, control characters or a leading dot, are never empty, and
/// stay inside the output folder. A clash (ignoring case) gets "-2", "-3", … in row order, so the
/// same data always gives the same names.
///
/// To find clashes the namer keeps a 64-bit hash of each name given out, not the name, so a merge
/// of many rows holds 8 bytes a letter (and 16 more for each name that clashed). Two different names with the same hash (about one chance in
/// 10^19 for a pair) would give the later a needless suffix: still unique, and the same every run.
public struct FileNamer: Sendable {
  enum Part: Sendable, Equatable {
    case literal(String)
    case column(Int)
  }

  /// The longest name, in UTF-8 bytes, before the extension is added.
  static let maximumLength = 200

  let pattern: String
  let parts: [Part]
  /// The hashes of the names given out and reserved, ignoring case.
  private var used: Set<UInt64>
  /// The last suffix given to each name that clashed, by the name's hash, so that the next row of
  /// that name tries after it: rows that all share a name are named in linear time, not quadratic.
  private var lastSuffixes: [UInt64: Int] = [:]

  /// Checks `pattern` against the data's `header`; `reserved` names (without extension) are never given out.
  public init(pattern: String, header: [String], reserved: [String] = []) throws(BoardpackError) {
    let location = SourceLocation(file: "--name")
    var parts: [Part] = []
    var rest = Substring(pattern)
    while !rest.isEmpty {
      guard let open = rest.firstIndex(of: "{") else {
        parts.append(.literal(String(rest)))
        break
      }
      if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
      guard let close = rest[open...].firstIndex(of: "}") else {
        throw BoardpackError(
          "\"{\" in the name pattern \"\(pattern)\" has no closing \"}\"", at: location)
      }
      let column = String(rest[rest.index(after: open)..<close])
      guard let index = header.firstIndex(of: column) else {
        throw BoardpackError(
          "the name pattern \"\(pattern)\" uses \"{\(column)}\", which is not a column"
            + Suggestion.didYouMean(column, among: header)
            + "; its columns are: \(header.joined(separator: ", "))",
          at: location)
      }
      parts.append(.column(index))
      rest = rest[rest.index(after: close)...]
    }
    for case .literal(let text) in parts
    where text.contains("/") || text.contains("\\") || text.contains("..") || text.hasPrefix(".") {
      throw BoardpackError(
        "the name pattern \"\(pattern)\" would write outside the output folder; use a plain name such as \"{Partnership}\"",
        at: location)
    }
    for case .literal(let text) in parts
    where text.unicodeScalars.contains(where: FileNamer.isUnsafe) {
      throw BoardpackError(
        "the name pattern \"\(pattern)\" holds control or reserved characters", at: location)
    }
    let fixed = parts.reduce(0) { total, part in
      if case .literal(let text) = part { total + text.utf8.count } else { total }
    }
    guard fixed < Self.maximumLength else {
      throw BoardpackError(
        "the name pattern \"\(pattern)\" has \(fixed) bytes of fixed text, and names are at most \(Self.maximumLength) bytes; shorten it",
        at: location)
    }
    guard parts.contains(where: { if case .column = $0 { true } else { false } }) else {
      throw BoardpackError(
        "the name pattern \"\(pattern)\" names no column, so every letter would get the same name",
        at: location)
    }
    self.pattern = pattern
    self.parts = parts
    self.used = Set(reserved.map(FileNamer.hash))
  }

  /// The next letter's name (without extension), or an error at the row's line when it comes out
  /// empty or longer than `maximumLength` (a name is never cut, which could cut through its
  /// fields and give every letter the same name). A name Windows reserves for a device (`CON`,
  /// `nul.x`, `COM1`) gets "_" after its first part: `CON_`, `nul_.x`.
  public mutating func name(for row: CSVRecord, in file: RecordFile) throws(BoardpackError)
    -> String
  {
    var name = ""
    for part in parts {
      switch part {
      case .literal(let text): name += text
      case .column(let index): name += FileNamer.sanitised(row.fields[index])
      }
    }
    name = FileNamer.trimmed(name)
    guard !name.isEmpty else {
      throw BoardpackError(
        "the file name from \"\(pattern)\" is empty", at: file.location(line: row.line)
      )
    }
    guard name.utf8.count <= Self.maximumLength else {
      throw BoardpackError(
        "the file name from \"\(pattern)\" would be \(name.utf8.count) bytes, more than the \(Self.maximumLength) a name may have; "
          + "name the letters by a shorter column with --name",
        at: file.location(line: row.line))
    }
    if FileNamer.isReservedByWindows(name) {
      let dot = name.firstIndex(of: ".") ?? name.endIndex
      name = name[..<dot] + "_" + name[dot...]
    }
    let base = FileNamer.hash(name)
    guard !used.insert(base).inserted else { return name }
    // Every suffix up to the last one given to this name is taken already.
    var suffix = lastSuffixes[base] ?? 1
    var candidate: String
    repeat {
      suffix += 1
      candidate = "\(name)-\(suffix)"
    } while !used.insert(FileNamer.hash(candidate)).inserted
    lastSuffixes[base] = suffix
    return candidate
  }

  /// Device names Windows reserves, whatever the case and extension: `CON`, `PRN`, `AUX`, `NUL`,
  /// `COM1`–`COM9`, `LPT1`–`LPT9` (and their superscript-digit forms).
  static func isReservedByWindows(_ name: String) -> Bool {
    let head = name.prefix { $0 != "." }
    // The longest, CONOUT$, has seven characters: a longer head is not one, spaces apart.
    guard head.utf8.count <= 7 || head.first == " " || head.last == " " else { return false }
    let base = head.trimmingCharacters(in: .whitespaces).uppercased()
    if ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(base) { return true }
    guard base.count == 4, base.hasPrefix("COM") || base.hasPrefix("LPT"), let last = base.last
    else { return false }
    return ("1"..."9").contains(last) || ["¹", "²", "³"].contains(last)
  }

  /// FNV-1a over the name's lower-case UTF-8: the same on every run, unlike `Hasher`.
  static func hash(_ name: String) -> UInt64 {
    name.lowercased().utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  /// Control characters, path separators and characters Windows forbids in names.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    if "/\\:*?\"<>|".unicodeScalars.contains(scalar) { return true }
    // The ASCII controls are U+0000–U+001F and U+007F; no ASCII character is a format character.
    if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
    return scalar.properties.generalCategory == .control
      || scalar.properties.generalCategory == .format
  }

  /// A value with every unsafe character replaced by "-" and runs of white space collapsed.
  static func sanitised(_ value: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      let replacement: Unicode.Scalar =
        scalar.isWhiteSpace ? " " : isUnsafe(scalar) ? "-" : scalar
      if replacement == " ", result.last == " " { continue }
      result.append(replacement)
    }
    return String(result)
  }

  /// Without surrounding spaces, dots and hyphens (no hidden files, no ".."), and not starting
  /// with `=`, `+` or `@` (which a spreadsheet opening the manifest would take for a formula).
  static func trimmed(_ name: String) -> String {
    let edge = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "." || scalar == "-" }
    let formula = { (scalar: Unicode.Scalar) in
      edge(scalar) || scalar == "=" || scalar == "+" || scalar == "@"
    }
    let result = name.trimmingScalars(where: edge)
    guard let first = result.unicodeScalars.first, formula(first) else { return result }
    let start = result.unicodeScalars.firstIndex { !formula($0) } ?? result.unicodeScalars.endIndex
    return String(result.unicodeScalars[start...])
  }
}
