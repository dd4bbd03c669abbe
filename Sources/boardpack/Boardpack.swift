import ArgumentParser
import Boardpack
import Foundation

/// The `boardpack` command: generate, validate and merge board papers.
@main
struct BoardpackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "boardpack",
    abstract: "Write and check the papers of public boards and panels.",
    discussion: """
      Boardpack fills a report skeleton from YAML and CSV inputs and writes the paper as XHTML \
      and as ODF flat XML (.fodt) that opens in LibreOffice; checks a finished paper's figures, \
      cross-references, numbering and dates; and merges a letter template with a spreadsheet.

      Start with `boardpack templates` to see the report types and the slots an author fills, \
      then `boardpack new TEMPLATE` for a starter input. Validate before you circulate: \
      `generate` checks what it writes, and `validate` checks a paper after anyone edits it.
      """,
    subcommands: [
      Generate.self, Validate.self, PackCommand.self, Merge.self, Templates.self, New.self,
    ]
  )
}

/// Prints a run-stopping error the way a compiler does and exits with status 1.
func fail(_ error: BoardpackError) -> ExitCode {
  FileHandle.standardError.write(Data((error.description + "\n").utf8))
  return ExitCode(1)
}
