import Foundation
import Lodum
@testable import LodumMsgPack
import LodumTestSupport
import Testing

/// An element that notes, as it is written, how many containers the MessagePack writer is
/// holding back because their length is unknown.
struct MPBufferingProbe: Serializable {
    final class Log: @unchecked Sendable {
        var bufferedContainers: [Int] = []
    }

    var value: Int
    var log: Log

    func serialize<S: Serializer>(to serializer: inout S) throws {
        if let writer = serializer as? MsgPackWriter { log.bufferedContainers.append(writer.packer.pending.count) }
        try serializer.encode(value)
    }
}

/// MessagePack states a container's length before its elements. A container whose length is
/// not known is buffered, that container only, and written with its real count; a
/// collection's length is known, so it streams.
@Suite("MessagePack containers of unknown length")
struct MsgPackUnknownLengthTests {
    @Test func plainSequenceIsWrittenWithItsRealCount() throws {
        let points = (0..<20).map { Point(x: $0, y: -$0) }
        let sink = RecordingSink()
        try MsgPack.dump(contentsOf: AnySequence(points), to: sink)
        #expect(sink.bytes == Array(try MsgPack.encode(points)))
        #expect(Array(sink.bytes.prefix(3)) == [0xDC, 0x00, 0x14])
        #expect(try MsgPack.decode([Point].self, from: sink.bytes) == points)
        let empty = RecordingSink()
        try MsgPack.dump(contentsOf: AnySequence([Point]()), to: empty)
        #expect(empty.bytes == [0x90])
    }

    @Test func plainSequenceOfCodableElementsIsWrittenWithItsRealCount() throws {
        let records = (0..<17).map { CodableRecord(id: $0, name: "r\($0)") }
        let sink = RecordingSink()
        try MsgPack.dump(contentsOf: AnySequence(records), to: sink)
        #expect(sink.bytes == Array(try MsgPack.encode(records)))
        #expect(try MsgPack.decode([CodableRecord].self, from: sink.bytes) == records)
    }

    @Test func unknownLengthContainersInsideKnownOnes() throws {
        // Known array of unknown arrays of known arrays.
        let nested = (0..<18).map { outer in MPUnknownLengthSeq((0..<outer).map { Array(0..<$0) }) }
        let expected = (0..<18).map { outer in (0..<outer).map { Array(0..<$0) } }
        #expect(Array(try MsgPack.encode(nested)) == Array(try MsgPack.encode(expected)))
        // A struct whose fields are an unknown sequence and an unknown map.
        let structure = MPStructOfUnknowns(
            name: "s", numbers: MPUnknownLengthSeq(Array(0..<300)),
            table: MPUnknownLengthMap((0..<20).map { (key: "k\($0)", value: Array(0..<$0)) }))
        let table = Value.object((0..<20).map { Value.Member(key: "k\($0)", value: .array((0..<$0).map { .int(Int64($0)) })) })
        let equivalent = mpObject(["name": .string("s"), "numbers": .array((0..<300).map { .int(Int64($0)) }), "table": table])
        for layout in mpLayouts {
            let options = MsgPackOptions(structs: layout)
            let bytes = Array(try MsgPack.encode(structure, options: options))
            if layout == .maps {
                #expect(bytes == Array(try MsgPack.encode(equivalent)))
            } else {
                #expect(bytes == Array(try MsgPack.encode(Value.array([.string("s"), equivalent["numbers"] ?? .null, table]))))
            }
        }
    }

    @Test func knownLengthContainersInsideUnknownOnes() throws {
        let inner = (0..<40).map { index in MPInventory.sample.items.map { MPItem(sku: "\(index)", price: $0.price, quantity: $0.quantity, ratio: $0.ratio) } }
        #expect(Array(try MsgPack.encode(MPUnknownLengthSeq(inner))) == Array(try MsgPack.encode(inner)))
        let map = MPUnknownLengthMap((0..<33).map { (key: "p\($0)", value: Point(x: $0, y: $0 * 70_000)) })
        let decoded = try MsgPack.decode([String: Point].self, from: MsgPack.encode(map))
        #expect(decoded.count == 33)
        #expect(decoded["p32"] == Point(x: 32, y: 32 * 70_000))
        let sink = RecordingSink()
        try MsgPack.dump(contentsOf: AnySequence([MPInventory.sample, MPInventory.sample]), to: sink)
        #expect(try MsgPack.decode([MPInventory].self, from: sink.bytes) == [MPInventory.sample, MPInventory.sample])
    }

    @Test func unknownInsideUnknownInsideKnownAtEveryDepth() throws {
        // Depth-alternating: unknown seq → known array → unknown map → unknown seq → values.
        let leaf = MPUnknownLengthSeq([MPUnknownLengthMap([(key: "a", value: MPUnknownLengthSeq([1, 2, 3])), (key: "b", value: MPUnknownLengthSeq([Int]()))])])
        let value = MPUnknownLengthSeq([[leaf, leaf], [], [leaf]])
        let expected: Value = {
            let map = mpObject(["a": .array([.int(1), .int(2), .int(3)]), "b": .array([])])
            let leafValue = Value.array([map])
            return .array([.array([leafValue, leafValue]), .array([]), .array([leafValue])])
        }()
        let bytes = Array(try MsgPack.encode(value))
        #expect(bytes == Array(try MsgPack.encode(expected)))
        #expect(try MsgPack.decode(Value.self, from: bytes) == expected)
    }

    @Test func unknownLengthContainersAsDocuments() throws {
        let sink = RecordingSink()
        try MsgPack.dump(documents: [MPUnknownLengthSeq([1, 2]), MPUnknownLengthSeq([]), MPUnknownLengthSeq(Array(0..<16))], to: sink)
        #expect(try mpDrain(MsgPack.documents([Int].self, from: sink.bytes)) == [[1, 2], [], Array(0..<16)])
    }

    @Test func failedDumpOfAnUnknownLengthSequenceAbandonsTheSink() {
        let sink = RecordingSink()
        #expect(throws: MPPlannedFailure.self) { try MsgPack.dump(MPFailingSequence(elementCount: 10), to: sink) }
        #expect(sink.abandoned)
        #expect(!sink.finished)
        #expect(sink.bytes.isEmpty, "a buffered container never reached the sink")
    }

    @Test func encodingDeeperThanTheLimitIsAnErrorNamingThePath() {
        let error = expectLodumError { _ = try MsgPack.encode(MPChain.chain(length: 10), limits: Limits(maxDepth: 3)) }
        #expect(error?.kind == .limitExceeded(.depth(3)))
        #expect(error?.path.description == "next.next.next")
        var deep = Value.null
        for _ in 0..<500 { deep = .array([deep]) }
        #expect(expectLodumError { _ = try MsgPack.encode(deep) }?.kind == .limitExceeded(.depth(100)))
        #expect(expectLodumError { _ = try MsgPack.encode(MPUnknownLengthSeq([deep])) }?.kind == .limitExceeded(.depth(100)))
    }
}

/// Streaming is a promise proven by behaviour: bytes reach the sink while the sequence is
/// still being produced, and elements arrive while most of the source is unread.
@Suite("MessagePack streaming dump and lazy load")
struct MsgPackStreamingTests {
    static let total = 120_000

    @Test func collectionStreamsWithoutBuffering() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        var largestChunk = 0
        sink.onChunk = { chunk in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
            largestChunk = max(largestChunk, chunk.count)
        }
        let points = (0..<Self.total).lazy.map { index -> Point in
            generated += 1
            return Point(x: index, y: index * 100_000)
        }
        let writer = MsgPack.makeWriter(output: OutputBuffer(sink: sink), options: MsgPackOptions(), limits: .default, layout: .single)
        #expect(writer.bufferCapacity == OutputBuffer.defaultCapacity)
        try MsgPack.dump(contentsOf: points, to: sink)

        let firstChunkAt = try #require(generatedAtFirstChunk)
        #expect(firstChunkAt < Self.total / 10, "the first bytes left only after \(firstChunkAt) of \(Self.total) elements")
        #expect(generated == Self.total)
        // The writer's buffer never grows: every chunk fits in it, and there are many.
        #expect(largestChunk <= OutputBuffer.defaultCapacity)
        #expect(sink.chunks.count > 20)
        #expect(sink.finished && !sink.abandoned)
        #expect(Array(sink.bytes.prefix(5)) == [0xDD, 0x00, 0x01, 0xD4, 0xC0])
    }

    @Test func collectionIsNeverHeldBackWhileAPlainSequenceIs() throws {
        let log = MPBufferingProbe.Log()
        let sink = RecordingSink()
        try MsgPack.dump(contentsOf: (0..<1_000).lazy.map { MPBufferingProbe(value: $0, log: log) }, to: sink)
        #expect(log.bufferedContainers.count == 1_000)
        #expect(log.bufferedContainers.allSatisfy { $0 == 0 })
        let plain = MPBufferingProbe.Log()
        try MsgPack.dump(contentsOf: AnySequence((0..<10).map { MPBufferingProbe(value: $0, log: plain) }), to: RecordingSink())
        #expect(plain.bufferedContainers == [Int](repeating: 1, count: 10))
        #expect(try MsgPack.decode([Int].self, from: sink.bytes) == Array(0..<1_000))
    }

    @Test func streamedOutputIsExactlyTheEncodedArray() throws {
        let sink = RecordingSink()
        let points = (0..<2_000).map { Point(x: $0, y: 2 * $0) }
        try MsgPack.dump(contentsOf: points.lazy.map { $0 }, to: sink)
        #expect(sink.bytes == Array(try MsgPack.encode(points)))
    }

    @Test func dumpOfOneLargeValueLeavesInBoundedChunks() throws {
        let sink = RecordingSink()
        let long = String(repeating: "0123456789abcdef", count: OutputBuffer.defaultCapacity / 4)
        try MsgPack.dump([long, "tail"], to: sink)
        #expect(sink.chunks.count >= 3)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(try MsgPack.decode([String].self, from: sink.bytes) == [long, "tail"])
    }

    @Test func errorOfTheSinkReachesTheCallerAsThrownAndAbandonsIt() {
        final class FailingSink: ByteSink {
            var abandoned = false
            func write(_ bytes: UnsafeRawBufferPointer) throws { throw MPPlannedFailure() }
            func abandon() { abandoned = true }
        }
        let sink = FailingSink()
        #expect(throws: MPPlannedFailure.self) { try MsgPack.dump(contentsOf: (0..<50_000).lazy.map { Point(x: $0, y: $0) }, to: sink) }
        #expect(sink.abandoned)
        let small = FailingSink()
        #expect(throws: MPPlannedFailure.self) { try MsgPack.dump(Point(x: 1, y: 2), to: small) }
        let unknown = FailingSink()
        #expect(throws: MPPlannedFailure.self) { try MsgPack.dump(contentsOf: AnySequence((0..<50_000).map { Point(x: $0, y: $0) }), to: unknown) }
    }

    @Test func errorOfTheSourceReachesTheCallerWithTheOffsetReached() {
        final class FailingSource: ByteSource {
            var served = false
            func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                guard !served else { throw MPPlannedFailure() }
                served = true
                let bytes: [UInt8] = [0x93, 0x92, 0x01, 0x02, 0x92, 0x03]
                buffer.copyBytes(from: bytes)
                return bytes.count
            }
        }
        expectInputFault(expectLodumError { _ = try MsgPack.load([[Int]].self, from: FailingSource()) }, MPPlannedFailure.self, at: 6)
        var elements = MsgPack.stream([Int].self, from: FailingSource())
        var read = 0
        expectInputFault(expectLodumError { while try elements.next() != nil { read += 1 } }, MPPlannedFailure.self, at: 6)
        #expect(read == 1)
    }


    @Test func documentsYieldTheFirstBeforeTheSourceIsDrained() throws {
        let sink = RecordingSink()
        try MsgPack.dump(documents: (0..<20_000).lazy.map { Record(id: $0, name: "record-\($0)") }, to: sink)
        let source = CountingSource(sink.bytes, chunkSize: 64)
        var records = MsgPack.documents(Record.self, from: source)
        #expect(try records.next() == Record(id: 0, name: "record-0"))
        #expect(source.chunksServed < source.totalChunks / 100)
        var count = 1
        while try records.next() != nil { count += 1 }
        #expect(count == 20_000)
    }

    @Test func streamReadsThroughTheFixedWindow() throws {
        let source = CountingSource(try Fixtures.msgpackRecords(count: 20_000), chunkSize: 1 << 20)
        var count = 0
        var records = MsgPack.stream(Record.self, from: source)
        while try records.next() != nil { count += 1 }
        #expect(count == 20_000)
        #expect(source.largestRequest <= InputBuffer.defaultCapacity)
    }

    @Test func streamOfValuesAndOfNestedArrays() throws {
        let values: [Value] = [.int(1), .string("two"), .array([.int(3)]), mpObject(["four": .int(4)]), .null, .double(5.5), .bool(true), .bytes([104, 105])]
        let bytes = Array(try MsgPack.encode(Value.array(values)))
        #expect(try mpDrain(MsgPack.stream(Value.self, from: bytes)) == values)
        #expect(try mpDrain(MsgPack.stream(Value.self, from: CountingSource(bytes, chunkSize: 1))) == values)
    }

    @Test func streamOfSomethingOtherThanAnArrayIsATypeMismatch() {
        var numbers = MsgPack.stream(Int.self, from: [0x81, 0xA1, 0x61, 0x01])
        let error = expectLodumError { _ = try numbers.next() }
        #expect(error?.kind == .typeMismatch(expected: "Array", found: "Map"))
        #expect(error?.position == .binary(offset: 0))
    }

    @Test func streamElementErrorNamesTheElementAndEndsTheStream() throws {
        let bytes = Array(try MsgPack.encode(Value.array([
            mpObject(["id": .int(1), "name": .string("a")]), mpObject(["id": .int(2)]), mpObject(["id": .int(3), "name": .string("c")]),
        ])))
        var records = MsgPack.stream(Record.self, from: bytes)
        #expect(try records.next()?.id == 1)
        let error = expectLodumError { _ = try records.next() }
        #expect(error?.path.description == "[1].name")
        #expect(try records.next() == nil)
    }

    @Test func bytesAfterTheStreamedArrayAreAnErrorAfterItsLastElement() throws {
        var numbers = MsgPack.stream(Int.self, from: CountingSource([0x92, 0x01, 0x02, 0xC0], chunkSize: 1))
        #expect(try numbers.next() == 1)
        #expect(try numbers.next() == 2)
        let error = expectLodumError { _ = try numbers.next() }
        #expect(error?.position == .binary(offset: 3))
        #expect(try numbers.next() == nil)
    }

    @Test func streamFromAPipe() throws {
        let pipe = Pipe()
        let bytes = try Fixtures.msgpackRecords(count: 1_000)
        #expect(bytes.count < 60_000)
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        var records = MsgPack.stream(Record.self, from: pipe.fileHandleForReading)
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 1_000)
    }

    @Test func streamFromAsyncChunksYieldsEveryElement() async throws {
        let bytes = try Fixtures.msgpackRecords(count: 300)
        let chunks = AsyncStream<[UInt8]> { continuation in
            for start in stride(from: 0, to: bytes.count, by: 13) {
                continuation.yield(Array(bytes[start..<min(start + 13, bytes.count)]))
            }
            continuation.finish()
        }
        var ids: [Int] = []
        for try await record in MsgPack.stream(Record.self, fromChunks: chunks) { ids.append(record.id) }
        #expect(ids == Array(0..<300))
    }

    @Test func streamFromAMissingFileIsAnIOError() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-missing-\(UUID().uuidString).msgpack")
        var records = MsgPack.stream(Record.self, from: url)
        let error = expectLodumError { _ = try records.next() }
        guard case .io? = error?.kind else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
    }
}

@Suite("MessagePack in the format registry")
struct MsgPackRegistryTests {
    @Test func registryHoldsMessagePack() {
        let msgpack = ObjectIdentifier(MsgPack.self)
        #expect(Lodum.formats.contains { ObjectIdentifier($0) == msgpack })
        #expect(Lodum.format(named: "msgpack").map(ObjectIdentifier.init) == msgpack)
        #expect(Lodum.format(named: "MsgPack").map(ObjectIdentifier.init) == msgpack)
        #expect(Lodum.format(forFileExtension: "mpk").map(ObjectIdentifier.init) == msgpack)
        #expect(Lodum.format(forFileExtension: "msgpack").map(ObjectIdentifier.init) == msgpack)
        #expect(Lodum.format(forFileExtension: "MPK").map(ObjectIdentifier.init) == msgpack)
    }

    @Test func identityAndCapabilities() {
        #expect(MsgPack.name == "msgpack")
        #expect(MsgPack.fileExtensions == ["msgpack", "mpk"])
        #expect(MsgPack.mediaType == "application/vnd.msgpack")
        #expect(MsgPack.capabilities == [
            .streamingDump, .lazyLoad, .multiDocument, .binary, .nativeBytes, .nativeTimestamp, .nonStringKeys, .requiresLengths,
        ])
        #expect(!MsgPack.capabilities.contains(.humanReadable))
        #expect(MsgPack.capabilities.description
            == "[streamingDump, lazyLoad, binary, nativeBytes, nativeTimestamp, nonStringKeys, multiDocument, requiresLengths]")
    }

    @Test func formatFromTheRegistryEncodesAndDecodes() throws {
        let format = try #require(Lodum.format(forFileExtension: "mpk"))
        let data = try format.encode(Point(x: 1, y: 2))
        #expect(Array(data) == [0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02])
        #expect(try format.decode(Point.self, from: data) == Point(x: 1, y: 2))
    }
}
