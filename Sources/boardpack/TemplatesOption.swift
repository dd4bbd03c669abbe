import ArgumentParser
import Boardpack

/// `--templates DIR`, for every command that reads skeletons, letter templates or styles.
struct TemplatesOption: ParsableArguments {
  @Option(
    name: .customLong("templates"),
    help: "The templates folder (default: $BOARDPACK_TEMPLATES, else ./Templates).")
  var folder: String?

  /// The folder to work from; when there is none, an error saying how to name one.
  func library() throws(BoardpackError) -> TemplateLibrary {
    try TemplateLibrary.existing(directory: folder)
  }
}
