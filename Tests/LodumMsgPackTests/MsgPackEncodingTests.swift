import Foundation
import Lodum
import LodumTestSupport
import Testing

/// An integer and the exact bytes of its smallest MessagePack encoding.
struct MPIntegerEncoding: Sendable, CustomTestStringConvertible {
    var value: Value
    var hex: String

    init(_ value: Int64, _ hex: String) {
        self.value = .int(value)
        self.hex = hex
    }

    init(unsigned value: UInt64, _ hex: String) {
        self.value = .uint(value)
        self.hex = hex
    }

    var testDescription: String { "\(value) → \(hex)" }
}

/// A container or payload length and the header its smallest encoding starts with.
struct MPLengthHeader: Sendable, CustomTestStringConvertible {
    var length: Int
    var header: [UInt8]

    var testDescription: String { "\(length) → \(Fixtures.hexString(header))" }
}

@Suite("MessagePack writes the smallest encoding of every integer and length")
struct MsgPackEncodingTests {
    static let integers: [MPIntegerEncoding] = [
        MPIntegerEncoding(0, "00"),
        MPIntegerEncoding(1, "01"),
        MPIntegerEncoding(127, "7f"),
        MPIntegerEncoding(128, "cc 80"),
        MPIntegerEncoding(255, "cc ff"),
        MPIntegerEncoding(256, "cd 01 00"),
        MPIntegerEncoding(65535, "cd ff ff"),
        MPIntegerEncoding(65536, "ce 00 01 00 00"),
        MPIntegerEncoding(2_147_483_647, "ce 7f ff ff ff"),
        MPIntegerEncoding(4_294_967_295, "ce ff ff ff ff"),
        MPIntegerEncoding(4_294_967_296, "cf 00 00 00 01 00 00 00 00"),
        MPIntegerEncoding(.max, "cf 7f ff ff ff ff ff ff ff"),
        MPIntegerEncoding(unsigned: UInt64(Int64.max) + 1, "cf 80 00 00 00 00 00 00 00"),
        MPIntegerEncoding(unsigned: .max, "cf ff ff ff ff ff ff ff ff"),
        MPIntegerEncoding(-1, "ff"),
        MPIntegerEncoding(-32, "e0"),
        MPIntegerEncoding(-33, "d0 df"),
        MPIntegerEncoding(-128, "d0 80"),
        MPIntegerEncoding(-129, "d1 ff 7f"),
        MPIntegerEncoding(-32768, "d1 80 00"),
        MPIntegerEncoding(-32769, "d2 ff ff 7f ff"),
        MPIntegerEncoding(-2_147_483_648, "d2 80 00 00 00"),
        MPIntegerEncoding(-2_147_483_649, "d3 ff ff ff ff 7f ff ff ff"),
        MPIntegerEncoding(.min, "d3 80 00 00 00 00 00 00 00"),
    ]

    @Test(arguments: integers)
    func integerTakesItsSmallestEncoding(_ integer: MPIntegerEncoding) throws {
        let expected = Fixtures.hex(integer.hex)
        #expect(Array(try MsgPack.encode(integer.value)) == expected)
        // Every Swift integer type that holds the value writes the same bytes.
        switch integer.value {
        case .int(let number):
            #expect(Array(try MsgPack.encode(number)) == expected)
            if let unsigned = UInt64(exactly: number) { #expect(Array(try MsgPack.encode(unsigned)) == expected) }
            if let narrow = Int8(exactly: number) { #expect(Array(try MsgPack.encode(narrow)) == expected) }
            if let narrow = UInt8(exactly: number) { #expect(Array(try MsgPack.encode(narrow)) == expected) }
            if let narrow = Int16(exactly: number) { #expect(Array(try MsgPack.encode(narrow)) == expected) }
            if let narrow = UInt16(exactly: number) { #expect(Array(try MsgPack.encode(narrow)) == expected) }
            if let narrow = Int32(exactly: number) { #expect(Array(try MsgPack.encode(narrow)) == expected) }
            if let narrow = UInt32(exactly: number) { #expect(Array(try MsgPack.encode(narrow)) == expected) }
            #expect(try MsgPack.decode(Int64.self, from: expected) == number)
        case .uint(let number):
            #expect(Array(try MsgPack.encode(number)) == expected)
            #expect(try MsgPack.decode(UInt64.self, from: expected) == number)
        default:
            Issue.record("not an integer: \(integer.value)")
        }
        #expect(try MsgPack.decode(Value.self, from: expected) == integer.value)
    }

    static let stringLengths: [MPLengthHeader] = [
        MPLengthHeader(length: 0, header: [0xA0]),
        MPLengthHeader(length: 15, header: [0xAF]),
        MPLengthHeader(length: 16, header: [0xB0]),
        MPLengthHeader(length: 31, header: [0xBF]),
        MPLengthHeader(length: 32, header: [0xD9, 0x20]),
        MPLengthHeader(length: 255, header: [0xD9, 0xFF]),
        MPLengthHeader(length: 256, header: [0xDA, 0x01, 0x00]),
        MPLengthHeader(length: 65535, header: [0xDA, 0xFF, 0xFF]),
        MPLengthHeader(length: 65536, header: [0xDB, 0x00, 0x01, 0x00, 0x00]),
    ]

    @Test(arguments: stringLengths)
    func stringLengthTakesItsSmallestHeader(_ length: MPLengthHeader) throws {
        let text = String(repeating: "s", count: length.length)
        let bytes = Array(try MsgPack.encode(text))
        #expect(Array(bytes.prefix(length.header.count)) == length.header)
        #expect(bytes.count == length.header.count + length.length)
        // Map keys and struct field names are strings too.
        let keyed = Array(try MsgPack.encode([text: 1]))
        #expect(Array(keyed.dropFirst().prefix(length.header.count)) == length.header)
        #expect(try MsgPack.decode(String.self, from: bytes) == text)
    }

    static let binaryLengths: [MPLengthHeader] = [
        MPLengthHeader(length: 0, header: [0xC4, 0x00]),
        MPLengthHeader(length: 1, header: [0xC4, 0x01]),
        MPLengthHeader(length: 255, header: [0xC4, 0xFF]),
        MPLengthHeader(length: 256, header: [0xC5, 0x01, 0x00]),
        MPLengthHeader(length: 65535, header: [0xC5, 0xFF, 0xFF]),
        MPLengthHeader(length: 65536, header: [0xC6, 0x00, 0x01, 0x00, 0x00]),
    ]

    @Test(arguments: binaryLengths)
    func binaryLengthTakesItsSmallestHeader(_ length: MPLengthHeader) throws {
        let payload = [UInt8](repeating: 7, count: length.length)
        let bytes = Array(try MsgPack.encode(Value.bytes(payload)))
        #expect(Array(bytes.prefix(length.header.count)) == length.header)
        #expect(bytes.count == length.header.count + length.length)
        #expect(try MsgPack.decode(Value.self, from: bytes) == .bytes(payload))
    }

    static let arrayLengths: [MPLengthHeader] = [
        MPLengthHeader(length: 0, header: [0x90]),
        MPLengthHeader(length: 15, header: [0x9F]),
        MPLengthHeader(length: 16, header: [0xDC, 0x00, 0x10]),
        MPLengthHeader(length: 31, header: [0xDC, 0x00, 0x1F]),
        MPLengthHeader(length: 32, header: [0xDC, 0x00, 0x20]),
        MPLengthHeader(length: 255, header: [0xDC, 0x00, 0xFF]),
        MPLengthHeader(length: 256, header: [0xDC, 0x01, 0x00]),
        MPLengthHeader(length: 65535, header: [0xDC, 0xFF, 0xFF]),
        MPLengthHeader(length: 65536, header: [0xDD, 0x00, 0x01, 0x00, 0x00]),
    ]

    @Test(arguments: arrayLengths)
    func arrayLengthTakesItsSmallestHeaderWhetherKnownOrNot(_ length: MPLengthHeader) throws {
        let elements = [Bool](repeating: true, count: length.length)
        let expected = length.header + [UInt8](repeating: 0xC3, count: length.length)
        #expect(Array(try MsgPack.encode(elements)) == expected)
        #expect(Array(try MsgPack.encode(MPUnknownLengthSeq(elements))) == expected)
        let sink = RecordingSink()
        try MsgPack.dump(contentsOf: AnySequence(elements), to: sink)
        #expect(sink.bytes == expected)
        #expect(try MsgPack.decode([Bool].self, from: expected) == elements)
    }

    static let mapLengths: [MPLengthHeader] = [
        MPLengthHeader(length: 0, header: [0x80]),
        MPLengthHeader(length: 15, header: [0x8F]),
        MPLengthHeader(length: 16, header: [0xDE, 0x00, 0x10]),
        MPLengthHeader(length: 31, header: [0xDE, 0x00, 0x1F]),
        MPLengthHeader(length: 32, header: [0xDE, 0x00, 0x20]),
        MPLengthHeader(length: 255, header: [0xDE, 0x00, 0xFF]),
        MPLengthHeader(length: 256, header: [0xDE, 0x01, 0x00]),
        MPLengthHeader(length: 65535, header: [0xDE, 0xFF, 0xFF]),
        MPLengthHeader(length: 65536, header: [0xDF, 0x00, 0x01, 0x00, 0x00]),
    ]

    @Test(arguments: mapLengths)
    func mapLengthTakesItsSmallestHeaderWhetherKnownOrNot(_ length: MPLengthHeader) throws {
        let entries = (0..<length.length).map { (key: String($0), value: $0 % 2 == 0) }
        let value = Value.object(entries.map { Value.Member(key: $0.key, value: .bool($0.value)) })
        let known = Array(try MsgPack.encode(value))
        #expect(Array(known.prefix(length.header.count)) == length.header)
        #expect(Array(try MsgPack.encode(MPUnknownLengthMap(entries))) == known)
        let back = try MsgPack.decode([String: Bool].self, from: known)
        #expect(back.count == length.length)
        #expect(entries.prefix(20).allSatisfy { back[$0.key] == $0.value })
        #expect(entries.last.map { back[$0.key] == $0.value } ?? true)
    }

    @Test func structFieldCountTakesTheSmallestMapOrArrayHeader() throws {
        #expect(Array(try MsgPack.encode(AllScalars.minimums)).first == 0x8E)
        #expect(Array(try MsgPack.encode(AllScalars.minimums, options: MsgPackOptions(structs: .arrays))).first == 0x9E)
        #expect(Array(try MsgPack.encode(MPLabel(label: ""))) == [0x81, 0xA5] + Array("label".utf8) + [0xA0])
    }

    @Test func nilAndBooleansAreOneByte() throws {
        #expect(Array(try MsgPack.encode(Value.null)) == [0xC0])
        #expect(Array(try MsgPack.encode(false)) == [0xC2])
        #expect(Array(try MsgPack.encode(true)) == [0xC3])
    }
}
