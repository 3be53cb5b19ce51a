// The Yams peer of Lodum's YAML benchmark, run by LodumBenchmarks as a child process.
//
//     yams-peer encode COUNT RUNS OUTPUT [--no-warm-up]   # times YAMLEncoder().encode, writes its output
//     yams-peer decode COUNT RUNS INPUT [--no-warm-up]    # times YAMLDecoder().decode of INPUT
//
// Each operation runs once to warm up, then RUNS timed times; `--no-warm-up` skips the
// warm-up, for runs that take minutes (YAMLEncoder's time grows with the square of the count).
// Yams compiles its own copy of libyaml (its CYaml target), whose C symbols would clash
// with the system libyaml that LodumYAML links: this binary links Yams alone, never Lodum.
// It builds the same points as the benchmark (`Point(x: i, y: 2 * i)`) and prints one line:
//
//     yams-peer op=encode points=N bytes=B checksum=C median=SECONDS runs=R warm-up=true
//
// `checksum` is the sum of every x and y encoded or decoded, so the parent can check that
// Yams handled the very same points.

import Foundation
import Yams

/// The benchmark's `Point` and `Dataset` (Benchmarks/LodumBenchmarks/Models.swift), with the
/// synthesized Codable conformance Yams uses: the same keys, so the same YAML.
struct Point: Codable {
    var x: Int
    var y: Int
}

struct Dataset: Codable {
    var points: [Point]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("yams-peer: \(message)\n".utf8))
    exit(1)
}

/// Median wall time of `runs` runs, after one warm-up unless told not to, as LodumBenchmarks measures.
func medianSeconds(runs: Int, warmUp: Bool, _ body: () throws -> Void) rethrows -> Double {
    if warmUp { try body() }
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    times.sort()
    return times[times.count / 2]
}

func checksum(_ points: [Point]) -> Int {
    points.reduce(0) { $0 &+ $1.x &+ $1.y }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let warmUp = !arguments.contains("--no-warm-up")
guard arguments.count == (warmUp ? 4 : 5), let count = Int(arguments[1]), let runs = Int(arguments[2]), count >= 0, runs >= 1 else {
    fail("usage: yams-peer encode|decode COUNT RUNS PATH [--no-warm-up]")
}
let url = URL(fileURLWithPath: arguments[3])

do {
    let median: Double
    let points: Int
    let bytes: Int
    let sum: Int
    switch arguments[0] {
    case "encode":
        let dataset = Dataset(points: (0..<count).map { Point(x: $0, y: 2 * $0) })
        let encoder = YAMLEncoder()
        var output = ""
        median = try medianSeconds(runs: runs, warmUp: warmUp) { output = try encoder.encode(dataset) }
        try Data(output.utf8).write(to: url)
        points = dataset.points.count
        bytes = output.utf8.count
        sum = checksum(dataset.points)
    case "decode":
        let input = try Data(contentsOf: url)
        let decoder = YAMLDecoder()
        var decoded = Dataset(points: [])
        median = try medianSeconds(runs: runs, warmUp: warmUp) { decoded = try decoder.decode(Dataset.self, from: input) }
        points = decoded.points.count
        bytes = input.count
        sum = checksum(decoded.points)
    default:
        fail("unknown operation \(arguments[0])")
    }
    print("yams-peer op=\(arguments[0]) points=\(points) bytes=\(bytes) checksum=\(sum) median=\(median) runs=\(runs) warm-up=\(warmUp)")
} catch {
    fail("\(error)")
}
