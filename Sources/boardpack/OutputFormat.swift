import ArgumentParser

/// Which file formats a command writes.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case xhtml, fodt, all

  var writesXHTML: Bool { self != .fodt }
  var writesFODT: Bool { self != .xhtml }
}
