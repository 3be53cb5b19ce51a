import Foundation
import Lodum
import Testing
@testable import LodumYAML

// Helpers shared by the YAML behaviour suites. Names carry a `YAML` prefix so they cannot
// collide with other files of this test target.

/// Temporary directories and byte helpers.
enum YAMLFixtures {
    /// Creates an empty directory with a unique name, runs `body` with it and removes it.
    static func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lodum-yaml-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// The UTF-8 bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `count` records as a block sequence: `- id: 0\n  name: record-0\n…`.
    static func recordSequence(count: Int) -> [UInt8] {
        var text = ""
        text.reserveCapacity(count * 32)
        for index in 0..<count {
            text += "- id: \(index)\n  name: record-\(index)\n"
        }
        return bytes(text)
    }

    /// `count` records as a stream of documents, each starting with `---`.
    static func recordDocuments(count: Int) -> [UInt8] {
        var text = ""
        for index in 0..<count {
            text += "---\nid: \(index)\nname: record-\(index)\n"
        }
        return bytes(text)
    }

    /// The 1-based line and column of the first occurrence of `needle` in `text`.
    static func lineAndColumn(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.count { $0 == "\n" } + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text.utf8.distance(from: lineStart, to: range.lowerBound) + 1)
    }
}

/// A sink that keeps every chunk it is handed, to observe how output leaves the writer.
final class YAMLRecordingSink: ByteSink {
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

    var bytes: [UInt8] { chunks.flatMap { $0 } }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A source that serves its bytes in small chunks and counts what it has served.
final class YAMLCountingSource: ByteSource {
    let bytes: [UInt8]
    let chunkSize: Int
    private(set) var offset = 0
    private(set) var reads = 0
    /// The largest buffer a reader has offered to fill.
    private(set) var largestRequest = 0

    init(_ bytes: [UInt8], chunkSize: Int) {
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

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
        reads += 1
        return count
    }
}

/// A deterministic generator (SplitMix64), so randomized tests reproduce exactly.
struct YAMLSeededGenerator: RandomNumberGenerator {
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
func expectYAMLError(
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

/// Runs `body`, which may succeed or throw, but only a ``LodumError``.
func expectSuccessOrYAMLError(
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
    } catch is LodumError {
    } catch {
        let suffix = comment.map { ": \($0.rawValue)" } ?? ""
        Issue.record(Comment(rawValue: "expected success or a LodumError, got \(type(of: error)): \(error)" + suffix), sourceLocation: sourceLocation)
    }
}

/// A `Value` object from key-value pairs, in order.
func yamlObject(_ members: KeyValuePairs<String, Value>) -> Value {
    .object(members.map { Value.Member(key: $0.key, value: $0.value) })
}

/// How each scalar of `yaml` is written, read with libyaml's raw events: whether output
/// quoting chose a plain, quoted or block style.
func yamlScalarStyles(_ yaml: String) throws -> [(text: String, isPlain: Bool)] {
    var bytes = Array(yaml.utf8)
    return try bytes.withUnsafeMutableBytes { buffer in
        let reader = YAMLEventReader(input: InputBuffer(borrowing: UnsafeRawBufferPointer(buffer)), limits: .default, resolvesReferences: false)
        var scalars: [(text: String, isPlain: Bool)] = []
        while true {
            let event = try reader.nextRawEvent()
            if event.kind == .streamEnd { return scalars }
            if event.kind == .scalar { scalars.append((event.text ?? "", event.scalarStyle == .plain)) }
        }
    }
}
