import Foundation

/// A printed figure with what its printing leaves uncertain: rounded figures (percentages,
/// decimals, whole currency units, anything in a table stated in thousands or millions) stand for
/// anything within half a unit of their last printed place; counts and money in pence are exact.
public struct Measured: Sendable, Equatable {
  public var value: Decimal
  /// Half a unit of the last printed place when the figure was rounded, else 0.
  public var slack: Decimal
  /// Decimal places printed.
  public var places: Int
  /// The figure as printed.
  public var shown: String
  /// What the figure measures: a plain amount, a percentage, points.
  public var unit: PrintedFigure.Unit = .plain
  /// Money printed in whole units with no stated scale, which may have been rounded from pence.
  public var isWholePounds = false

  /// What a column tells about its figures beyond what each cell prints.
  public struct Context: Sendable, Equatable {
    /// The unit the header gives ("Change (%)"), for cells that print none.
    public var unit: PrintedFigure.Unit?
    /// The header or table names a currency ("£", "$m", "Total Agreements £").
    public var isMoney = false
    /// The table states a scale ("in millions", "£000"): every figure is rounded.
    public var isScaled = false

    public init(unit: PrintedFigure.Unit? = nil, isMoney: Bool = false, isScaled: Bool = false) {
      self.unit = unit
      self.isMoney = isMoney
      self.isScaled = isScaled
    }
  }

  /// Reads a cell: its typed value when the file declares one, else its printed text.
  public init?(_ cell: Cell, context: Context = Context()) {
    self.init(cell, printed: PrintedFigure(reading: cell.shown), context: context)
  }

  /// Reads a cell whose text has been read already as `printed`.
  init?(_ cell: Cell, printed: PrintedFigure?, context: Context) {
    let shown = cell.shown.trimmedOfWhiteSpace
    guard let printed else {
      guard let value = cell.value.number else { return nil }
      self.init(value: value, places: FigureParser.places(in: shown), shown: shown)
      return
    }
    let unit = printed.unit == .plain ? context.unit ?? .plain : printed.unit
    let isMoney = printed.currency != nil || context.isMoney || cell.value.isMoney
    let rounded =
      unit != .plain || context.isScaled || printed.scale != nil
      || (isMoney ? printed.places == 0 : printed.places > 0)
    self.init(
      value: cell.value.number ?? printed.value,
      slack: rounded && !printed.isNil ? Measured.halfUnit(printed.places) : 0,
      places: printed.places, shown: shown)
    self.unit = unit
    isWholePounds =
      isMoney && printed.places == 0 && !printed.isNil && !context.isScaled && printed.scale == nil
  }

  /// Reads a figure printed in text ("£40,474.77", "413", "34.8%").
  public init?(text: String) {
    let trimmed = text.trimmedOfWhiteSpace
    for type in [ValueType.money, .percent, .count, .decimal] {
      guard let number = FigureParser.parse(trimmed, as: type)?.number else { continue }
      let places = FigureParser.places(in: trimmed)
      let rounded = trimmed.hasSuffix("%") || (trimmed.contains("£") ? places == 0 : places > 0)
      self.init(
        value: number, slack: rounded ? Measured.halfUnit(places) : 0, places: places,
        shown: trimmed)
      return
    }
    return nil
  }

  public init(value: Decimal, slack: Decimal = 0, places: Int = 0, shown: String = "") {
    self.value = value
    self.slack = slack
    self.places = places
    self.shown = shown
  }

  public var low: Decimal { value - slack }
  public var high: Decimal { value + slack }

  /// Whether this printed figure can be the rounding of a true value in `low...high`: it may be off
  /// by half a unit of its own printed place, and by nothing more.
  public func agrees(withRange low: Decimal, _ high: Decimal) -> Bool {
    let tolerance = Measured.halfUnit(places)
    return value + tolerance >= low && value - tolerance <= high
  }

  /// `agrees(withRange:)` for a computed figure and its uncertainty.
  public func agrees(with expected: Measured) -> Bool {
    agrees(withRange: expected.low, expected.high)
  }

  /// How a printed figure compares with the figure computed from others.
  public enum Verdict: Sendable { case agrees, withinRounding, disagrees }

  /// `.withinRounding` when only the rounding of whole pounds can explain the difference: worth a
  /// warning, as pounds are often rounded from pence but as often typed exactly.
  public func verdict(against expected: Measured) -> Verdict {
    guard agrees(with: expected) else { return .disagrees }
    return isWholePounds && !agrees(withRange: expected.value, expected.value)
      ? .withinRounding : .agrees
  }

  /// Half a unit of the `places`-th decimal place: 5 × 10^-(places + 1), made directly, as
  /// dividing `Decimal`s takes microseconds.
  public static func halfUnit(_ places: Int) -> Decimal {
    Decimal(sign: .plus, exponent: -(places + 1), significand: 5)
  }

  /// The sum of `figures`, carrying their uncertainty, printed like the first of them.
  public static func sum(_ figures: [Measured]) -> Measured {
    var sum = unprintedSum(figures)
    sum.shown = show(sum.value, like: figures.first?.shown ?? "")
    return sum
  }

  /// `sum(_:)` with `shown` left empty, for searches that compare many sums and print few.
  static func unprintedSum(_ figures: [Measured]) -> Measured {
    Measured(
      value: figures.reduce(0) { $0 + $1.value }, slack: figures.reduce(0) { $0 + $1.slack },
      places: figures.map(\.places).max() ?? 0)
  }

  /// The range of `formula` over every corner of its operands' uncertainty; nil where it is undefined.
  public static func range(_ a: Measured, _ b: Measured, _ formula: (Decimal, Decimal) -> Decimal?)
    -> Measured?
  {
    let values = [a.low, a.high].flatMap { x in [b.low, b.high].map { y in formula(x, y) } }
    guard let central = formula(a.value, b.value) else { return nil }
    let defined = values.compactMap { $0 }
    guard defined.count == values.count, let low = defined.min(), let high = defined.max() else {
      return nil
    }
    return Measured(value: central, slack: max(high - central, central - low))
  }

  /// `value` printed the way `like` is printed (same places, "£", "%" or "pp").
  public static func show(_ value: Decimal, like shown: String) -> String {
    let places = FigureParser.places(in: shown)
    if shown.contains("£") { return UKFormat.money(value, places: places, nilForZero: false) }
    if shown.hasSuffix("pp") { return UKFormat.points(value, places: places) }
    let sign = shown.hasPrefix("+") && UKFormat.rounded(value, places: places) > 0 ? "+" : ""
    if shown.hasSuffix("%") { return sign + UKFormat.percent(value, places: places) }
    return sign
      + UKFormat.number(value, places: places, grouped: shown.contains(",") || !shown.contains("."))
  }
}

extension Value {
  var isMoney: Bool { if case .money = self { true } else { false } }
}
