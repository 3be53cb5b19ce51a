// Lodum's benchmark: ratios against the peers measured in the same run.
//
//     swift build -c release --product yams-peer    # the Yams peer, run as a child process
//     swift run -c release LodumBenchmarks [--quick] [--runs N] [--json PATH] [--svg PATH]
//     swift run -c release LodumBenchmarks --soak [GIGABYTES] [--yaml GIGABYTES] [--directory PATH]
//
// The --soak mode streams gigabytes through each format and back (see Soak.swift and
// Scripts/soak.sh); the rest of this comment is about the benchmark.
//
// Prints Markdown tables, writes the figures as JSON (default
// Benchmarks/results/latest.json) and draws the ratios as an SVG bar chart (default
// Docs/images/benchmark-ratios.svg for a full run, beside the JSON for --quick). Absolute times vary with the machine; the ratios
// against the peers in the same run (Foundation for JSON; Yams and raw libyaml loops for
// YAML; raw msgpack-c loops for MessagePack) are the figures to compare. Without a built
// `yams-peer` the Yams rows are skipped.

import ExampleSupport
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

if arguments.first == "--soak" {
    // --soak [GIGABYTES] [--yaml GIGABYTES] [--directory PATH]: each format streamed to a
    // file of that size (default 3 GB; YAML may take its own size) and back, every element
    // checked; see Soak.swift and Scripts/soak.sh.
    func value(after flag: String) -> String? {
        arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }
    let gigabytes = arguments.count >= 2 ? Double(arguments[1]) ?? 3 : 3
    let yamlGigabytes = value(after: "--yaml").flatMap(Double.init) ?? gigabytes
    let directory = value(after: "--directory").map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
    do {
        try Soak.run(gigabytes: gigabytes, yamlGigabytes: yamlGigabytes, directory: directory)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("soak failed: \(error)\n".utf8))
        exit(1)
    }
}

if arguments.first == "--profile", arguments.count >= 3, let corpusOperation = BenchmarkCorpus.ProfiledOperation(rawValue: arguments[1]) {
    // --profile corpus-encode|corpus-decode|foundation-corpus-encode|foundation-corpus-decode
    // FILE [ITERATIONS]: one corpus (twitter.json, citm_catalog.json, canada.json) alone.
    let iterations = arguments.count >= 4 ? Int(arguments[3]) ?? 100 : 100
    try profileLoop(iterations: iterations, BenchmarkCorpus.profiledBody(corpusOperation, file: arguments[2]))
    exit(0)
}

if arguments.first == "--profile", arguments.count >= 2 {
    // Loops one operation alone, for `perf record` or `valgrind --tool=callgrind`:
    // --profile OPERATION [POINTS] [ITERATIONS], by default 1,000,000 points 10 times.
    // The loop is `profileLoop`, so `--toggle-collect='*profileLoop*'` counts the operation
    // without the set-up (the points, and the input of a decode).
    let count = arguments.count >= 3 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
    let iterations = arguments.count >= 4 ? Int(arguments[3]) ?? 10 : 10
    let operation = arguments[1]
    let dataset = makeDataset(count: count)
    let codableDataset = makeCodableDataset(count: operation.hasPrefix("bridge-") ? count : 0)
    let limits = Limits(maxInputSize: 1 << 30)
    let arrays = MsgPackOptions(structs: .arrays)
    // The input of the decoding operations.
    var bytes = Data()
    switch operation {
    case "decode", "bridge-decode", "foundation-decode": bytes = try JSON.encode(dataset)
    case "bridge-decode-records", "foundation-decode-records": bytes = try JSON.encode(makeRecords(count: count))
    case "yaml-decode", "raw-parse": bytes = try YAML.encode(dataset)
    case "msgpack-decode", "raw-unpack": bytes = try MsgPack.encode(dataset)
    case "msgpack-decode-arrays", "raw-unpack-arrays": bytes = try MsgPack.encode(dataset, options: arrays)
    default: break
    }
    let rawInput = [UInt8](bytes)
    let body: () throws -> Void
    switch operation {
    case "encode": body = { consume(try JSON.encode(dataset)) }
    case "decode": body = { consume(try JSON.decode(Dataset.self, from: bytes, limits: limits)) }
    case "bridge-encode": body = { consume(try JSON.encode(codableDataset)) }
    case "bridge-decode": body = { consume(try JSON.decode(CodableDataset.self, from: bytes, limits: limits)) }
    case "foundation-decode": body = { consume(try JSONDecoder().decode(CodableDataset.self, from: bytes)) }
    case "bridge-decode-records": body = { consume(try JSON.decode(CodableRecordSet.self, from: bytes, limits: limits)) }
    case "foundation-decode-records": body = { consume(try JSONDecoder().decode(CodableRecordSet.self, from: bytes)) }
    case "yaml-encode": body = { consume(try YAML.encode(dataset)) }
    case "yaml-decode": body = { consume(try YAML.decode(Dataset.self, from: bytes, limits: limits)) }
    case "raw-emit": body = { consume(try RawLibYAML.emit(dataset.points)) }
    case "raw-parse": body = { consume(try RawLibYAML.parse(rawInput)) }
    case "msgpack-encode": body = { consume(try MsgPack.encode(dataset)) }
    case "msgpack-decode", "msgpack-decode-arrays": body = { consume(try MsgPack.decode(Dataset.self, from: bytes, limits: limits)) }
    case "msgpack-encode-arrays": body = { consume(try MsgPack.encode(dataset, options: arrays)) }
    case "raw-pack": body = { consume(try RawMsgPack.pack(dataset.points)) }
    case "raw-pack-arrays": body = { consume(try RawMsgPack.pack(dataset.points, structsAsArrays: true)) }
    case "raw-unpack", "raw-unpack-arrays": body = { consume(try RawMsgPack.unpack(rawInput)) }
    default:
        print("unknown operation \(operation): encode, decode, bridge-encode, bridge-decode, bridge-decode-records, "
            + "foundation-decode, foundation-decode-records (JSON); yaml-encode, yaml-decode, raw-emit, "
            + "raw-parse (YAML); msgpack-encode, msgpack-decode, raw-pack, raw-unpack, and each with -arrays (MessagePack)")
        exit(1)
    }
    try profileLoop(iterations: iterations, body)
    exit(0)
}

/// The profiled loop, a function of its own for callgrind's `--toggle-collect`.
@inline(never)
func profileLoop(iterations: Int, _ body: () throws -> Void) rethrows {
    for _ in 0..<iterations { try body() }
}

let quick = arguments.contains("--quick")
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? (quick ? 3 : 5)
let jsonPath = arguments.firstIndex(of: "--json").map { arguments[$0 + 1] } ?? "Benchmarks/results/latest.json"
// A full run draws the chart Docs/Performance.md shows; a quick one draws it beside its figures.
let chartPath = arguments.firstIndex(of: "--svg").map { arguments[$0 + 1] }
    ?? (arguments.contains("--quick") ? "Benchmarks/results/ratios-quick.svg" : "Docs/images/benchmark-ratios.svg")
let pointCount = quick ? 100_000 : 1_000_000
// `--only bridge` (or `--only json`): only the JSON rows whose name holds the word, none of
// the other formats or the memory runs, for quick comparisons while working on one path.
let only = arguments.firstIndex(of: "--only").map { arguments[$0 + 1] }
func wanted(_ name: String) -> Bool { only.map { name.localizedCaseInsensitiveContains($0) } ?? true }

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
if wanted("JSON encode (@Lodum)") { comparisons.append(try compare(
    "JSON encode \(pointCount) points (@Lodum)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONEncoder",
    target: .faster(40),
    lodum: { consume(try JSON.encode(dataset)) },
    against: { consume(try foundationEncoder.encode(dataset)) })) }
if wanted("JSON decode (@Lodum)") { comparisons.append(try compare(
    "JSON decode \(pointCount) points (@Lodum)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONDecoder",
    target: .faster(15),
    lodum: { consume(try JSON.decode(Dataset.self, from: lodumBytes, limits: limits)) },
    against: { consume(try JSONDecoder().decode(Dataset.self, from: lodumBytes)) })) }

// JSON through the Codable bridge (no macro) vs Foundation.
let codableDataset = makeCodableDataset(count: pointCount)
if wanted("JSON encode (Codable bridge)") { comparisons.append(try compare(
    "JSON encode \(pointCount) points (Codable bridge)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONEncoder",
    target: .faster(3),
    lodum: { consume(try JSON.encode(codableDataset)) },
    against: { consume(try foundationEncoder.encode(codableDataset)) })) }
if wanted("JSON decode (Codable bridge)") { comparisons.append(try compare(
    "JSON decode \(pointCount) points (Codable bridge)", bytes: lodumBytes.count, runs: runs, peer: "Foundation JSONDecoder",
    target: .faster(3),
    lodum: { consume(try JSON.decode(CodableDataset.self, from: lodumBytes, limits: limits)) },
    against: { consume(try JSONDecoder().decode(CodableDataset.self, from: lodumBytes)) })) }

// Records: an integer and a string each, so text, not digits, carries the bytes.
let records = makeRecords(count: pointCount)
let codableRecords = makeCodableRecords(count: pointCount)
let recordBytes = try JSON.encode(records)
guard try JSONDecoder().decode(RecordSet.self, from: recordBytes) == records,
      try JSON.decode(CodableRecordSet.self, from: foundationEncoder.encode(codableRecords), limits: limits) == codableRecords else {
    print("error: Lodum and Foundation disagree on the records")
    exit(1)
}
comparisons.append(try compare(
    "JSON encode \(pointCount) records (@Lodum)", bytes: recordBytes.count, runs: runs, peer: "Foundation JSONEncoder",
    lodum: { consume(try JSON.encode(records)) },
    against: { consume(try foundationEncoder.encode(records)) }))
comparisons.append(try compare(
    "JSON decode \(pointCount) records (@Lodum)", bytes: recordBytes.count, runs: runs, peer: "Foundation JSONDecoder",
    lodum: { consume(try JSON.decode(RecordSet.self, from: recordBytes, limits: limits)) },
    against: { consume(try JSONDecoder().decode(RecordSet.self, from: recordBytes)) }))
comparisons.append(try compare(
    "JSON encode \(pointCount) records (Codable bridge)", bytes: recordBytes.count, runs: runs, peer: "Foundation JSONEncoder",
    target: .faster(3),
    lodum: { consume(try JSON.encode(codableRecords)) },
    against: { consume(try foundationEncoder.encode(codableRecords)) }))
comparisons.append(try compare(
    "JSON decode \(pointCount) records (Codable bridge)", bytes: recordBytes.count, runs: runs, peer: "Foundation JSONDecoder",
    target: .faster(3),
    lodum: { consume(try JSON.decode(CodableRecordSet.self, from: recordBytes, limits: limits)) },
    against: { consume(try JSONDecoder().decode(CodableRecordSet.self, from: recordBytes)) }))

// The standard corpora, each read into its typed model (Benchmarks/CorpusModels). Both
// sides encode the same model value and decode the corpus file's own bytes.
for corpus in BenchmarkCorpus.all {
    comparisons += try corpus.compare(runs: quick ? runs : 3 * runs)
}

print("| JSON benchmark | Lodum | Peer | Peer time | Lodum MB/s | Peer MB/s | Lodum is | Target |")
print("|---|---|---|---|---|---|---|---|")
for comparison in comparisons {
    print(comparison.tableRow(decimals: 3))
}
if only != nil { exit(0) }

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

// YAML, @Lodum models against Yams (run in the yams-peer child, see YamsChild.swift) and
// against hand-written loops on libyaml's event API (RawLibYAML.swift).
var yamlComparisons: [Comparison] = []
var yamlNotes: [String] = []
func checksum(ofPointsUpTo count: Int) -> Int { 3 * (count * (count - 1) / 2) }

// Yams' YAMLEncoder takes time that grows with the square of the count (minutes for
// 100,000 points), so --quick compares 10,000 points, and a Yams run of more than 20,000
// is timed once, without warm-up.
let yamsCount = quick ? 10_000 : 100_000
let yamsDataset = makeDataset(count: yamsCount)
let yamsLodumBytes = try YAML.encode(yamsDataset)
guard try YAML.decode(Dataset.self, from: yamsLodumBytes, limits: limits) == yamsDataset else {
    print("error: Lodum's YAML does not read back the points it wrote")
    exit(1)
}
let yamsLabel = quick ? " (quick: 10,000, not 100,000)" : ""
if YamsChild.isBuilt {
    let yamsEncodeRuns = yamsCount > 20_000 ? 1 : runs
    print("Timing Yams on \(yamsCount) points in \(YamsChild.executableURL.path)\(yamsEncodeRuns == 1 ? " (YAMLEncoder: one run of a few minutes)" : "")…")
    let yamsOutput = scratch.appendingPathComponent("yams-encode.yaml")
    let yamsEncode = try YamsChild.run("encode", count: yamsCount, runs: yamsEncodeRuns, warmUp: yamsEncodeRuns > 1, path: yamsOutput.path)
    // The child encoded the same points: Lodum reads them back from its output.
    let yamsText = try Data(contentsOf: yamsOutput)
    guard yamsEncode.points == yamsCount, yamsEncode.checksum == checksum(ofPointsUpTo: yamsCount),
          try YAML.decode(Dataset.self, from: yamsText, limits: limits) == yamsDataset else {
        print("error: yams-peer did not encode the same \(yamsCount) points")
        exit(1)
    }
    yamlNotes.append(yamsText == yamsLodumBytes
        ? "Yams' YAMLEncoder wrote the very bytes of YAML.encode (\(yamsText.count) bytes)."
        : "Yams' encoded text differs from Lodum's (\(yamsText.count) vs \(yamsLodumBytes.count) bytes); Lodum reads it back as the same points.")
    let lodumEncode = try medianSeconds(runs: runs) { consume(try YAML.encode(yamsDataset)) }
    yamlComparisons.append(Comparison(
        name: "YAML encode \(yamsCount) points (@Lodum)\(yamsLabel)", bytes: yamsLodumBytes.count, lodumSeconds: lodumEncode,
        peer: "Yams YAMLEncoder\(yamsEncodeRuns == 1 ? " (1 run)" : "")", peerSeconds: yamsEncode.median, target: .faster(50)))

    // Both decode Lodum's output, the same bytes.
    let yamsInput = scratch.appendingPathComponent("lodum-encode.yaml")
    try yamsLodumBytes.write(to: yamsInput)
    let yamsDecode = try YamsChild.run("decode", count: yamsCount, runs: runs, warmUp: true, path: yamsInput.path)
    guard yamsDecode.points == yamsCount, yamsDecode.checksum == checksum(ofPointsUpTo: yamsCount) else {
        print("error: yams-peer decoded \(yamsDecode.points) points, not the \(yamsCount) written")
        exit(1)
    }
    let lodumDecode = try medianSeconds(runs: runs) { consume(try YAML.decode(Dataset.self, from: yamsLodumBytes, limits: limits)) }
    yamlComparisons.append(Comparison(
        name: "YAML decode \(yamsCount) points (@Lodum)\(yamsLabel)", bytes: yamsLodumBytes.count, lodumSeconds: lodumDecode,
        peer: "Yams YAMLDecoder", peerSeconds: yamsDecode.median, target: .faster(5)))
} else {
    let message = "Yams rows skipped: \(YamsChild.executableURL.path) is not built; run `\(YamsChild.buildCommand)` first."
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    yamlNotes.append(message)
}

// Raw libyaml: the same events as Lodum's writer, so the same bytes, which is checked.
let yamlBytes = try YAML.encode(dataset)
let rawBytes = try RawLibYAML.emit(dataset.points)
guard yamlBytes.elementsEqual(rawBytes) else {
    let offset = zip(yamlBytes, rawBytes).prefix { $0 == $1 }.count
    print("error: the raw libyaml emitter wrote other bytes than YAML.encode (\(rawBytes.count) vs \(yamlBytes.count), first difference at \(offset))")
    exit(1)
}
let rawInput = [UInt8](yamlBytes)
guard try RawLibYAML.parse(rawInput) == RawLibYAML.Tally(points: pointCount, checksum: checksum(ofPointsUpTo: pointCount)),
      try YAML.decode(Dataset.self, from: yamlBytes, limits: limits) == dataset else {
    print("error: the raw libyaml parser and YAML.decode disagree on the points")
    exit(1)
}
yamlComparisons.append(try compare(
    "YAML encode \(pointCount) points (@Lodum)", bytes: yamlBytes.count, runs: runs, peer: "raw libyaml emit loop",
    target: .atMost(1.5, timesThe: "raw emit"),
    lodum: { consume(try YAML.encode(dataset)) },
    against: { consume(try RawLibYAML.emit(dataset.points)) }))
yamlComparisons.append(try compare(
    "YAML decode \(pointCount) points (@Lodum)", bytes: yamlBytes.count, runs: runs, peer: "raw libyaml parse loop",
    target: .atMost(1.5, timesThe: "raw parse"),
    lodum: { consume(try YAML.decode(Dataset.self, from: yamlBytes, limits: limits)) },
    against: { consume(try RawLibYAML.parse(rawInput)) }))

print("\n| YAML benchmark | Lodum | Peer | Peer time | Lodum MB/s | Peer MB/s | Lodum is | Target |")
print("|---|---|---|---|---|---|---|---|")
for comparison in yamlComparisons {
    print(comparison.tableRow(decimals: 3))
}
for note in yamlNotes { print("\n\(note)") }

// MessagePack, @Lodum models against hand-written loops on msgpack-c's C API
// (RawMsgPack.swift): its packer into an sbuffer, and msgpack_unpack_next into an object
// tree that is then walked.
var msgpackComparisons: [Comparison] = []
var msgpackNotes: [String] = []
// Each MessagePack run takes a few milliseconds (a tenth of a second for 1,000,000 points),
// so three times the runs cost little and steady the medians.
let msgpackRuns = 3 * runs
for layout in [MsgPackOptions.StructLayout.maps, .arrays] {
    let options = MsgPackOptions(structs: layout)
    let isArrays = layout == .arrays
    // The same packer calls, so the same bytes, which is checked.
    let msgpackBytes = try MsgPack.encode(dataset, options: options)
    let rawPacked = try RawMsgPack.pack(dataset.points, structsAsArrays: isArrays)
    guard msgpackBytes == rawPacked else {
        let offset = zip(msgpackBytes, rawPacked).prefix { $0 == $1 }.count
        print("error: the raw msgpack-c pack loop wrote other bytes than MsgPack.encode\(isArrays ? " (structs: .arrays)" : "") (\(rawPacked.count) vs \(msgpackBytes.count), first difference at \(offset))")
        exit(1)
    }
    let msgpackInput = [UInt8](msgpackBytes)
    let decoded = try MsgPack.decode(Dataset.self, from: msgpackBytes, limits: limits)
    let lodumTally = RawMsgPack.Tally(points: decoded.points.count, checksum: decoded.points.reduce(0) { $0 &+ $1.x &+ $1.y })
    guard decoded == dataset, try RawMsgPack.unpack(msgpackInput) == lodumTally,
          lodumTally.checksum == checksum(ofPointsUpTo: pointCount) else {
        print("error: the raw msgpack-c unpack loop and MsgPack.decode disagree on the points")
        exit(1)
    }
    msgpackNotes.append(String(format: "MessagePack, structs as %@: %d bytes for %d points (%.1f bytes a point).",
                               isArrays ? "arrays" : "maps", msgpackBytes.count, pointCount, Double(msgpackBytes.count) / Double(pointCount)))
    let label = isArrays ? " (structs: .arrays)" : ""
    msgpackComparisons.append(try compare(
        "MsgPack encode \(pointCount) points (@Lodum)\(label)", bytes: msgpackBytes.count, runs: msgpackRuns,
        peer: "raw msgpack-c pack loop\(label)", target: isArrays ? nil : .atMost(2, timesThe: "raw pack"),
        lodum: { consume(try MsgPack.encode(dataset, options: options)) },
        against: { consume(try RawMsgPack.pack(dataset.points, structsAsArrays: isArrays)) }))
    msgpackComparisons.append(try compare(
        "MsgPack decode \(pointCount) points (@Lodum)\(label)", bytes: msgpackBytes.count, runs: msgpackRuns,
        peer: "raw msgpack-c unpack to trees\(label)", target: isArrays ? nil : .atMost(1.5, timesThe: "raw unpack"),
        lodum: { consume(try MsgPack.decode(Dataset.self, from: msgpackBytes, limits: limits)) },
        against: { consume(try RawMsgPack.unpack(msgpackInput)) }))
}

print("\n| MessagePack benchmark | Lodum | Peer | Peer time | Lodum MB/s | Peer MB/s | Lodum is | Target |")
print("|---|---|---|---|---|---|---|---|")
for comparison in msgpackComparisons {
    print(comparison.tableRow(decimals: 4))
}
msgpackNotes.append("MessagePack rows: median of \(msgpackRuns) runs.")
for note in msgpackNotes { print("\n\(note)") }

// Streaming memory: each run in its own child process.
var memory: [MemoryRun] = []
let dumpSizes = quick ? [100_000, 1_000_000] : [100_000, 10_000_000]
let streamSizes = quick ? [10_000, 100_000] : [100_000, 10_000_000]
for format in MemoryProbe.ProbedFormat.allCases {
    for count in dumpSizes {
        let start = ContinuousClock.now
        let peak = try MemoryProbe.measure("dump", format: format, count: count,
                                           path: scratch.appendingPathComponent("dump.\(format.rawValue)").path)
        memory.append(MemoryRun(name: "\(format.name).dump(contentsOf:) points", elements: count, peakMiB: peak,
                                seconds: seconds(since: start)))
    }
    for count in streamSizes {
        let file = scratch.appendingPathComponent("records-\(count).\(format.rawValue)")
        try MemoryProbe.writeRecords(count: count, format: format, to: file)
        let start = ContinuousClock.now
        let peak = try MemoryProbe.measure("stream", format: format, count: count, path: file.path)
        memory.append(MemoryRun(name: "\(format.name).stream records", elements: count, peakMiB: peak,
                                seconds: seconds(since: start)))
        try? FileManager.default.removeItem(at: file)
    }
}
print("\n| Streaming job | Elements | Peak RSS | Child process time |")
print("|---|---|---|---|")
for run in memory {
    print(String(format: "| %@ | %d | %.1f MiB | %.1f s |", run.name, run.elements, run.peakMiB, run.seconds ?? 0))
}
// Flat: a hundred times more elements may cost no more than 5 MB (4.8 MiB) of peak RSS.
for format in MemoryProbe.ProbedFormat.allCases {
    let peaks = memory.filter { $0.name.hasPrefix("\(format.name).") }.map(\.peakMiB)
    guard let low = peaks.min(), let high = peaks.max() else { continue }
    let spread = high - low
    print(String(format: "\n%@ streaming: peak RSS from %.1f to %.1f MiB, a spread of %.1f MiB (flat within 5 MB: %@).",
                 format.name, low, high, spread, spread <= 5e6 / 1_048_576 ? "met" : "**missed**"))
}

struct Report: Codable {
    var date: String
    var quick: Bool
    var runs: Int
    var comparisons: [Comparison]
    var yaml: [Comparison]
    var msgpack: [Comparison]
    var memory: [MemoryRun]
}
let report = Report(date: ISO8601DateFormatter().string(from: Date()), quick: quick, runs: runs,
                    comparisons: comparisons, yaml: yamlComparisons, msgpack: msgpackComparisons, memory: memory)
let reportURL = URL(fileURLWithPath: jsonPath)
try FileManager.default.createDirectory(at: reportURL.deletingLastPathComponent(), withIntermediateDirectories: true)
try JSON.dump(report, to: reportURL, options: .pretty)
let chart = RatioChart.svg(comparisons + yamlComparisons + msgpackComparisons,
                           title: "Lodum vs its peers, same run, \(pointCount) points\(quick ? " (quick)" : "") — \(report.date)")
let chartURL = URL(fileURLWithPath: chartPath)
try FileManager.default.createDirectory(at: chartURL.deletingLastPathComponent(), withIntermediateDirectories: true)
try Data(chart.utf8).write(to: chartURL, options: .atomic)
print("\nFigures written to \(jsonPath), chart to \(chartPath)")
