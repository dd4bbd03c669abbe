import Foundation

/// UK formatting of figures: "£1,234.56", "Nil", "1,234", "34.8%", "+2.1pp". Works on `Decimal` only.
public enum UKFormat {
  /// Rounds half away from zero to `places` decimal places.
  public static func rounded(_ value: Decimal, places: Int) -> Decimal {
    var input = value
    var result = Decimal()
    NSDecimalRound(&result, &input, places, .plain)
    return result
  }

  /// "1,234.50" for (1234.5, places: 2); thousands separators, no sign for zero.
  public static func number(_ value: Decimal, places: Int = 0, grouped: Bool = true) -> String {
    text(ofRounded: rounded(value, places: places), places: places, grouped: grouped)
  }

  /// `number(_:places:grouped:)` for a value already rounded to `places`.
  private static func text(ofRounded rounded: Decimal, places: Int, grouped: Bool) -> String {
    let negative = rounded < 0
    let digits = Array((negative ? -rounded : rounded).plainText.utf8)
    let point = digits.firstIndex(of: UInt8(ascii: ".")) ?? digits.endIndex
    var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
    text.reserveCapacity(digits.count + digits.count / 3 + places + 2)
    for index in 0..<point {
      if grouped && index > 0 && (point - index) % 3 == 0 { text.append(UInt8(ascii: ",")) }
      text.append(digits[index])
    }
    if places > 0 {
      text.append(UInt8(ascii: "."))
      let fraction = digits[min(point + 1, digits.endIndex)...]
      text += fraction
      text += repeatElement(UInt8(ascii: "0"), count: max(0, places - fraction.count))
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// "£1,234.56"; "Nil" for zero when `nilForZero`; "-£12.00" for a negative amount.
  public static func money(_ value: Decimal, places: Int = 2, nilForZero: Bool = true) -> String {
    let rounded = rounded(value, places: places)
    if nilForZero && rounded == 0 { return "Nil" }
    let text = text(ofRounded: rounded < 0 ? -rounded : rounded, places: places, grouped: true)
    return (value < 0 ? "-£" : "£") + text
  }

  /// "34.8%".
  public static func percent(_ value: Decimal, places: Int = 1) -> String {
    number(value, places: places, grouped: false) + "%"
  }

  /// "+2.1pp", "-0.4pp", "0.0pp".
  public static func points(_ value: Decimal, places: Int = 1) -> String {
    let text = number(value, places: places, grouped: false)
    return (rounded(value, places: places) > 0 ? "+" : "") + text + "pp"
  }

  /// How a value of `type` is shown, with `places` decimals (money: 2 unless the column shows whole pounds).
  public static func show(_ value: Value, places: Int) -> String {
    switch value {
    case .text(let text): text
    case .count(let n): number(n, places: 0)
    case .money(let n): money(n, places: places)
    case .decimal(let n): number(n, places: places)
    case .percent(let n): percent(n, places: places)
    case .points(let n): points(n, places: places)
    case .nilValue: "Nil"
    case .blank: ""
    }
  }
}
