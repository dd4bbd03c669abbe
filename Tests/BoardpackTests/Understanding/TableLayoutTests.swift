import Boardpack
import Foundation
import Testing

/// `TableLayout` works out what a table written elsewhere is before it is checked.
@Suite struct TableLayoutTests {
  static func layout(_ rows: [[String]], caption: String = "", context: [String] = [])
    -> TableLayout
  {
    guard case .table(let table) = Build.table(rows, caption: caption) else {
      fatalError("Build.table makes a table")
    }
    return TableLayout(table, context: context)
  }

  @Test func takesAPercentageFromTheHeaderOrFromAnyCellOfAChangeColumn() {
    let layout = Self.layout([
      ["$ million", "2019", "2018", "Change (%)", "CHANGE"],
      ["Revenue", "503.6", "476.9", "5.6", "(13%)"],
      ["Gross profit", "368.6", "344.5", "7.0", "16"],
    ])
    #expect(layout.units == [.plain, .plain, .plain, .percent, .percent])
    #expect(layout.figure(1, 4)?.unit == .percent)
    #expect(layout.figure(1, 4)?.value == 16)
    #expect(layout.isChangeColumn(3) && layout.isChangeColumn(4) && !layout.isChangeColumn(1))
  }

  @Test func findsHeadingsLabelsAndRepeatedYearRows() {
    let layout = Self.layout([
      ["", "2019", "2018"], ["Deferred tax assets:", "", ""], ["Reserves", "$ 50", "$ 57"],
      ["", "2018", "2017"], ["Other", "16", "29"],
    ])
    #expect(layout.figureColumns == [1, 2])
    #expect(layout.headingRows == [0, 2])
    #expect(layout.figure(1, 1)?.value == 50)
    #expect(layout.figure(2, 1) == nil)
  }

  @Test func readsAStatedScaleAsRounding() {
    let rows = [["", "2019"], ["Cost", "100"], ["Tax", "(155)"]]
    #expect(Self.layout(rows).isScaled == false)
    #expect(Self.layout(rows, caption: "Costs ($ in millions)").isScaled)
    #expect(
      Self.layout(rows, context: ["The table below presents net sales (in millions):"]).isScaled)
    #expect(Self.layout(rows, context: ["We paid $480 million in the year."]).isScaled == false)
    #expect(Self.layout([["€ million", "2019"], ["Cost", "100"]]).isScaled)
    #expect(Self.layout(rows, caption: "Costs ($ in millions)").figure(0, 1)?.slack == 0.5)
  }

  @Test func tellsRatesFromAmountsAndTotalsByTheirLabels() {
    let layout = Self.layout([
      ["", "2019"], ["Gross margin (%)", "73.2"], ["Adjusted gross margin", "$141,427"],
      ["Weighted average shares outstanding", "442,319"], ["Basic earnings per share", "4.27"],
      ["Total current liabilities", "154,619"], ["Balance at end of period", "2,620"],
      ["Less: interest", "516"], ["", "3,104"], ["Average per month", "12"],
    ])
    #expect(
      (0..<9).map(layout.isRatioRow) == [
        true, false, false, true, false, false, false, false, true,
      ])
    #expect(
      (0..<9).map(layout.isLabelledTotal) == [
        false, false, false, false, true, true, false, true, false,
      ])
    #expect(layout.isDeduction(6))
  }
}

extension TableLayoutTests {
  @Test func readsAPercentInALabelAsAUnitOnlyWhenNoFigureCarriesIt() {
    let layout = Self.layout([
      ["£m", "2019"], ["Tax at the domestic rate of 19.0%", "8.2"],
      ["6.875% Senior Notes due 2033", "445.7"],
      ["Effective tax rate (%)", "22.6"], ["Margin %", "13.2"],
    ])
    #expect((0..<4).map(layout.isRatioRow) == [false, false, true, true])
  }

  @Test func readsARateColumnByItsHeadNoun() {
    let layout = Self.layout([
      [
        "", "Fixed rate financial assets £m", "Weighted average exercise price", "Interest rate",
        "Average £m",
      ],
      ["Euro", "4.1", "12.50", "3.2", "7.0"],
    ])
    #expect((1..<5).map(layout.isRatioColumn) == [false, true, true, true])
  }
}
