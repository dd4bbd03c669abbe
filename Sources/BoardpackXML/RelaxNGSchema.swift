internal import CLibXML2
import Foundation

/// A compiled RELAX NG schema that validates `XMLDocument`s (used for the ODF 1.3 schema).
public final class RelaxNGSchema: @unchecked Sendable {
  private let schema: xmlRelaxNGPtr
  private let lock = NSLock()

  /// Compiles the schema at `path`. The file is read like any other document, since libxml2's
  /// own loading goes through the external-entity loader that `XMLLibrary` disables.
  public init(contentsOf path: String) throws(XMLError) {
    let source = try XMLDocument(contentsOf: path)
    guard let parser = xmlRelaxNGNewDocParserCtxt(source.pointer) else {
      throw XMLError(file: path, message: "cannot open the RELAX NG schema")
    }
    defer { xmlRelaxNGFreeParserCtxt(parser) }
    let collector = ErrorCollector(file: path)
    xmlRelaxNGSetParserStructuredErrors(parser, ErrorCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
    guard let compiled = xmlRelaxNGParse(parser) else {
      throw collector.errors.first ?? XMLError(file: path, message: "the RELAX NG schema does not compile")
    }
    schema = compiled
  }

  deinit { xmlRelaxNGFree(schema) }

  /// The validation errors of `document`; empty when it is valid.
  public func errors(in document: XMLDocument, name: String) -> [XMLError] {
    lock.lock()
    defer { lock.unlock() }
    guard let context = xmlRelaxNGNewValidCtxt(schema) else {
      return [XMLError(file: name, message: "cannot create a RELAX NG validator")]
    }
    defer { xmlRelaxNGFreeValidCtxt(context) }
    let collector = ErrorCollector(file: name)
    xmlRelaxNGSetValidStructuredErrors(context, ErrorCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
    let result = xmlRelaxNGValidateDoc(context, document.pointer)
    if result != 0 && collector.errors.isEmpty {
      return [XMLError(file: name, message: "the document does not match the schema")]
    }
    return collector.errors
  }
}

/// Gathers libxml2's structured errors for one operation.
private final class ErrorCollector {
  let file: String
  var errors: [XMLError] = []

  init(file: String) { self.file = file }

  static let callback: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
    collector.errors.append(XMLLibrary.error(from: error, file: collector.file, fallback: "invalid"))
  }
}
