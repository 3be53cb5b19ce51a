import Foundation
import Lodum
import Testing

// What every format's test suite needs: paths, temporary directories, instrumented byte
// endpoints, a seeded generator and error expectations. One copy, shared by the test
// targets, so a format's suite is written against the same tools as the others.

/// Paths, temporary directories and byte helpers.
public enum Fixtures {
    /// The package root, found from this file's path: `Tests/Support/TestSupport.swift`.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/<relativePath>` from the package root, where the shared test data lives.
    public static func shared(_ relativePath: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relativePath)
    }

    /// Creates an empty directory with a unique name, runs `body` with it and removes it.
    public static func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// The async twin of ``withTemporaryDirectory(_:)``.
    public static func withTemporaryDirectory<R>(_ body: (URL) async throws -> R) async throws -> R {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    private static func makeTemporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lodum-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The names of the entries of `directory`, sorted.
    public static func entries(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// The UTF-8 bytes of `text`.
    public static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Bytes from hex pairs, optionally separated by `-` or spaces: `"c4-02-00-ff"`.
    public static func hex(_ text: String) -> [UInt8] {
        let digits = text.filter(\.isHexDigit)
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(after: index)
            guard next < digits.endIndex, let byte = UInt8(digits[index...next], radix: 16) else { break }
            bytes.append(byte)
            index = digits.index(after: next)
        }
        return bytes
    }

    /// `bytes` as lowercase hex pairs joined by `-`, as the msgpack-test-suite writes them.
    public static func hexString(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined(separator: "-")
    }
}

/// A sink that keeps every chunk it is handed, to observe how output leaves the writer.
public final class RecordingSink: ByteSink {
    public private(set) var chunks: [[UInt8]] = []
    public private(set) var finished = false
    public private(set) var abandoned = false
    /// Called with each chunk as it arrives.
    public var onChunk: ([UInt8]) -> Void = { _ in }

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        let chunk = Array(bytes)
        chunks.append(chunk)
        onChunk(chunk)
    }

    public func finish() throws { finished = true }
    public func abandon() { abandoned = true }

    /// Everything written, in order.
    public var bytes: [UInt8] { chunks.flatMap { $0 } }
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A source that serves its bytes in small chunks and counts what it has served, to
/// observe how far a reader has read.
public final class CountingSource: ByteSource {
    public let bytes: [UInt8]
    public let chunkSize: Int
    public private(set) var offset = 0
    public private(set) var chunksServed = 0
    /// The largest buffer a reader has offered to fill: the reader's window capacity.
    public private(set) var largestRequest = 0

    public init(_ bytes: [UInt8], chunkSize: Int) {
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

    /// How many chunks serving every byte takes.
    public var totalChunks: Int { (bytes.count + chunkSize - 1) / chunkSize }
    public var isDrained: Bool { offset == bytes.count }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
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
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Runs `body`, which must throw a ``LodumError``, and returns it.
public func expectLodumError(
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
public func expectLodumError(
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

/// Checks that `error` reports a failure of the input itself: `.io`, at byte `offset` (what
/// the input had delivered), carrying the error the input threw; returns that error.
@discardableResult
public func expectInputFault<Failure: Error>(
    _ error: LodumError?, _ failure: Failure.Type, at offset: Int, sourceLocation: SourceLocation = #_sourceLocation
) -> Failure? {
    guard let error else { return nil }
    guard case .io = error.kind else {
        Issue.record("expected an io error, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(error.position?.offset == offset, "\(error)", sourceLocation: sourceLocation)
    let underlying = error.underlyingError as? Failure
    #expect(underlying != nil, "\(error) does not carry a \(Failure.self)", sourceLocation: sourceLocation)
    return underlying
}

/// Runs `body`, which may succeed or throw, but only a ``LodumError``: what malformed input
/// must do.
public func expectSuccessOrLodumError(
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

/// An input that does not fit the requested type, as a closure that decodes it: a
/// parameterized case for "out-of-range numbers are errors, never traps".
public struct Overflow: CustomTestStringConvertible, Sendable {
    public var input: String
    public var type: String
    public var decode: @Sendable (String) throws -> Void

    public init(input: String, type: String, decode: @escaping @Sendable (String) throws -> Void) {
        self.input = input
        self.type = type
        self.decode = decode
    }

    public var testDescription: String { "\(input) as \(type)" }
}

/// Every scalar the data model has, one field per standard type.
@Lodum public struct AllScalars: Equatable, Sendable {
    public var bool: Bool
    public var string: String
    public var int: Int
    public var int8: Int8
    public var int16: Int16
    public var int32: Int32
    public var int64: Int64
    public var uint: UInt
    public var uint8: UInt8
    public var uint16: UInt16
    public var uint32: UInt32
    public var uint64: UInt64
    public var float: Float
    public var double: Double

    public init(
        bool: Bool, string: String, int: Int, int8: Int8, int16: Int16, int32: Int32, int64: Int64,
        uint: UInt, uint8: UInt8, uint16: UInt16, uint32: UInt32, uint64: UInt64, float: Float, double: Double
    ) {
        self.bool = bool
        self.string = string
        self.int = int
        self.int8 = int8
        self.int16 = int16
        self.int32 = int32
        self.int64 = int64
        self.uint = uint
        self.uint8 = uint8
        self.uint16 = uint16
        self.uint32 = uint32
        self.uint64 = uint64
        self.float = float
        self.double = double
    }

    public static let minimums = AllScalars(
        bool: false, string: "", int: .min, int8: .min, int16: .min, int32: .min, int64: .min,
        uint: .min, uint8: .min, uint16: .min, uint32: .min, uint64: .min,
        float: -.greatestFiniteMagnitude, double: -.greatestFiniteMagnitude)

    public static let maximums = AllScalars(
        bool: true, string: "max", int: .max, int8: .max, int16: .max, int32: .max, int64: .max,
        uint: .max, uint8: .max, uint16: .max, uint32: .max, uint64: .max,
        float: .greatestFiniteMagnitude, double: .greatestFiniteMagnitude)
}
