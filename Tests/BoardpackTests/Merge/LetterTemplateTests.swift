import Boardpack
import Foundation
import Testing

@Suite struct LetterTemplateTests {
  @Test func parsesFieldsAsNodesWithFormats() throws {
    let template = try LetterTemplate(
      yaml: """
        id: t
        title: "{{Name|upper}} letter"
        blocks:
          - "Pay {{Amount|money}} by {{Due|date}}."
        """, path: "t.yaml")
    #expect(
      template.title.content == [
        .field(
          FieldReference(
            column: "Name", format: .upper,
            location: SourceLocation(file: "t.yaml", line: 2, column: 8))),
        .text(" letter"),
      ])
    guard case .paragraph(let text, nil) = template.blocks.first else {
      Issue.record("expected a paragraph")
      return
    }
    let at = SourceLocation(file: "t.yaml", line: 4, column: 5)
    #expect(
      text.content == [
        .text("Pay "), .field(FieldReference(column: "Amount", format: .money, location: at)),
        .text(" by "),
        .field(FieldReference(column: "Due", format: .date, location: at)), .text("."),
      ])
  }

  @Test func parsesAFieldsDefault() throws {
    let template = try LetterTemplate(
      yaml: """
        id: t
        title: T
        blocks: ["{{Salutation|default: Dear Chair, }}{{Name|default:}}"]
        """, path: "t.yaml")
    let at = SourceLocation(file: "t.yaml", line: 3, column: 10)
    guard case .paragraph(let text, nil) = template.blocks.first else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(
      text.content == [
        .field(
          FieldReference(
            column: "Salutation", format: .plain, fallback: "Dear Chair,", location: at)),
        .field(FieldReference(column: "Name", format: .plain, fallback: "", location: at)),
      ])
  }

  @Test func parsesConditionsRepeatsAndComputedColumns() throws {
    let template = try LetterTemplate(
      yaml: """
        id: t
        title: T
        computed: {Remaining: Allocation - Expenditure + Extra}
        joins: {projects: {file: p.csv, key: Area}}
        blocks:
          - if: Remaining >= £10
            then: [Yes]
          - if: Expenditure is nil
            then: [Nil]
          - if: projects is empty
            then: [None]
          - bullets: [{each: projects, item: "{{Project}}"}]
        """, path: "t.yaml")
    #expect(
      template.computed.map(\.terms) == [
        [
          .init(column: "Allocation", negated: false), .init(column: "Expenditure", negated: true),
          .init(column: "Extra", negated: false),
        ]
      ])
    #expect(template.joins["projects"]?.file == "p.csv")
    let conditions = template.blocks.compactMap { block -> Condition.Test? in
      if case .conditional(let condition, _, _) = block { condition.test } else { nil }
    }
    #expect(conditions == [.compare(.greaterOrEqual, .figure(10)), .isNil, .isEmpty])
  }

  @Test func reportsAnUnknownFormatWithItsLine() {
    let yaml = """
      id: t
      title: T
      blocks:
        - "Pay {{Amount|pounds}}"
      """
    #expect(
      throws: BoardpackError(
        "unknown format \"pounds\" in \"{{Amount|pounds}}\"; use one of money, money-or-nil, date, number, upper, lower, or default:TEXT",
        at: SourceLocation(file: "t.yaml", line: 4, column: 5),
        sourceLine: "  - \"Pay {{Amount|pounds}}\"")
    ) { try LetterTemplate(yaml: yaml, path: "t.yaml") }
  }

  @Test func reportsAnUnclosedField() {
    #expect(throws: BoardpackError.self) {
      try LetterTemplate(yaml: "id: t\ntitle: T\nblocks: [\"{{Name\"]\n", path: "t.yaml")
    }
  }

  @Test func reportsABadCondition() {
    #expect(throws: BoardpackError.self) {
      try LetterTemplate(
        yaml: "id: t\ntitle: T\nblocks: [{if: Remaining, then: [x]}]\n", path: "t.yaml")
    }
  }

  @Test func parsesTheShippedCSPLetter() throws {
    let template = try LetterTemplate(contentsOf: MergeFixtures.letterTemplate)
    #expect(template.id == "csp-partner-letter")
    #expect(template.joins["projects"]?.key == "Partnership")
    #expect(template.computed.map(\.name) == ["Remaining", "Overspend"])
  }
}
