import Foundation

/// Keeps the files an input names (`table:`, `src:`, a template's `joins:`) inside the input's own
/// folder, so that a paper or template from elsewhere cannot read or link any file on the
/// machine. `BOARDPACK_ALLOW_PATHS` names more folders, separated by ":" (`/` allows any).
///
/// The check is on the path as written, made absolute and with `.` and `..` resolved; symbolic
/// links inside the folder are the folder owner's own.
enum InputPaths {
  static let variable = "BOARDPACK_ALLOW_PATHS"

  /// Throws at `origin` unless `path` is inside `folder` or a folder the variable names; `what`
  /// names the path in the error ("the table").
  static func check(_ path: String, inside folder: String, _ what: String, at origin: Origin)
    throws(BoardpackError)
  {
    let target = absolute(path)
    let roots = [folder] + allowed()
    guard !roots.map(absolute).contains(where: { contains($0, target) }) else { return }
    let home = folder.isEmpty ? "the current folder" : folder
    throw origin.error(
      "\(what) \"\(path)\" is outside \(home); an input reads only files in its own folder, "
        + "or in folders named in \(variable) (e.g. \(variable)=/srv/shared-tables)")
  }

  /// The folders `BOARDPACK_ALLOW_PATHS` names.
  static func allowed() -> [String] {
    guard let value = getenv(variable) else { return [] }
    return String(cString: value).split(separator: ":").map(String.init)
  }

  /// Whether `path` is `root` or inside it (both absolute and resolved).
  static func contains(_ root: String, _ path: String) -> Bool {
    root == "/" || path == root || path.hasPrefix(root + "/")
  }

  /// `path` made absolute against the working folder, with `.`, `..` and repeated `/` resolved.
  static func absolute(_ path: String) -> String {
    resolved(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
  }

  /// `path` with `.`, `..` and repeated `/` resolved as far as its own parts allow; a relative
  /// path stays relative ("Inputs/meetings/../q4.yaml" is "Inputs/q4.yaml").
  static func resolved(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part != ".." || !isAbsolute {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
  }
}
