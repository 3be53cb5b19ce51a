import Foundation
import Lodum
import LodumMsgPack
import LodumTestSupport
import Testing

@Lodum struct MPPoint: Equatable, Sendable { var x: Int; var y: Int }
@Lodum struct MPRecord: Equatable, Sendable {
    var id: Int
    var name: String
    var score: Double
    var ratio: Float
    var tags: [String]
    var note: String?
    var counts: [String: Int]
}

@Suite("MessagePack smoke")
struct MsgPackSmokeTests {
    let record = MPRecord(id: -3, name: "é", score: 1.5, ratio: 0.25, tags: ["a", ""], note: nil, counts: ["k": 300])

    @Test func roundTripsMapsAndArrays() throws {
        for options in [MsgPackOptions(structs: .maps), MsgPackOptions(structs: .arrays)] {
            let bytes = try MsgPack.encode(record, options: options)
            #expect(try MsgPack.decode(MPRecord.self, from: bytes) == record)
        }
        let point = try MsgPack.encode(MPPoint(x: 1, y: 2))
        #expect(Array(point) == [0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02])
        let compact = try MsgPack.encode(MPPoint(x: 1, y: 2), options: MsgPackOptions(structs: .arrays))
        #expect(Array(compact) == [0x92, 0x01, 0x02])
    }

    @Test func valueTreesAndUnknownLengths() throws {
        let value = try JSON.decode(Value.self, from: #"{"a": [1, -2, 2.5, "x", null, true, {"b": []}], "big": 18446744073709551615}"#)
        let bytes = try MsgPack.encode(value)
        #expect(try MsgPack.decode(Value.self, from: bytes) == value)
        // A sequence of unknown length is buffered and written with its count.
        let sink = RecordingSink()
        try MsgPack.dump(contentsOf: AnySequence((0..<3).map { MPPoint(x: $0, y: $0) }), to: sink)
        #expect(sink.bytes.first == 0x93)
        #expect(try MsgPack.decode([MPPoint].self, from: sink.bytes).count == 3)
    }

    @Test func streamsAndDocuments() throws {
        let points = (0..<10_000).map { MPPoint(x: $0, y: -$0) }
        let bytes = try MsgPack.encode(points)
        var stream = MsgPack.stream(MPPoint.self, from: CountingSource(Array(bytes), chunkSize: 1000))
        var count = 0
        while let point = try stream.next() {
            #expect(point == points[count])
            count += 1
        }
        #expect(count == points.count)
        let sink = RecordingSink()
        try MsgPack.dump(documents: points.prefix(5), to: sink)
        var documents = MsgPack.documents(MPPoint.self, from: MemorySource(sink.bytes))
        var seen = 0
        while try documents.next() != nil { seen += 1 }
        #expect(seen == 5)
    }

    @Test func hostileHeadersAndTruncations() throws {
        let billion: [UInt8] = [0xDD, 0x3B, 0x9A, 0xCA, 0x00]
        let error = expectLodumError { _ = try MsgPack.decode([Int].self, from: billion) }
        #expect(error?.position == .binary(offset: 0) || error?.position?.offset ?? 99 < 5)
        _ = expectLodumError { _ = try MsgPack.decode(String.self, from: [0xDB, 0xFF, 0xFF, 0xFF, 0xFF, 0x61]) }
        let bytes = Array(try MsgPack.encode(record))
        for cut in 0..<bytes.count {
            _ = expectLodumError { _ = try MsgPack.decode(MPRecord.self, from: Array(bytes.prefix(cut))) }
            expectSuccessOrLodumError { _ = try MsgPack.decode(Value.self, from: Array(bytes.prefix(cut))) }
        }
    }

    @Test func errorsCarryPathAndOffset() throws {
        let bytes: [UInt8] = [0x92, 0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02, 0x82, 0xA1, 0x78, 0xA1, 0x61, 0xA1, 0x79, 0x02]
        let error = expectLodumError { _ = try MsgPack.decode([MPPoint].self, from: bytes) }
        #expect(error?.path.description == "[1].x")
        #expect(error?.position == .binary(offset: 11))
    }
}
