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

/// The `RGB` of Docs/MsgPack.md, "Extension types".
struct DocsRGB: ExtensionRepresentable, Equatable {
    static let extensionType: Int8 = 1
    var red, green, blue: UInt8

    init(red: UInt8, green: UInt8, blue: UInt8) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    func extensionData() throws -> [UInt8] { [red, green, blue] }

    init(extensionData data: [UInt8]) throws {
        guard data.count == 3 else { throw LodumError(.custom("RGB takes 3 bytes, not \(data.count)")) }
        (red, green, blue) = (data[0], data[1], data[2])
    }
}

enum DocsWeekday: Int, MapKey { case monday = 1, tuesday }

@Suite("MessagePack documentation examples: timestamps, extensions, keys")
struct MsgPackDocumentationExtensionExamplesTests {
    @Test func timestamps() throws {
        #expect(Fixtures.hexString(Array(try MsgPack.encode(Timestamp(seconds: 1)))) == "d6-ff-00-00-00-01")
        #expect(Fixtures.hexString(Array(try MsgPack.encode(Date(timeIntervalSince1970: 1_514_862_245.5)))) == "d7-ff-77-35-94-00-5a-4a-f6-a5")
        #expect(try JSON.encodeString(Date(timeIntervalSince1970: 1_514_862_245.5)) == #""2018-01-02T03:04:05.5Z""#)
    }

    @Test func extensionTypes() throws {
        let color = DocsRGB(red: 1, green: 2, blue: 3)
        #expect(Fixtures.hexString(Array(try MsgPack.encode(color))) == "c7-03-01-01-02-03")
        #expect(try JSON.encodeString(color) == #"{"type":1,"data":"AQID"}"#)
        #expect(try MsgPack.decode(DocsRGB.self, from: MsgPack.encode(color)) == color)
    }

    @Test func mapKeys() throws {
        #expect(Fixtures.hexString(Array(try MsgPack.encode([DocsWeekday.tuesday: 8]))) == "81-02-08")
        #expect(try JSON.encodeString([DocsWeekday.tuesday: 8]) == #"{"2":8}"#)
    }
}
