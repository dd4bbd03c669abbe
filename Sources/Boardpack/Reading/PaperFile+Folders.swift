import Foundation

extension PaperFile {
  /// Whether `path` names a folder.
  public static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The papers in `folder` and the folders under it, sorted by path so that every run lists them
  /// in the same order: files with an extension Boardpack reads, leaving out hidden files and
  /// LibreOffice's lock files (`.~lock.…#`); and how many YAML files it passes over (inputs,
  /// meeting files, templates), which are checked only when named.
  public static func papers(in folder: String) throws(BoardpackError) -> (
    papers: [String], yamlFiles: Int
  ) {
    let root = URL(fileURLWithPath: folder)
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else {
      throw BoardpackError("cannot read the folder", at: SourceLocation(file: folder))
    }
    let readable = Set(extensions + packageVariants + convertedExtensions)
    var result: [String] = []
    var yamlFiles = 0
    for case let url as URL in walker
    where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
      guard readable.contains(url.pathExtension.lowercased()) else {
        if url.pathExtension.lowercased() == "yaml" { yamlFiles += 1 }
        continue
      }
      // The path as the user would write it: the folder as given, then the path inside it.
      let inside = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count)
      result.append(
        (folder.hasSuffix("/") ? String(folder.dropLast()) : folder)
          + (inside.hasPrefix("/") ? "" : "/")
          + inside)
    }
    return (result.sorted(), yamlFiles)
  }
}
