import ArgumentParser
import Boardpack
import Foundation

/// `--no-check` and `--strict`, and the gate they set before anything is written: the findings are
/// printed, and errors (with `--strict`, warnings too) stop the run with nothing written.
struct CheckOptions: ParsableArguments {
  @Flag(help: "Write even when the checks find errors (the findings are still printed).")
  var noCheck = false

  @Flag(help: "Treat warnings from the checks as errors.")
  var strict = false

  /// Prints `diagnostics` (found in `files` files) and throws exit status 1 when they stop the
  /// run; `what` names what to fix ("the input").
  func gate(_ diagnostics: [Diagnostic], files: Int, fixing what: String) throws {
    let standardError = FileHandle.standardError
    if !diagnostics.isEmpty {
      standardError.write(Data(DiagnosticPrinter().text(diagnostics, files: files).utf8))
    }
    let hasErrors = diagnostics.contains { $0.severity == .error }
    guard (hasErrors || strict && !diagnostics.isEmpty) && !noCheck else { return }
    let found = hasErrors ? "errors" : "warnings and --strict is set"
    standardError.write(
      Data(
        "nothing written: the checks found \(found); fix \(what), or write anyway with --no-check\n"
          .utf8))
    throw ExitCode(1)
  }
}
