// Lodum's benchmark: ratios against the peers measured in the same run.
//
//     swift run -c release LodumBenchmarks [--quick] [--runs N] [--json PATH]
//
// Prints a Markdown table and writes the figures as JSON (default
// Benchmarks/results/latest.json). Absolute times vary with the machine; the ratios
// against Foundation in the same run are the figures to compare.

import Foundation
import Lodum

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == MemoryProbe.childFlag {
    do {
        try MemoryProbe.runChild(Array(arguments.dropFirst()))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}

if arguments.first == "--profile", arguments.count >= 2 {
    // Loops one Lodum operation alone, for `perf record`.
    let dataset = makeDataset(count: 1_000_000)
    let bytes = try JSON.encode(dataset)
    for _ in 0..<10 {
        switch arguments[1] {
        case "encode": consume(try JSON.encode(dataset))
        case "decode": consume(try JSON.decode(Dataset.self, from: bytes, limits: Limits(maxInputSize: 1 << 30)))
        case "bridge-encode": consume(try JSON.encode(makeCodableDataset(count: 200_000)))
        default: break
        }
    }
    exit(0)
}

let quick = arguments.contains("--quick")
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? (quick ? 3 : 5)
let jsonPath = arguments.firstIndex(of: "--json").map { arguments[$0 + 1] } ?? "Benchmarks/results/latest.json"
let pointCount = quick ? 100_000 : 1_000_000

print("Lodum benchmark — \(pointCount) points, median of \(runs) runs\(quick ? " (quick)" : "")\n")

var comparisons: [Comparison] = []

// JSON, @Lodum models vs Foundation on the same value.
let dataset = makeDataset(count: pointCount)
let foundationEncoder = JSONEncoder()
let lodumBytes = try JSON.encode(dataset)
let foundationBytes = try foundationEncoder.encode(dataset)
guard try JSON.decode(Dataset.self, from: foundationBytes, limits: Limits(maxInputSize: 1 << 30)) == dataset,
      try JSONDecoder().decode(Dataset.self, from: lodumBytes) == dataset else {
    print("error: Lodum and Foundation disagree on the points")
    exit(1)
}
let limits = Limits(maxInputSize: 1 << 30)
comparisons.append(try compare(
    "JSON encode \(pointCount) points (@Lodum)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONEncoder",
    lodum: { consume(try JSON.encode(dataset)) },
    against: { consume(try foundationEncoder.encode(dataset)) }))
comparisons.append(try compare(
    "JSON decode \(pointCount) points (@Lodum)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONDecoder",
    lodum: { consume(try JSON.decode(Dataset.self, from: lodumBytes, limits: limits)) },
    against: { consume(try JSONDecoder().decode(Dataset.self, from: lodumBytes)) }))

// JSON through the Codable bridge (no macro) vs Foundation.
let codableDataset = makeCodableDataset(count: pointCount)
comparisons.append(try compare(
    "JSON encode \(pointCount) points (Codable bridge)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONEncoder",
    lodum: { consume(try JSON.encode(codableDataset)) },
    against: { consume(try foundationEncoder.encode(codableDataset)) }))
comparisons.append(try compare(
    "JSON decode \(pointCount) points (Codable bridge)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONDecoder",
    lodum: { consume(try JSON.decode(CodableDataset.self, from: lodumBytes, limits: limits)) },
    against: { consume(try JSONDecoder().decode(CodableDataset.self, from: lodumBytes)) }))

print("| Benchmark | Lodum | Peer | Peer time | Lodum MB/s | Peer MB/s | Lodum is |")
print("|---|---|---|---|---|---|---|")
for comparison in comparisons {
    let verdict: String
    switch comparison.ratio {
    case 0.95..<1.05: verdict = String(format: "**%.1fx** (on par)", comparison.ratio)
    case 1.05...: verdict = String(format: "**%.1fx** faster", comparison.ratio)
    default: verdict = String(format: "**%.1fx** slower", 1 / comparison.ratio)
    }
    print(String(format: "| %@ | %.3f s | %@ | %.3f s | %.0f | %.1f | %@ |",
                 comparison.name, comparison.lodumSeconds, comparison.peer, comparison.peerSeconds,
                 comparison.lodumMBps, comparison.peerMBps, verdict))
}

// Streaming memory: each run in its own child process.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
var memory: [MemoryRun] = []
let dumpSizes = quick ? [100_000, 1_000_000] : [100_000, 10_000_000]
for count in dumpSizes {
    let peak = try MemoryProbe.measure("dump", count: count, path: scratch.appendingPathComponent("dump.json").path)
    memory.append(MemoryRun(name: "JSON.dump(contentsOf:) points", elements: count, peakMiB: peak))
}
let streamSizes = quick ? [10_000, 100_000] : [10_000, 1_000_000]
for count in streamSizes {
    let file = scratch.appendingPathComponent("records-\(count).json")
    try MemoryProbe.writeRecords(count: count, to: file)
    let peak = try MemoryProbe.measure("stream", count: count, path: file.path)
    memory.append(MemoryRun(name: "JSON.stream records", elements: count, peakMiB: peak))
}
print("\n| Streaming job | Elements | Peak RSS |")
print("|---|---|---|")
for run in memory {
    print(String(format: "| %@ | %d | %.1f MiB |", run.name, run.elements, run.peakMiB))
}

struct Report: Codable {
    var date: String
    var quick: Bool
    var runs: Int
    var comparisons: [Comparison]
    var memory: [MemoryRun]
}
let report = Report(date: ISO8601DateFormatter().string(from: Date()), quick: quick, runs: runs,
                    comparisons: comparisons, memory: memory)
let reportURL = URL(fileURLWithPath: jsonPath)
try FileManager.default.createDirectory(at: reportURL.deletingLastPathComponent(), withIntermediateDirectories: true)
try JSON.dump(report, to: reportURL, options: .pretty)
print("\nFigures written to \(jsonPath)")
