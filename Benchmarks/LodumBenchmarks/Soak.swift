import ExampleSupport
import Foundation
import Lodum

/// One element of the soak files. Every field is derived from the element's index, so the
/// reader can check each value it gets back, and the fields cover the scalar kinds and a
/// nested sequence.
@Lodum struct SoakElement: Equatable {
    var id: Int
    var name: String
    /// A quarter of the index: a fraction that every format writes and reads back exactly.
    var ratio: Double
    var even: Bool
    var pair: [Int]

    init(index: Int) {
        id = index
        name = "element \(index)"
        ratio = Double(index) / 4
        even = index % 2 == 0
        pair = [index, -index]
    }

    /// Reads every element of `stream`, checking that element i is `SoakElement(index: i)`
    /// and that `expected` of them arrive.
    static func check<F: Format>(_ stream: ElementStream<F, SoakElement>, expected: Int) throws {
        var elements = stream
        var index = 0
        while let element = try elements.next() {
            guard element == SoakElement(index: index) else {
                throw LodumError(.custom("element \(index) read back as \(element), not \(SoakElement(index: index))"))
            }
            index += 1
        }
        guard index == expected else { throw LodumError(.custom("streamed \(index) elements, not \(expected)")) }
    }
}

/// The soak run, `--soak GIGABYTES`: in each format, a file of about that size written by
/// `dump(contentsOf:)` and read back by `stream`, every element checked. Each phase runs in
/// a child process of its own (`MemoryProbe`), so each reports its own peak RSS; constant
/// memory shows as the same peak at a megabyte and at gigabytes.
enum Soak {
    /// One phase of one format.
    struct Phase {
        var format: MemoryProbe.ProbedFormat
        var verb: String
        var bytes: Int
        var elements: Int
        var seconds: Double
        var peakMiB: Double

        var tableRow: String {
            String(format: "| %@ | %@ | %@ | %@ | %.1f s | %.0f MB/s | %.1f MiB |", format.name, verb,
                   grouped(bytes), grouped(elements), seconds, Double(bytes) / 1e6 / seconds, peakMiB)
        }
    }

    /// Runs every format at `gigabytes` (10⁹ bytes), YAML at `yamlGigabytes`, printing each
    /// phase as it ends and the table at the end. The file goes in `directory` and is
    /// removed after each format, failed or not.
    static func run(gigabytes: Double, yamlGigabytes: Double, directory: URL) throws {
        print("Lodum soak — \(gigabytes) GB per format (YAML \(yamlGigabytes) GB), files in \(directory.path)\n")
        var phases: [Phase] = []
        for format in MemoryProbe.ProbedFormat.allCases {
            let target = (format == .yaml ? yamlGigabytes : gigabytes) * 1e9
            let count = try elementCount(forBytes: target, in: format)
            let url = directory.appendingPathComponent("lodum-soak-\(getpid()).\(format.rawValue)")
            defer { try? FileManager.default.removeItem(at: url) }
            print("\(format.name): \(grouped(count)) elements…")

            let dumpStart = ContinuousClock.now
            let dumpPeak = try MemoryProbe.measure("soak-dump", format: format, count: count, path: url.path)
            let dumpSeconds = seconds(since: dumpStart)
            let bytes = try fileSize(url)
            phases.append(Phase(format: format, verb: "dump(contentsOf:)", bytes: bytes, elements: count,
                                seconds: dumpSeconds, peakMiB: dumpPeak))
            print(phases[phases.count - 1].tableRow)

            let streamStart = ContinuousClock.now
            let streamPeak = try MemoryProbe.measure("soak-stream", format: format, count: count, path: url.path)
            phases.append(Phase(format: format, verb: "stream, every element checked", bytes: bytes, elements: count,
                                seconds: seconds(since: streamStart), peakMiB: streamPeak))
            print(phases[phases.count - 1].tableRow)
        }
        print("\n| Format | Phase | Bytes | Elements | Time | Throughput | Peak RSS |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for phase in phases { print(phase.tableRow) }
        print("\nTime is the child process's wall time, start-up included; peak RSS is its VmHWM.")
    }

    /// How many elements make a file of about `target` bytes: the size of a sample of a
    /// thousand elements, taken where the indices have the digits most of the file's have.
    static func elementCount(forBytes target: Double, in format: MemoryProbe.ProbedFormat) throws -> Int {
        var count = 1_000
        // Twice: the first guess sets the digits of the indices, the second measures them.
        for _ in 0..<2 {
            let sample = (count / 2..<count / 2 + 1_000).map(SoakElement.init(index:))
            let sampleBytes: Int
            switch format {
            case .json: sampleBytes = try JSON.encode(sample).count
            case .yaml: sampleBytes = try YAML.encode(sample).count
            case .msgpack: sampleBytes = try MsgPack.encode(sample).count
            }
            count = max(1_000, Int(target / (Double(sampleBytes) / 1_000)))
        }
        return count
    }

    static func fileSize(_ url: URL) throws -> Int {
        guard let size = try url.resourceValues(forKeys: [.fileSizeKey]).fileSize else {
            throw LodumError(.custom("no size for \(url.path)"))
        }
        return size
    }

    /// 3,000,000,000: digits in groups of three, for the table.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
