import Foundation

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "merge":
  try MergeBench.run(rows: arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000)
default:
  print("usage: boardpack-bench merge [ROWS]")
}
