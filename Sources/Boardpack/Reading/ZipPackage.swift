import BoardpackXML
import Foundation
import ZIPFoundation

/// A zip package (`.docx`, `.odt`) opened for reading its XML parts, with the bounds an untrusted
/// file needs: nothing is written to disk; a member path that would climb out of the package
/// ("../", "/etc/…") or an encrypted member refuses the whole package; and a part is inflated only
/// when its stated size and compression ratio are plausible, and stops the moment it inflates past
/// what it stated, so a zip bomb never fills memory.
struct ZipPackage {
  /// The largest part Boardpack inflates.
  static let partLimit: UInt64 = 256 << 20
  /// The highest compression ratio a part larger than `ratioFloor` may have: XML compresses about
  /// 10:1, a bomb thousands to one.
  static let ratioLimit: UInt64 = 100
  /// Parts smaller than this inflate whatever their ratio.
  static let ratioFloor: UInt64 = 1 << 20

  private let archive: Archive
  private let entries: [String: Entry]
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
    guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]),
      let archive = try? Archive(data: data, accessMode: .read)
    else {
      throw BoardpackError("not \(kind): the file is not a zip package", at: location)
    }
    var entries: [String: Entry] = [:]
    var listed = 0
    for entry in archive {
      listed += 1
      let path = entry.path
      if path.hasPrefix("/") || path.contains("\\") || path.split(separator: "/").contains("..") {
        throw BoardpackError(
          "the package holds a member whose path leaves the package (\(path)); Boardpack refuses it",
          at: location)
      }
      if entries[path] == nil { entries[path] = entry }
    }
    // ZIPFoundation stops listing at an encrypted member: fewer members than the directory counts.
    if listed < Self.memberCount(in: data) ?? 0 {
      throw BoardpackError(
        "the package has encrypted or damaged members; save an unprotected copy to check it",
        at: location)
    }
    self.archive = archive
    self.entries = entries
  }

  /// Whether the package has a member at `path`.
  func contains(_ path: String) -> Bool { entries[path] != nil }

  /// The bytes of the member at `path`, nil when there is none.
  func data(_ path: String) throws(BoardpackError) -> Data? {
    guard let entry = entries[path] else { return nil }
    let stated = entry.uncompressedSize
    let location = SourceLocation(file: name)
    guard stated <= Self.partLimit else {
      throw BoardpackError(
        "\(path) would inflate to \(stated) bytes, more than Boardpack reads (\(Self.partLimit))",
        at: location)
    }
    guard stated <= Self.ratioFloor || stated <= entry.compressedSize * Self.ratioLimit else {
      throw BoardpackError(
        "\(path) is compressed \(stated / max(entry.compressedSize, 1)) to 1, a zip bomb's ratio; Boardpack refuses it",
        at: location)
    }
    var result = Data()
    result.reserveCapacity(Int(stated))
    do {
      // No checksum: the XML parser refuses a damaged part, and zlib a damaged stream.
      _ = try archive.extract(entry, skipCRC32: true) { chunk in
        guard UInt64(result.count + chunk.count) <= stated else { throw Overrun() }
        result.append(chunk)
      }
    } catch is Overrun {
      throw BoardpackError(
        "\(path) inflates to more than the \(stated) bytes it states; Boardpack refuses it",
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
      let place = [error.line.map { "line \($0)" }, error.column.map { "column \($0)" }]
        .compactMap { $0 }.joined(separator: ", ")
      throw BoardpackError(
        "\(path)\(place.isEmpty ? "" : " (\(place))"): \(error.message)",
        at: SourceLocation(file: name))
    }
  }

  private struct Overrun: Error {}

  /// The member count the end-of-central-directory record gives, when the file has one.
  private static func memberCount(in data: Data) -> Int? {
    let bytes = [UInt8](data.suffix(22 + 0xFFFF))
    guard bytes.count >= 22 else { return nil }
    for start in stride(from: bytes.count - 22, through: 0, by: -1)
    where bytes[start] == 0x50 && bytes[start + 1] == 0x4B && bytes[start + 2] == 0x05
      && bytes[start + 3] == 0x06
    {
      let count = Int(bytes[start + 10]) | Int(bytes[start + 11]) << 8
      // 0xFFFF: the count is in the ZIP64 record, which ZIPFoundation reads itself.
      return count == 0xFFFF ? nil : count
    }
    return nil
  }
}
