import Foundation
import LodumCore

/// A capability flag and the behaviour that proves it. The suite requires the flag to be
/// claimed exactly when the behaviour shows: a false claim and a missing claim both fail.
public enum CapabilityProbe: CaseIterable, Sendable {
    /// Bytes reach the sink before a lazy input sequence is exhausted, in chunks no larger
    /// than the writer's fixed buffer (``OutputBuffer/defaultCapacity``).
    case streamingDump
    /// Opening a stream reads nothing; the first element of a top-level sequence arrives
    /// when less than a tenth of a chunked source is read, and no more than one element is
    /// alive at a time while the stream is read.
    case lazyLoad
    /// A stream of documents written by `dump(documents:)` reads back with `documents`.
    case multiDocument
    /// Bytes appear in the output as themselves, not as encoded text.
    case nativeBytes
    /// An instant is written without its ISO 8601 text.
    case nativeTimestamp
    /// An integer key is written differently from the string of its digits.
    case nonStringKeys

    /// The flag this probe checks.
    public var capability: FormatCapabilities {
        switch self {
        case .streamingDump: .streamingDump
        case .lazyLoad: .lazyLoad
        case .multiDocument: .multiDocument
        case .nativeBytes: .nativeBytes
        case .nativeTimestamp: .nativeTimestamp
        case .nonStringKeys: .nonStringKeys
        }
    }

    /// Whether `format` behaves as the flag says, or a reason it cannot tell.
    public func observe<F: Format>(_ format: F.Type) throws -> Bool {
        switch self {
        case .streamingDump: return try Self.streamsDump(F.self)
        case .lazyLoad: return try Self.loadsLazily(F.self)
        case .multiDocument: return Self.roundTripsDocuments(F.self)
        case .nativeBytes:
            let payload: [UInt8] = [0xFF, 0x00, 0xFE, 0x80, 0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]
            let output = try Array(F.encode(ConformanceBlob(bytes: payload)))
            return output.firstRange(of: payload) != nil
        case .nativeTimestamp:
            let instant = Timestamp(seconds: 1_514_862_245)
            let output = try Array(F.encode(instant))
            return output.firstRange(of: Array(instant.iso8601.utf8.prefix(19))) == nil
        case .nonStringKeys:
            return try F.encode([7: 1] as [Int: Int]) != F.encode(["7": 1] as [String: Int])
        }
    }

    func check<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        let claimed = F.capabilities.contains(capability)
        report.check("capability \(self): \(claimed ? "claimed" : "not claimed")") {
            let shown = try observe(F.self)
            switch (claimed, shown) {
            case (true, false): return "claimed, but the behaviour does not show it"
            case (false, true): return "the behaviour shows it, but the format does not claim it"
            default: return nil
            }
        }
    }

    // MARK: Behaviours

    /// Dumps 100,000 lazily made points and notes how many had been made when the first
    /// bytes arrived, and the largest chunk.
    static func streamsDump<F: Format>(_ format: F.Type) throws -> Bool {
        let made = Counter()
        let sink = WatchingSink(made: made)
        let count = 100_000
        let points = (0..<count).lazy.map { index -> ConformancePoint in
            made.value += 1
            return ConformancePoint(x: index, y: index)
        }
        try F.dump(contentsOf: points, to: sink)
        guard let firstChunkAt = sink.madeAtFirstChunk else { return false }
        return firstChunkAt < count && sink.largestChunk <= OutputBuffer.defaultCapacity
    }

    /// Writes 20,000 points, then streams them from a source of 512-byte chunks: notes how
    /// much was read when the first element arrived, and how many elements were ever alive
    /// at once (the one the loop holds, and the one being read).
    static func loadsLazily<F: Format>(_ format: F.Type) throws -> Bool {
        let sink = MemorySink()
        try F.dump(contentsOf: (0..<20_000).map { ConformancePoint(x: $0, y: $0) }, to: sink)
        let source = ChunkedSource(Array(sink.data), chunkSize: 512)
        let counter = LiveCounter()
        return try LiveCounter.$current.withValue(counter) {
            var stream = F.stream(TrackedPoint.self, from: source)
            // Opening a stream reads nothing; the first element needs only the start.
            guard source.delivered == 0, try stream.next() != nil else { return false }
            let firstArrivedEarly = source.delivered < sink.data.count / 10
            while try stream.next() != nil {}
            return firstArrivedEarly && counter.peak <= 2
        }
    }

    /// Writes three documents and reads them back as a stream of documents.
    static func roundTripsDocuments<F: Format>(_ format: F.Type) -> Bool {
        let documents = [ConformancePoint(x: 1, y: 2), ConformancePoint(x: 3, y: 4), ConformancePoint(x: 5, y: 6)]
        do {
            let sink = MemorySink()
            try F.dump(documents: documents, to: sink)
            var stream = F.documents(ConformancePoint.self, from: MemorySource(sink.data))
            var read: [ConformancePoint] = []
            while let document = try stream.next() { read.append(document) }
            return read == documents
        } catch {
            return false
        }
    }
}

/// Bytes as a field, for the native-bytes probe.
@Lodum struct ConformanceBlob: Sendable {
    var bytes: [UInt8]
}

final class Counter: @unchecked Sendable {
    var value = 0
}

/// A sink that notes how many elements had been made when its first chunk came.
final class WatchingSink: ByteSink {
    let made: Counter
    var madeAtFirstChunk: Int?
    var largestChunk = 0

    init(made: Counter) {
        self.made = made
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if madeAtFirstChunk == nil { madeAtFirstChunk = made.value }
        largestChunk = max(largestChunk, bytes.count)
    }
}

/// A source that hands out its bytes a chunk at a time and counts what it has delivered;
/// with `failingAt`, it throws ``InjectedFault`` once it has delivered that many bytes.
final class ChunkedSource: ByteSource {
    let bytes: [UInt8]
    let chunkSize: Int
    let failingAt: Int?
    var delivered = 0

    init(_ bytes: [UInt8], chunkSize: Int, failingAt: Int? = nil) {
        self.bytes = bytes
        self.chunkSize = chunkSize
        self.failingAt = failingAt
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let end = min(bytes.count, failingAt ?? bytes.count)
        if let failingAt, delivered >= failingAt { throw InjectedFault() }
        let count = min(chunkSize, buffer.count, end - delivered)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[delivered..<(delivered + count)]))
        }
        delivered += count
        return count
    }
}

/// Counts the elements alive during a stream, for the lazy-load probe. Found through a task
/// local, so probes of several formats running at once keep their counts apart.
final class LiveCounter: @unchecked Sendable {
    @TaskLocal static var current: LiveCounter?
    private let lock = NSLock()
    private var live = 0
    private(set) var peak = 0

    func change(by delta: Int) {
        lock.lock()
        defer { lock.unlock() }
        live += delta
        peak = max(peak, live)
    }
}

/// Alive as long as the element that holds it.
final class LiveMarker: Sendable {
    let counter = LiveCounter.current

    init() { counter?.change(by: 1) }
    deinit { counter?.change(by: -1) }
}

/// A point that counts itself while it lives.
struct TrackedPoint: Deserializable {
    let point: ConformancePoint
    let marker = LiveMarker()

    init<D: Deserializer>(from deserializer: inout D) throws {
        point = try ConformancePoint(from: &deserializer)
    }
}
