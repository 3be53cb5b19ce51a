// The examples of Docs/MsgPack.md, compiled and run so they cannot rot.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct DocsMPPoint: Equatable, Sendable { var x: Int; var y: Int }
@Lodum struct DocsMPDataset: Equatable, Sendable { var points: [DocsMPPoint] }

@Suite("MessagePack documentation examples")
struct MsgPackDocumentationExamplesTests {
    @Test func verbs() async throws {
        let dataset = DocsMPDataset(points: [DocsMPPoint(x: 1, y: 2), DocsMPPoint(x: 3, y: 4)])
        let bytes = try MsgPack.encode(dataset)
        let back = try MsgPack.decode(DocsMPDataset.self, from: bytes)
        #expect(back == dataset)
        try await Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("points.msgpack")
            try MsgPack.dump(contentsOf: dataset.points, to: url)
            var streamed: [DocsMPPoint] = []
            for try await point in MsgPack.stream(DocsMPPoint.self, from: url) { streamed.append(point) }
            #expect(streamed == dataset.points)
        }
    }

    @Test func structLayouts() throws {
        #expect(Array(try MsgPack.encode(DocsMPPoint(x: 1, y: 2))) == [0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02])
        let compact = try MsgPack.encode(DocsMPPoint(x: 1, y: 2), options: MsgPackOptions(structs: .arrays))
        #expect(Array(compact) == [0x92, 0x01, 0x02])
        // Either layout reads back with any options.
        #expect(try MsgPack.decode(DocsMPPoint.self, from: compact) == DocsMPPoint(x: 1, y: 2))
    }

    @Test func errorMessage() {
        let bytes: [UInt8] = [0x92, 0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02, 0x82, 0xA1, 0x78, 0xA1, 0x61, 0xA1, 0x79, 0x02]
        let error = expectLodumError { _ = try MsgPack.decode([DocsMPPoint].self, from: bytes) }
        #expect(error?.description == "Error at [1].x (byte offset 11): expected Int, found String")
    }
}
