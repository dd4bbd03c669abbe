import BoardpackXML
import Foundation
import Testing

@testable import Boardpack

/// Column widths, wide tables, images and charts (issue 11), on small inputs.
@Suite struct PrintLayoutTests {
  let fixture = GeneratorFixture()

  static func table(_ headers: [String], _ rows: [[String]], types: [ValueType]? = nil) -> Table {
    Table(
      columns: headers.enumerated().map { Column(header: $1, type: types?[$0] ?? .text) },
      rows: rows.map { Row(cells: $0.map { Cell(value: .text($0), shown: $0) }) })
  }

  @Test func aColumnNeverGetsLessThanItsWidestWordAndLongTextTakesTheRest() {
    let long = String(repeating: "a long description of the project ", count: 12)
    let table = Self.table(
      ["Project", "Description / Brief", "Area"],
      [["Netherhall Detached Youth Work", long, "Blaby"], ["Recommendations", long, "Charnwood"]])
    let placement = TablePlacement(table)
    #expect(placement.orientation == .portrait && placement.textSize == .normal)
    #expect(placement.widths.reduce(0, +) == 17000)
    let size = TextWidth(size: 10, bold: false)
    let recommendations = size.points("Recommendations") * TablePlacement.pointsPerHundredth
    #expect(Double(placement.widths[0]) * TablePlacement.pointsPerHundredth > recommendations)
    #expect(placement.widths[1] > placement.widths[0] + placement.widths[2])
  }

  @Test func figuresAreNeverWrappedAndEqualTextSharesByPreference() {
    let table = Self.table(
      ["Area", "Allocation"], [["Leicester", "£271,818.47"]], types: [.text, .money])
    let placement = TablePlacement(table)
    // Both fit on one line, so each gets its preferred width and the rest in proportion.
    #expect(placement.widths.reduce(0, +) == 17000)
    #expect(placement.keepsTogether)
  }

  @Test func aWideTableGoesLandscapeInSmallTextUnlessTheInputSaysOtherwise() {
    let headers =
      ["Modality"] + [
        "Jan-25", "Feb-25", "Mar-25", "Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25",
        "Sep-25", "Oct-25", "Nov-25", "Dec-25", "Total",
      ]
    let rows = [
      ["Assessments and interventions delivered in custody"] + Array(repeating: "1,234", count: 13)
    ]
    var table = Self.table(headers, rows, types: [.text] + Array(repeating: .count, count: 13))
    #expect(TablePlacement(table).orientation == .landscape)
    table.fit = TableFit(orientation: .portrait, textSize: .normal)
    let placement = TablePlacement(table)
    #expect(placement.orientation == .portrait && placement.textSize == .normal)
    #expect(placement.widths.reduce(0, +) == 17000)
  }

  @Test func aSkeletonSetsItsTablesAndATableSaysOtherwise() throws {
    fixture.directory.write(
      "Templates/landscape-report.yaml",
      GeneratorFixture.skeleton.replacingOccurrences(of: "id: test-report", with: "id: landscape-report")
        + "\ntables: {orientation: landscape, text-size: small}\n")
    fixture.writeInput("a.csv", "Area,Count\nBlaby,3\n")
    let document = try fixture.generate(
      GeneratorFixture.inputHead.replacingOccurrences(of: "test-report", with: "landscape-report") + """
          summary:
            - table: a.csv
            - table: a.csv
              orientation: portrait

        """)
    let fits = document.blocks.compactMap { if case .table(let table) = $0 { table.fit } else { nil } }
    #expect(
      fits == [
        TableFit(orientation: .landscape, textSize: .small), TableFit(orientation: .portrait, textSize: .small),
      ])
  }

  @Test func widthsAreWrittenOnEveryColumnAndAWideTableTurnsThePage() throws {
    let headers = [
      "Serial No", "Delivery Strategy", "Metric", "Headline/Sub", "Target/Expectation", "Baseline",
      "Latest", "Direction", "RAG",
    ]
    let row = [
      "1", "Violence and Vulnerability",
      "Incidences of murder and other homicides (rate per 1000 pop)", "Headline", "Decrease",
      "0.004", "0.006", "↑", "Red",
    ]
    var table = Self.table(headers, [row, row])
    table.relations = [
      .direction(column: 7, baseline: 5, latest: 6),
      .rag(column: 8, target: 4, baseline: 5, latest: 6),
    ]
    table.caption = [.text("Dashboard")]
    let document = Document(
      metadata: Metadata(title: "T"),
      blocks: [
        .paragraph(Paragraph(content: [.text("Before.")])), .table(table),
        .paragraph(Paragraph(content: [.text("After.")])),
      ])
    let fodt = String(
      decoding: FODTWriter(reference: WritingFixtures.reference).render(document), as: UTF8.self)
    #expect(try WritingFixtures.schemaErrors(in: Data(fodt.utf8), name: "wide.fodt") == [])
    #expect(
      fodt.components(separatedBy: "<table:table-column table:style-name=\"bp-column-").count - 1
        == 9)
    #expect(fodt.contains("style:master-page-name=\"BP_20_Landscape\""))
    #expect(fodt.contains("<text:p text:style-name=\"bp-BP_20_Text-Standard\">After.</text:p>"))
    #expect(fodt.contains("table:style-name=\"bp-cell-red\""))
    let xhtml = String(decoding: XHTMLWriter().render(document), as: UTF8.self)
    #expect(xhtml.contains("<td class=\"bp-rag bp-rag-red\">Red</td>"))
    #expect(
      xhtml.contains(
        "<span aria-hidden=\"true\">↑</span><span class=\"bp-visually-hidden\">up</span>"))
    #expect(xhtml.contains("class=\"bp-table bp-landscape"))
  }

  @Test func aMissingImageIsAnErrorAtItsSrcLine() {
    let input =
      GeneratorFixture.inputHead + """
          summary:
            - figure: map
              alt: A map
              src: images/missing.png

        """
    #expect(
      throws: fixture.error(
        "no image file \(fixture.directory.path)/Inputs/images/missing.png: src: is read from the input's folder",
        line: 11, column: 12, in: input)
    ) { try fixture.generate(input) }
  }

  @Test func aFileThatIsNoImageIsAnError() {
    fixture.writeInput("images/notes.png", "not a picture")
    let input =
      GeneratorFixture.inputHead + """
          summary:
            - figure: image
              alt: A picture
              src: images/notes.png

        """
    #expect(
      throws: fixture.error(
        "\(fixture.directory.path)/Inputs/images/notes.png is not a PNG, JPEG, GIF or SVG image",
        line: 11, column: 12, in: input)
    ) { try fixture.generate(input) }
  }

  @Test func anImageIsEmbeddedInBothFormats() throws {
    let svg =
      #"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="navy"/></svg>"#
    fixture.writeInput("images/map.svg", svg)
    let document = try fixture.generate(
      GeneratorFixture.inputHead
        + "  summary:\n    - figure: map\n      alt: A map of the area\n      src: images/map.svg\n"
    )
    let fodt = String(
      decoding: FODTWriter(reference: WritingFixtures.reference).render(document), as: UTF8.self)
    #expect(fodt.contains("<office:binary-data>" + Data(svg.utf8).base64EncodedString().prefix(76)))
    #expect(fodt.contains("svg:width=\"10.58cm\" svg:height=\"5.29cm\""))
    #expect(try WritingFixtures.schemaErrors(in: Data(fodt.utf8), name: "image.fodt") == [])
    let xhtml = String(decoding: XHTMLWriter().render(document), as: UTF8.self)
    #expect(xhtml.contains("<img src=\"data:image/svg+xml;base64,"))
  }

  @Test func aChartIsDrawnFromATableOfThePaperAndItsFiguresPrintedAsATable() throws {
    fixture.writeInput(
      "rates.csv",
      "Measure,2024,2025\nAnswered within 10 secs,95.8%,92.2%\nAbandonment Rate,0.1%,0.3%\n")
    let document = try fixture.generate(
      GeneratorFixture.inputHead + """
          summary:
            - table: rates.csv
              label: rates
              caption: Rates
            - figure: chart
              alt: Bar chart of the rates
              chart: {type: bar, table: rates}

        """)
    guard
      case .figure(let figure) = document.blocks.first(where: {
        if case .figure = $0 { true } else { false }
      })
    else {
      Issue.record("no figure")
      return
    }
    let chart = try #require(figure.chart)
    #expect(chart.categories == ["Answered within 10 secs", "Abandonment Rate"])
    #expect(chart.series.map(\.name) == ["2024", "2025"])
    #expect(chart.series[0].shown == ["95.8%", "0.1%"])
    let svg = ChartDrawing(chart: chart, title: figure.altText).svgFile()
    let parsed = try XMLDocument(parsing: svg, name: "chart.svg")
    #expect(parsed.root?.name == "svg")
    let fodt = FODTWriter(reference: WritingFixtures.reference).render(document)
    #expect(try WritingFixtures.schemaErrors(in: fodt, name: "chart.fodt") == [])
    let xhtml = String(decoding: XHTMLWriter().render(document), as: UTF8.self)
    #expect(xhtml.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(
      xhtml.contains(
        "<th scope=\"row\">Answered within 10 secs</th><td class=\"bp-num\">95.8%</td>"))
    for kind in Chart.Kind.allCases {
      var other = chart
      other.kind = kind
      #expect(throws: Never.self) {
        try XMLDocument(parsing: ChartDrawing(chart: other, title: "t").svgFile(), name: "c.svg")
      }
    }
  }

  @Test func aChartOfAColumnTheTableLacksIsAnError() {
    fixture.writeInput("rates.csv", "Measure,2024\nAnswered,95.8%\n")
    let input =
      GeneratorFixture.inputHead + """
          summary:
            - table: rates.csv
              label: rates
            - figure: chart
              alt: A chart
              chart: {table: rates, series: ["2023"]}

        """
    #expect(
      throws: fixture.error(
        "the chart's table has no column \"2023\"; its columns are: Measure, 2024",
        line: 13, column: 14, in: input)
    ) { try fixture.generate(input) }
  }
}
