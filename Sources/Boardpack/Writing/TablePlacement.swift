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

  init(_ table: Table, page: Page = Page()) {
    let normal = Measures(table, size: page.normalSize)
    let orientation: TableFit.Orientation
    let isWide =
      normal.preferred > Double(page.portraitWidth)
      && (table.columns.count >= Self.wideColumns || normal.minimum > Double(page.portraitWidth))
    orientation = table.fit.orientation ?? (isWide ? .landscape : .portrait)
    let available = Double(orientation == .landscape ? page.landscapeWidth : page.portraitWidth)
    let textSize =
      table.fit.textSize
      ?? (isWide && (normal.preferred > available || normal.minimum > available) ? .small : .normal)
    let measures = textSize == .small ? Measures(table, size: page.smallSize) : normal
    let widths = measures.widths(filling: available)
    self.orientation = orientation
    self.textSize = textSize
    self.widths = widths
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
    /// For each body row, each cell's text as lines of (width of the text on one line, widest word).
    var rows: [[[Double]]]

    var minimum: Double { minimums.reduce(0, +) }
    var preferred: Double { preferreds.reduce(0, +) }

    init(_ table: Table, size: Double) {
      let count = max(table.columns.count, table.rows.map(\.cells.count).max() ?? 0, 1)
      let regular = TextWidth(size: size, bold: false)
      let bold = TextWidth(size: size, bold: true)
      func hundredths(_ points: Double) -> Double {
        (points * TablePlacement.slack + TablePlacement.cellExtra)
          / TablePlacement.pointsPerHundredth
      }
      var minimums = [Double](repeating: 0, count: count)
      var preferreds = [Double](repeating: 0, count: count)
      var rows: [[[Double]]] = []
      for row in table.rows {
        var cells: [[Double]] = []
        for (index, cell) in row.cells.enumerated() where index < count {
          let isFigure = index < table.columns.count && table.columns[index].type != .text
          let font = row.isTotal ? bold : regular
          var lines: [Double] = []
          for (text, indent) in Measures.paragraphs(of: cell) {
            let measure = font.measure(text)
            let line = hundredths(measure.line + indent)
            let word = isFigure ? line : hundredths(measure.word + indent)
            minimums[index] = max(minimums[index], word)
            preferreds[index] = max(preferreds[index], line)
            lines.append(line)
          }
          cells.append(lines)
        }
        rows.append(cells)
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
      self.rows = rows
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
      rows.map { cells in
        var tallest = 1
        for (index, lines) in cells.enumerated() where index < widths.count {
          let room = max(
            Double(widths[index]) - TablePlacement.cellExtra / TablePlacement.pointsPerHundredth, 1)
          let count = lines.reduce(0) { $0 + max(1, Int(($1 / room).rounded(.up))) }
          tallest = max(tallest, count)
        }
        return tallest
      }
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
