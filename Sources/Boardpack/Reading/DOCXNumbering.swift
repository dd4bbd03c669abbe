import BoardpackXML

/// Word's list numbering (`word/numbering.xml`), counted as Word and LibreOffice count it: each
/// numbering instance (`w:num`) numbers from its abstract definition's levels, or the levels it
/// overrides (`w:lvlOverride/w:lvl`); instances of one abstract definition share one count, so a
/// second instance continues the first, and an instance that overrides a level's start
/// (`w:startOverride`) restarts the shared count there at its first use. Counting an item
/// restarts the levels below it, unless a level's `w:lvlRestart` says otherwise (0: never, as
/// Word has it; LibreOffice 7.4 restarts such a level all the same).
struct DOCXNumbering {
  /// One level of a list definition.
  struct Level {
    /// `w:numFmt`: "decimal", "lowerLetter", "upperRoman", "bullet", "none", …
    var format = "decimal"
    /// `w:lvlText`, e.g. "%1." or "(%2)"; `%N` stands for level N's number.
    var text = "%1."
    var start = 1
    /// `w:lvlRestart`: the level (1-based) after whose use this one restarts; 0 for never, nil
    /// for after any higher level.
    var restartAfter: Int?
    /// `w:isLgl`: the numbers of every level are printed in decimal.
    var isLegal = false

    var isBullet: Bool { format == "bullet" }
  }

  /// A list definition: nine levels at most.
  private typealias Definition = [Int: Level]

  /// What a numbered paragraph prints.
  struct Marker {
    /// The number of the paragraph's own level.
    var number: Int
    var level: Level
    /// The marker as printed, e.g. "3.", "(b)", "1.2"; "" for a bullet.
    var printed: String
  }

  private var abstracts: [String: Definition] = [:]
  /// Per instance: its abstract definition's id, and its overridden levels and starts.
  private var instances: [String: (abstract: String, levels: Definition, starts: [Int: Int])] = [:]
  /// The running count per abstract definition, per level.
  private var counts: [String: [Int: Int]] = [:]
  /// The instances and levels whose start override has been applied, as "numId/level".
  private var overridden: Set<String> = []

  init() {}

  /// Reads `numbering.xml`; `styleNumbering` gives the `numId` of a numbering style, which an
  /// abstract definition that only links to one (`w:numStyleLink`) takes its levels from.
  init(_ xml: XMLDocument, styleNumbering: (String) -> String?) {
    guard let root = xml.root else { return }
    var links: [String: String] = [:]
    for element in root.elements {
      switch element.name {
      case "abstractNum":
        guard let id = element.attribute("abstractNumId", namespace: DOCX.w) else { continue }
        abstracts[id] = Self.levels(in: element)
        if let link = element.elements.first(where: { $0.name == "numStyleLink" })?
          .attribute("val", namespace: DOCX.w)
        {
          links[id] = link
        }
      case "num":
        guard let id = element.attribute("numId", namespace: DOCX.w),
          let abstract = element.elements.first(where: { $0.name == "abstractNumId" })?
            .attribute("val", namespace: DOCX.w)
        else { continue }
        var levels: Definition = [:]
        var starts: [Int: Int] = [:]
        for override in element.elements where override.name == "lvlOverride" {
          guard let level = override.attribute("ilvl", namespace: DOCX.w).flatMap({ Int($0) })
          else { continue }
          for child in override.elements {
            if child.name == "startOverride",
              let start = child.attribute("val", namespace: DOCX.w).flatMap({ Int($0) })
            {
              starts[level] = start
            } else if child.name == "lvl" {
              levels[level] = Self.level(child)
            }
          }
        }
        instances[id] = (abstract, levels, starts)
      default: break
      }
    }
    // An abstract definition that links to a numbering style takes the levels of the abstract
    // definition behind that style's instance.
    for (id, style) in links {
      guard let numId = styleNumbering(style), let target = instances[numId]?.abstract,
        target != id, let levels = abstracts[target], !levels.isEmpty
      else { continue }
      abstracts[id] = levels
    }
  }

  private static func levels(in definition: XMLNode) -> Definition {
    var result: Definition = [:]
    for element in definition.elements where element.name == "lvl" {
      if let level = element.attribute("ilvl", namespace: DOCX.w).flatMap({ Int($0) }) {
        result[level] = self.level(element)
      }
    }
    return result
  }

  private static func level(_ element: XMLNode) -> Level {
    var level = Level()
    for child in element.elements {
      let value = child.attribute("val", namespace: DOCX.w)
      switch child.name {
      case "start": level.start = value.flatMap { Int($0) } ?? 1
      case "numFmt": level.format = value ?? "decimal"
      case "lvlText": level.text = value ?? ""
      case "lvlRestart": level.restartAfter = value.flatMap { Int($0) }
      case "isLgl": level.isLegal = DOCX.isOn(value)
      default: break
      }
    }
    return level
  }

  /// The level definition instance `numId` has at `level`, if any.
  func level(_ numId: String, _ level: Int) -> Level? {
    guard let instance = instances[numId] else { return nil }
    return instance.levels[level] ?? abstracts[instance.abstract]?[level]
  }

  /// Counts a paragraph numbered by instance `numId` at `level` (0-based) and returns what it
  /// prints; nil when the instance or level is not defined (Word prints no number then).
  mutating func count(_ numId: String, level: Int) -> Marker? {
    guard let instance = instances[numId], let own = self.level(numId, level) else { return nil }
    let key = instance.abstract
    var levelCounts = counts[key] ?? [:]
    func start(_ level: Int) -> Int { self.level(numId, level)?.start ?? 1 }
    if let restart = instance.starts[level], overridden.insert("\(numId)/\(level)").inserted {
      levelCounts[level] = restart
    } else {
      levelCounts[level] = levelCounts[level].map { $0 + 1 } ?? start(level)
    }
    for deeper in (level + 1)..<9 {
      let restartAfter = self.level(numId, deeper)?.restartAfter
      if restartAfter.map({ $0 != 0 && level + 1 <= $0 }) ?? true {
        levelCounts[deeper] = nil
      }
    }
    counts[key] = levelCounts
    let number = levelCounts[level] ?? start(level)
    var printed = ""
    if !own.isBullet {
      var text = Substring(own.text)
      while let percent = text.firstIndex(of: "%") {
        printed += text[..<percent]
        let digit = text.index(after: percent)
        guard digit < text.endIndex, let shown = text[digit].wholeNumberValue,
          (1...9).contains(shown)
        else {
          printed += "%"
          text = text[digit...]
          continue
        }
        let other = shown - 1
        let value = levelCounts[other] ?? start(other)
        let format =
          own.isLegal && other < level ? "decimal" : self.level(numId, other)?.format ?? "decimal"
        printed += Self.formatted(value, format)
        text = text[text.index(after: digit)...]
      }
      printed += text
    }
    return Marker(number: number, level: own, printed: printed)
  }

  /// `value` written in Word's number format `format`.
  static func formatted(_ value: Int, _ format: String) -> String {
    switch format {
    case "none", "bullet": return ""
    case "lowerLetter", "upperLetter":
      // Word repeats the letter past z: aa, bb, …
      let letter = Character(UnicodeScalar(UInt8(97 + (max(value, 1) - 1) % 26)))
      let text = String(repeating: letter, count: (max(value, 1) - 1) / 26 + 1)
      return format == "upperLetter" ? text.uppercased() : text
    case "lowerRoman", "upperRoman":
      let roman = PrintedText.generatedMarker(value - 1, format: "i").dropFirst().dropLast()
      return format == "upperRoman" ? roman.uppercased() : String(roman)
    case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
    default: return "\(value)"
    }
  }
}
