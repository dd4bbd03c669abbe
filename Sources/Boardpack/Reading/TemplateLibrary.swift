import Foundation

/// The folder of skeletons (`<id>.yaml`): an explicit directory, else `$BOARDPACK_TEMPLATES`,
/// else `./Templates`. Each skeleton is parsed the first time it is asked for and kept.
public struct TemplateLibrary: Sendable {
  /// The folder the skeletons are read from.
  public let directory: String
  private let parsed = ParsedSkeletons()

  /// A library over `directory`, or over the default folder when it is nil.
  public init(
    directory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    self.directory = directory ?? environment["BOARDPACK_TEMPLATES"] ?? "Templates"
  }

  /// The ids of the skeletons in the folder, sorted; files that are not skeletons (no `body:`) are left out.
  public func ids() throws(BoardpackError) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      throw BoardpackError(
        "no templates folder here; give one with --templates or $BOARDPACK_TEMPLATES",
        at: SourceLocation(file: directory))
    }
    // Letter templates share the folder; a skeleton is the YAML file with a top-level `body:`.
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.filter { id in
      let text = (try? String(contentsOfFile: path(of: id), encoding: .utf8)) ?? ""
      return text.split(whereSeparator: \.isNewline).contains { $0.hasPrefix("body:") }
    }.sorted()
  }

  /// Every skeleton in the folder, by id.
  public func skeletons() throws(BoardpackError) -> [Skeleton] {
    var result: [Skeleton] = []
    for id in try ids() { result.append(try skeleton(id)) }
    return result
  }

  /// The skeleton `id`; an unknown id is an error listing the known ones, at `origin` when given.
  public func skeleton(_ id: String, at origin: SourceLocation? = nil, sourceLine: String? = nil)
    throws(BoardpackError) -> Skeleton
  {
    let path = path(of: id)
    guard FileManager.default.fileExists(atPath: path) else {
      let known = (try? ids()) ?? []
      throw BoardpackError(
        "unknown template \"\(id)\"\(Suggestion.didYouMean(id, among: known)); known templates: \(known.isEmpty ? "none in \(directory)" : known.joined(separator: ", "))",
        at: origin ?? SourceLocation(file: path), sourceLine: sourceLine)
    }
    let text = try TextFile.read(path)
    let skeleton = try Skeleton(yaml: text, path: path)
    guard skeleton.id == id else {
      throw BoardpackError(
        "the skeleton's id is \"\(skeleton.id)\" but its file is named \(id).yaml",
        at: SourceLocation(file: path, line: 1))
    }
    return skeleton
  }

  private func path(of id: String) -> String {
    (directory as NSString).appendingPathComponent(id + ".yaml")
  }
}

/// The skeletons a library has parsed, shared by its copies and safe to use from several threads.
private final class ParsedSkeletons: @unchecked Sendable {
  private let lock = NSLock()
  private var skeletons: [String: Skeleton] = [:]

  subscript(id: String) -> Skeleton? {
    get { lock.withLock { skeletons[id] } }
    set { lock.withLock { skeletons[id] = newValue } }
  }
}
