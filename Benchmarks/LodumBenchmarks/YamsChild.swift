import Foundation
import Lodum

/// The Yams side of the YAML benchmark, measured in the `yams-peer` executable.
///
/// Yams compiles its own copy of libyaml, whose C symbols would clash with the system
/// libyaml LodumYAML links, so Yams never enters this binary: `yams-peer` (Benchmarks/YamsPeer)
/// is built next to it and run as a child process, which builds the same points, times
/// Yams and prints one line of `key=value` figures.
enum YamsChild {
    /// What the child measured.
    struct Result {
        var median: Double
        var points: Int
        var bytes: Int
        var checksum: Int
        var runs: Int
    }

    /// The command that builds the child, for the message when it is missing.
    static let buildCommand = "swift build -c release --product yams-peer"

    /// `yams-peer`, next to this executable in the same build directory.
    static var executableURL: URL {
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("yams-peer")
    }

    static var isBuilt: Bool {
        FileManager.default.isExecutableFile(atPath: executableURL.path)
    }

    /// Runs `yams-peer operation count runs path` and reads its figures.
    static func run(_ operation: String, count: Int, runs: Int, warmUp: Bool, path: String) throws -> Result {
        let process = Process()
        process.executableURL = executableURL
        process.arguments = [operation, String(count), String(runs), path] + (warmUp ? [] : ["--no-warm-up"])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var fields: [String: String] = [:]
        for pair in text.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard process.terminationStatus == 0, text.hasPrefix("yams-peer "), fields["op"] == operation,
              let median = fields["median"].flatMap(Double.init), let points = fields["points"].flatMap(Int.init),
              let bytes = fields["bytes"].flatMap(Int.init), let checksum = fields["checksum"].flatMap(Int.init),
              let timedRuns = fields["runs"].flatMap(Int.init) else {
            throw LodumError(.custom("yams-peer \(operation) \(count) failed: \(text)"))
        }
        return Result(median: median, points: points, bytes: bytes, checksum: checksum, runs: timedRuns)
    }
}
