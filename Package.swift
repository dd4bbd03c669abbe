// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Boardpack",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "boardpack", targets: ["boardpack"]),
    .library(name: "Boardpack", targets: ["Boardpack"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .target(name: "BoardpackXML", dependencies: ["CLibXML2"]),
    .target(
      name: "Boardpack",
      dependencies: [
        "BoardpackXML",
        "Yams",
        "ZIPFoundation",
      ]
    ),
    .executableTarget(
      name: "boardpack",
      dependencies: ["Boardpack", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(
      name: "boardpack-bench",
      dependencies: ["Boardpack", "BoardpackXML", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Fuzzing (Scripts/fuzz): libFuzzer's entry point when built with -DFUZZING, else a replayer.
    .executableTarget(name: "boardpack-fuzz", dependencies: ["Boardpack"]),
    .testTarget(
      name: "BoardpackTests", dependencies: ["Boardpack", "BoardpackXML", "ZIPFoundation"],
      exclude: ["Fixtures", "Snapshots"]),
  ],
  swiftLanguageModes: [.v6]
)
