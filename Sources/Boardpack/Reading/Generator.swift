/// The generate pipeline's front end: reads a paper input, finds its skeleton in the template
/// library, and binds the two into a `Document` ready for the writers.
public struct Generator: Sendable {
  public let templates: TemplateLibrary

  public init(templates: TemplateLibrary) { self.templates = templates }

  /// The paper described by the input file at `path`.
  public func document(forInputAt path: String) throws(BoardpackError) -> Document {
    try document(forInput: try TextFile.read(path), at: path)
  }

  /// The paper described by `text`, as if read from `path` (table paths are relative to its folder).
  public func document(forInput text: String, at path: String) throws(BoardpackError) -> Document {
    let input = try PaperInput(yaml: text, path: path)
    let skeleton = try templates.skeleton(
      input.template, at: input.templateOrigin.location, sourceLine: input.templateOrigin.sourceLine
    )
    return try PaperBuilder(skeleton: skeleton).document(for: input)
  }
}
