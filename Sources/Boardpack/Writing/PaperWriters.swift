import Foundation

/// Writes a paper in the chosen formats into a folder, each file atomically.
public struct PaperWriters: Sendable {
  private let xhtml: XHTMLWriter?
  private let fodt: FODTWriter?

  /// Writers for XHTML and/or FODT; the FODT writer takes its styles from `reference`.
  public init(xhtml: Bool, fodt reference: ReferenceDocument?) {
    self.xhtml = xhtml ? XHTMLWriter() : nil
    self.fodt = reference.map(FODTWriter.init(reference:))
  }

  /// Writes `document` as `folder/name.xhtml` and/or `folder/name.fodt`; returns the paths written.
  public func write(_ document: Document, named name: String, into folder: String) throws(BoardpackError) -> [String] {
    var written: [String] = []
    if let xhtml {
      let path = folder + "/" + name + ".xhtml"
      try OutputFile.write(xhtml.render(document), to: path)
      written.append(path)
    }
    if let fodt {
      let path = folder + "/" + name + ".fodt"
      try OutputFile.write(fodt.render(document), to: path)
      written.append(path)
    }
    return written
  }
}
