import ExampleSupport
import Foundation
import Lodum

/// Streaming runs executed in a child process each, so every run reports its own peak RSS.
enum MemoryProbe {
    static let childFlag = "--memory-child"

    /// Runs in the child: performs one streaming job and prints its peak RSS.
    static func runChild(_ arguments: [String]) throws {
        guard arguments.count == 3, let count = Int(arguments[1]) else {
            throw LodumError(.custom("usage: \(childFlag) dump|stream COUNT PATH"))
        }
        let url = URL(fileURLWithPath: arguments[2])
        switch arguments[0] {
        case "dump":
            try JSON.dump(contentsOf: (0..<count).lazy.map { Point(x: $0, y: 2 * $0) }, to: url)
        case "stream":
            var seen = 0
            var records = JSON.stream(Record.self, from: url)
            while let record = try records.next() {
                seen &+= record.id
            }
            consume(seen)
        default:
            throw LodumError(.custom("unknown memory job \(arguments[0])"))
        }
        print(peakMemoryMiB())
    }

    /// Runs in the parent: starts a child for one job and reads its figure.
    static func measure(_ job: String, count: Int, path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [childFlag, job, String(count), path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let peak = Double(text) else {
            throw LodumError(.custom("memory child \(job) \(count) failed: \(text)"))
        }
        return peak
    }

    /// Writes a file of `count` records for the stream runs.
    static func writeRecords(count: Int, to url: URL) throws {
        try JSON.dump(contentsOf: (0..<count).lazy.map { Record(id: $0, value: "record \($0)") }, to: url)
    }
}
