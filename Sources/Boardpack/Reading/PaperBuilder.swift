import Foundation

/// Binds a paper input to its skeleton (FORMATS.md §1, §3): fills the slots into the frame, expands
/// `{slot:…}` and `{meta:…}` in boilerplate, numbers paragraphs in one sequence (boilerplate counts),
/// builds tables from their CSVs, and resolves cross-references.
public struct PaperBuilder: Sendable {
  public let skeleton: Skeleton

  public init(skeleton: Skeleton) { self.skeleton = skeleton }

  /// The paper for `input`.
  public func document(for input: PaperInput) throws(BoardpackError) -> Document {
    var slots: [String: PaperInput.SlotValue] = [:]
    for value in input.slots {
      guard let slot = skeleton.slot(named: value.name) else {
        throw value.origin.error(
          "template \"\(skeleton.id)\" has no slot \"\(value.name)\"\(Suggestion.didYouMean(value.name, among: skeleton.slots.map(\.name))); its slots are: \(skeleton.slots.map(\.name).joined(separator: ", "))"
        )
      }
      switch (slot.kind, value.content) {
      case (.text, .blocks):
        throw value.origin.error("slot \"\(value.name)\" takes text, not a list of blocks")
      case (.blocks, .text):
        throw value.origin.error("slot \"\(value.name)\" takes a list of blocks, not text")
      default: slots[value.name] = value
      }
    }
    for slot in skeleton.slots where slot.isRequired && slots[slot.name] == nil {
      throw input.slotsOrigin.error(
        "slot \"\(slot.name)\" is required by template \"\(skeleton.id)\"")
    }
    var metadata = input.metadata
    metadata.template = skeleton.id
    metadata.letterhead = skeleton.letterhead
    metadata.titleBlock = skeleton.titleBlock
    var texts: [String: String] = [:]
    for case (let name, .text(let text)) in slots.mapValues(\.content) { texts[name] = text.text }

    var binder = Binder(skeleton: skeleton, metadata: metadata, slotTexts: texts)
    var blocks: [Block] = []
    for spec in skeleton.body {
      guard case .slot(let name, _) = spec else {
        blocks += try binder.blocks([spec], boilerplate: true)
        continue
      }
      if case .blocks(let specs) = slots[name]?.content {
        blocks += try binder.blocks(specs, boilerplate: false)
      }
    }
    if !binder.chartsFromTables.isEmpty {
      try PaperBuilder.drawCharts(binder.chartsFromTables, in: &blocks)
    }
    var document = Document(metadata: metadata, blocks: blocks)
    try CrossReferences.resolve(in: &document) { binder.sourceLines[$0] }
    return document
  }

  /// Gives the figures numbered in `requests` (counting figures in order from 1) their charts,
  /// from the tables of `blocks` with the labels they name.
  private static func drawCharts(_ requests: [Int: ChartSpec], in blocks: inout [Block]) throws(BoardpackError) {
    var tables: [Label: Table] = [:]
    for case .table(let table) in blocks { if let label = table.label { tables[label] = table } }
    var figure = 0
    for index in blocks.indices {
      guard case .figure(var drawn) = blocks[index] else { continue }
      figure += 1
      guard let spec = requests[figure], let name = spec.table else { continue }
      guard let table = tables[name] else {
        throw spec.origin.error(
          "the chart's table \"\(name.name)\" is no table of this paper\(Suggestion.didYouMean(name.name, among: tables.keys.map(\.name).sorted()))"
        )
      }
      drawn.chart = try Chart(spec, from: table)
      blocks[index] = .figure(drawn)
    }
  }

  /// Turns block specs into blocks, keeping the paragraph and appendix counts across calls.
  private struct Binder {
    let skeleton: Skeleton
    let metadata: Metadata
    let slotTexts: [String: String]
    var paragraphs = 0
    var appendices = 0
    /// Figures bound so far, and the charts to draw from a table of the paper, by figure (from 1).
    var figures = 0
    var chartsFromTables: [Int: ChartSpec] = [:]
    /// The source line of each place a reference was written, for errors found when resolving.
    var sourceLines: [SourceLocation: String] = [:]

    mutating func blocks(_ specs: [BlockSpec], boilerplate: Bool) throws(BoardpackError) -> [Block]
    {
      var result: [Block] = []
      for spec in specs {
        switch spec {
        case .heading(let text, let level, let label):
          result.append(
            .heading(
              Heading(
                level: level, content: try inlines(text, boilerplate), label: label,
                location: text.origin.location)))
        case .appendix(let text, let number, let label):
          appendices = number ?? appendices + 1
          result.append(
            .heading(
              Heading(
                level: 1, content: try inlines(text, boilerplate), label: label,
                appendix: appendices, location: text.origin.location)))
        case .paragraph(let text, let numbering, let label, let style, let children):
          switch numbering {
          case .none: break
          case .next: paragraphs += 1
          case .from(let number): paragraphs = number
          }
          let numbered = numbering != .none
          var lists: [Block] = []
          for list in children { lists.append(.list(try self.list(list, boilerplate))) }
          result.append(
            .paragraph(
              Paragraph(
                number: numbered ? paragraphs : nil, content: try inlines(text, boilerplate),
                children: lists, label: label,
                style: style, location: text.origin.location)))
        case .list(let list):
          result.append(.list(try self.list(list, boilerplate)))
        case .quotation(let texts):
          var quoted: [Block] = []
          for text in texts {
            quoted.append(
              .paragraph(
                Paragraph(content: try inlines(text, boilerplate), location: text.origin.location)))
          }
          result.append(.quotation(quoted))
        case .table(let table):
          try InputPaths.check(
            table.path, inside: table.origin.location.file.folder, "the table", at: table.origin)
          let caption =
            try table.caption.map { text throws(BoardpackError) in try inlines(text, boilerplate) }
            ?? []
          var built = try CSVTableBuilder.table(table, caption: caption)
          // The skeleton's tables: setting, where the table's own leaves a choice.
          built.fit.orientation = built.fit.orientation ?? skeleton.tableFit.orientation
          built.fit.textSize = built.fit.textSize ?? skeleton.tableFit.textSize
          result.append(.table(built))
        case .figure(let figure):
          if let source = figure.source {
            try check(source, of: figure)
          }
          let caption =
            try figure.caption.map { text throws(BoardpackError) in try inlines(text, boilerplate) }
            ?? []
          figures += 1
          var chart: Chart?
          if let spec = figure.chart {
            if let csv = spec.csv {
              let table = try CSVTableBuilder.table(
                TableSpec(
                  path: csv, label: nil, caption: nil, types: [], totalRow: false, totalColumn: nil, derived: [],
                  rowLabels: nil, blank: [], origin: spec.origin), caption: [])
              chart = try Chart(spec, from: table)
            } else {
              // Drawn from a table of the paper once every table is built.
              chartsFromTables[figures] = spec
            }
          }
          let image = try figure.sourcePath.map { path throws(BoardpackError) in
            try EmbeddedImage(contentsOf: path, origin: figure.sourceOrigin ?? figure.origin)
          }
          result.append(
            .figure(
              Figure(
                kind: figure.kind, altText: figure.altText, source: figure.source, caption: caption,
                label: figure.label, image: image, chart: chart,
                location: figure.origin.location)))
        case .pageBreak:
          result.append(.pageBreak)
        case .slot:
          break
        }
      }
      return result
    }

    private mutating func list(_ spec: ListSpec, _ boilerplate: Bool) throws(BoardpackError) -> List
    {
      var items: [ListItem] = []
      for item in spec.items {
        var children: [Block] = []
        for list in item.children { children.append(.list(try self.list(list, boilerplate))) }
        items.append(ListItem(content: try inlines(item.text, boilerplate), children: children))
      }
      return List(style: spec.style, items: items)
    }

    /// A figure's `src:`: a path inside the input's folder, as the image is embedded.
    private func check(_ source: String, of figure: FigureSpec) throws(BoardpackError) {
      let origin = figure.sourceOrigin ?? figure.origin
      guard LinkAddress.scheme(of: source) == nil, let path = figure.sourcePath else {
        throw origin.error(
          "the image \"\(source)\" is not a file; images are embedded, so give the path of a file in the input's folder")
      }
      try InputPaths.check(path, inside: figure.origin.location.file.folder, "the image", at: origin)
    }

    /// The inlines of `text`, with `{slot:…}` and `{meta:…}` expanded first when it is boilerplate.
    private mutating func inlines(_ text: SourceText, _ boilerplate: Bool) throws(BoardpackError)
      -> [Inline]
    {
      sourceLines[text.origin.location] = text.origin.sourceLine
      let inlines =
        boilerplate
        ? try InlineMarkup.parse(
          SourceText(text: try expand(text), origin: text.origin, lines: text.lines))
        : try InlineMarkup.parse(text)
      if let refused = LinkAddress.firstRefused(in: inlines) {
        throw text.origin.error(LinkAddress.refusal(refused))
      }
      return inlines
    }

    /// Replaces each `{slot:name}` and `{meta:field}` (not after a backslash) with its value.
    private func expand(_ text: SourceText) throws(BoardpackError) -> String {
      var result = ""
      var rest = Substring(text.text)
      while let open = rest.firstRange(of: "{") {
        let escaped =
          open.lowerBound > rest.startIndex && rest[rest.index(before: open.lowerBound)] == "\\"
        let tail = rest[open.upperBound...]
        guard !escaped, tail.hasPrefix("slot:") || tail.hasPrefix("meta:"),
          let close = tail.firstIndex(of: "}")
        else {
          result += rest[..<open.upperBound]
          rest = tail
          continue
        }
        result += rest[..<open.lowerBound]
        result += try value(of: String(tail[..<close]), in: text)
        rest = tail[tail.index(after: close)...]
      }
      return result + rest
    }

    private func value(of placeholder: String, in text: SourceText) throws(BoardpackError) -> String
    {
      let name = String(placeholder.dropFirst(5))
      if placeholder.hasPrefix("slot:") {
        guard let slot = skeleton.slot(named: name), slot.kind == .text else {
          throw text.origin.error(
            "{\(placeholder)} names no text slot of template \"\(skeleton.id)\"")
        }
        return slotTexts[name] ?? ""
      }
      let fields: [String: String?] = [
        "title": metadata.title, "body": metadata.body, "classification": metadata.classification,
        "author.name": metadata.author?.name, "author.role": metadata.author?.role,
        "author.phone": metadata.author?.phone, "author.email": metadata.author?.email,
        "report-date": metadata.reportDate?.longUK, "meeting-date": metadata.meetingDate?.longUK,
      ]
      guard let value = fields[name] else {
        throw text.origin.error(
          "unknown field {\(placeholder)}; expected one of: \(fields.keys.sorted().map { "{meta:\($0)}" }.joined(separator: ", "))"
        )
      }
      return value ?? ""
    }
  }
}

extension String {
  /// The folder part of a path ("" for a bare name).
  var folder: String { (self as NSString).deletingLastPathComponent }
}
