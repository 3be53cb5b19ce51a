// swift-tools-version: 6.1
import CompilerPluginSupport
import PackageDescription

let package = Package(
    name: "Lodum",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Lodum", targets: ["Lodum"]),
        .library(name: "LodumCore", targets: ["LodumCore"]),
        .library(name: "LodumJSON", targets: ["LodumJSON"]),
        .library(name: "LodumYAML", targets: ["LodumYAML"]),
        .library(name: "LodumMsgPack", targets: ["LodumMsgPack"]),
        // The conformance suite, for any format: the built-in ones run it, and so can yours.
        .library(name: "LodumConformance", targets: ["LodumConformance"]),
        // The command-line tool: convert, formats, validate.
        .executable(name: "lodum", targets: ["LodumTool"]),
        .executable(name: "stream-points", targets: ["StreamPoints"]),
        // The benchmark's Yams peer; LodumBenchmarks finds it next to itself.
        .executable(name: "yams-peer", targets: ["YamsPeer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "602.0.0"),
        // The command-line tool's arguments, help and shell completions.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Benchmark peer only (the yams-peer executable); no library or test target links it.
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // The format-agnostic core: IR, drivers, Format protocol, errors, limits, IO, Codable bridge.
        .target(
            name: "LodumCore",
            dependencies: ["LodumMacros"],
            path: "Sources/LodumCore"
        ),
        // The @Lodum macro implementation (a compiler plugin).
        .macro(
            name: "LodumMacros",
            dependencies: [
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
                .product(name: "SwiftSyntaxBuilder", package: "swift-syntax"),
            ],
            path: "Sources/LodumMacros"
        ),
        // The native JSON backend; depends on the core only.
        .target(
            name: "LodumJSON",
            dependencies: ["LodumCore"],
            path: "Formats/JSON"
        ),
        // The system libyaml (Debian: libyaml-dev), found by pkg-config.
        .systemLibrary(
            name: "CYAML",
            path: "Formats/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The YAML backend on libyaml's event emitter and parser; depends on the core only.
        .target(
            name: "LodumYAML",
            dependencies: ["LodumCore", "CYAML"],
            path: "Formats/YAML"
        ),
        // msgpack-c's unpacking state machine (from libmsgpack-dev's headers), instantiated
        // to report events: the base of the MessagePack reader (issue C).
        .target(
            name: "CMsgPackEvents",
            dependencies: ["CMsgPack"],
            path: "Formats/CMsgPackEvents"
        ),
        // The system msgpack-c (Debian: libmsgpack-dev), found by pkg-config: the headers of
        // its packing and unpacking routines, and its library for the benchmark's raw loops.
        .systemLibrary(
            name: "CMsgPack",
            path: "Formats/CMsgPack",
            pkgConfig: "msgpack",
            providers: [.apt(["libmsgpack-dev"]), .brew(["msgpack"])]
        ),
        // msgpack-c's packing routines (pack_template.h), instantiated to append into a window
        // of memory.
        .target(
            name: "CMsgPackOutput",
            dependencies: ["CMsgPack"],
            path: "Formats/CMsgPackOutput"
        ),
        // The MessagePack backend: msgpack-c's packer and its unpacking state machine.
        .target(
            name: "LodumMsgPack",
            dependencies: ["LodumCore", "CMsgPackEvents", "CMsgPackOutput"],
            path: "Formats/MsgPack"
        ),
        // The umbrella users import: the core plus every built-in format.
        .target(
            name: "Lodum",
            dependencies: ["LodumCore", "LodumJSON", "LodumYAML", "LodumMsgPack"],
            path: "Sources/Lodum"
        ),
        // The `lodum` command-line tool; it knows every format through the umbrella. The
        // target is not named `lodum`: beside `Lodum`, that clashes on case-insensitive disks.
        .executableTarget(
            name: "LodumTool",
            dependencies: ["Lodum", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/lodum"
        ),
        // The README's main job: stream a million points to a file and back.
        .executableTarget(
            name: "StreamPoints",
            dependencies: ["Lodum", "ExampleSupport"],
            path: "Examples/StreamPoints"
        ),
        // Process measurements shared by the example and the benchmark.
        .target(
            name: "ExampleSupport",
            path: "Examples/Support"
        ),
        // Typed models of the standard JSON benchmark corpora (twitter, citm_catalog, canada).
        .target(
            name: "CorpusModels",
            dependencies: ["Lodum"],
            // A module of its own, as an app's models often are: the benchmark specializes
            // them through the @inlinable members @Lodum generates for public types.
            path: "Benchmarks/CorpusModels"
        ),
        .executableTarget(
            name: "LodumBenchmarks",
            dependencies: ["Lodum", "CorpusModels", "ExampleSupport", "CYAML", "CMsgPack", "CMsgPackOutput"],
            path: "Benchmarks/LodumBenchmarks"
        ),
        // The benchmark's Yams peer, run by LodumBenchmarks as a child process. Yams bundles
        // its own libyaml (CYaml), whose symbols would clash with the system libyaml that
        // LodumYAML links, so it lives in a binary of its own that never links Lodum.
        .executableTarget(
            name: "YamsPeer",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Benchmarks/YamsPeer"
        ),
        // The fuzzing harnesses and their seeds, a library so that the tests import it: a
        // test target that imports an executable target's module fails to build from a clean
        // checkout when SwiftPM happens to compile the test before the executable's module
        // for the host (swiftlang/swift-package-manager#7596).
        .target(
            name: "LodumFuzzHarnesses",
            dependencies: ["Lodum", "LodumConformance"],
            path: "Fuzz/Harnesses"
        ),
        // The fuzzer (Scripts/fuzz.sh builds it with libFuzzer); built plainly, a replayer of
        // seeds and saved findings.
        .executableTarget(
            name: "LodumFuzz",
            dependencies: ["LodumFuzzHarnesses", "CFuzzerDriver"],
            path: "Fuzz/LodumFuzz"
        ),
        // libFuzzer's driver entry, declared for the fuzzing build (which links libFuzzer).
        .systemLibrary(
            name: "CFuzzerDriver",
            path: "Fuzz/CFuzzerDriver"
        ),
        // What every format's test suite shares: fixtures, instrumented sinks and sources,
        // error expectations.
        .target(
            name: "LodumTestSupport",
            dependencies: ["Lodum"],
            path: "Tests/Support"
        ),
        // The conformance suite's checks, run against a format through its public verbs.
        .target(
            name: "LodumConformance",
            dependencies: ["LodumCore"],
            path: "Sources/LodumConformance"
        ),
        .testTarget(
            name: "ConformanceTests",
            // LodumYAML by name: the yaml-test-suite reads libyaml's raw events (@testable).
            dependencies: ["Lodum", "LodumYAML", "LodumConformance", "LodumTestSupport"],
            path: "Tests/ConformanceTests"
        ),
        // Replays the fuzzing harnesses over their seeds and every saved finding.
        .testTarget(
            name: "LodumFuzzTests",
            dependencies: ["LodumFuzzHarnesses", "LodumTestSupport"],
            path: "Tests/LodumFuzzTests"
        ),
        // Runs the built `lodum` binary as a subprocess.
        .testTarget(
            name: "LodumCLITests",
            dependencies: ["LodumTool", "Lodum", "LodumTestSupport"],
            path: "Tests/LodumCLITests"
        ),
        .testTarget(
            name: "LodumCoreTests",
            dependencies: ["Lodum", "LodumTestSupport"],
            path: "Tests/LodumCoreTests"
        ),
        .testTarget(
            name: "LodumMacrosTests",
            dependencies: [
                "LodumMacros",
                .product(name: "SwiftSyntaxMacrosGenericTestSupport", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacroExpansion", package: "swift-syntax"),
            ],
            path: "Tests/LodumMacrosTests"
        ),
        .testTarget(
            name: "LodumYAMLTests",
            dependencies: ["Lodum", "LodumYAML", "LodumTestSupport"],
            path: "Tests/LodumYAMLTests"
        ),
        .testTarget(
            name: "LodumMsgPackTests",
            dependencies: ["Lodum", "LodumMsgPack", "CMsgPackEvents", "LodumTestSupport"],
            path: "Tests/LodumMsgPackTests"
        ),
        .testTarget(
            name: "LodumJSONTests",
            dependencies: ["Lodum", "CorpusModels", "LodumTestSupport"],
            path: "Tests/LodumJSONTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
