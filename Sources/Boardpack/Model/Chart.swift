import Foundation

/// The figures a chart shows, taken from a table of the paper or a CSV file when generating; the
/// writers draw it (as SVG) and print its figures as a table for readers who cannot see it.
public struct Chart: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case bar
    case stackedBar = "stacked-bar"
    case line
  }

  /// One series: a name (a column's header) and a value per category, nil where the cell is blank.
  public struct Series: Sendable, Equatable {
    public var name: String
    public var values: [Decimal?]
    /// The values as the table prints them ("95.8%").
    public var shown: [String]

    public init(name: String, values: [Decimal?], shown: [String]) {
      self.name = name
      self.values = values
      self.shown = shown
    }
  }

  public var kind: Kind
  /// The heading of the categories (the table's first column, "Month").
  public var categoryHeading: String
  public var categories: [String]
  public var series: [Series]
  /// The type of the values: percentages are drawn on a scale of 0 to 100 %.
  public var unit: ValueType

  /// The figures as a sentence, for a description: "2024: Answered within 10 secs 95.8%, …".
  public var figuresInWords: String {
    "Figures shown: "
      + series.map { series in
        series.name + ": "
          + zip(categories, series.shown).map { "\($0) \($1)" }.joined(separator: ", ")
      }.joined(separator: "; ") + "."
  }

  public init(
    kind: Kind, categoryHeading: String, categories: [String], series: [Series], unit: ValueType
  ) {
    self.kind = kind
    self.categoryHeading = categoryHeading
    self.categories = categories
    self.series = series
    self.unit = unit
  }
}

/// An image embedded in a paper: its bytes and media type, and its size in points, whose ratio the
/// writers keep.
public struct EmbeddedImage: Sendable, Equatable {
  public var data: Data
  /// "image/png", "image/jpeg", "image/gif" or "image/svg+xml".
  public var mediaType: String
  public var width: Double
  public var height: Double

  public init(data: Data, mediaType: String, width: Double, height: Double) {
    self.data = data
    self.mediaType = mediaType
    self.width = width
    self.height = height
  }

  /// A `data:` URL of the image, for XHTML.
  public var dataURL: String { "data:\(mediaType);base64," + data.base64EncodedString() }
}
