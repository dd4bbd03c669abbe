import Boardpack
import Foundation
import Testing

/// `RelationFinder` finds the arithmetic of tables written elsewhere, and only on evidence.
@Suite struct RelationFinderTests {
  static func relations(_ rows: [[String]], caption: String = "") -> [TableRelation] {
    RelationFinder(TableLayoutTests.layout(rows, caption: caption)).relations()
  }

  @Test func findsSubTotalsAndAGrandTotalOverThem() {
    let found = Self.relations([
      ["", "2019", "2018"], ["Transportation:", "", ""], ["Automotive", "$ 5,686", "$ 6,092"],
      ["Sensors", "914", "918"], ["Total transportation", "6,600", "7,010"],
      ["Industrial:", "", ""],
      ["Equipment", "1,949", "1,987"], ["Energy", "699", "712"],
      ["Total industrial", "2,648", "2,699"],
      ["Total", "$ 9,248", "$ 9,709"],
    ])
    #expect(
      found == [
        TableRelation(.rowSum(row: 3, of: [1, 2]), basis: .established),
        TableRelation(.rowSum(row: 7, of: [5, 6]), basis: .established),
        TableRelation(.rowSum(row: 8, of: [3, 7]), basis: .established),
      ])
  }

  @Test func readsLessRowsAndDifferencesByRows() {
    let found = Self.relations([
      ["", "Operating", "Finance"], ["2020", "$460", "47"], ["Thereafter", "686", "170"],
      ["Total lease payments", "1,146", "217"], ["Less: interest", "516", "90"],
      ["Present value", "630", "127"],
    ])
    #expect(found.map(\.relation) == [.rowSum(row: 2, of: [0, 1]), .rowSum(row: 4, of: [2, 3])])
    let net = Self.relations([
      ["$ million", "2019", "2018"], ["Total", "$5,015", "$5,256"],
      ["Income tax benefit", "1,133", "1,188"],
      ["Net", "$3,882", "$4,068"],
    ])
    // Found from below as a total above its parts: "Total" = "Net" + "Income tax benefit".
    #expect(net.map(\.relation) == [.rowSum(row: 0, of: [2, 1])])
  }

  @Test func findsTotalColumnsAndRollForwards() {
    let found = Self.relations([
      ["(In millions)", "Dec 29, 2018", "Acquisitions", "Other", "Dec 28, 2019"],
      ["Data Centre", "$5,424", "$1,758", "$(27)", "$7,155"],
      ["Mobile", "10,290", "64", "(12)", "10,342"],
      ["Programmable", "2,579", "67", "—", "2,646"],
    ])
    #expect(
      found.contains(TableRelation(.totalColumn(column: 4, of: [1, 2, 3]), basis: .established)))
  }

  @Test func pairsAChangeWithTheYearsItComparesWhereverItStands() {
    let found = Self.relations([
      ["(In thousands)", "2019", "Change", "2018", "Change", "2017"],
      ["Americas", "$132,426", "$(19,045)", "$151,471", "$39,872", "$111,599"],
      ["EMEA", "122,861", "(8,982)", "131,843", "29,601", "102,242"],
      ["Asia Pacific", "29,649", "(3,294)", "32,943", "11,468", "21,475"],
    ])
    #expect(
      found.contains(
        TableRelation(.difference(column: 2, minuend: 1, subtrahend: 3), basis: .established)))
    #expect(
      found.contains(
        TableRelation(.difference(column: 4, minuend: 3, subtrahend: 5), basis: .established)))
  }

  @Test func learnsTheSignConventionOfAChangeColumn() {
    let found = Self.relations([
      ["", "2019", "2018", "Change $"], ["Net sales", "$ 93,662", "$ 103,350", "$ (9,688)"],
      ["Cost of goods sold", "68,367", "74,646", "6,279"],
      ["Selling expenses", "11,062", "13,477", "2,415"],
      ["Administrative expenses", "12,828", "13,616", "788"],
    ])
    #expect(found.map(\.convention) == [.favourable])
  }

  @Test func trustsALineOnlyAsFarAsItsFiguresGo() {
    // One line of three-digit figures is seen tentatively; two-digit figures adding up by chance
    // are not seen at all.
    let tentative = Self.relations([
      ["", "2019", "2018"], ["A", "$ 50", "$ 57"], ["B", "139", "131"], ["C", "189", "190"],
    ])
    #expect(tentative == [TableRelation(.rowSum(row: 2, of: [0, 1]), basis: .tentative)])
    let chance = Self.relations([
      ["", "2019", "2018"], ["A", "4", "7"], ["B", "-2", "9"], ["C", "2", "15"],
    ])
    #expect(chance == [])
  }
}

extension RelationFinderTests {
  @Test func readsAMovementBetweenOpeningAndClosingAsARollForward() {
    let found = Self.relations([
      ["", "Balance at beginning", "Increase / (Decrease)", "Balance at end"],
      ["Accounts receivable", "$90,831", "$7,117", "$97,948"],
      ["Deferred revenue", "(618)", "(155)", "(773)"],
      ["Contract assets", "1,204", "(312)", "892"],
    ])
    #expect(found == [TableRelation(.totalColumn(column: 3, of: [1, 2]), basis: .established)])
  }
}
