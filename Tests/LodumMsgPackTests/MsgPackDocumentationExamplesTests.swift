// The examples of Docs/MsgPack.md, compiled and run; the page's Swift blocks are excerpts of
// this file, and the bytes its comments claim are checked here. `Point` and `Dataset` are
// LodumTestSupport's.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("MessagePack documentation examples")
struct MsgPackDocumentationExamplesTests {
    /// The page's first block, with the names it says come from elsewhere as parameters.
    static func verbs(dataset: Dataset, points: [Point], url: URL) async throws -> [Point] {
        let bytes = try MsgPack.encode(dataset)                      // Data
        let back = try MsgPack.decode(Dataset.self, from: bytes)
        try MsgPack.dump(contentsOf: points, to: url)
        for try await point in MsgPack.stream(Point.self, from: url) { print(point) }

        #expect(back == dataset)
        return try MsgPack.decode([Point].self, from: Data(contentsOf: url))
    }

    @Test func verbs() async throws {
        let points = [Point(x: 1, y: 2), Point(x: 3, y: 4)]
        try await Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("points.msgpack")
            let written = try await Self.verbs(dataset: Dataset(points: points), points: points, url: url)
            #expect(written == points)
        }
    }

    @Test func structLayouts() throws {
        let layouts = try documentationValues {
            try MsgPack.encode(Point(x: 1, y: 2))                                        // 82 a1 78 01 a1 79 02
            try MsgPack.encode(Point(x: 1, y: 2), options: MsgPackOptions(structs: .arrays))   // 92 01 02
        }
        #expect(Array(try #require(layouts[0] as? Data)) == [0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02])
        let compact = try #require(layouts[1] as? Data)
        #expect(Array(compact) == [0x92, 0x01, 0x02])
        // Either layout reads back with any options.
        #expect(try MsgPack.decode(Point.self, from: compact) == Point(x: 1, y: 2))
    }

    @Test func errorMessage() {
        let bytes: [UInt8] = [0x92, 0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02, 0x82, 0xA1, 0x78, 0xA1, 0x61, 0xA1, 0x79, 0x02]
        let error = expectLodumError { _ = try MsgPack.decode([Point].self, from: bytes) }
        #expect(error?.description == "Error at [1].x (byte offset 11): expected Int, found String")
    }
}

/// The `RGB` of Docs/MsgPack.md, "Extension types"; MsgPackTimestampAndExtensionTests.swift
/// uses it too.
struct RGB: ExtensionRepresentable {
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

extension RGB: Equatable {}

enum Weekday: Int, MapKey { case monday = 1, tuesday }

@Suite("MessagePack documentation examples: timestamps, extensions, keys")
struct MsgPackDocumentationExtensionExamplesTests {
    @Test func timestamps() throws {
        let timestamps = try documentationValues {
            try MsgPack.encode(Timestamp(seconds: 1))                        // d6 ff 00 00 00 01
            try MsgPack.encode(Date(timeIntervalSince1970: 1_514_862_245.5)) // d7 ff 77 35 94 00 5a 4a f6 a5
        }
        #expect(Fixtures.hexString(Array(try #require(timestamps[0] as? Data))) == "d6-ff-00-00-00-01")
        #expect(Fixtures.hexString(Array(try #require(timestamps[1] as? Data))) == "d7-ff-77-35-94-00-5a-4a-f6-a5")
        #expect(try JSON.encodeString(Date(timeIntervalSince1970: 1_514_862_245.5)) == #""2018-01-02T03:04:05.5Z""#)
    }

    @Test func extensionTypes() throws {
        let written = try documentationValues {
            try MsgPack.encode(RGB(red: 1, green: 2, blue: 3))   // c7 03 01 01 02 03: ext 8, type 1
            try JSON.encodeString(RGB(red: 1, green: 2, blue: 3)) // {"type":1,"data":"AQID"}
        }
        let color = RGB(red: 1, green: 2, blue: 3)
        #expect(Fixtures.hexString(Array(try #require(written[0] as? Data))) == "c7-03-01-01-02-03")
        #expect(written[1] as? String == #"{"type":1,"data":"AQID"}"#)
        #expect(try MsgPack.decode(RGB.self, from: MsgPack.encode(color)) == color)
    }

    @Test func mapKeys() throws {
        let written = try documentationValues {
            try MsgPack.encode([Weekday.tuesday: 8])   // 81 02 08
            try JSON.encodeString([Weekday.tuesday: 8]) // {"2":8}
        }
        #expect(Fixtures.hexString(Array(try #require(written[0] as? Data))) == "81-02-08")
        #expect(written[1] as? String == #"{"2":8}"#)
    }
}
