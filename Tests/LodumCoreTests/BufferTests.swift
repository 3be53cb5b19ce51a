import Foundation
import Lodum
import Testing

/// Keeps each chunk an ``OutputBuffer`` hands it.
final class ChunkSink: ByteSink {
    var chunks: [[UInt8]] = []
    func write(_ bytes: UnsafeRawBufferPointer) throws { chunks.append(Array(bytes)) }
    var bytes: [UInt8] { chunks.flatMap { $0 } }
}

/// Serves fixed chunks, one per read, and records each buffer size it was offered.
final class ChunkSource: ByteSource {
    var chunks: [[UInt8]]
    var offered: [Int] = []

    init(_ chunks: [[UInt8]]) { self.chunks = chunks }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        offered.append(buffer.count)
        guard !chunks.isEmpty else { return 0 }
        let count = min(buffer.count, chunks[0].count)
        chunks[0].withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        chunks[0].removeFirst(count)
        if chunks[0].isEmpty { chunks.removeFirst() }
        return count
    }
}

@Suite("OutputBuffer: a fixed-size buffer in front of a sink")
struct OutputBufferTests {
    @Test func bufferNeverGrowsAndHandsOverChunksNoLargerThanItself() throws {
        let sink = ChunkSink()
        var buffer = OutputBuffer(sink: sink, capacity: 100)
        var expected: [UInt8] = []
        for round in 0..<1000 {
            let run = [UInt8](repeating: UInt8(round % 251), count: round % 37)
            try run.withUnsafeBytes { try buffer.append($0) }
            try buffer.append(UInt8(round % 256))
            expected += run + [UInt8(round % 256)]
            #expect(buffer.capacity == 100)
            #expect(buffer.pendingCount <= 100)
        }
        try buffer.flush()
        #expect(sink.chunks.allSatisfy { $0.count <= 100 })
        #expect(sink.bytes == expected)
        #expect(buffer.bytesFlushed == expected.count)
    }

    @Test func runLongerThanTheBufferIsSplitIntoFullChunks() throws {
        let sink = ChunkSink()
        var buffer = OutputBuffer(sink: sink, capacity: 64)
        let long = [UInt8](repeating: 7, count: 1000)
        try long.withUnsafeBytes { try buffer.append($0) }
        try buffer.flush()
        #expect(sink.chunks.map(\.count) == Array(repeating: 64, count: 15) + [40])
        #expect(buffer.capacity == 64)
    }

    @Test func nothingReachesTheSinkUntilTheBufferFillsOrIsFlushed() throws {
        let sink = ChunkSink()
        var buffer = OutputBuffer(sink: sink, capacity: 128)
        try buffer.append("hello")
        #expect(sink.chunks.isEmpty)
        #expect(buffer.pendingCount == 5)
        try buffer.flush()
        #expect(sink.chunks == [Array("hello".utf8)])
        try buffer.flush()
        #expect(sink.chunks.count == 1, "an empty flush writes nothing")
    }

    @Test func reserveFlushesSoUncheckedAppendsFit() throws {
        let sink = ChunkSink()
        var buffer = OutputBuffer(sink: sink, capacity: 64)
        for _ in 0..<60 { try buffer.append(1) }
        try buffer.reserve(10)
        #expect(sink.chunks.map(\.count) == [60])
        for _ in 0..<10 { buffer.appendUnchecked(2) }
        #expect(buffer.pendingCount == 10)
    }

    @Test func tinyCapacityIsRaisedToAUsableMinimum() {
        let buffer = OutputBuffer(sink: ChunkSink(), capacity: 1)
        #expect(buffer.capacity >= 64)
        #expect(OutputBuffer(sink: ChunkSink()).capacity == OutputBuffer.defaultCapacity)
    }
}

@Suite("InputBuffer: a window onto the input, refilled in chunks")
struct InputBufferTests {
    static func text(_ buffer: InputBuffer) -> String {
        String(decoding: UnsafeBufferPointer(start: buffer.base, count: buffer.count), as: UTF8.self)
    }

    @Test func refillReadsMoreAndDiscardsWhatIsNoLongerNeeded() throws {
        let source = ChunkSource([Array("abcd".utf8), Array("efgh".utf8)])
        var buffer = InputBuffer(source: source, capacity: 64)
        #expect(buffer.count == 0)
        #expect(try buffer.refill(keepingFrom: 0) == 0)
        #expect(Self.text(buffer) == "abcd")
        #expect(try buffer.refill(keepingFrom: 2) == 2)
        #expect(Self.text(buffer) == "cdefgh")
        #expect(buffer.discardedBytes == 2)
        #expect(buffer.offset(of: 0) == 2)
        #expect(try buffer.refill(keepingFrom: buffer.count) == 6 || buffer.isExhausted)
        #expect(buffer.isExhausted)
        #expect(try buffer.refill(keepingFrom: 0) == nil)
    }

    @Test func capacityStaysFixedWhileTokensFitTheWindow() throws {
        let chunks = (0..<200).map { _ in [UInt8](repeating: 0x61, count: 10) }
        let source = ChunkSource(chunks)
        var buffer = InputBuffer(source: source, capacity: 32)
        let capacity = buffer.capacity
        while try buffer.refill(keepingFrom: max(0, buffer.count - 5)) != nil {
            #expect(buffer.capacity == capacity)
            #expect(buffer.count <= capacity)
        }
        #expect(source.offered.allSatisfy { $0 <= capacity })
        #expect(buffer.discardedBytes + buffer.count == 2000)
    }

    @Test func windowGrowsOnlyWhenOneTokenFillsIt() throws {
        let source = ChunkSource([[UInt8](repeating: 0x62, count: 100)])
        var buffer = InputBuffer(source: source, capacity: 16)
        let initial = buffer.capacity
        _ = try buffer.refill(keepingFrom: 0)
        #expect(buffer.capacity == initial)
        #expect(buffer.count == initial)
        _ = try buffer.refill(keepingFrom: 0)
        #expect(buffer.capacity == initial * 2)
        #expect(buffer.count == initial * 2)
    }

    @Test func positionsCountLinesAcrossDiscardedBytes() throws {
        let source = ChunkSource([Array("ab\ncd\n".utf8), Array("efg\nhi".utf8)])
        var buffer = InputBuffer(source: source, capacity: 64)
        _ = try buffer.refill(keepingFrom: 0)
        #expect(buffer.textPosition(of: 4) == .text(line: 2, column: 2, offset: 4))
        _ = try buffer.refill(keepingFrom: 5)
        // Window is now "\nefg\nhi", starting at offset 5.
        #expect(buffer.textPosition(of: 0) == .text(line: 2, column: 3, offset: 5))
        #expect(buffer.textPosition(of: 2) == .text(line: 3, column: 2, offset: 7))
        #expect(buffer.textPosition(of: 6) == .text(line: 4, column: 2, offset: 11))
    }

    @Test func maxTotalBytesStopsTheRead() throws {
        let source = ChunkSource([[UInt8](repeating: 0x20, count: 10), [UInt8](repeating: 0x20, count: 10)])
        var buffer = InputBuffer(source: source, capacity: 64, maxTotalBytes: 15)
        _ = try buffer.refill(keepingFrom: 0)
        do {
            _ = try buffer.refill(keepingFrom: 10)
            Issue.record("reading past maxTotalBytes should throw")
        } catch let error as LodumError {
            #expect(error.kind == .limitExceeded(.inputSize(15)))
        }
    }

    @Test func borrowedWindowNeverRefills() throws {
        let bytes: [UInt8] = Array("[1,2]".utf8)
        try bytes.withUnsafeBytes { raw throws in
            var buffer = InputBuffer(borrowing: raw)
            #expect(buffer.count == 5)
            #expect(buffer.isExhausted)
            #expect(buffer.capacity == 0)
            #expect(try buffer.refill(keepingFrom: 0) == nil)
        }
        var empty = InputBuffer(borrowing: UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(empty.count == 0)
        #expect(try empty.refill(keepingFrom: 0) == nil)
    }

    @Test func defaultWindowIsTensOfKibibytes() {
        #expect(InputBuffer.defaultCapacity >= 16 * 1024)
        #expect(InputBuffer.defaultCapacity <= 256 * 1024)
        #expect(InputBuffer(source: ChunkSource([])).capacity == InputBuffer.defaultCapacity)
    }
}
