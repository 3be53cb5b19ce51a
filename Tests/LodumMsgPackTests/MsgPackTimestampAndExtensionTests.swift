import Foundation
import Lodum
import LodumTestSupport
import Testing

// `RGB`, a user type that MessagePack stores as extension type 1, is Docs/MsgPack.md's
// (MsgPackDocumentationExamplesTests.swift).

/// A type that claims one of MessagePack's reserved codes.
struct Reserved: ExtensionRepresentable {
    static let extensionType: Int8 = -5
    func extensionData() throws -> [UInt8] { [] }
    init() {}
    init(extensionData data: [UInt8]) throws {}
}

@Lodum struct Palette: Equatable {
    var name: String
    var colors: [RGB]
    var created: Date
}

@Suite("MessagePack timestamps and extension types")
struct MsgPackTimestampAndExtensionTests {
    /// Each width of the timestamp extension, at the edges where Lodum moves to the next.
    static let widths: [(seconds: Int64, nanoseconds: UInt32, hex: String)] = [
        (0, 0, "d6-ff-00-00-00-00"),
        (4_294_967_295, 0, "d6-ff-ff-ff-ff-ff"),
        (4_294_967_296, 0, "d7-ff-00-00-00-01-00-00-00-00"),
        (0, 1, "d7-ff-00-00-00-04-00-00-00-00"),
        (17_179_869_183, 999_999_999, "d7-ff-ee-6b-27-ff-ff-ff-ff-ff"),
        (17_179_869_184, 0, "c7-0c-ff-00-00-00-00-00-00-00-04-00-00-00-00"),
        (-1, 0, "c7-0c-ff-00-00-00-00-ff-ff-ff-ff-ff-ff-ff-ff"),
        (Int64.min, 999_999_999, "c7-0c-ff-3b-9a-c9-ff-80-00-00-00-00-00-00-00"),
    ]

    @Test(arguments: widths.indices)
    func timestampsUseTheSmallestOfTheThreeWidths(_ index: Int) throws {
        let entry = Self.widths[index]
        let timestamp = try #require(Timestamp(seconds: entry.seconds, nanoseconds: entry.nanoseconds))
        let bytes = Array(try MsgPack.encode(timestamp))
        #expect(Fixtures.hexString(bytes) == entry.hex)
        #expect(try MsgPack.decode(Timestamp.self, from: bytes) == timestamp)
        #expect(try MsgPack.decode(Value.self, from: bytes) == .timestamp(timestamp))
    }

    @Test func datesAreTimestampsInMessagePackAndISOTextInJSON() throws {
        let date = Date(timeIntervalSince1970: 1_514_862_245.5)
        #expect(Fixtures.hexString(Array(try MsgPack.encode(date))) == "d7-ff-77-35-94-00-5a-4a-f6-a5")
        #expect(try MsgPack.decode(Date.self, from: MsgPack.encode(date)) == date)
        #expect(try JSON.encodeString(date) == #""2018-01-02T03:04:05.5Z""#)
        #expect(try JSON.decode(Date.self, from: #""2018-01-02T04:04:05.5+01:00""#) == date)
    }

    @Test func aTimestampAlsoReadsFromISOText() throws {
        let bytes = Array(try MsgPack.encode("2018-01-02T03:04:05Z"))
        #expect(try MsgPack.decode(Timestamp.self, from: bytes) == Timestamp(seconds: 1_514_862_245))
    }

    @Test(arguments: [
        ("d5-ff-00-01", "2 bytes"),
        ("c7-05-ff-00-00-00-00-00", "5 bytes"),
        ("d7-ff-ff-ff-ff-fc-00-00-00-00", "nanoseconds"),
        ("c7-0c-ff-3b-9a-ca-00-00-00-00-00-00-00-00-00", "nanoseconds"),
    ])
    func malformedTimestampsAreErrorsWithTheirPosition(_ hex: String, _ topic: String) {
        let bytes = Fixtures.hex(hex)
        let error = expectLodumError { _ = try MsgPack.decode([Timestamp].self, from: [0x91] + bytes) }
        #expect(error?.path.description == "[0]")
        #expect(error?.position == .binary(offset: 1))
        #expect(error?.reason.contains("timestamp extension") == true, "\(String(describing: error))")
        _ = expectLodumError { _ = try MsgPack.decode(Value.self, from: bytes) }
    }

    @Test func aTypeMapsItselfToAnExtension() throws {
        let palette = Palette(name: "sea", colors: [RGB(red: 1, green: 2, blue: 3)], created: Date(timeIntervalSince1970: 0))
        let bytes = Array(try MsgPack.encode(palette))
        // The color is ext 8 (3 bytes, type 1) and the date a 32-bit timestamp.
        #expect(Fixtures.hexString(bytes).contains("91-c7-03-01-01-02-03"))
        #expect(Fixtures.hexString(bytes).hasSuffix("d6-ff-00-00-00-00"))
        #expect(try MsgPack.decode(Palette.self, from: bytes) == palette)
        #expect(try MsgPack.decode(Value.self, from: bytes)["colors"] == .array([.extension(ExtensionValue(type: 1, data: [1, 2, 3]))]))
    }

    @Test func textFormatsWriteAnExtensionAsTypeAndData() throws {
        let palette = Palette(name: "sea", colors: [RGB(red: 1, green: 2, blue: 3)], created: Date(timeIntervalSince1970: 0))
        let json = try JSON.encodeString(palette)
        #expect(json == #"{"name":"sea","colors":[{"type":1,"data":"AQID"}],"created":"1970-01-01T00:00:00Z"}"#)
        #expect(try JSON.decode(Palette.self, from: json) == palette)
        #expect(try YAML.decode(Palette.self, from: YAML.encodeString(palette)) == palette)
        // And through Value, across formats.
        let tree = try MsgPack.decode(Value.self, from: MsgPack.encode(palette))
        #expect(try JSON.decode(Palette.self, from: JSON.encode(tree)) == palette)
    }

    @Test func aWrongExtensionTypeOrPayloadIsAnErrorAtItsPath() {
        let other = Fixtures.hex("92-d4-02-00-c7-02-01-00-00")
        let wrongType = expectLodumError { _ = try MsgPack.decode([RGB].self, from: other) }
        #expect(wrongType?.path.description == "[0]")
        #expect(wrongType?.reason == "expected extension type 1 (RGB), found extension type 2")
        let shortPayload = Fixtures.hex("92-c7-03-01-01-02-03-d5-01-00-00")
        let wrongLength = expectLodumError { _ = try MsgPack.decode([RGB].self, from: shortPayload) }
        #expect(wrongLength?.path.description == "[1]")
        #expect(wrongLength?.position == .binary(offset: 7))
        #expect(wrongLength?.reason == "RGB takes 3 bytes, not 2")
        let notAnExtension = expectLodumError { _ = try MsgPack.decode(RGB.self, from: [0x01]) }
        #expect(notAnExtension?.reason == "expected Extension, found Integer")
        let timestamp = expectLodumError { _ = try MsgPack.decode(RGB.self, from: MsgPack.encode(Timestamp(seconds: 1))) }
        #expect(timestamp?.reason == "expected extension type 1 (RGB), found extension type -1")
        let extensionForDate = expectLodumError { _ = try MsgPack.decode(Date.self, from: [0xD4, 0x02, 0x00]) }
        #expect(extensionForDate?.reason == "expected Timestamp, found Extension type 2")
    }

    @Test func reservedTypeCodesAreRefusedOnWrite() {
        let error = expectLodumError { _ = try MsgPack.encode([Reserved()]) }
        #expect(error?.path.description == "[0]")
        #expect(error?.reason.contains("reserved by MessagePack") == true)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 8, 16, 17, 255, 256, 65_536])
    func extensionsOfEveryLengthRoundTripInTheirSmallestHeader(_ length: Int) throws {
        let value = ExtensionValue(type: 42, data: (0..<length).map { UInt8(truncatingIfNeeded: $0) })
        let bytes = Array(try MsgPack.encode(value))
        let header: [UInt8]
        switch length {
        case 1: header = [0xD4]
        case 2: header = [0xD5]
        case 4: header = [0xD6]
        case 8: header = [0xD7]
        case 16: header = [0xD8]
        case ..<256: header = [0xC7, UInt8(length)]
        case ..<65_536: header = [0xC8, UInt8(length >> 8), UInt8(length & 0xFF)]
        default: header = [0xC9, 0, UInt8(length >> 16), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        }
        #expect(Array(bytes.prefix(header.count + 1)) == header + [42])
        #expect(bytes.count == header.count + 1 + length)
        #expect(try MsgPack.decode(ExtensionValue.self, from: bytes) == value)
        #expect(try MsgPack.load(ExtensionValue.self, from: CountingSource(bytes, chunkSize: 7)) == value)
    }

    @Test func everyTruncationOfATimestampOrExtensionThrows() throws {
        let palette = Palette(name: "sea", colors: [RGB(red: 1, green: 2, blue: 3)], created: Date(timeIntervalSince1970: -1.5))
        let bytes = Array(try MsgPack.encode(palette))
        for cut in 0..<bytes.count {
            _ = expectLodumError("cut at \(cut)") { _ = try MsgPack.decode(Palette.self, from: Array(bytes[..<cut])) }
            _ = expectLodumError("cut at \(cut)") { _ = try MsgPack.decode(Value.self, from: Array(bytes[..<cut])) }
        }
    }
}

@Suite("MessagePack map keys: integers and enums natively")
struct MsgPackNativeMapKeyTests {
    @Test func integerAndEnumKeysAreNativeIntegers() throws {
        #expect(Fixtures.hexString(Array(try MsgPack.encode([1: "a"]))) == "81-01-a1-61")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([Int8(-1): true]))) == "81-ff-c3")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([UInt64.max: 0]))) == "81-cf-ff-ff-ff-ff-ff-ff-ff-ff-00")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([MPDay.tuesday: 8]))) == "81-02-08")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([MPTone.dark: 1]))) == "81-a4-64-61-72-6b-01")
    }

    @Test func integerKeysDecodeIntoIntegerAndEnumKeys() throws {
        let hours: [Int: String] = [-300: "x", 1: "a", 70_000: "b"]
        #expect(try MsgPack.decode([Int: String].self, from: MsgPack.encode(hours)) == hours)
        #expect(try MsgPack.decode([MPDay: Int].self, from: Fixtures.hex("82-01-05-03-06")) == [.monday: 5, .wednesday: 6])
        // A string key holding the digits reads too, as it would from JSON.
        #expect(try MsgPack.decode([Int: Int].self, from: Fixtures.hex("81-a2-31-32-07")) == [12: 7])
    }

    @Test func aKeyOutsideTheKeyTypeIsAnErrorAtThatKey() {
        let error = expectLodumError { _ = try MsgPack.decode([MPDay: Int].self, from: Fixtures.hex("82-01-05-09-06")) }
        #expect(error?.path.description == #"["9"]"#)
        #expect(error?.reason.contains("a map key of type MPDay") == true)
        let tooBig = expectLodumError { _ = try MsgPack.decode([UInt8: Int].self, from: Fixtures.hex("81-cd-01-00-06")) }
        #expect(tooBig?.path.description == #"["256"]"#)
    }

    @Test func unknownLengthMapsCountIntegerKeys() throws {
        // As when transcoding: a map whose length is not known up front is buffered, and its
        // integer keys count as keys.
        let bytes = Array(try MsgPack.encode(UnknownLengthIntegerMap(entries: [(1, 2), (-3, 4)])))
        #expect(Fixtures.hexString(bytes) == "82-01-02-fd-04")
        #expect(try MsgPack.decode([Int: Int].self, from: bytes) == [1: 2, -3: 4])
    }
}

/// Writes its entries as a map of unknown length, with integer keys.
struct UnknownLengthIntegerMap: Serializable {
    var entries: [(Int64, Int64)]

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.beginMap(count: nil)
        for (key, value) in entries {
            try serializer.mapKey(key)
            try serializer.write(value)
        }
        try serializer.endMap()
    }
}

enum MPDay: Int, MapKey, Sendable {
    case monday = 1, tuesday, wednesday
}

enum MPTone: String, MapKey, Sendable {
    case light, dark
}
