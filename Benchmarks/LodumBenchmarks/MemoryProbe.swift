import ExampleSupport
import Foundation
import Lodum

/// Streaming runs executed in a child process each, so every run reports its own peak RSS.
enum MemoryProbe {
    static let childFlag = "--memory-child"

    /// The formats whose streaming verbs are probed.
    enum ProbedFormat: String, CaseIterable {
        case json, yaml, msgpack

        var name: String {
            switch self {
            case .json: "JSON"
            case .yaml: "YAML"
            case .msgpack: "MsgPack"
            }
        }
    }

    /// Runs in the child: performs one streaming job and prints its peak RSS.
    static func runChild(_ arguments: [String]) throws {
        guard arguments.count == 4, let format = ProbedFormat(rawValue: arguments[1]), let count = Int(arguments[2]) else {
            throw LodumError(.custom("usage: \(childFlag) dump|stream|soak-dump|soak-stream json|yaml|msgpack COUNT PATH"))
        }
        let url = URL(fileURLWithPath: arguments[3])
        switch format {
        case .json: try run(arguments[0], in: JSON.self, count: count, url: url)
        case .yaml: try run(arguments[0], in: YAML.self, count: count, url: url)
        case .msgpack: try run(arguments[0], in: MsgPack.self, count: count, url: url)
        }
        print(peakMemoryMiB())
    }

    /// One streaming job over `count` elements in `format`: the benchmark's points and
    /// records, or the soak run's elements (see Soak.swift).
    static func run<F: Format>(_ job: String, in format: F.Type, count: Int, url: URL) throws {
        switch job {
        case "dump": try F.dump(contentsOf: (0..<count).lazy.map { Point(x: $0, y: 2 * $0) }, to: url)
        case "stream": consume(try sumOfIDs(F.stream(Record.self, from: url), expected: count))
        case "soak-dump": try F.dump(contentsOf: (0..<count).lazy.map(SoakElement.init(index:)), to: url)
        case "soak-stream": try SoakElement.check(F.stream(SoakElement.self, from: url), expected: count)
        default: throw LodumError(.custom("unknown memory job \(job)"))
        }
    }

    /// Reads every record of a stream, checking that all `expected` of them arrive.
    static func sumOfIDs<F: Format>(_ stream: ElementStream<F, Record>, expected: Int) throws -> Int {
        var records = stream
        var seen = 0
        var sum = 0
        while let record = try records.next() {
            seen += 1
            sum &+= record.id
        }
        guard seen == expected else { throw LodumError(.custom("streamed \(seen) records, not \(expected)")) }
        return sum
    }

    /// Runs in the parent: starts a child for one job and reads its figure.
    static func measure(_ job: String, format: ProbedFormat, count: Int, path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [childFlag, job, format.rawValue, String(count), path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let peak = Double(text) else {
            throw LodumError(.custom("memory child \(format.rawValue) \(job) \(count) failed: \(text)"))
        }
        return peak
    }

    /// Writes a file of `count` records for the stream runs.
    static func writeRecords(count: Int, format: ProbedFormat, to url: URL) throws {
        let records = (0..<count).lazy.map { Record(id: $0, value: "record \($0)") }
        switch format {
        case .json: try JSON.dump(contentsOf: records, to: url)
        case .yaml: try YAML.dump(contentsOf: records, to: url)
        case .msgpack: try MsgPack.dump(contentsOf: records, to: url)
        }
    }
}
