import ArgumentParser
import Boardpack

/// Which file formats a command writes: the two XML formats Boardpack writes itself (`all` is both),
/// or a format LibreOffice makes from the `.fodt` (`pdf`, tagged; `docx`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case xhtml, fodt, all, pdf, docx

  var writesXHTML: Bool { self == .xhtml || self == .all }
  var writesFODT: Bool { self == .fodt || self == .all }
  /// The format LibreOffice converts the `.fodt` to, if any.
  var converted: PaperConversion.Format? { PaperConversion.Format(rawValue: rawValue) }
}
