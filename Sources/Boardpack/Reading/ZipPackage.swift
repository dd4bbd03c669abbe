import BoardpackXML
import Foundation
import ZIPFoundation

/// A zip package (`.docx`, `.odt`) opened for reading its XML parts, with the bounds an untrusted
/// file needs: nothing is written to disk; the central directory and every member it lists must
/// lie inside the file; a member path that would climb out of the package ("../", "/etc/…") or an
/// encrypted member refuses the whole package; and a part is inflated only when its stated size
/// and compression ratio are plausible, from its own compressed bytes only, and stops the moment it
/// inflates past what it stated, so a zip bomb never fills memory and a damaged stream ends.
///
/// The directory is read here and the inflating is ZIPFoundation's (`Data.decompress`): its
/// `Archive` traps on offsets past the end of in-memory data and reads a damaged stream past its
/// member, forever at the end of the file.
struct ZipPackage {
  /// The largest part Boardpack inflates.
  static let partLimit = 256 << 20
  /// The highest compression ratio a part larger than `ratioFloor` may have: XML compresses about
  /// 10:1, a bomb thousands to one.
  static let ratioLimit = 100
  /// Parts smaller than this inflate whatever their ratio.
  static let ratioFloor = 1 << 20

  /// Where a member's bytes are, as the central directory states them.
  private struct Member {
    var start: Int
    var compressedSize: Int
    var size: Int
    var isDeflated: Bool
  }

  private let bytes: Data
  private let members: [String: Member]
  /// The file the package came from, for errors.
  let name: String

  /// Opens the package in `data`; `name` stands for the file in errors, `kind` ("a .docx") says
  /// what it should have been.
  init(_ data: Data, name: String, kind: String) throws(BoardpackError) {
    self.name = name
    let location = SourceLocation(file: name)
    if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      let isEncrypted =
        data.range(of: Data("EncryptedPackage".utf16.flatMap { [UInt8($0), 0] })) != nil
      throw BoardpackError(
        isEncrypted
          ? "the document is encrypted (password-protected); save an unprotected copy to check it"
          : "not \(kind): the file is an older binary Office document (.doc); open it in Word or LibreOffice and save it as .docx",
        at: location)
    }
    guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
      throw BoardpackError("not \(kind): the file is not a zip package", at: location)
    }
    bytes = data
    members = try Self.directory(of: data, location: location, kind: kind)
  }

  /// Whether the package has a member at `path`.
  func contains(_ path: String) -> Bool { members[path] != nil }

  /// The bytes of the member at `path`, nil when there is none.
  func data(_ path: String) throws(BoardpackError) -> Data? {
    guard let member = members[path] else { return nil }
    let stated = member.size
    let location = SourceLocation(file: name)
    guard stated <= Self.partLimit else {
      throw BoardpackError(
        "\(path) would inflate to \(stated) bytes, more than Boardpack reads (\(Self.partLimit))",
        at: location)
    }
    guard stated <= Self.ratioFloor || stated <= member.compressedSize * Self.ratioLimit else {
      throw BoardpackError(
        "\(path) is compressed \(stated / max(member.compressedSize, 1)) to 1, a zip bomb's ratio; Boardpack refuses it",
        at: location)
    }
    let compressed = bytes.subdata(
      in: bytes.startIndex + member.start..<bytes.startIndex + member.start + member.compressedSize)
    guard member.isDeflated else { return compressed }
    var result = Data()
    result.reserveCapacity(stated)
    do {
      // No checksum: the XML parser refuses a damaged part, and zlib a damaged stream. Each chunk
      // is as long as asked (zlib is told so), zeros after the member's end, and a stream that
      // asks for more than that has run past its member.
      _ = try Data.decompress(
        size: Int64(member.compressedSize), bufferSize: 64 << 10, skipCRC32: true,
        provider: { position, size in
          let from = Int(position)
          guard from < compressed.count || from == 0 else { throw Truncated() }
          var chunk = compressed.subdata(in: from..<min(from + size, compressed.count))
          chunk.count = size
          return chunk
        },
        consumer: { chunk in
          guard result.count + chunk.count <= stated else { throw Overrun() }
          result.append(chunk)
        })
    } catch is Overrun {
      throw BoardpackError(
        "\(path) inflates to more than the \(stated) bytes it states; Boardpack refuses it",
        at: location)
    } catch is Truncated {
      throw BoardpackError(
        "\(path) cannot be inflated: its data ends before its stream does; the package is damaged",
        at: location)
    } catch {
      throw BoardpackError("\(path) cannot be inflated: the package is damaged", at: location)
    }
    return result
  }

  /// The member at `path` parsed as XML with `XMLDocument`'s safeguards, nil when there is none.
  func xml(_ path: String) throws(BoardpackError) -> XMLDocument? {
    guard let data = try data(path) else { return nil }
    do { return try XMLDocument(parsing: data, name: path) } catch {
      throw partError(error, path)
    }
  }

  /// The member at `path` to be read node by node with `XMLStreamReader`'s safeguards (for a part
  /// too large to hold as a tree), nil when there is none.
  func stream(_ path: String) throws(BoardpackError) -> PartStream? {
    guard let data = try data(path) else { return nil }
    do {
      return PartStream(
        reader: try XMLStreamReader(parsing: data, name: path), package: self, path: path)
    } catch {
      throw partError(error, path)
    }
  }

  /// A part read node by node; its XML errors are the package's.
  struct PartStream {
    let reader: XMLStreamReader
    fileprivate let package: ZipPackage
    fileprivate let path: String

    /// Moves to the next node; false at the end of the part.
    func read() throws(BoardpackError) -> Bool {
      do { return try reader.read() } catch { throw package.partError(error, path) }
    }
  }

  /// An error in the XML of the part at `path`, as an error of the package.
  private func partError(_ error: XMLError, _ path: String) -> BoardpackError {
    let place = [error.line.map { "line \($0)" }, error.column.map { "column \($0)" }]
      .compactMap { $0 }.joined(separator: ", ")
    return BoardpackError(
      "\(path)\(place.isEmpty ? "" : " (\(place))"): \(error.message)",
      at: SourceLocation(file: name))
  }

  private struct Overrun: Error {}
  private struct Truncated: Error {}

  /// The members the central directory lists, each checked to lie inside the file: the first of
  /// two with one name counts. A damaged or ZIP64 directory, an encrypted member, a compression
  /// other than deflate, or a path that leaves the package refuses the whole package.
  private static func directory(of data: Data, location: SourceLocation, kind: String)
    throws(BoardpackError) -> [String: Member]
  {
    enum Refusal {
      case damaged, encrypted, method
      case path(String)
    }
    let read = data.withUnsafeBytes {
      (raw: UnsafeRawBufferPointer) -> Result<[String: Member], BoardpackError> in
      let bytes = raw.bindMemory(to: UInt8.self)
      let size = bytes.count
      func little(_ at: Int, _ width: Int) -> Int? {
        guard at >= 0, at + width <= size else { return nil }
        return (0..<width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
      }
      func hasSignature(_ at: Int, _ third: UInt8, _ fourth: UInt8) -> Bool {
        at >= 0 && at + 4 <= size && bytes[at] == 0x50 && bytes[at + 1] == 0x4B
          && bytes[at + 2] == third && bytes[at + 3] == fourth
      }
      func refuse(_ refusal: Refusal) -> Result<[String: Member], BoardpackError> {
        let message =
          switch refusal {
          case .damaged:
            "not \(kind): the zip package is damaged (its directory points outside the file)"
          case .encrypted: "the package has encrypted members; save an unprotected copy to check it"
          case .method:
            "the package uses a compression other than deflate; save it again from Word or LibreOffice"
          case .path(let path):
            "the package holds a member whose path leaves the package (\(path)); Boardpack refuses it"
          }
        return .failure(BoardpackError(message, at: location))
      }
      guard size >= 22,
        let end = stride(from: size - 22, through: max(0, size - 22 - 0xFFFF), by: -1)
          .first(where: { hasSignature($0, 0x05, 0x06) }),
        let count = little(end + 10, 2), let directorySize = little(end + 12, 4),
        let directoryStart = little(end + 16, 4),
        count != 0xFFFF, directoryStart + directorySize <= end
      else { return refuse(.damaged) }
      var members: [String: Member] = [:]
      var entry = directoryStart
      for _ in 0..<count {
        guard hasSignature(entry, 0x01, 0x02), let flags = little(entry + 8, 2),
          let method = little(entry + 10, 2), let compressed = little(entry + 20, 4),
          let stated = little(entry + 24, 4), let nameLength = little(entry + 28, 2),
          let extraLength = little(entry + 30, 2), let commentLength = little(entry + 32, 2),
          let local = little(entry + 42, 4), entry + 46 + nameLength <= end,
          compressed != 0xFFFF_FFFF, stated != 0xFFFF_FFFF, hasSignature(local, 0x03, 0x04),
          let localName = little(local + 26, 2), let localExtra = little(local + 28, 2),
          local + 30 + localName + localExtra + compressed <= size
        else { return refuse(.damaged) }
        guard flags & 1 == 0 else { return refuse(.encrypted) }
        let path = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[entry + 46..<entry + 46 + nameLength]),
          as: UTF8.self)
        if path.hasPrefix("/") || path.contains("\\") || path.split(separator: "/").contains("..") {
          return refuse(.path(path))
        }
        if !path.hasSuffix("/") && members[path] == nil {
          guard method == 0 || method == 8 else { return refuse(.method) }
          guard method == 8 || compressed == stated else { return refuse(.damaged) }
          members[path] = Member(
            start: local + 30 + localName + localExtra, compressedSize: compressed, size: stated,
            isDeflated: method == 8)
        }
        entry += 46 + nameLength + extraLength + commentLength
        guard entry <= end else { return refuse(.damaged) }
      }
      return .success(members)
    }
    return try read.get()
  }
}
