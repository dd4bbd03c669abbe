import Foundation

/// The folder of skeletons and letter templates (`<id>.yaml`): an explicit directory, else
/// `$BOARDPACK_TEMPLATES`, else `./Templates`. Each skeleton is parsed the first time it is asked
/// for and kept.
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

  /// The library the command line works from, which must be a folder: `directory`, else
  /// `$BOARDPACK_TEMPLATES`, else `./Templates`; an error telling how to name one when it is not.
  public static func existing(
    directory: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(BoardpackError) -> TemplateLibrary {
    let library = TemplateLibrary(directory: directory, environment: environment)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: library.directory, isDirectory: &isFolder),
      isFolder.boolValue
    else { throw library.missingFolder }
    return library
  }

  /// The error for a templates folder that is not there.
  private var missingFolder: BoardpackError {
    BoardpackError(
      "no templates folder here: Boardpack looks for Templates/ in the folder it runs in; run it "
        + "from the Boardpack folder, or give --templates DIR, or set BOARDPACK_TEMPLATES=DIR",
      at: SourceLocation(file: directory))
  }

  /// The ids of the skeletons in the folder, sorted; files that are not skeletons (no `body:`) are left out.
  public func ids() throws(BoardpackError) -> [String] { try ids(withKey: "body:") }

  /// The ids of the letter templates in the folder (YAML files with a top-level `blocks:`), sorted.
  public func letterTemplateIDs() throws(BoardpackError) -> [String] { try ids(withKey: "blocks:") }

  /// The ids of the YAML files in the folder with a line starting `key`: skeletons and letter
  /// templates share the folder, told apart by their top-level keys.
  private func ids(withKey key: String) throws(BoardpackError) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      throw missingFolder
    }
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.filter { id in
      let text = (try? String(contentsOfFile: path(of: id), encoding: .utf8)) ?? ""
      return text.split(whereSeparator: \.isNewline).contains { $0.hasPrefix(key) }
    }.sorted()
  }

  /// The letter template `id` in the folder, or the one at a path ending `.yaml`; an unknown id is
  /// an error listing the known ones.
  public func letterTemplate(_ id: String) throws(BoardpackError) -> LetterTemplate {
    if id.hasSuffix(".yaml") { return try LetterTemplate(contentsOf: id) }
    guard FileManager.default.fileExists(atPath: path(of: id)) else {
      let known = (try? letterTemplateIDs()) ?? []
      throw BoardpackError(
        "unknown letter template \"\(id)\"\(Suggestion.didYouMean(id, among: known)); known letter templates: \(known.isEmpty ? "none in \(directory)" : known.joined(separator: ", "))",
        at: SourceLocation(file: "--template"))
    }
    return try LetterTemplate(contentsOf: path(of: id))
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
