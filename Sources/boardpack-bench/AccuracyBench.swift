import ArgumentParser
import Boardpack
import Foundation

/// `boardpack-bench accuracy`: the validator against papers whose errors are known — the project's
/// own fixtures, each with its exact expected findings, and the TAT-QA development corpus of real
/// annual-report tables when `../shared/corpora/tatqa-dev` is beside the project.
struct AccuracyBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accuracy",
    abstract:
      "Score the validator on papers with known errors (targets on the corpus: at most 2 false alarms per 100 documents, planted recall at least 0.80)."
  )

  @Option(help: "The TAT-QA development corpus, scored when present.")
  var corpus = "../shared/corpora/tatqa-dev"

  /// The manifests of the project's fixtures: each maps a file beside it to its findings, written
  /// "rule severity stated" in the validator's order.
  static let manifests = [
    "Tests/BoardpackTests/Fixtures/seeds/expected.json",
    "Tests/BoardpackTests/Fixtures/tables/expected.json",
  ]

  func run() throws {
    try scoreFixtures()
    if FileManager.default.fileExists(atPath: corpus + "/planted.json") {
      try scoreCorpus()
    } else {
      print("accuracy: \(corpus) is not there; the corpus is scored when it is")
    }
  }

  /// Expected against found findings, document by document, as multisets.
  private func scoreFixtures() throws {
    var documents = 0
    var (expectedCount, foundCount, matched) = (0, 0, 0)
    var misses: [String] = []
    for manifest in Self.manifests {
      let folder = (manifest as NSString).deletingLastPathComponent
      let expected = try JSONDecoder().decode(
        [String: [String]].self, from: Data(contentsOf: URL(fileURLWithPath: manifest)))
      for (name, findings) in expected.sorted(by: { $0.key < $1.key }) {
        documents += 1
        let found = try Self.findings(in: folder + "/" + name).map(Fixture.summary)
        var unmatched = findings
        for finding in found {
          if let index = unmatched.firstIndex(of: finding) {
            unmatched.remove(at: index)
            matched += 1
          } else {
            misses.append("\(name): unexpected \(finding)")
          }
        }
        misses += unmatched.map { "\(name): missed \($0)" }
        expectedCount += findings.count
        foundCount += found.count
      }
    }
    let falseAlarms = foundCount - matched
    print(
      "accuracy: project fixtures, \(documents) documents: FA/100 docs "
        + Self.format(100 * Double(falseAlarms) / Double(max(documents, 1)))
        + ", precision \(Self.ratio(matched, foundCount)), recall \(Self.ratio(matched, expectedCount))"
        + " (\(matched) of \(expectedCount) expected findings, \(foundCount) found)")
    for line in misses { print("  \(line)") }
  }

  /// `../shared/corpora/tatqa-dev/score.py`'s measures, in process: false alarms per 100 documents
  /// (a diagnostic on an unplanted document that no hand-made verdict calls real), the share of
  /// errors judged real, and the share of planted errors found by a table-sum diagnostic that the
  /// unplanted document does not get.
  private func scoreCorpus() throws {
    let judgments = try JSONDecoder().decode(
      Corpus.Judgments.self,
      from: Data(contentsOf: URL(fileURLWithPath: corpus + "/judgments.json")))
    let plants = try JSONDecoder().decode(
      [Corpus.Plant].self, from: Data(contentsOf: URL(fileURLWithPath: corpus + "/planted.json")))
    let documents = try FileManager.default.contentsOfDirectory(atPath: corpus + "/tatqa")
      .filter { $0.hasSuffix(".xhtml") }.sorted()
    var base: [String: [Diagnostic]] = [:]
    var (falseAlarms, errors, realErrors) = (0, 0, 0)
    var causes: [String: Int] = [:]
    var unjudged: [String] = []
    for name in documents {
      let document = String(name.prefix { $0 != "." })
      let found = try Self.findings(in: "\(corpus)/tatqa/\(name)")
      base[document] = found
      for diagnostic in found {
        let verdict = judgments.verdict(on: diagnostic, in: document)
        if diagnostic.severity == .error {
          errors += 1
          realErrors += verdict?.verdict == "real" ? 1 : 0
        }
        guard verdict?.verdict != "real" else { continue }
        falseAlarms += 1
        causes[verdict?.cause ?? "(unjudged)", default: 0] += 1
        if verdict == nil {
          unjudged.append("\(document): \(DiagnosticPrinter().line(diagnostic))")
        }
      }
    }
    var detected = 0
    for plant in plants {
      var seen = base[plant.doc, default: []].map(Corpus.key)
      let found = try Self.findings(in: "\(corpus)/tatqa-planted/\(plant.doc).xhtml")
      let new = found.filter { diagnostic in
        guard let index = seen.firstIndex(of: Corpus.key(diagnostic)) else { return true }
        seen.remove(at: index)
        return false
      }
      detected += new.contains { $0.rule == .tableSum } ? 1 : 0
    }
    print(
      "accuracy: \(corpus), \(documents.count) documents: FA/100 docs "
        + Self.format(100 * Double(falseAlarms) / Double(max(documents.count, 1)))
        + ", error precision \(Self.ratio(realErrors, errors)), planted recall \(Self.ratio(detected, plants.count))"
        + " (\(detected) of \(plants.count) plants)")
    if !causes.isEmpty {
      print(
        "  false alarms by cause: "
          + causes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", "))
    }
    for line in unjudged { print("  unjudged: \(line)") }
  }

  private static func findings(in path: String) throws -> [Diagnostic] {
    Validator().check(try PaperFile.read(path: path), file: (path as NSString).lastPathComponent)
  }

  private static func ratio(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "n/a" : String(format: "%.3f", Double(part) / Double(whole))
  }

  private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// The corpus's files, as far as the score needs them.
private enum Corpus {
  struct Judgments: Decodable {
    var judgments: [Judgment]

    /// The verdict on a diagnostic: by its place, stated and expected figures; else by its place
    /// and stated figure; else, for inconsistencies registered by hand, by document, rule and row.
    func verdict(on diagnostic: Diagnostic, in document: String) -> Judgment? {
      judgments.first { $0.matches(diagnostic, in: document, expected: true) }
        ?? judgments.first { $0.matches(diagnostic, in: document, expected: false) }
        ?? judgments.first {
          $0.match == "doc-rule-row" && $0.doc == document && $0.rule == diagnostic.rule.rawValue
            && $0.row == diagnostic.location.row
        }
    }
  }

  struct Judgment: Decodable {
    var doc: String
    var rule: String
    var table: String?
    var row: String?
    var column: String?
    var paragraph: String?
    var stated: String?
    var expected: String?
    var verdict: String
    var cause: String
    var match: String?

    func matches(_ diagnostic: Diagnostic, in document: String, expected withExpected: Bool) -> Bool
    {
      let location = diagnostic.location
      return doc == document && rule == diagnostic.rule.rawValue && table == location.table
        && row == location.row && column == location.column && paragraph == location.paragraph
        && stated == diagnostic.stated && (!withExpected || expected == diagnostic.expected)
    }
  }

  struct Plant: Decodable {
    var doc: String
  }

  /// A diagnostic's rule, place and stated figure: the same finding on a planted copy, whatever
  /// its expected figure.
  static func key(_ diagnostic: Diagnostic) -> [String?] {
    let location = diagnostic.location
    return [
      diagnostic.rule.rawValue, location.table, location.row, location.column, location.paragraph,
      diagnostic.stated,
    ]
  }
}

/// How the fixtures' manifests write a finding.
enum Fixture {
  /// "table-sum error 413": the rule, the severity and the figure stated.
  static func summary(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.rule.rawValue) \(diagnostic.severity.rawValue) \(diagnostic.stated ?? "")"
  }
}
