import Foundation
import Lodum
import Testing

/// Paths, temporary directories and instrumented byte endpoints shared by the JSON suites.
enum Fixtures {
    /// The package root, found from this file's path: `Tests/LodumJSONTests/TestSupport.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/<relativePath>` from the package root, where the shared test data lives.
    static func shared(_ relativePath: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relativePath)
    }

    /// Creates an empty directory with a unique name, runs `body` with it and removes it.
    static func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lodum-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// The async twin of ``withTemporaryDirectory(_:)``.
    static func withTemporaryDirectory<R>(_ body: (URL) async throws -> R) async throws -> R {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lodum-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    /// The names of the entries of `directory`, sorted.
    static func entries(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// The UTF-8 bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `count` records as a compact JSON array: `[{"id":0,"name":"record-0"},…]`.
    static func recordArray(count: Int) -> [UInt8] {
        var text = "["
        for index in 0..<count {
            if index > 0 { text += "," }
            text += #"{"id":\#(index),"name":"record-\#(index)"}"#
        }
        return bytes(text + "]")
    }

    /// `count` records as JSON Lines.
    static func recordLines(count: Int) -> [UInt8] {
        var text = ""
        for index in 0..<count {
            text += #"{"id":\#(index),"name":"record-\#(index)"}"# + "\n"
        }
        return bytes(text)
    }
}

/// A sink that keeps every chunk it is handed, to observe how output leaves the writer.
final class RecordingSink: ByteSink {
    private(set) var chunks: [[UInt8]] = []
    private(set) var finished = false
    private(set) var abandoned = false
    /// Called with each chunk as it arrives.
    var onChunk: ([UInt8]) -> Void = { _ in }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        let chunk = Array(bytes)
        chunks.append(chunk)
        onChunk(chunk)
    }

    func finish() throws { finished = true }
    func abandon() { abandoned = true }

    /// Everything written, in order.
    var bytes: [UInt8] { chunks.flatMap { $0 } }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A source that serves its bytes in small chunks and counts what it has served, to
/// observe how far a reader has read.
final class CountingSource: ByteSource {
    let bytes: [UInt8]
    let chunkSize: Int
    private(set) var offset = 0
    private(set) var chunksServed = 0
    /// The largest buffer a reader has offered to fill: the reader's window capacity.
    private(set) var largestRequest = 0

    init(_ bytes: [UInt8], chunkSize: Int) {
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

    /// How many chunks serving every byte takes.
    var totalChunks: Int { (bytes.count + chunkSize - 1) / chunkSize }
    var isDrained: Bool { offset == bytes.count }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        largestRequest = max(largestRequest, buffer.count)
        let count = min(chunkSize, buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        chunksServed += 1
        return count
    }
}

/// A deterministic generator (SplitMix64), so randomized tests reproduce exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Runs `body`, which must throw a ``LodumError``, and returns it.
func expectLodumError(
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> LodumError? {
    do {
        try body()
        let suffix = comment.map { ": \($0.rawValue)" } ?? ""
        Issue.record(Comment(rawValue: "expected a LodumError, but nothing was thrown" + suffix), sourceLocation: sourceLocation)
        return nil
    } catch let error as LodumError {
        return error
    } catch {
        Issue.record("expected a LodumError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The async twin of ``expectLodumError(_:sourceLocation:_:)``.
func expectLodumError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> LodumError? {
    do {
        try await body()
        Issue.record("expected a LodumError, but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as LodumError {
        return error
    } catch {
        Issue.record("expected a LodumError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
