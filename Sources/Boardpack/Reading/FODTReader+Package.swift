import BoardpackXML

extension FODTReader {
  /// The document in an `.odt` package, which holds in `meta.xml`, `styles.xml` and `content.xml`
  /// the same XML a `.fodt` holds in one file, and is read by the same reader.
  static func read(_ package: ZipPackage, file: String) throws(BoardpackError) -> Document {
    try refuseEncrypted(package, file: file)
    guard let content = try package.xml("content.xml") else {
      throw BoardpackError(
        "not an OpenDocument text: the package has no content.xml", at: SourceLocation(file: file))
    }
    var parts: [XMLDocument] = []
    for name in ["meta.xml", "styles.xml"] {
      if let part = try package.xml(name) { parts.append(part) }
    }
    parts.append(content)
    return try read(parts: parts.compactMap(\.root), file: file)
  }

  /// An error for an OpenDocument package (text or spreadsheet) whose manifest says it is encrypted.
  static func refuseEncrypted(_ package: ZipPackage, file: String) throws(BoardpackError) {
    if let manifest = try package.xml("META-INF/manifest.xml")?.root,
      manifest.elements.contains(where: { entry in
        entry.elements.contains { $0.name == "encryption-data" }
      })
    {
      throw BoardpackError(
        "the document is encrypted (password-protected); save an unprotected copy to check it",
        at: SourceLocation(file: file))
    }
  }
}
