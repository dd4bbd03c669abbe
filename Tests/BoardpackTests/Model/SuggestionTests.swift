import Boardpack
import Testing

@Suite struct SuggestionTests {
  static let slots = ["period", "summary", "background", "appendices"]

  @Test(arguments: [
    ("sumary", "summary"), ("backgroud", "background"), ("Summary", "summary"),
    ("peroid", "period"), ("apendices", "appendices"),
  ])
  func suggestsTheNearestName(typed: String, meant: String) {
    #expect(Suggestion.nearest(to: typed, among: Self.slots) == meant)
  }

  @Test(arguments: ["summary", "note", "background-and-history", "x"])
  func suggestsNothingForAKnownOrDistantName(typed: String) {
    #expect(Suggestion.nearest(to: typed, among: Self.slots) == nil)
  }

  @Test func namesThatDifferOnlyInTheirNumbersAreNotSlips() {
    #expect(Suggestion.nearest(to: "row-99", among: ["row-1", "row-9"]) == nil)
    #expect(Suggestion.nearest(to: "q4-map", among: ["q3-map"]) == nil)
    #expect(Suggestion.nearest(to: "Row-1", among: ["row-1"]) == "row-1")
  }

  @Test func anIDTypedShortIsTheOneIDItBegins() {
    let ids = ["dpcc-update", "pcc-update-report", "board-update", "board-update-annex"]
    #expect(Suggestion.nearest(to: "pcc-update", among: ids) == "pcc-update-report")
    // "board" begins two ids, and "board-update" is itself one.
    #expect(Suggestion.nearest(to: "board", among: ids) == nil)
    #expect(Suggestion.nearest(to: "board-update", among: ids) == nil)
  }

  @Test func saysDidYouMeanOrNothing() {
    #expect(Suggestion.didYouMean("sumary", among: Self.slots) == " (did you mean \"summary\"?)")
    #expect(Suggestion.didYouMean("nonesuch", among: Self.slots) == "")
  }
}
