/// Checks a YAML file's text before Yams composes it, so that no file can make composing slow or
/// large: anchors and aliases (`&name`, `*name`) are refused, since Boardpack's files have no use
/// for them and a few lines of them expand to millions of values (or, as a mapping key, to minutes
/// of hashing); nesting deeper than `InputLimits.depth` and more values than
/// `InputLimits.yamlNodes` are refused too, since composing recurses once per level.
///
/// The check reads the text as libyaml's scanner does, only as far as it must to tell where a
/// value starts: an `&` or `*` there is an anchor or alias, while the same characters inside a
/// quoted, block or plain value (`*italic*` in a wrapped paragraph) are text.
struct YAMLGuard {
  private let bytes: [UInt8]
  private let source: YAMLNode.Source
  private let limits: InputLimits

  /// What the previous line left open, so that this line continues it.
  private enum Open {
    case nothing
    /// A plain value that may go on over lines indented more than `parent`.
    case plain(parent: Int)
    /// A `|` or `>` value: lines indented more than `parent`, and blank lines.
    case block(parent: Int)
    case quoted(UInt8)
  }

  private var open = Open.nothing
  /// The columns of the block lists and mappings the current line is inside, outermost first.
  private var collections: [Int] = []
  private var flow = 0
  private var nodes = 0
  private var line = 0
  private var lineStart = 0

  /// Throws the first anchor, alias or limit the text runs into.
  static func check(_ text: String, source: YAMLNode.Source, limits: InputLimits = .current)
    throws(BoardpackError)
  {
    var guardian = YAMLGuard(bytes: Array(text.utf8), source: source, limits: limits)
    try guardian.scan()
  }

  private init(bytes: [UInt8], source: YAMLNode.Source, limits: InputLimits) {
    self.bytes = bytes
    self.source = source
    self.limits = limits
  }

  private static let (space, tab, newline, carriageReturn) = (
    UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")
  )

  private mutating func scan() throws(BoardpackError) {
    var start = 0
    while start <= bytes.count {
      let end = bytes[start...].firstIndex(of: Self.newline) ?? bytes.count
      line += 1
      lineStart = start
      try scanLine(start, end)
      start = end + 1
    }
  }

  private func isBlank(_ byte: UInt8) -> Bool {
    byte == Self.space || byte == Self.tab || byte == Self.carriageReturn
  }

  /// Whether the byte at `position` ends a token: a space, tab, line end or the end of the line.
  private func endsToken(_ position: Int, _ end: Int) -> Bool {
    position >= end || isBlank(bytes[position])
  }

  private func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
      || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
  }

  private mutating func scanLine(_ start: Int, _ end: Int) throws(BoardpackError) {
    var indent = start
    while indent < end, bytes[indent] == Self.space { indent += 1 }
    var first = indent
    while first < end, isBlank(bytes[first]) { first += 1 }
    let blank = first == end
    let column = indent - start
    let marker =
      column == 0 && end - start >= 3
      && (bytes[start..<start + 3].elementsEqual("---".utf8)
        || bytes[start..<start + 3].elementsEqual("...".utf8)) && endsToken(start + 3, end)
    switch open {
    case .quoted(let quote):
      guard let after = closingQuote(quote, from: start, end) else { return }
      open = .nothing
      return try scanTokens(from: after, end, atValueStart: false, valueColumn: column)
    case .block(let parent):
      if blank || (column > parent && !marker) { return }
      open = .nothing
    case .plain(let parent):
      if blank { return }
      if !marker && bytes[first] != UInt8(ascii: "#") && (flow > 0 || column > parent) {
        return try scanPlainThenTokens(from: first, end)
      }
      open = .nothing
    case .nothing:
      break
    }
    if blank { return }
    if marker {
      collections = []
      flow = 0
      return try scanTokens(from: start + 3, end, atValueStart: true, valueColumn: 0)
    }
    if column == 0 && bytes[start] == UInt8(ascii: "%") { return }
    if flow == 0 {
      while let last = collections.last, last > column { collections.removeLast() }
    }
    try scanTokens(from: first, end, atValueStart: true, valueColumn: column)
  }

  /// Reads the rest of a line from `position`. `atValueStart` tells whether a value may start
  /// there (after indentation, `- `, `: `, `[`, `,`); `valueColumn` is where the last value began.
  private mutating func scanTokens(
    from position: Int, _ end: Int, atValueStart: Bool, valueColumn: Int
  ) throws(BoardpackError) {
    var position = position
    var atValueStart = atValueStart
    var valueColumn = valueColumn
    while true {
      while position < end, isBlank(bytes[position]) { position += 1 }
      guard position < end else { return }
      let byte = bytes[position]
      let column = position - lineStart
      switch byte {
      case UInt8(ascii: "#"):
        return
      case UInt8(ascii: "&") where atValueStart, UInt8(ascii: "*") where atValueStart:
        let kind = byte == UInt8(ascii: "&") ? "an anchor" : "an alias"
        throw source.error(
          "\(kind) (\(byte == UInt8(ascii: "&") ? "&name" : "*name")): Boardpack's YAML files do not use anchors or aliases; "
            + "write the value out in full, or put text that starts with \(byte == UInt8(ascii: "&") ? "&" : "*") in quotes",
          line: line, column: self.column(position))
      case UInt8(ascii: "!") where atValueStart:
        while position < end, !isBlank(bytes[position]) { position += 1 }
      case UInt8(ascii: "-") where atValueStart && flow == 0 && endsToken(position + 1, end),
        UInt8(ascii: "?") where atValueStart && flow == 0 && endsToken(position + 1, end):
        try enterBlock(at: column)
        position += 1
      case UInt8(ascii: ":") where endsToken(position + 1, end) || flow > 0:
        if flow == 0 && !atValueStart { try enterBlock(at: valueColumn) }
        position += 1
        atValueStart = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        flow += 1
        try count()
        position += 1
        atValueStart = true
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        flow = max(flow - 1, 0)
        position += 1
        atValueStart = false
      case UInt8(ascii: ",") where flow > 0:
        position += 1
        atValueStart = true
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        try count()
        valueColumn = column
        guard let after = closingQuote(byte, from: position + 1, end) else {
          open = .quoted(byte)
          return
        }
        position = after
        atValueStart = false
      case UInt8(ascii: "|") where atValueStart && flow == 0,
        UInt8(ascii: ">") where atValueStart && flow == 0:
        try count()
        open = .block(parent: collections.last ?? -1)
        return
      default:
        guard atValueStart else {
          position += 1
          continue
        }
        try count()
        valueColumn = column
        let (after, isKey) = plainEnd(from: position, end)
        if after == nil { return }
        position = after!
        if isKey {
          if flow == 0 { try enterBlock(at: valueColumn) }
          position += 1
          atValueStart = true
        } else {
          atValueStart = false
        }
      }
    }
  }

  /// Continues a plain value on this line, then reads what follows it.
  private mutating func scanPlainThenTokens(from position: Int, _ end: Int) throws(BoardpackError) {
    open = .nothing
    let (after, isKey) = plainEnd(from: position, end)
    guard let after else { return }
    // A plain value over several lines cannot be a key; YAML refuses it, so stop here.
    if isKey { return }
    try scanTokens(from: after, end, atValueStart: false, valueColumn: position - lineStart)
  }

  /// Where the plain value starting at `position` ends on this line: at a key's `:` (`isKey`), at
  /// a flow indicator, or nil when it ends with the line (which it may then go on past) or at a
  /// comment.
  private mutating func plainEnd(from position: Int, _ end: Int) -> (Int?, isKey: Bool) {
    var position = position
    while position < end {
      let byte = bytes[position]
      if byte == UInt8(ascii: ":"),
        endsToken(position + 1, end) || flow > 0 && isFlowIndicator(bytes[position + 1])
      {
        return (position, true)
      }
      if byte == UInt8(ascii: "#"), position > 0, isBlank(bytes[position - 1]) { return (nil, false) }
      if flow > 0 && isFlowIndicator(byte) { return (position, false) }
      position += 1
    }
    open = .plain(parent: collections.last ?? -1)
    return (nil, false)
  }

  /// Just after the quote closing a value whose opening `quote` came before `position`, or nil
  /// when the value goes on past the line.
  private func closingQuote(_ quote: UInt8, from position: Int, _ end: Int) -> Int? {
    var position = position
    while position < end {
      let byte = bytes[position]
      if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
        position += 2
        continue
      }
      if byte == quote {
        if quote == UInt8(ascii: "'"), position + 1 < end, bytes[position + 1] == quote {
          position += 2
          continue
        }
        return position + 1
      }
      position += 1
    }
    return nil
  }

  /// A block list or mapping at `column`, unless the line is already in one there.
  private mutating func enterBlock(at column: Int) throws(BoardpackError) {
    guard collections.last.map({ $0 < column }) ?? true else { return }
    collections.append(column)
    try count()
  }

  /// Counts a value, and checks the depth and the number of values against the limits.
  private mutating func count() throws(BoardpackError) {
    nodes += 1
    if nodes > limits.yamlNodes {
      throw source.error(
        "the file holds more than \(limits.yamlNodes) YAML values, the limit; "
          + InputLimits.raise(.yamlNodes), line: line, column: 1)
    }
    if collections.count + flow > limits.depth {
      throw source.error(
        "the YAML nests more than \(limits.depth) levels deep, the limit; "
          + InputLimits.raise(.depth), line: line, column: nil)
    }
  }

  /// The 1-based column, in characters, of the byte at `position`.
  private func column(_ position: Int) -> Int {
    1 + bytes[lineStart..<position].count { $0 & 0xC0 != 0x80 }
  }
}
