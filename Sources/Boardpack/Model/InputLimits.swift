import Foundation

/// The bounds on the work an input can ask for; an input past one is refused with an error that
/// names the limit and the environment variable that raises it.
///
/// Each default is far above what a real paper, template or merge needs, and low enough that no
/// input can take minutes or gigabytes before it is refused.
public struct InputLimits: Sendable, Equatable {
  /// The largest input file, in bytes (`BOARDPACK_MAX_INPUT_SIZE`, e.g. `512M`, `2G`).
  public var fileSize: Int
  /// The deepest nesting of lists and mappings in a YAML file, and of blocks in a paper
  /// (`BOARDPACK_MAX_DEPTH`).
  public var depth: Int
  /// The most values (scalars, lists and mappings) in a YAML file (`BOARDPACK_MAX_YAML_NODES`).
  public var yamlNodes: Int
  /// The most blocks, list items and table rows one letter may bind to
  /// (`BOARDPACK_MAX_LETTER_BLOCKS`).
  public var letterBlocks: Int
  /// The most attributes one element of an XML paper may have (`BOARDPACK_MAX_ATTRIBUTES`).
  public var attributes: Int
  /// The most cells one sheet of a spreadsheet may hold, counting each repeat of a repeated row or
  /// cell (`BOARDPACK_MAX_SHEET_CELLS`).
  public var sheetCells: Int

  public static let defaults = InputLimits(
    fileSize: 256 << 20, depth: 64, yamlNodes: 1_000_000, letterBlocks: 100_000, attributes: 1_000,
    sheetCells: 5_000_000)

  public init(
    fileSize: Int, depth: Int, yamlNodes: Int, letterBlocks: Int, attributes: Int,
    sheetCells: Int
  ) {
    self.fileSize = fileSize
    self.depth = depth
    self.yamlNodes = yamlNodes
    self.letterBlocks = letterBlocks
    self.attributes = attributes
    self.sheetCells = sheetCells
  }

  /// The limits in force: the defaults, each raised or lowered by its environment variable.
  public static var current: InputLimits {
    var limits = defaults
    limits.fileSize = setting(.fileSize) ?? limits.fileSize
    limits.depth = setting(.depth) ?? limits.depth
    limits.yamlNodes = setting(.yamlNodes) ?? limits.yamlNodes
    limits.letterBlocks = setting(.letterBlocks) ?? limits.letterBlocks
    limits.attributes = setting(.attributes) ?? limits.attributes
    limits.sheetCells = setting(.sheetCells) ?? limits.sheetCells
    return limits
  }

  /// The environment variable of each limit.
  public enum Variable: String, Sendable, CaseIterable {
    case fileSize = "BOARDPACK_MAX_INPUT_SIZE"
    case depth = "BOARDPACK_MAX_DEPTH"
    case yamlNodes = "BOARDPACK_MAX_YAML_NODES"
    case letterBlocks = "BOARDPACK_MAX_LETTER_BLOCKS"
    case attributes = "BOARDPACK_MAX_ATTRIBUTES"
    case sheetCells = "BOARDPACK_MAX_SHEET_CELLS"
  }

  /// The variable's value: a whole number, optionally with K, M or G (powers of 1,024) for sizes;
  /// nil when it is not set or not such a number.
  static func setting(_ variable: Variable) -> Int? {
    guard let raw = getenv(variable.rawValue) else { return nil }
    return quantity(String(cString: raw))
  }

  /// "256", "512K", "1G" as a count (K, M and G are powers of 1,024); nil for anything else.
  static func quantity(_ text: String) -> Int? {
    var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
    var scale = 1
    if let unit = digits.last, let power = ["K": 10, "M": 20, "G": 30][String(unit)] {
      scale = 1 << power
      digits.removeLast()
      if digits.hasSuffix("I") { digits.removeLast() }
    } else if digits.hasSuffix("B") {
      digits.removeLast()
      return quantity(digits)
    }
    guard let value = DecimalDigits.value(of: digits), value > 0 else { return nil }
    let (scaled, overflow) = value.multipliedReportingOverflow(by: scale)
    return overflow ? Int.max : scaled
  }

  /// "how to raise it" for an error: "set BOARDPACK_MAX_DEPTH to raise it".
  static func raise(_ variable: Variable, example: String? = nil) -> String {
    "set \(variable.rawValue) to raise it" + (example.map { " (e.g. \(variable.rawValue)=\($0))" } ?? "")
  }

  /// A size in bytes as people read it: "256 MB", "1.5 GB", "900 bytes".
  static func size(_ bytes: Int) -> String {
    let units: [(String, Int)] = [("GB", 30), ("MB", 20), ("KB", 10)]
    for (unit, power) in units where bytes >= 1 << power {
      let value = Double(bytes) / Double(1 << power)
      let text =
        value == value.rounded() || value >= 100
        ? String(Int(value.rounded())) : String(format: "%.1f", value)
      return "\(text) \(unit)"
    }
    return "\(bytes) bytes"
  }
}
