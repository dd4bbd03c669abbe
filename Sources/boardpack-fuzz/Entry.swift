import Foundation

#if FUZZING
  /// libFuzzer's entry point (`Scripts/fuzz` builds with `-sanitize=fuzzer,address -DFUZZING`); the
  /// target is chosen by `BOARDPACK_FUZZ_TARGET`.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzEntry.target.run(start.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
  }

  enum FuzzEntry {
    nonisolated(unsafe) static let target: FuzzTarget = {
      let name = ProcessInfo.processInfo.environment["BOARDPACK_FUZZ_TARGET"] ?? ""
      guard let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set BOARDPACK_FUZZ_TARGET to one of: \(known)\n".utf8))
        exit(2)
      }
      return target
    }()
  }
#else
  /// `boardpack-fuzz TARGET FILE…`: replays inputs (the kept crashes, a corpus) through one
  /// target without libFuzzer, one line per file; exits 0 when every run came back.
  @main
  enum Replay {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        print("usage: boardpack-fuzz \(known) FILE…  (run from the package root)")
        exit(2)
      }
      for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          print("\(path): cannot read")
          exit(2)
        }
        let started = ContinuousClock.now
        let outcome = target.run(data)
        print("\(path): \(ContinuousClock.now - started): \(outcome)")
      }
    }
  }
#endif
