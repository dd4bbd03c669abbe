import Foundation
import Testing

/// `boardpack validate --explain` prints what the checks made of each table before the findings.
@Suite struct ExplainTests {
  @Test func namesEachTableAndTheArithmeticItHolds() throws {
    let file = "Tests/BoardpackTests/Fixtures/tables/own-grand-total.xhtml"
    let result = try BoardpackCLI.run(["validate", "--explain", file])
    #expect(result.status == 1)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      Array(lines.prefix(4)) == [
        #"\#(file): table "Spending by service" (report "Spending by service")"#,
        #"  "Total victim services" is the sum of the 2 rows above it (found; holds in 1 of 2 lines)"#,
        #"  "Total prevention" is the sum of the 2 rows above it (found; holds in 2 of 2 lines)"#,
        #"  "Total spending" is the sum of the 2 sub-totals above it (found; holds in 1 of 2 lines)"#,
      ])
    #expect(lines.last == "2 errors, 0 warnings in 1 file")
  }
}
