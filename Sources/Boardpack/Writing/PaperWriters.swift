import Foundation

/// Writes a paper in the chosen formats into a folder, each file atomically.
public struct PaperWriters: Sendable {
  private let xhtml: XHTMLWriter?
  private let fodt: FODTWriter?

  /// Writers for XHTML and/or FODT; the FODT writer takes its styles from `reference`. With
  /// `linkingStylesheet`, every XHTML file links to that stylesheet instead of carrying its rules.
  public init(xhtml: Bool, fodt reference: ReferenceDocument?, linkingStylesheet href: String? = nil)
  {
    self.xhtml = xhtml ? XHTMLWriter(linkingStylesheet: href) : nil
    self.fodt = reference.map(FODTWriter.init(reference:))
  }

  /// The stylesheet the XHTML files link to, if they share one.
  var linkedStylesheet: String? { xhtml?.linkedStylesheet }

  /// The file extensions written, in the order `render(_:)` gives the files.
  var extensions: [String] {
    (xhtml == nil ? [] : ["xhtml"]) + (fodt == nil ? [] : ["fodt"])
  }

  /// `document` in each chosen format, with the file extension for it, as pieces to write one
  /// after another.
  func render(_ document: Document) -> [(extension: String, pieces: [Data])] {
    var files: [(extension: String, pieces: [Data])] = []
    if let xhtml { files.append(("xhtml", xhtml.pieces(of: document))) }
    if let fodt { files.append(("fodt", fodt.pieces(of: document))) }
    return files
  }

  /// Starts `folder/name.xhtml` and/or `folder/name.fodt` with `first`, to grow a block at a time.
  func stream(_ first: Document, named name: String, into folder: String)
    throws(BoardpackError) -> PaperStream
  {
    let path = folder + "/" + name + "."
    return try PaperStream(
      first, xhtml: xhtml.map { ($0, path + "xhtml") }, fodt: fodt.map { ($0, path + "fodt") })
  }

  /// Writes `document` as `folder/name.xhtml` and/or `folder/name.fodt`, both or neither;
  /// returns the paths written.
  public func write(_ document: Document, named name: String, into folder: String)
    throws(BoardpackError) -> [String]
  {
    try write([(name, document)], into: folder)
  }

  /// Writes each document as `folder/NAME.xhtml` and/or `folder/NAME.fodt`, all of them or none:
  /// nothing is replaced until every file is written to a temporary file, and a folder in the way
  /// of any is found before anything is written. Returns the paths written, in order.
  public func write(_ documents: [(name: String, document: Document)], into folder: String)
    throws(BoardpackError) -> [String]
  {
    try write(names: documents.map(\.name), into: folder) { render(documents[$0].document) }
  }

  /// Writes each pack as `folder/NAME.xhtml` and/or `folder/NAME.fodt`, all of them or none, as
  /// `write(_:into:)` writes papers. Returns the paths written, in order.
  public func write(_ packs: [(name: String, pack: Pack)], into folder: String)
    throws(BoardpackError) -> [String]
  {
    try write(names: packs.map(\.name), into: folder) { index in
      var files: [(extension: String, pieces: [Data])] = []
      if let xhtml { files.append(("xhtml", [xhtml.render(packs[index].pack)])) }
      if let fodt { files.append(("fodt", [fodt.render(packs[index].pack)])) }
      return files
    }
  }

  /// Writes the files `render` gives for each of `names` (by index), all of them or none.
  private func write(
    names: [String], into folder: String, render: (Int) -> [(extension: String, pieces: [Data])]
  ) throws(BoardpackError) -> [String] {
    let paths = names.flatMap { name in extensions.map { folder + "/" + name + "." + $0 } }
    try OutputSet.checkTargets(paths)
    let set = OutputSet()
    var written: [String] = []
    for (index, name) in names.enumerated() {
      for file in render(index) {
        let path = folder + "/" + name + "." + file.extension
        try set.add(file.pieces, as: path)
        written.append(path)
      }
    }
    try set.commit()
    return written
  }
}
