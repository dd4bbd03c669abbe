import BoardpackXML
import Foundation

extension EmbeddedImage {
  /// The largest image file a paper embeds.
  static let largestFile = 20 << 20

  /// Reads the image file at `path` (a `figure`'s `src:`, already joined to its input's folder): a
  /// PNG, JPEG, GIF or SVG, with its size. A missing, unreadable or unknown file is an error at
  /// `origin`, the `src:` line.
  init(contentsOf path: String, origin: Origin) throws(BoardpackError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw origin.error("no image file \(path): src: is read from the input's folder")
    }
    guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
      throw origin.error("cannot read the image file \(path)")
    }
    guard data.count <= EmbeddedImage.largestFile else {
      throw origin.error("the image file \(path) is larger than 20 MB; make it smaller to embed it")
    }
    guard let image = EmbeddedImage(data) else {
      throw origin.error("\(path) is not a PNG, JPEG, GIF or SVG image")
    }
    self = image
  }

  /// The image `data` holds, by its first bytes; nil for any other kind of file. Sizes in pixels
  /// count as points at 96 pixels to the inch.
  init?(_ data: Data) {
    let bytes = [UInt8](data.prefix(64 * 1024))
    func big16(_ at: Int) -> Int {
      at + 1 < bytes.count ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : 0
    }
    func big32(_ at: Int) -> Int { big16(at) << 16 | big16(at + 2) }
    func little16(_ at: Int) -> Int {
      at + 1 < bytes.count ? Int(bytes[at + 1]) << 8 | Int(bytes[at]) : 0
    }
    let pixel = 0.75
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.count >= 24 {
      self.init(
        data: data, mediaType: "image/png", width: Double(big32(16)) * pixel,
        height: Double(big32(20)) * pixel)
    } else if bytes.starts(with: [0x47, 0x49, 0x46, 0x38]) && bytes.count >= 10 {
      self.init(
        data: data, mediaType: "image/gif", width: Double(little16(6)) * pixel,
        height: Double(little16(8)) * pixel)
    } else if bytes.starts(with: [0xFF, 0xD8]) {
      // The frame header (SOF0 to SOF15, less DHT, JPG and DAC) holds the size.
      var at = 2
      var size: (Int, Int)?
      while at + 9 < bytes.count, bytes[at] == 0xFF {
        let marker = bytes[at + 1]
        if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
          size = (big16(at + 7), big16(at + 5))
          break
        }
        at += 2 + big16(at + 2)
      }
      guard let size else { return nil }
      self.init(
        data: data, mediaType: "image/jpeg", width: Double(size.0) * pixel,
        height: Double(size.1) * pixel)
    } else if let document = try? XMLDocument(parsing: data, name: "image.svg"),
      let root = document.root,
      root.name == "svg"
    {
      func length(_ name: String) -> Double? {
        root.attribute(name).flatMap { Double($0.trimmingCharacters(in: .letters)) }
      }
      let box = (root.attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," })
        .compactMap {
          Double($0)
        }
      let width = length("width") ?? (box.count == 4 ? box[2] : 400)
      let height = length("height") ?? (box.count == 4 ? box[3] : 300)
      self.init(
        data: data, mediaType: "image/svg+xml", width: width * pixel, height: height * pixel)
    } else {
      return nil
    }
    guard width > 0, height > 0 else { return nil }
  }
}
