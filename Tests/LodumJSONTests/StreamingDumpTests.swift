import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Streaming dump is a promise proven by behaviour: the sink sees bytes while the input
/// sequence is still being produced, and in chunks no larger than one fixed buffer.
@Suite("Streaming dump")
struct StreamingDumpTests {
    static let total = 50_000

    @Test func jsonClaimsStreamingDump() {
        #expect(JSON.capabilities.contains(.streamingDump))
    }

    @Test func sinkSeesBytesBeforeTheLazySequenceIsExhausted() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
        }
        let points = (0..<Self.total).lazy.map { index -> Point in
            generated += 1
            return Point(x: index, y: 2 * index)
        }
        try JSON.dump(contentsOf: points, to: sink)

        let firstChunkAt = try #require(generatedAtFirstChunk)
        #expect(firstChunkAt < Self.total / 10, "the first bytes left only after \(firstChunkAt) of \(Self.total) elements")
        #expect(generated == Self.total)
        #expect(sink.chunks.count > 5)
        #expect(sink.finished)
        #expect(!sink.abandoned)
    }

    @Test func everyChunkFitsTheWritersFixedBuffer() throws {
        let sink = RecordingSink()
        let points = (0..<Self.total).lazy.map { Point(x: $0, y: -$0) }
        try JSON.dump(contentsOf: points, to: sink)
        let largest = sink.chunks.map(\.count).max() ?? 0
        #expect(largest <= OutputBuffer.defaultCapacity)
        #expect(sink.chunks.dropLast().allSatisfy { $0.count > OutputBuffer.defaultCapacity / 2 }, "chunks should be large, few writes")
    }

    @Test func streamedOutputIsExactlyTheEncodedArray() throws {
        let sink = RecordingSink()
        let points = (0..<2_000).map { Point(x: $0, y: 2 * $0) }
        try JSON.dump(contentsOf: points.lazy.map { $0 }, to: sink)
        #expect(sink.bytes == Array(try JSON.encode(points)))
    }

    @Test func dumpOfOneLargeValueAlsoLeavesInBoundedChunks() throws {
        let sink = RecordingSink()
        let dataset = Dataset(points: (0..<Self.total).map { Point(x: $0, y: $0) })
        try JSON.dump(dataset, to: sink)
        #expect(sink.chunks.count > 5)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(try JSON.decode(Dataset.self, from: sink.bytes) == dataset)
    }

    @Test func stringLongerThanTheBufferIsSplitAcrossChunks() throws {
        let sink = RecordingSink()
        let long = String(repeating: "0123456789abcdef", count: OutputBuffer.defaultCapacity / 4)
        try JSON.dump([long, "tail"], to: sink)
        #expect(sink.chunks.count >= 4)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(try JSON.decode([String].self, from: sink.bytes) == [long, "tail"])
    }

    @Test func prettyOutputStreamsToo() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
        }
        let points = (0..<20_000).lazy.map { index -> Point in
            generated += 1
            return Point(x: index, y: index)
        }
        try JSON.dump(contentsOf: points, to: sink, options: JSONOptions(indent: 4))
        #expect((generatedAtFirstChunk ?? .max) < 10_000)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
    }

    @Test func sortedKeysStillStreamsTheElementsOfATopLevelSequence() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
        }
        let items = (0..<Self.total).lazy.map { index -> Item in
            generated += 1
            return Item(sku: "s\(index)", price: 1, quantity: 2)
        }
        try JSON.dump(contentsOf: items, to: sink, options: JSONOptions(sortedKeys: true))
        #expect((generatedAtFirstChunk ?? .max) < Self.total / 10)
        #expect(sink.text.hasPrefix(#"[{"price":1.0,"quantity":2,"sku":"s0"},"#))
    }

    @Test func codableElementsStreamToo() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
        }
        let records = (0..<20_000).lazy.map { index -> CodableRecord in
            generated += 1
            return CodableRecord(id: index, name: "r")
        }
        try JSON.dump(contentsOf: records, to: sink)
        #expect((generatedAtFirstChunk ?? .max) < 10_000)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
    }

    @Test func writerBufferIsTheFixedDefaultCapacity() throws {
        let sink = RecordingSink()
        let writer = JSON.makeWriter(output: OutputBuffer(sink: sink), options: JSONOptions(), limits: .default, layout: .single)
        #expect(writer.bufferCapacity == OutputBuffer.defaultCapacity)
    }

    @Test func failedDumpAbandonsTheSink() {
        let sink = RecordingSink()
        #expect(throws: PlannedFailure.self) {
            try JSON.dump(FailingSequence(elementCount: 10), to: sink)
        }
        #expect(sink.abandoned)
        #expect(!sink.finished)
    }
}
