import Foundation

/// The rule of a performance dashboard (FORMATS.md §7): which way a measure moved from its baseline to
/// its latest figure, and the RAG status that movement earns against the row's target/expectation.
///
/// Works on the cells as printed, so the generator that writes a dashboard and a check that rereads
/// one compute the same thing. Every comparison is exact, in `Decimal`.
public enum DashboardRule {
  /// A percentage moves when it changes by at least this many percentage points.
  public static let pointBand: Decimal = 2
  /// A plain figure moves when it changes by at least this percentage of its baseline.
  public static let percentBand: Decimal = 5

  /// Why a row cannot be rated; a generator reports it as an error, a check as a finding.
  public enum Problem: Error, Equatable, Sendable {
    /// A baseline or latest cell that is not `Y`, `N`, a percentage or a plain figure.
    case unreadable(String)
    /// A target/expectation with no agreed rule.
    case unknownTarget(String)
    /// A `Completed Y/N` target whose latest cell is not `Y` or `N`.
    case notYesOrNo(String)

    /// The problem in a sentence, naming the offending text.
    public var message: String {
      switch self {
      case .unreadable(let text):
        "\"\(text)\" is not Y, N, a percentage or a figure"
      case .unknownTarget(let text):
        "the target \"\(text)\" has no rating rule; expected one of: \(Target.names.joined(separator: ", "))"
      case .notYesOrNo(let text):
        "the target is Completed Y/N but the latest figure is \"\(text)\", not Y or N"
      }
    }
  }

  /// What the column of a `.direction` or `.rag` relation prints in a row whose cells print `cells`
  /// ("" when the rule gives no arrow or rating); nil for any other relation.
  public static func cell(of relation: Relation, in cells: [String]) throws(Problem) -> String? {
    switch relation {
    case .direction(_, let baseline, let latest):
      try direction(baseline: cells[baseline], latest: cells[latest])?.rawValue ?? ""
    case .rag(_, let target, let baseline, let latest):
      try rag(target: cells[target], baseline: cells[baseline], latest: cells[latest])?.rawValue
        ?? ""
    case .totalRow, .rowSum, .rowDifference, .totalColumn, .difference, .percentChange, .pointChange, .share:
      nil
    }
  }

  /// The arrow from baseline to latest; nil when either is empty or the two are of different kinds.
  public static func direction(baseline: String, latest: String) throws(Problem) -> Direction? {
    guard let old = try Measure(reading: baseline), let new = try Measure(reading: latest) else {
      return nil
    }
    switch (old, new) {
    case (.yesNo(let old), .yesNo(let new)):
      return old == new ? .stable : new ? .up : .down
    case (.percent(let old), .percent(let new)):
      return moved(new - old, outside: pointBand)
    case (.figure(let old), .figure(let new)) where old == 0:
      return moved(new, outside: 0)
    case (.figure(let old), .figure(let new)):
      // (new − old) / |old| × 100 against the band, multiplied out so that nothing is rounded.
      return moved((new - old) * 100, outside: percentBand * abs(old))
    default:
      return nil
    }
  }

  /// The RAG status of a row; nil when it has no direction.
  public static func rag(target: String, baseline: String, latest: String) throws(Problem)
    -> RAGStatus?
  {
    guard let rule = Target(target) else { throw .unknownTarget(target) }
    guard let direction = try direction(baseline: baseline, latest: latest) else { return nil }
    switch rule {
    case .increase: return graded(direction, wanted: .up)
    case .decrease: return graded(direction, wanted: .down)
    case .increaseOrMaintain: return direction == .down ? .red : .green
    case .decreaseOrMaintain: return direction == .up ? .red : .green
    case .completed:
      guard case .yesNo(let done) = try Measure(reading: latest) else { throw .notYesOrNo(latest) }
      return done ? .green : .red
    }
  }

  /// Green for the wanted movement, amber for none, red for the other.
  private static func graded(_ direction: Direction, wanted: Direction) -> RAGStatus {
    direction == wanted ? .green : direction == .stable ? .amber : .red
  }

  /// Stable when there is no change or |change| < band (strictly: reaching the band is a movement),
  /// else by the sign of the change.
  private static func moved(_ change: Decimal, outside band: Decimal) -> Direction {
    abs(change) < band || change == 0 ? .stable : change > 0 ? .up : .down
  }

  /// A baseline or latest cell, read by its own text whatever its column's type.
  private enum Measure {
    case yesNo(Bool)
    /// A percentage as printed: 65.9 for "65.9%".
    case percent(Decimal)
    /// A plain figure; `Nil` and `-` read as zero.
    case figure(Decimal)

    /// The measure in `text`; nil when the cell is empty (no data).
    init?(reading text: String) throws(Problem) {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      switch trimmed.uppercased() {
      case "": return nil
      case "Y": self = .yesNo(true)
      case "N": self = .yesNo(false)
      default:
        let type: ValueType = trimmed.hasSuffix("%") ? .percent : .decimal
        switch FigureParser.parse(trimmed, as: type) {
        case .percent(let number): self = .percent(number)
        case .decimal(let number): self = .figure(number)
        case .nilValue: self = .figure(0)
        default: throw .unreadable(trimmed)
        }
      }
    }
  }

  /// The target/expectations a rule is agreed for, matched case-insensitively on the trimmed text.
  private enum Target {
    case increase, decrease, increaseOrMaintain, decreaseOrMaintain, completed

    /// Every accepted wording, as an error message lists it.
    static let wordings: [(name: String, target: Target)] = [
      ("Increase", .increase), ("Decrease", .decrease), ("Reduce", .decrease),
      ("Increase or maintain", .increaseOrMaintain), ("Decrease or maintain", .decreaseOrMaintain),
      ("Reduce or maintain", .decreaseOrMaintain), ("Completed Y/N", .completed),
    ]
    static var names: [String] { wordings.map(\.name) }

    init?(_ text: String) {
      let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      guard let wording = Target.wordings.first(where: { $0.name.lowercased() == wanted }) else {
        return nil
      }
      self = wording.target
    }
  }
}

/// Which way a measure moved from its baseline to its latest figure; not whether that is good.
public enum Direction: String, Sendable, Equatable {
  case up = "↑"
  case stable = "↔"
  case down = "↓"
}

/// A red, amber or green rating, printed as its word (colour alone would fail accessibility).
public enum RAGStatus: String, Sendable, Equatable {
  case green = "Green"
  case amber = "Amber"
  case red = "Red"
}
