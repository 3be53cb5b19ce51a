import Foundation
import Lodum
import LodumTestSupport
import Testing

struct MPCodableOrder: Codable, Equatable {
    enum Status: String, Codable { case open, shipped }

    var id: UInt64
    var status: Status
    var lines: [CodableLine]
    var notes: [String: String]
    var discount: Double?
    var weight: Float
    var origin: Location
}

let mpLayouts: [MsgPackOptions.StructLayout] = [.maps, .arrays]

@Lodum struct MPProfile: Equatable {
    var name: String
    @Field(skipIfNil: true) var nickname: String?
    var email: String?
}

@Suite("MessagePack round trips of @Lodum, Codable and Value data")
struct MsgPackRoundTripTests {
    static let inventory = MPInventory.sample

    // MARK: Structs in either layout

    @Test(arguments: mpLayouts)
    func structWithNestedTypesOptionalsArraysAndDictionariesRoundTrips(_ layout: MsgPackOptions.StructLayout) throws {
        let options = MsgPackOptions(structs: layout)
        let bytes = try MsgPack.encode(Self.inventory, options: options)
        #expect(try MsgPack.decode(MPInventory.self, from: bytes, options: options) == Self.inventory)
    }

    @Test(arguments: mpLayouts)
    func eitherLayoutReadsBackWithDefaultOptionsAndWithTheOtherLayout(_ layout: MsgPackOptions.StructLayout) throws {
        let bytes = try MsgPack.encode(Self.inventory, options: MsgPackOptions(structs: layout))
        #expect(try MsgPack.decode(MPInventory.self, from: bytes) == Self.inventory)
        let other = MsgPackOptions(structs: layout == .maps ? .arrays : .maps)
        #expect(try MsgPack.decode(MPInventory.self, from: bytes, options: other) == Self.inventory)
    }

    @Test func structLayoutsOnTheWire() throws {
        #expect(Array(try MsgPack.encode(Point(x: 1, y: 2))) == [0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02])
        #expect(Array(try MsgPack.encode(Point(x: 1, y: 2), options: MsgPackOptions(structs: .arrays))) == [0x92, 0x01, 0x02])
        #expect(MsgPackOptions().structs == .maps)
        let maps = try MsgPack.encode(Self.inventory)
        let arrays = try MsgPack.encode(Self.inventory, options: MsgPackOptions(structs: .arrays))
        #expect(arrays.count < maps.count)
        // The arrays layout holds no field names at all.
        #expect(!Array(arrays).contains(subsequence: Array("itemsByName".utf8)))
        #expect(Array(maps).contains(subsequence: Array("itemsByName".utf8)))
    }

    @Test func structInsideADictionaryInTheArraysLayoutIsAnArray() throws {
        let bytes = Array(try MsgPack.encode(["p": Point(x: 1, y: 2)], options: MsgPackOptions(structs: .arrays)))
        #expect(bytes == [0x81, 0xA1, 0x70, 0x92, 0x01, 0x02])
        #expect(try MsgPack.decode([String: Point].self, from: bytes) == ["p": Point(x: 1, y: 2)])
    }

    @Test(arguments: mpLayouts)
    func nilOptionalIsWrittenAsNilAndReadBackAsNil(_ layout: MsgPackOptions.StructLayout) throws {
        let options = MsgPackOptions(structs: layout)
        let bytes = Array(try MsgPack.encode(MPSettings(name: "n", timeout: nil), options: options))
        if layout == .arrays {
            #expect(bytes == [0x94, 0xA1, 0x6E, 0x03, 0xC0, 0xC0])
        } else {
            #expect(bytes == [0x84, 0xA4] + Array("name".utf8) + [0xA1, 0x6E, 0xA7] + Array("retries".utf8) + [0x03, 0xA7]
                + Array("timeout".utf8) + [0xC0, 0xA7] + Array("comment".utf8) + [0xC0])
        }
        let back = try MsgPack.decode(MPSettings.self, from: bytes)
        #expect(back == MPSettings(name: "n", retries: 3, timeout: nil, comment: nil))
    }

    @Test func missingKeyTakesTheDefaultWhileNilIsNil() throws {
        // {"name": "x"}
        let missing: [UInt8] = [0x81, 0xA4] + Array("name".utf8) + [0xA1, 0x78]
        #expect(try MsgPack.decode(MPSettings.self, from: missing) == MPSettings(name: "x", retries: 3, timeout: 1.5, comment: nil))
        // {"name": "x", "timeout": nil}
        let explicit: [UInt8] = [0x82, 0xA4] + Array("name".utf8) + [0xA1, 0x78, 0xA7] + Array("timeout".utf8) + [0xC0]
        #expect(try MsgPack.decode(MPSettings.self, from: explicit) == MPSettings(name: "x", retries: 3, timeout: nil, comment: nil))
        // Arrays: trailing fields may be missing; a nil in place is nil.
        #expect(try MsgPack.decode(MPSettings.self, from: [0x91, 0xA1, 0x78]) == MPSettings(name: "x", retries: 3, timeout: 1.5, comment: nil))
        #expect(try MsgPack.decode(MPSettings.self, from: [0x93, 0xA1, 0x78, 0x05, 0xC0]) == MPSettings(name: "x", retries: 5, timeout: nil, comment: nil))
    }

    @Test func missingFieldWithoutDefaultIsAnErrorNamingTheField() {
        let fromMap = expectLodumError { _ = try MsgPack.decode(Point.self, from: [0x81, 0xA1, 0x78, 0x01]) }
        #expect(fromMap?.kind == .missingField("y"))
        #expect(fromMap?.path.description == "y")
        let fromArray = expectLodumError { _ = try MsgPack.decode(Point.self, from: [0x91, 0x01]) }
        #expect(fromArray?.kind == .missingField("y"))
    }

    @Test func unknownKeysAndExtraElementsAreSkippedWhateverTheirValues() throws {
        var map: [UInt8] = [0x87]
        map += [0xA5] + Array("extra".utf8) + [0x93, 0xC0, 0x81, 0xA1, 0x61, 0x90, 0xC4, 0x02, 0x00, 0xFF]
        map += [0xA1, 0x78, 0x0A]
        map += [0x07, 0xA3] + Array("int".utf8)  // an integer key: names no field
        map += [0x90, 0xDE, 0x00, 0x01, 0xA1, 0x6B, 0xCB, 0, 0, 0, 0, 0, 0, 0, 0]  // an array key
        map += [0xA3] + Array("ext".utf8) + [0xD6, 0x05, 1, 2, 3, 4]
        map += [0xA4] + Array("deep".utf8) + [0x91, 0x91, 0x91, 0x81, 0xC0, 0xC3]
        map += [0xA1, 0x79, 0xD0, 0xEC]
        #expect(try MsgPack.decode(Point.self, from: map) == Point(x: 10, y: -20))
        let array: [UInt8] = [0x94, 0x01, 0x02, 0x92, 0xC4, 0x00, 0x80, 0xDB, 0, 0, 0, 1, 0x61]
        #expect(try MsgPack.decode(Point.self, from: array) == Point(x: 1, y: 2))
    }

    @Test func skipIfNilLeavesTheKeyOutOfAMap() throws {
        let profile = MPProfile(name: "ada", nickname: nil, email: "a@b.c")
        let bytes = Array(try MsgPack.encode(profile))
        #expect(bytes.first == 0x82)
        #expect(try MsgPack.decode(MPProfile.self, from: bytes) == profile)
        let present = MPProfile(name: "ada", nickname: "countess", email: nil)
        #expect(try MsgPack.decode(MPProfile.self, from: MsgPack.encode(present, options: MsgPackOptions(structs: .arrays))) == present)
    }

    @Test func skipIfNilInTheArraysLayoutWritesNilToKeepPositions() throws {
        // In the arrays layout a field is known by its position: a nil `skipIfNil` field is
        // written as nil (the writer says `writesFieldNames == false`), so "a@b.c" stays
        // the email and does not read back as the nickname.
        let profile = MPProfile(name: "ada", nickname: nil, email: "a@b.c")
        let bytes = Array(try MsgPack.encode(profile, options: MsgPackOptions(structs: .arrays)))
        #expect(bytes.first == 0x93)
        #expect(bytes.contains(0xC0))
        #expect(try MsgPack.decode(MPProfile.self, from: bytes) == profile)
        // With structs as maps the field is still left out.
        #expect(Array(try MsgPack.encode(profile)).first == 0x82)
    }

    @Test func finalClassRoundTripsWithItsChildren() throws {
        let tree = Tree(name: "root", weight: 2.5, children: [Tree(name: "left", parentName: "root"), Tree(name: "right")])
        for layout in mpLayouts {
            let back = try MsgPack.decode(Tree.self, from: MsgPack.encode(tree, options: MsgPackOptions(structs: layout)))
            #expect(back.name == "root")
            #expect(back.weight == 2.5)
            #expect(back.children.map(\.name) == ["left", "right"])
            #expect(back.children[0].parentName == "root")
            #expect(back.children[1].parentName == nil)
        }
    }

    @Test func genericStructAndEmptyCollectionsRoundTrip() throws {
        let box = MPBox(value: [Point(x: 1, y: 2)])
        #expect(try MsgPack.decode(MPBox<[Point]>.self, from: MsgPack.encode(box)) == box)
        let empty = MPBox(value: [String: [Int]]())
        #expect(Array(try MsgPack.encode(empty)) == [0x81, 0xA5] + Array("value".utf8) + [0x80])
        #expect(try MsgPack.decode(MPBox<[String: [Int]]>.self, from: MsgPack.encode(empty)) == empty)
        #expect(Array(try MsgPack.encode([Int]())) == [0x90])
        #expect(try MsgPack.decode([[Int]].self, from: MsgPack.encode([[], [1], []] as [[Int]])) == [[], [1], []])
        #expect(try MsgPack.decode([Point].self, from: [0x90]) == [])
    }

    @Test func dictionariesWithAwkwardKeysRoundTrip() throws {
        let map = ["": 1, "é": 2, "nul\u{0}key": 3, "1": 4, String(repeating: "k", count: 300): 5, "🍺": 6, "\u{10FFFF}": 7]
        #expect(try MsgPack.decode([String: Int].self, from: MsgPack.encode(map)) == map)
        let nested = ["a": ["b": ["c": [1, 2]]], "d": [:]]
        #expect(try MsgPack.decode([String: [String: [String: [Int]]]].self, from: MsgPack.encode(nested)) == nested)
    }

    @Test func topLevelScalarsAndOptionalsRoundTrip() throws {
        #expect(try MsgPack.decode(Int.self, from: MsgPack.encode(42)) == 42)
        #expect(try MsgPack.decode(String.self, from: MsgPack.encode("text")) == "text")
        #expect(try MsgPack.decode(Bool.self, from: MsgPack.encode(true)) == true)
        #expect(try MsgPack.decode(Bool.self, from: MsgPack.encode(false)) == false)
        #expect(Array(try MsgPack.encode(Int?.none)) == [0xC0])
        #expect(try MsgPack.decode(Int?.self, from: [0xC0]) == nil)
        #expect(try MsgPack.decode(Int?.self, from: [0x07]) == 7)
        #expect(try MsgPack.decode([Int?].self, from: MsgPack.encode([1, nil, 3] as [Int?])) == [1, nil, 3])
        // No value at all is not a nil value.
        #expect(expectLodumError { _ = try MsgPack.decode(Int?.self, from: [UInt8]()) }?.kind == .unexpectedEndOfInput)
    }

    @Test func decodeReadsFromDataBytesAndSlices() throws {
        let bytes = Array(try MsgPack.encode(Point(x: 1, y: 2)))
        #expect(try MsgPack.decode(Point.self, from: Data(bytes)) == Point(x: 1, y: 2))
        #expect(try MsgPack.decode(Point.self, from: bytes) == Point(x: 1, y: 2))
        #expect(try MsgPack.decode(Point.self, from: ([0xFF] + bytes + [0xFF])[1...bytes.count]) == Point(x: 1, y: 2))
    }

    // MARK: Integers

    @Test(arguments: mpLayouts)
    func everyScalarTypeRoundTripsAtItsMinimumAndMaximum(_ layout: MsgPackOptions.StructLayout) throws {
        let options = MsgPackOptions(structs: layout)
        #expect(try MsgPack.decode(AllScalars.self, from: MsgPack.encode(AllScalars.minimums, options: options)) == AllScalars.minimums)
        #expect(try MsgPack.decode(AllScalars.self, from: MsgPack.encode(AllScalars.maximums, options: options)) == AllScalars.maximums)
    }

    @Test func everyIntegerWidthRoundTripsAtItsExtremes() throws {
        func roundTrip<T: Serializable & Deserializable & Equatable>(_ values: [T]) throws {
            #expect(try MsgPack.decode([T].self, from: MsgPack.encode(values)) == values, "\(T.self)")
            for value in values { #expect(try MsgPack.decode(T.self, from: MsgPack.encode(value)) == value, "\(T.self) \(value)") }
        }
        try roundTrip([Int8.min, -1, 0, 1, Int8.max])
        try roundTrip([Int16.min, Int16(Int8.min) - 1, Int16(Int8.max) + 1, Int16.max])
        try roundTrip([Int32.min, Int32(Int16.min) - 1, Int32(Int16.max) + 1, Int32.max])
        try roundTrip([Int64.min, Int64(Int32.min) - 1, Int64(Int32.max) + 1, Int64.max])
        try roundTrip([Int.min, Int.max])
        try roundTrip([UInt8.min, UInt8.max])
        try roundTrip([UInt16.min, UInt16(UInt8.max) + 1, UInt16.max])
        try roundTrip([UInt32.min, UInt32(UInt16.max) + 1, UInt32.max])
        try roundTrip([UInt64.min, UInt64(UInt32.max) + 1, UInt64(Int64.max), UInt64(Int64.max) + 1, UInt64.max])
        try roundTrip([UInt.min, UInt.max])
    }

    @Test func uint64MaxRoundTripsAsValueAndRefusesSignedTypes() throws {
        #expect(Array(try MsgPack.encode(UInt64.max)) == [0xCF] + [UInt8](repeating: 0xFF, count: 8))
        #expect(try MsgPack.decode(UInt64.self, from: MsgPack.encode(UInt64.max)) == .max)
        #expect(try MsgPack.decode(Value.self, from: MsgPack.encode(UInt64.max)) == .uint(.max))
        #expect(try MsgPack.decode(Value.self, from: MsgPack.encode(Int64.min)) == .int(.min))
        #expect(try MsgPack.decode(Value.self, from: MsgPack.encode(Value.uint(.max))) == .uint(.max))
        let error = expectLodumError { _ = try MsgPack.decode(Int64.self, from: MsgPack.encode(UInt64.max)) }
        #expect(error?.kind == .numberOutOfRange("18446744073709551615", type: "Int64"))
        let negative = expectLodumError { _ = try MsgPack.decode(UInt64.self, from: MsgPack.encode(-1)) }
        #expect(negative?.kind == .numberOutOfRange("-1", type: "UInt64"))
    }

    static let overflows: [Overflow] = [
        Overflow(input: "300", type: "UInt8") { _ = try MsgPack.decode(UInt8.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "-1", type: "UInt8") { _ = try MsgPack.decode(UInt8.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "128", type: "Int8") { _ = try MsgPack.decode(Int8.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "-129", type: "Int8") { _ = try MsgPack.decode(Int8.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "65536", type: "UInt16") { _ = try MsgPack.decode(UInt16.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "-32769", type: "Int16") { _ = try MsgPack.decode(Int16.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "4294967296", type: "UInt32") { _ = try MsgPack.decode(UInt32.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "-2147483649", type: "Int32") { _ = try MsgPack.decode(Int32.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "-1", type: "UInt64") { _ = try MsgPack.decode(UInt64.self, from: MsgPack.encode(Int64($0)!)) },
        Overflow(input: "9223372036854775808", type: "Int64") { _ = try MsgPack.decode(Int64.self, from: MsgPack.encode(UInt64($0)!)) },
        Overflow(input: "1e19", type: "Int64") { _ = try MsgPack.decode(Int64.self, from: MsgPack.encode(Double($0)!)) },
        Overflow(input: "-1e300", type: "UInt64") { _ = try MsgPack.decode(UInt64.self, from: MsgPack.encode(Double($0)!)) },
        Overflow(input: "inf", type: "Int") { _ = try MsgPack.decode(Int.self, from: MsgPack.encode(Double($0)!)) },
    ]

    @Test(arguments: overflows)
    func integerThatDoesNotFitIsAnErrorNotATrap(_ overflow: Overflow) {
        let error = expectLodumError { try overflow.decode(overflow.input) }
        guard case .numberOutOfRange? = error?.kind else {
            Issue.record("expected numberOutOfRange, got \(String(describing: error))")
            return
        }
    }

    @Test func integralFloatsReadAsIntegersAndFractionsDoNot() throws {
        #expect(try MsgPack.decode(Int.self, from: MsgPack.encode(3.0)) == 3)
        #expect(try MsgPack.decode(UInt8.self, from: MsgPack.encode(Float(255))) == 255)
        #expect(try MsgPack.decode(Int64.self, from: MsgPack.encode(-0.0)) == 0)
        #expect(expectLodumError { _ = try MsgPack.decode(Int.self, from: MsgPack.encode(1.5)) }?.kind == .typeMismatch(expected: "Int", found: "Float"))
        _ = expectLodumError { _ = try MsgPack.decode(Int.self, from: MsgPack.encode(Double.nan)) }
        #expect(try MsgPack.decode(Double.self, from: MsgPack.encode(-7)) == -7)
        #expect(try MsgPack.decode(Double.self, from: MsgPack.encode(UInt64.max)) == 18446744073709551615.0)
    }

    // MARK: Floating point

    static let specialDoubles: [Double] = [
        0, -0.0, 0.1, -1.5, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
        Double(bitPattern: 0x000F_FFFF_FFFF_FFFF), .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .infinity, -.infinity, .nan, -.nan, .signalingNaN, Double(bitPattern: 0x7FF8_0000_DEAD_BEEF),
        Double(bitPattern: 0xFFF0_0000_0000_0001), .pi, 1e300, 9007199254740991,
    ]

    @Test(arguments: specialDoubles)
    func doubleIsFloat64AndRoundTripsBitForBit(_ value: Double) throws {
        let bytes = Array(try MsgPack.encode(value))
        #expect(bytes == [0xCB] + withUnsafeBytes(of: value.bitPattern.bigEndian, Array.init))
        #expect(try MsgPack.decode(Double.self, from: bytes).bitPattern == value.bitPattern)
        guard case .double(let inTree) = try MsgPack.decode(Value.self, from: bytes) else {
            Issue.record("not a double")
            return
        }
        #expect(inTree.bitPattern == value.bitPattern)
        #expect(Array(try MsgPack.encode(Value.double(value))) == bytes)
    }

    static let specialFloats: [Float] = [
        0, -0.0, 0.1, 1.5, .leastNonzeroMagnitude, .leastNormalMagnitude, Float(bitPattern: 0x007F_FFFF),
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, -.nan,
        Float(bitPattern: 0x7FC0_BEEF), 16_777_215,
    ]

    @Test(arguments: specialFloats)
    func floatStaysFloat32OnTheWireBitForBit(_ value: Float) throws {
        let bytes = Array(try MsgPack.encode(value))
        #expect(bytes == [0xCA] + withUnsafeBytes(of: value.bitPattern.bigEndian, Array.init))
        #expect(try MsgPack.decode(Float.self, from: bytes).bitPattern == value.bitPattern)
        // Widening to Double is exact.
        let wide = try MsgPack.decode(Double.self, from: bytes)
        #expect(wide.isNaN ? value.isNaN : wide == Double(value))
    }

    @Test func floatFieldsOfAStructAreFloat32() throws {
        let item = MPItem(sku: "s", price: 0.5, quantity: 1, ratio: 0.5)
        let bytes = Array(try MsgPack.encode(item, options: MsgPackOptions(structs: .arrays)))
        #expect(bytes == [0x94, 0xA1, 0x73, 0xCB, 0x3F, 0xE0, 0, 0, 0, 0, 0, 0, 0x01, 0xCA, 0x3F, 0, 0, 0])
        // A float64 on the wire narrows into a Float field.
        #expect(try MsgPack.decode(Float.self, from: MsgPack.encode(0.1)) == Float(0.1))
    }

    @Test func randomBitPatternDoublesAndFloatsRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0xD0_0B1E)
        let doubles = (0..<3000).map { _ in Double(bitPattern: generator.next()) }
        let backDoubles = try MsgPack.decode([Double].self, from: MsgPack.encode(doubles))
        #expect(backDoubles.map(\.bitPattern) == doubles.map(\.bitPattern))
        let floats = (0..<3000).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())) }
        let backFloats = try MsgPack.decode([Float].self, from: MsgPack.encode(floats))
        #expect(backFloats.map(\.bitPattern) == floats.map(\.bitPattern))
    }

    // MARK: Strings and bytes

    static let strings: [String] = [
        "", "a", "\u{0}", "a\u{0}b\u{0}", String(repeating: "x", count: 31), String(repeating: "x", count: 32),
        String(repeating: "é", count: 128), String(repeating: "ab", count: 32_768), String(repeating: "€😀", count: 10_000),
        // One character of every plane: BMP, SMP, SIP, TIP, SSP and the private use planes, up to U+10FFFF.
        ["\u{1}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFD}", "\u{FFFF}", "\u{10000}", "\u{1F600}", "\u{20000}",
         "\u{2FFFF}", "\u{30000}", "\u{E0001}", "\u{F0000}", "\u{10FFFF}"].joined(),
    ]

    @Test(arguments: strings.map(MPSample.init))
    func stringRoundTripsThroughEveryReader(_ sample: MPSample<String>) throws {
        let text = sample.value
        let bytes = Array(try MsgPack.encode(text))
        #expect(try MsgPack.decode(String.self, from: bytes) == text)
        #expect(try MsgPack.load(String.self, from: CountingSource(bytes, chunkSize: 1000)) == text)
        // Followed by more values, inside a container.
        let list = [text, "tail", text]
        let listBytes = Array(try MsgPack.encode(list))
        #expect(try MsgPack.decode([String].self, from: listBytes) == list)
        #expect(try MsgPack.load([String].self, from: CountingSource(listBytes, chunkSize: 777)) == list)
        #expect(try mpDrain(MsgPack.stream(String.self, from: CountingSource(listBytes, chunkSize: 4096))) == list)
        #expect(try MsgPack.decode(Value.self, from: listBytes) == .array(list.map(Value.string)))
    }

    @Test func longStringIsStr32AndLoadsThroughTheWindow() throws {
        let long = String(repeating: "0123456789abcdef", count: 5_000)
        #expect(long.utf8.count > 65_535)
        let bytes = Array(try MsgPack.encode([MPLabel(label: long), MPLabel(label: "short")]))
        #expect(Array(bytes[0...7]) == [0x92, 0x81, 0xA5] + Array("label".utf8))
        #expect(bytes[8] == 0xDB)
        for chunk in [1, 1000, 70_000] {
            let labels = try MsgPack.load([MPLabel].self, from: CountingSource(bytes, chunkSize: chunk))
            #expect(labels.map(\.label) == [long, "short"], "chunk \(chunk)")
        }
    }

    @Test func payloadLongerThanASliceFollowedByManySmallValues() throws {
        // Thousands of one-byte values right after a payload longer than the reader's slice
        // of the input: the reader must go back to slices its event queue can hold.
        for long in [5_000, 70_000] {
            let value = Value.array([.string(String(repeating: "s", count: long)), .bytes([UInt8](repeating: 1, count: long))]
                + [Value](repeating: .int(1), count: 9_000) + [.string("end")])
            let bytes = Array(try MsgPack.encode(value))
            #expect(try MsgPack.decode(Value.self, from: bytes) == value)
            for chunk in [1 << 20, 4096] {
                #expect(try MsgPack.load(Value.self, from: CountingSource(bytes, chunkSize: chunk)) == value, "chunk \(chunk)")
            }
        }
    }

    @Test func invalidUTF8InAStringIsAnError() {
        let error = expectLodumError { _ = try MsgPack.decode(String.self, from: [0xA2, 0xC3, 0x28]) }
        #expect(error?.position == .binary(offset: 0))
        _ = expectLodumError { _ = try MsgPack.decode([String: Int].self, from: [0x81, 0xA1, 0xFF, 0x01]) }
    }

    static let byteStrings: [[UInt8]] = [[], [0], [0x00, 0xFF], Array(0...255), [UInt8](repeating: 0xAB, count: 70_000)]

    @Test(arguments: byteStrings.map(MPSample.init))
    func bytesAreBinAndRoundTripThroughValue(_ sample: MPSample<[UInt8]>) throws {
        let bytes = sample.value
        let encoded = Array(try MsgPack.encode(Value.bytes(bytes)))
        let header: UInt8 = bytes.count < 256 ? 0xC4 : bytes.count < 65_536 ? 0xC5 : 0xC6
        #expect(encoded.first == header)
        #expect(Array(encoded.suffix(bytes.count)) == bytes)
        #expect(try MsgPack.decode(Value.self, from: encoded) == .bytes(bytes))
        #expect(try MsgPack.load(Value.self, from: CountingSource(encoded, chunkSize: 999)) == .bytes(bytes))
        let blob = MPBlob(name: "b", payload: .bytes(bytes))
        #expect(try MsgPack.decode(MPBlob.self, from: MsgPack.encode(blob)) == blob)
    }

    // MARK: Value trees

    static let valueTree: Value = mpObject([
        "null": .null,
        "bool": .bool(true),
        "false": .bool(false),
        "int": .int(-42),
        "min": .int(.min),
        "big": .uint(.max),
        "double": .double(2.5),
        "integral double": .double(3),
        "inf": .double(.infinity),
        "string": .string("text"),
        "empty": .string(""),
        "bytes": .bytes([0, 1, 2, 254, 255]),
        "array": .array([.int(1), .string(""), .null, .array([]), .object([]), .bytes([])]),
        "object": mpObject(["nested": mpObject(["deep": .array([.double(-0.5)])])]),
    ])

    @Test func valueTreeRoundTripsKeepingKindsAndMemberOrder() throws {
        let back = try MsgPack.decode(Value.self, from: MsgPack.encode(Self.valueTree))
        #expect(back == Self.valueTree)
        guard case .object(let members) = back, case .object(let expected) = Self.valueTree else {
            Issue.record("not an object: \(back)")
            return
        }
        #expect(members.map(\.key) == expected.map(\.key))
        #expect(members.map(\.value.kind) == expected.map(\.value.kind))
        // An integral double stays a double: float64 on the wire.
        #expect(back["integral double"]?.kind == .double)
    }

    @Test func valueTranscodesFromJSONAndBack() throws {
        let json = #"{"a":[1,-2,2.5,"x",null,true,{"b":[]}],"big":18446744073709551615}"#
        let value = try JSON.decode(Value.self, from: json)
        let back = try MsgPack.decode(Value.self, from: MsgPack.encode(value))
        #expect(back == value)
        #expect(try JSON.encodeString(back) == json)
    }

    @Test func structReadsFromAValueTreeWrittenAsMessagePack() throws {
        let value = try Value(from: Self.inventory)
        #expect(try MsgPack.decode(MPInventory.self, from: MsgPack.encode(value)) == Self.inventory)
        #expect(try MsgPack.decode(Value.self, from: MsgPack.encode(Self.inventory)) == value)
    }

    // MARK: Codable

    static let order = MPCodableOrder(
        id: .max, status: .shipped, lines: [CodableLine(product: "tea", count: -3), CodableLine(product: "", count: 127)],
        notes: ["gift": "yes", "": "empty"], discount: nil, weight: 0.25, origin: Location(x: 1, y: -1))

    @Test func codableTypeRoundTripsThroughEncodeAndDecode() throws {
        #expect(try MsgPack.decode(MPCodableOrder.self, from: MsgPack.encode(Self.order)) == Self.order)
        #expect(try MsgPack.decode(MPCodableOrder.self, from: MsgPack.encode(Self.order, options: MsgPackOptions(structs: .arrays))) == Self.order)
    }

    @Test func codableTypeEncodesLikeTheEquivalentLodumType() throws {
        #expect(try MsgPack.encode(CodableRecord(id: 7, name: "seven")) == MsgPack.encode(Record(id: 7, name: "seven")))
        #expect(try MsgPack.decode(CodableRecord.self, from: MsgPack.encode(Record(id: 7, name: "seven"))) == CodableRecord(id: 7, name: "seven"))
    }

    @Test func codableRoundTripsThroughDumpLoadStreamAndDocuments() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("order.msgpack")
            try MsgPack.dump(Self.order, to: url)
            #expect(try MsgPack.load(MPCodableOrder.self, from: url) == Self.order)

            let records = (0..<50).map { CodableRecord(id: $0, name: "n\($0)") }
            try MsgPack.dump(contentsOf: records, to: url)
            #expect(try mpDrain(MsgPack.stream(CodableRecord.self, from: url)) == records)
            #expect(try mpDrain(MsgPack.stream(CodableRecord.self, from: CountingSource(Array(Data(contentsOf: url)), chunkSize: 5))) == records)

            try MsgPack.dump(documents: records, to: url)
            #expect(try mpDrain(MsgPack.documents(CodableRecord.self, from: url)) == records)
        }
    }

    @Test func codableMismatchIsALodumErrorWithThePath() throws {
        let bytes = try MsgPack.encode(Value.array([
            mpObject(["id": .int(1), "name": .string("a")]), mpObject(["id": .string("x"), "name": .string("b")]),
        ]))
        let error = expectLodumError { _ = try MsgPack.decode([CodableRecord].self, from: bytes) }
        #expect(error?.path.description == "[1].id")
    }

    // MARK: Every verb

    @Test(arguments: mpLayouts)
    func dumpAndLoadRoundTripThroughAFile(_ layout: MsgPackOptions.StructLayout) throws {
        let options = MsgPackOptions(structs: layout)
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("inventory.mpk")
            try MsgPack.dump(Self.inventory, to: url, options: options)
            #expect(try MsgPack.load(MPInventory.self, from: url) == Self.inventory)
            #expect(try Data(contentsOf: url) == MsgPack.encode(Self.inventory, options: options))
            try MsgPack.dump(Self.valueTree, to: url)
            #expect(try MsgPack.load(Value.self, from: url) == Self.valueTree)
        }
    }


    @Test(arguments: [1, 2, 7, 4096])
    func loadFromAChunkedSourceMatchesDecode(chunkSize: Int) throws {
        for layout in mpLayouts {
            let bytes = Array(try MsgPack.encode(Self.inventory, options: MsgPackOptions(structs: layout)))
            let source = CountingSource(bytes, chunkSize: chunkSize)
            #expect(try MsgPack.load(MPInventory.self, from: source) == Self.inventory)
            #expect(source.isDrained)
            #expect(try MsgPack.load(Value.self, from: CountingSource(bytes, chunkSize: chunkSize)) == MsgPack.decode(Value.self, from: bytes))
        }
    }

    @Test(arguments: mpLayouts)
    func dumpContentsOfAndStreamRoundTripThroughAFileAndAChunkedSource(_ layout: MsgPackOptions.StructLayout) throws {
        let options = MsgPackOptions(structs: layout)
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("points.msgpack")
            try MsgPack.dump(contentsOf: (0..<3_000).lazy.map { Point(x: $0, y: -$0 * 1000) }, to: url, options: options)
            let expected = (0..<3_000).map { Point(x: $0, y: -$0 * 1000) }
            #expect(try mpDrain(MsgPack.stream(Point.self, from: url)) == expected)
            #expect(try MsgPack.load([Point].self, from: url) == expected)
            let bytes = Array(try Data(contentsOf: url))
            #expect(bytes == Array(try MsgPack.encode(expected, options: options)))
            for chunk in [1, 3, 1000] {
                #expect(try mpDrain(MsgPack.stream(Point.self, from: CountingSource(bytes, chunkSize: chunk))) == expected, "chunk \(chunk)")
            }
        }
    }

    @Test func dumpDocumentsAndDocumentsRoundTripThroughAFileAndAChunkedSource() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.msgpack")
            let records = (0..<500).map { Record(id: $0 * 977, name: String(repeating: "n", count: $0 % 40)) }
            try MsgPack.dump(documents: records, to: url)
            let bytes = Array(try Data(contentsOf: url))
            // Concatenated values, nothing between them.
            #expect(bytes == records.flatMap { (try? MsgPack.encode($0)).map(Array.init) ?? [] })
            #expect(try mpDrain(MsgPack.documents(Record.self, from: url)) == records)
            for chunk in [1, 5, 4096] {
                #expect(try mpDrain(MsgPack.documents(Record.self, from: CountingSource(bytes, chunkSize: chunk))) == records, "chunk \(chunk)")
            }
            // A single value decoded from concatenated documents is an error: bytes follow it.
            let error = expectLodumError { _ = try MsgPack.decode(Record.self, from: bytes) }
            #expect(error?.position == .binary(offset: Array(try MsgPack.encode(records[0])).count))
        }
    }

    @Test func documentsOfScalarsAndValues() throws {
        let values: [Value] = [.int(1), .null, .string("two"), .array([.int(3)]), mpObject(["four": .int(4)]), .bytes([5]), .double(6.5)]
        let sink = RecordingSink()
        try MsgPack.dump(documents: values, to: sink)
        #expect(sink.bytes.prefix(2) == [0x01, 0xC0])
        #expect(try mpDrain(MsgPack.documents(Value.self, from: sink.bytes)) == values)
        #expect(try mpDrain(MsgPack.documents(Value.self, from: CountingSource(sink.bytes, chunkSize: 1))) == values)
        #expect(try mpDrain(MsgPack.documents(Value.self, from: [UInt8]())).isEmpty)
    }

    @Test func streamIteratesWithForTryAwait() async throws {
        var ids: [Int] = []
        for try await record in MsgPack.stream(Record.self, from: try Fixtures.msgpackRecords(count: 100)) {
            ids.append(record.id)
        }
        #expect(ids == Array(0..<100))
    }
}

/// A test argument shown by its size: Swift Testing describes each argument in the test's
/// identity, which long strings and byte arrays should not be.
struct MPSample<Wrapped: Collection & Sendable>: Sendable, CustomTestStringConvertible {
    var value: Wrapped

    init(_ value: Wrapped) { self.value = value }

    var testDescription: String {
        value.count <= 8 ? "\(value)" : "\(Wrapped.self) of \(value.count) elements"
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the array.
    func contains(subsequence needle: [UInt8]) -> Bool {
        firstIndex(ofSubsequence: needle) != nil
    }

    /// Where `needle` first occurs in the array.
    func firstIndex(ofSubsequence needle: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty ? 0 : nil }
        return (0...(count - needle.count)).first { self[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
