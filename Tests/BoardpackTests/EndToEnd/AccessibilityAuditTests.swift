import Foundation
import Testing

/// axe-core (WCAG 2.2 A and AA, and best practice) in headless Chromium on every generated
/// `.xhtml`: no violations. Skipped where Chromium is not installed (`.ci/run` installs it).
@Suite struct AccessibilityAuditTests {
  static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap {
    try? LibreOffice.executable($0)
  }.first

  static let axe = Snapshot.packageRoot.appendingPathComponent(
    "Tests/BoardpackTests/Fixtures/axe/axe.min.js")

  /// The paper with axe and a script that runs it added at the end of its body; the violations are
  /// left in the root element's `data-axe` attribute, which `--dump-dom` prints.
  static func audited(_ xhtml: String) -> String {
    let script = """
      <script src="\(axe.path)"></script><script>
      axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
        .then(function (r) { document.documentElement.setAttribute('data-axe', JSON.stringify(r.violations.map(function (v) {
          return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3).join(', '); }))); })
        .catch(function (e) { document.documentElement.setAttribute('data-axe', 'error ' + e); });
      </script></body>
      """
    return xhtml.replacingOccurrences(of: "</body>", with: script)
  }

  /// axe's violations of the XHTML file at `path`, as `data-axe="[…]"`; nil when axe did not run.
  static func violations(ofXHTMLAt path: String) throws -> String? {
    let folder = TemporaryDirectory()
    let page = folder.write(
      "audited.xhtml", audited(try String(contentsOfFile: path, encoding: .utf8)))
    let dom = try LibreOffice.run(
      chromium!,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
        "--virtual-time-budget=30000", "--dump-dom", "file://" + page,
      ])
    return dom.range(of: #"data-axe="[^"]*""#, options: .regularExpression).map { String(dom[$0]) }
  }

  @Test(.enabled(if: chromium != nil), arguments: ExamplePaperTests.inputs)
  func axeFindsNothing(_ name: String) throws {
    let folder = TemporaryDirectory()
    let run = try BoardpackCLI.run([
      "generate", "Inputs/\(name).yaml", "--format", "xhtml", "--out", folder.path,
    ])
    #expect(run.status == 0)
    let result = try Self.violations(ofXHTMLAt: folder.path + "/\(name).xhtml")
    #expect(result == #"data-axe="[]""#, "\(name): \(result ?? "axe did not run")")
  }

  @Test(.enabled(if: chromium != nil))
  func axeFindsNothingInThePack() throws {
    let folder = TemporaryDirectory()
    let run = try BoardpackCLI.run([
      "pack", "Inputs/meetings/2026-06-23-panel.yaml", "--format", "xhtml", "--out", folder.path,
    ])
    #expect(run.status == 0)
    let result = try Self.violations(ofXHTMLAt: folder.path + "/2026-06-23-panel.xhtml")
    #expect(result == #"data-axe="[]""#, "the pack: \(result ?? "axe did not run")")
  }

  /// The CSP letters combined in XHTML: axe finds nothing, and Chromium prints each letter (an
  /// `<article>` with its own heading) on a page of its own, with no blank page.
  @Test(.enabled(if: chromium != nil))
  func combinedLettersPassAxeAndPrintOnAPageEach() throws {
    let folder = TemporaryDirectory()
    let run = try BoardpackCLI.run([
      "merge", "--template", "csp-partner-letter", "--data", "Inputs/csp-partners-2026-27.csv",
      "--combined", "--format", "xhtml", "--out", folder.path + "/letters",
    ])
    #expect(run.status == 0)
    let letters = folder.path + "/letters/letters.xhtml"
    let result = try Self.violations(ofXHTMLAt: letters)
    #expect(result == #"data-axe="[]""#, "the letters: \(result ?? "axe did not run")")
    _ = try LibreOffice.run(
      Self.chromium!,
      [
        "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + folder.path + "/profile",
        "--no-pdf-header-footer", "--print-to-pdf=" + folder.path + "/letters.pdf",
        "file://" + letters,
      ])
    let pages = try LibreOffice.run(
      try LibreOffice.executable("pdftotext"), ["-layout", folder.path + "/letters.pdf", "-"]
    ).split(separator: "\u{0C}").filter { !$0.allSatisfy(\.isWhitespace) }
    let info = try LibreOffice.run(
      try LibreOffice.executable("pdfinfo"), [folder.path + "/letters.pdf"])
    #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 9") })
    #expect(pages.count == 9)
    for page in pages {
      #expect(page.components(separatedBy: "POLICE & CRIME").count == 2)
      #expect(
        page.components(separatedBy: "Community Safety Partnership funding 2025-26:").count == 2)
      #expect(page.contains("Yours sincerely,"))
    }
  }
}
