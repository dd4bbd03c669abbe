/// How a table is set on the page: portrait or landscape, normal or small text, and the width of
/// each column, worked out from the text as a browser's automatic table layout does it.
///
/// Each column has a minimum width, its widest word (figures, which never wrap, count whole), and a
/// preferred width, its longest text on one line. When the preferred widths fit, each column gets
/// its preferred width and the rest of the line in proportion; when only the minimums fit, each gets
/// its minimum and the room left in proportion to how much more it wants. A column never gets less
/// than its widest word unless even the minimums cannot fit the widest page and smallest text.
///
/// The rule for a table the input leaves to Boardpack: it stays on a portrait page unless it has
/// seven columns or more and does not fit one line a row there, or its words alone do not fit; such
/// a wide table goes on a landscape page, in small text if its rows would not fit one line each there
/// in normal text.
struct TablePlacement: Sendable, Equatable {
  var orientation: TableFit.Orientation
  var textSize: TableFit.TextSize
  /// The width of each column in hundredths of a millimetre; they add up to the table's width.
  var widths: [Int]
  /// Whether the table is short enough to keep on one page (LibreOffice then moves it whole).
  var keepsTogether: Bool
  /// For each body row, whether it is tall enough that it may split across pages rather than leave
  /// a large gap at the foot of the page before it.
  var rowMaySplit: [Bool]

  /// The page's text width and height in hundredths of a millimetre, and the text sizes in points.
  struct Page: Sendable {
    var portraitWidth = 17000
    var landscapeWidth = 25700
    var portraitHeight = 26700
    var landscapeHeight = 18000
    var normalSize = 10.0
    var smallSize = 7.0
  }

  /// A cell's padding (0.1 cm each side) and border, in points.
  static let cellExtra = 2 * 2.835 + 0.5 + 1.5
  /// Widths are measured 3 % wide, for kerning and rounding in the word processor.
  static let slack = 1.03
  /// Tables of at least this many columns may go on a landscape page.
  static let wideColumns = 7

  /// The placement of `table` on `page`; `pageFlow: false` leaves out what only page breaking
  /// needs (`keepsTogether`, `rowMaySplit`), for a writer that leaves that to the browser.
  init(_ table: Table, page: Page = Page(), pageFlow: Bool = true) {
    let normal = Measures(table, size: page.normalSize, keepsRows: pageFlow)
    let orientation: TableFit.Orientation
    let isWide =
      normal.preferred > Double(page.portraitWidth)
      && (table.columns.count >= Self.wideColumns || normal.minimum > Double(page.portraitWidth))
    orientation = table.fit.orientation ?? (isWide ? .landscape : .portrait)
    let available = Double(orientation == .landscape ? page.landscapeWidth : page.portraitWidth)
    let textSize =
      table.fit.textSize
      ?? (isWide && (normal.preferred > available || normal.minimum > available) ? .small : .normal)
    let measures = textSize == .small ? Measures(table, size: page.smallSize, keepsRows: pageFlow) : normal
    let widths = measures.widths(filling: available)
    self.orientation = orientation
    self.textSize = textSize
    self.widths = widths
    guard pageFlow else {
      keepsTogether = false
      rowMaySplit = []
      return
    }
    let size = textSize == .small ? page.smallSize : page.normalSize
    let lineHeight = size * 1.2 / Self.pointsPerHundredth
    let height = Double(page.landscapeHeight)
    let rowHeights = measures.rowLines(widths: widths).map { Double($0) * lineHeight + 200 }
    let pageHeight = orientation == .landscape ? height : Double(page.portraitHeight)
    keepsTogether = rowHeights.reduce(0, +) + lineHeight * 2 < pageHeight
    rowMaySplit = rowHeights.map { $0 > lineHeight * 8 }
  }

  /// Points in a hundredth of a millimetre (1 pt is 35.28 hundredths of a millimetre).
  static let pointsPerHundredth = 72 / 2540.0

  /// The minimum and preferred width of every column, in hundredths of a millimetre.
  private struct Measures {
    var minimums: [Double]
    var preferreds: [Double]
    /// Each paragraph of each cell as one line: its row, its column and its width, in order (one
    /// flat array, since a merge measures thousands of small tables).
    var lines: [(row: Int, column: Int, width: Double)]
    var rowCount: Int

    var minimum: Double { minimums.reduce(0, +) }
    var preferred: Double { preferreds.reduce(0, +) }

    /// `keepsRows`: whether to keep each cell's lines for `rowLines(widths:)`.
    init(_ table: Table, size: Double, keepsRows: Bool = true) {
      let count = max(table.columns.count, table.rows.map(\.cells.count).max() ?? 0, 1)
      let regular = TextWidth(size: size, bold: false)
      let bold = TextWidth(size: size, bold: true)
      func hundredths(_ points: Double) -> Double {
        (points * TablePlacement.slack + TablePlacement.cellExtra)
          / TablePlacement.pointsPerHundredth
      }
      var minimums = [Double](repeating: 0, count: count)
      var preferreds = [Double](repeating: 0, count: count)
      var lines: [(row: Int, column: Int, width: Double)] = []
      if keepsRows { lines.reserveCapacity(table.rows.count * count) }
      for (rowIndex, row) in table.rows.enumerated() {
        for (index, cell) in row.cells.enumerated() where index < count {
          let isFigure = index < table.columns.count && table.columns[index].type != .text
          let font = row.isTotal ? bold : regular
          if cell.blocks.isEmpty {
            let measure = font.measure(cell.shown)
            let line = hundredths(measure.line)
            minimums[index] = max(minimums[index], isFigure ? line : hundredths(measure.word))
            preferreds[index] = max(preferreds[index], line)
            if keepsRows { lines.append((rowIndex, index, line)) }
            continue
          }
          for (text, indent) in Measures.paragraphs(of: cell) {
            let measure = font.measure(text)
            let line = hundredths(measure.line + indent)
            let word = isFigure ? line : hundredths(measure.word + indent)
            minimums[index] = max(minimums[index], word)
            preferreds[index] = max(preferreds[index], line)
            if keepsRows { lines.append((rowIndex, index, line)) }
          }
        }
      }
      // A heading wraps between its words rather than widen its column past what the cells want.
      for (index, column) in table.columns.enumerated() {
        let measure = bold.measure(column.header)
        let word = hundredths(measure.word)
        minimums[index] = max(minimums[index], word)
        preferreds[index] = max(
          preferreds[index], min(hundredths(measure.line), max(word, preferreds[index])))
      }
      self.minimums = minimums
      self.preferreds = zip(minimums, preferreds).map { max($0, $1) }
      self.lines = lines
      rowCount = table.rows.count
    }

    /// The widths that fill `available`, in whole hundredths of a millimetre that add up to it.
    func widths(filling available: Double) -> [Int] {
      let exact: [Double]
      if preferred <= available {
        exact = preferreds.map { $0 + (available - preferred) * $0 / max(preferred, 1) }
      } else if minimum <= available {
        let wanted = preferred - minimum
        exact = zip(minimums, preferreds).map { low, high in
          low + (high - low) * (available - minimum) / max(wanted, 1)
        }
      } else {
        exact = minimums.map { $0 * available / minimum }
      }
      var widths = exact.map { Int($0.rounded(.down)) }
      // Hand the hundredths lost to rounding to the widest columns.
      var left = Int(available) - widths.reduce(0, +)
      for index in widths.indices.sorted(by: { exact[$0] > exact[$1] }) where left > 0 {
        widths[index] += 1
        left -= 1
      }
      return widths
    }

    /// The lines each body row takes with columns `widths` wide.
    func rowLines(widths: [Int]) -> [Int] {
      var tallest = [Int](repeating: 1, count: rowCount)
      var cell = (row: -1, column: -1, lines: 0)
      for line in lines where line.column < widths.count {
        if line.row != cell.row || line.column != cell.column { cell = (line.row, line.column, 0) }
        let room = max(
          Double(widths[line.column]) - TablePlacement.cellExtra / TablePlacement.pointsPerHundredth, 1)
        cell.lines += max(1, Int((line.width / room).rounded(.up)))
        tallest[line.row] = max(tallest[line.row], cell.lines)
      }
      return tallest
    }

    /// A cell's text as paragraphs, each with the indent (in points) its list puts before it.
    static func paragraphs(of cell: Cell) -> [(String, Double)] {
      guard !cell.blocks.isEmpty else { return [(cell.shown, 0)] }
      var result: [(String, Double)] = []
      func walk(_ blocks: [Block], indent: Double) {
        for block in blocks {
          switch block {
          case .paragraph(let paragraph):
            result.append((paragraph.content.plainText, indent))
            walk(paragraph.children, indent: indent)
          case .heading(let heading): result.append((heading.content.plainText, indent))
          case .list(let list):
            for item in list.items {
              result.append((item.content.plainText, indent + 36))
              walk(item.children, indent: indent + 36)
            }
          case .quotation(let quoted): walk(quoted, indent: indent + 36)
          case .table, .figure, .pageBreak: break
          }
        }
      }
      walk(cell.blocks, indent: 0)
      return result.isEmpty ? [("", 0)] : result
    }
  }
}
