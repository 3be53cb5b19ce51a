import Foundation
import Lodum
import LodumTestSupport
import Testing

// The standard types (UUID, URL, Decimal, Data and byte arrays, Set, nested optionals,
// dictionaries with non-string keys) in every format of `Lodum.formats`: round trips
// through the registry, the exact text or bytes each format writes, and bad input as
// errors with a path and a position.

@Lodum struct STIdentified: Equatable, Sendable { var id: UUID }
@Lodum struct STLinked: Equatable, Sendable { var link: URL }
@Lodum struct STPriced: Equatable, Sendable { var price: Decimal }
@Lodum struct STBlob: Equatable, Sendable { var bytes: [UInt8] }
@Lodum struct STData: Equatable, Sendable { var data: Data }
@Lodum struct STTagged: Equatable, Sendable { var tags: Set<String> }
@Lodum struct STMaybe: Equatable, Sendable { var value: Int?? }

enum STDay: Int, MapKey, Sendable { case monday = 1, tuesday }
enum STShade: String, MapKey, Sendable { case light, dark }

/// One of each standard type, as an application model holds them.
@Lodum struct STEverything: Equatable, Sendable {
    var id: UUID
    var link: URL
    var price: Decimal
    var payload: Data
    var bytes: [UInt8]
    var contiguousBytes: ContiguousArray<UInt8>
    var sliceOfBytes: ArraySlice<UInt8>
    var tags: Set<String>
    var byID: [UUID: String]
    var byNumber: [Int: String]
    var byDay: [STDay: Int]
    var byShade: [STShade: Double]
    var maybe: Int??
    var sparse: [Int?]
    var counts: ContiguousArray<Int>

    static let sample = STEverything(
        id: StandardTypesTests.uuid,
        link: URL(string: "https://example.com/a?b=c#d")!,
        price: Decimal(string: "123456789012345678901234567890.5")!,
        payload: Data([0, 1, 2, 255]),
        bytes: [1, 2, 3],
        contiguousBytes: [4, 5],
        sliceOfBytes: [9, 8, 7][1...],
        tags: ["red", "green", "blue"],
        byID: [StandardTypesTests.uuid: "first"],
        byNumber: [1: "one", -20: "minus twenty"],
        byDay: [.tuesday: 8],
        byShade: [.dark: 0.9],
        maybe: .some(.some(3)),
        sparse: [1, nil, 3],
        counts: [10, 20])
}

/// The same, as a Codable type: the bridge hands each standard type to its own
/// conformance, so it is written the same way.
struct STCodableEverything: Codable, Equatable {
    var id: UUID
    var link: URL
    var price: Decimal
    var payload: Data
    var bytes: [UInt8]
    var tags: Set<String>
    var byID: [UUID: String]
}

/// Writes its text through the number-text event, to check what each format accepts.
struct STNumberText: Serializable {
    var text: String
    func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(numberText: text) }
}

/// Reads the number-text event, to check what each format hands over.
struct STReadNumberText: Deserializable, Equatable {
    var text: String
    init(_ text: String) { self.text = text }
    init<D: Deserializer>(from deserializer: inout D) throws { text = try deserializer.readNumberText() }
}

/// The registry entry named `name`. Tests take format names as arguments: they are
/// `Sendable` and read well in test names.
func registeredFormat(_ name: String) throws -> any Format.Type {
    try #require(Lodum.format(named: name))
}

/// `value` written and read back in the format named `name`.
func roundTrip<T: Serializable & Deserializable>(_ value: T, in name: String) throws -> T {
    let format = try registeredFormat(name)
    return try format.decode(T.self, from: format.encode(value))
}

/// A MessagePack document written from a `Value` tree: inputs the writer would never make.
func msgpackInput(_ value: Value) throws -> [UInt8] {
    Array(try MsgPack.encode(value))
}

/// A `Value` object from key-value pairs, in order.
func object(_ members: KeyValuePairs<String, Value>) -> Value {
    .object(members.map { Value.Member(key: $0.key, value: $0.value) })
}

@Suite("Standard types in every format")
struct StandardTypesTests {
    static let uuid = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
    static let uuidText = "e621e1f8-c36c-495a-93fc-0c247a3e6e5f"
    static let formats = Lodum.formats.map { $0.name }

    @Test(arguments: formats)
    func everyStandardTypeRoundTrips(_ format: String) throws {
        #expect(try roundTrip(STEverything.sample, in: format) == STEverything.sample)
    }

    @Test(arguments: formats)
    func everyStandardTypeRoundTripsInsideACodableType(_ format: String) throws {
        let value = STCodableEverything(
            id: Self.uuid, link: URL(string: "docs/a.html")!, price: Decimal(string: "-0.000001")!,
            payload: Data([1, 2]), bytes: [], tags: ["x"], byID: [Self.uuid: "a"])
        #expect(try Self.codableRoundTrip(value, in: registeredFormat(format)) == value)
    }

    /// A generic function, so the registry's existential metatype opens into it and the
    /// verbs' Codable forms are reachable.
    static func codableRoundTrip<F: Format, T: Codable>(_ value: T, in format: F.Type) throws -> T {
        try F.decode(T.self, from: F.encode(value))
    }

    @Test func theBridgeWritesStandardTypesAsTheirOwnConformancesDo() throws {
        let value = STCodableEverything(
            id: Self.uuid, link: URL(string: "https://example.com")!, price: 1.5, payload: Data([1, 2, 3]),
            bytes: [4], tags: [], byID: [:])
        let text = try JSON.encodeString(value, options: JSONOptions(sortedKeys: true))
        // Decimal is a string here: the bridge's `Value` has no case for number text.
        #expect(text == #"{"byID":{},"bytes":"BA==","id":"\#(Self.uuidText)","link":"https://example.com","payload":"AQID","price":"1.5","tags":[]}"#)
    }
}

// MARK: - UUID

@Suite("UUID: lowercase text, read in either case")
struct UUIDTests {
    let uuid = StandardTypesTests.uuid
    let text = StandardTypesTests.uuidText

    @Test func isWrittenAsLowercaseTextInEveryFormat() throws {
        #expect(try JSON.encodeString(uuid) == "\"\(text)\"")
        #expect(try YAML.encodeString(STIdentified(id: uuid)) == "id: \(text)\n")
        // A str 8 of 36 bytes: MessagePack has no UUID type.
        #expect(Array(try MsgPack.encode(uuid)) == [0xD9, 0x24] + Array(text.utf8))
    }

    @Test(arguments: StandardTypesTests.formats)
    func readsUppercaseAndLowercaseText(_ format: String) throws {
        let registered = try registeredFormat(format)
        for spelling in [text, text.uppercased(), "E621e1f8-c36C-495a-93FC-0c247a3e6e5f"] {
            #expect(try registered.decode(UUID.self, from: registered.encode(spelling)) == uuid, "\(spelling)")
        }
    }

    @Test func isAMapKeyWrittenAsItsLowercaseText() throws {
        let names: [UUID: String] = [uuid: "ada"]
        #expect(try JSON.encodeString(names) == #"{"\#(text)":"ada"}"#)
        #expect(try YAML.encodeString(names) == "\(text): ada\n")
        #expect(Array(try MsgPack.encode(names)) == [0x81, 0xD9, 0x24] + Array(text.utf8) + [0xA3] + Array("ada".utf8))
        #expect(try JSON.decode([UUID: String].self, from: #"{"\#(text.uppercased())":"ada"}"#) == names)
    }

    @Test(arguments: StandardTypesTests.formats)
    func aKeyThatIsNoUUIDIsAnErrorAtThatKey(_ format: String) throws {
        let registered = try registeredFormat(format)
        let input = try registered.encode(["not-a-uuid": 1])
        let error = expectLodumError { _ = try registered.decode([UUID: Int].self, from: input) }
        #expect(error?.path.description == #"["not-a-uuid"]"#)
        #expect(error?.reason == #"expected a map key of type UUID, found String "not-a-uuid""#)
    }

    @Test(arguments: ["", "e621e1f8-c36c", "e621e1f8c36c495a93fc0c247a3e6e5f", "{\(StandardTypesTests.uuidText)}",
                      "g621e1f8-c36c-495a-93fc-0c247a3e6e5f", " \(StandardTypesTests.uuidText)"])
    func textThatIsNotTheCanonicalFormIsRefused(_ text: String) {
        let error = expectLodumError { _ = try JSON.decode(UUID.self, from: String(reflecting: text)) }
        #expect(error?.reason == "expected a UUID, found \(LodumError.describeFound("String", String(reflecting: text)))")
    }
}

// MARK: - URL

@Suite("URL: its absolute string")
struct URLTests {
    @Test func isWrittenAsItsAbsoluteString() throws {
        let base = try #require(URL(string: "https://example.com/docs/"))
        let relative = try #require(URL(string: "guide.html?x=1", relativeTo: base))
        #expect(try JSON.encodeString(relative) == #""https://example.com/docs/guide.html?x=1""#)
        #expect(try YAML.encodeString(STLinked(link: relative)) == "link: https://example.com/docs/guide.html?x=1\n")
        #expect(try MsgPack.decode(URL.self, from: MsgPack.encode(relative)) == URL(string: "https://example.com/docs/guide.html?x=1"))
    }

    @Test(arguments: StandardTypesTests.formats)
    func readsAbsoluteAndRelativeReferences(_ format: String) throws {
        for text in ["https://example.com/a%20b?q=1#top", "mailto:ada@example.com", "file:///tmp/a%20b", "docs/a.html", "/root", "#fragment"] {
            let url = try #require(URL(string: text))
            #expect(try roundTrip(url, in: format) == url, "\(text)")
        }
    }

    @Test(arguments: ["", "a b", "http://exa mple.com", "http://[::1", "https://example.com/ü", "100%"])
    func textThatIsNoURLIsAnError(_ text: String) {
        let error = expectLodumError { _ = try JSON.decode(URL.self, from: String(reflecting: text)) }
        #expect(error?.reason == "expected a URL, found \(LodumError.describeFound("String", String(reflecting: text)))")
    }
}

// MARK: - Decimal

@Suite("Decimal: every digit, no Double on the way")
struct DecimalTests {
    static let digits = ["0", "0.1", "-12.5", "123456789012345678901234567890.5", "0.0000001", "-1", "18446744073709551616",
                         "99999999999999999999999999999999999999"]

    @Test(arguments: digits)
    func isWrittenAsABareNumberInJSONAndYAMLAndAsAStringInMessagePack(_ text: String) throws {
        let decimal = try #require(Decimal(string: text))
        #expect(try JSON.encodeString(STPriced(price: decimal)) == #"{"price":\#(text)}"#)
        #expect(try YAML.encodeString(STPriced(price: decimal)) == "price: \(text)\n")
        #expect(try MsgPack.decode(String.self, from: MsgPack.encode(decimal)) == text)
    }

    @Test(arguments: StandardTypesTests.formats, digits)
    func roundTripsExactly(_ format: String, _ text: String) throws {
        let decimal = try #require(Decimal(string: text))
        #expect(try roundTrip(STPriced(price: decimal), in: format).price == decimal)
    }

    /// Decimal's extremes are written with every digit (166 of them for the largest) and
    /// read back to the same value.
    @Test(arguments: StandardTypesTests.formats)
    func extremesRoundTrip(_ format: String) throws {
        let extremes = [Decimal.greatestFiniteMagnitude, -Decimal.greatestFiniteMagnitude, Decimal.leastNonzeroMagnitude]
        #expect(try roundTrip(extremes, in: format) == extremes)
    }

    @Test func jsonReadsTheTokenAsWritten() throws {
        #expect(try JSON.decode(Decimal.self, from: "0.1") == Decimal(string: "0.1"))
        #expect(try JSON.decode(Decimal.self, from: "123456789012345678901234567890.5").description == "123456789012345678901234567890.5")
        #expect(try JSON.decode(Decimal.self, from: "1.5E+3") == 1500)
        #expect(try JSON.decode(Decimal.self, from: "-0") == 0)
        #expect(try JSON.decode(STReadNumberText.self, from: " 1.50e-3 ") == STReadNumberText("1.50e-3"))
    }

    @Test func aStringHoldingANumberIsReadAsThatNumber() throws {
        #expect(try JSON.decode(Decimal.self, from: #""12.50""#) == Decimal(string: "12.5"))
        #expect(try YAML.decode(Decimal.self, from: "'12.50'") == Decimal(string: "12.5"))
        #expect(try MsgPack.decode(Decimal.self, from: MsgPack.encode("+12.50")) == Decimal(string: "12.5"))
    }

    @Test func yamlReadsItsOwnSpellingsOfANumber() throws {
        #expect(try YAML.decode(STReadNumberText.self, from: "+007.50") == STReadNumberText("7.50"))
        #expect(try YAML.decode(STReadNumberText.self, from: ".5") == STReadNumberText("0.5"))
        #expect(try YAML.decode(STReadNumberText.self, from: "0x1F") == STReadNumberText("31"))
        #expect(try YAML.decode(STReadNumberText.self, from: "0o17") == STReadNumberText("15"))
        #expect(try YAML.decode(STReadNumberText.self, from: "!!float 1") == STReadNumberText("1"))
        #expect(try YAML.decode(Decimal.self, from: "123456789012345678901234567890.5").description == "123456789012345678901234567890.5")
    }

    @Test func messagePackReadsNumbersOfEveryKind() throws {
        #expect(try MsgPack.decode(Decimal.self, from: MsgPack.encode(0.1)) == Decimal(string: "0.1"))
        #expect(try MsgPack.decode(Decimal.self, from: MsgPack.encode(-7)) == -7)
        #expect(try MsgPack.decode(Decimal.self, from: MsgPack.encode(UInt64.max)) == Decimal(string: "18446744073709551615"))
        // The default reads a float by its shortest round-trip text.
        #expect(try MsgPack.decode(STReadNumberText.self, from: MsgPack.encode(1e20)) == STReadNumberText("1e+20"))
    }

    @Test func sortedKeysStillWriteABareNumber() throws {
        let prices: [String: Decimal] = ["b": 0.5, "a": Decimal(string: "123456789012345678901234567890.5")!]
        #expect(try JSON.encodeString(prices, options: JSONOptions(sortedKeys: true)) == #"{"a":123456789012345678901234567890.5,"b":0.5}"#)
        #expect(try JSON.encodeString([STPriced(price: 2)], options: .pretty) == "[\n  {\n    \"price\": 2\n  }\n]")
        // An extension value is still the struct it stands for: only number text is bare.
        #expect(try JSON.encodeString(ExtensionValue(type: 0, data: [49]), options: JSONOptions(sortedKeys: true)) == #"{"data":"MQ==","type":0}"#)
    }

    @Test(arguments: StandardTypesTests.formats)
    func nanIsAnErrorOnWrite(_ format: String) throws {
        let registered = try registeredFormat(format)
        let error = expectLodumError { _ = try registered.encode(STPriced(price: .nan)) }
        #expect(error?.path.description == "price")
        #expect(error?.reason == "Decimal NaN cannot be written: it is not a number")
    }
}

// MARK: - Number text

@Suite("Number text: RFC 8259 §6 syntax, checked before it is written")
struct NumberTextTests {
    @Test(arguments: ["0", "-0", "12", "-12.50", "1e5", "1E+5", "0.5e-007", "123456789012345678901234567890.5"])
    func numbersInRFC8259SyntaxAreWrittenAsTheyAre(_ text: String) throws {
        #expect(NumberText.isJSONNumber(text))
        #expect(try JSON.encodeString(STNumberText(text: text)) == text)
        #expect(try YAML.encodeString(STNumberText(text: text)) == text + "\n")
        #expect(try MsgPack.decode(String.self, from: MsgPack.encode(STNumberText(text: text))) == text)
        #expect(try YAML.decode(STReadNumberText.self, from: YAML.encode(STNumberText(text: text))) == STReadNumberText(text))
        #expect(try JSON.decode(STReadNumberText.self, from: JSON.encode(STNumberText(text: text))) == STReadNumberText(text))
    }

    @Test(arguments: StandardTypesTests.formats, ["", "-", "+1", "01", ".5", "1.", "1e", "1e+", "0x10", "NaN", "Infinity", " 1", "1 ", "1,5", "١"])
    func otherTextIsAnErrorInEveryFormat(_ format: String, _ text: String) throws {
        let registered = try registeredFormat(format)
        let error = expectLodumError { _ = try registered.encode([STNumberText(text: text)]) }
        #expect(error?.path.description == "[0]")
        #expect(error?.reason.hasSuffix("is not a number in RFC 8259 §6 syntax") == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("+1", "1"), ("007", "7"), ("-007.50", "-7.50"), (".5", "0.5"), ("-.5e3", "-0.5e3"), ("5.", "5"), ("5.e2", "5e2"),
        ("0", "0"), ("12.50", "12.50"),
    ])
    func looseDecimalLiteralsKeepTheirDigits(_ literal: String, _ expected: String) {
        #expect(NumberText.jsonNumber(fromDecimalLiteral: literal) == expected)
    }

    @Test(arguments: ["", ".", "+", "-", "e5", ".e5", "1e", "0x1F", "1_000", "1.2.3", "12abc", " 1", "--1", "+-1"])
    func otherTextIsNoDecimalLiteral(_ literal: String) {
        #expect(NumberText.jsonNumber(fromDecimalLiteral: literal) == nil)
    }
}

// MARK: - Bytes

@Suite("Bytes: Data and arrays of UInt8")
struct BytesTests {
    @Test func areBase64InJSONBinaryInYAMLAndBinInMessagePack() throws {
        #expect(try JSON.encodeString([UInt8]([1, 2, 3])) == #""AQID""#)
        #expect(try JSON.encodeString(Data([1, 2, 3])) == #""AQID""#)
        #expect(try JSON.encodeString(ContiguousArray<UInt8>([1, 2, 3])) == #""AQID""#)
        #expect(try JSON.encodeString([0, 1, 2, 3][1...] as ArraySlice<UInt8>) == #""AQID""#)
        #expect(try YAML.encodeString(STBlob(bytes: [1, 2, 3])) == "bytes: !!binary AQID\n")
        #expect(try YAML.encodeString(STData(data: Data([1, 2, 3]))) == "data: !!binary AQID\n")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([UInt8]([1, 2, 3])))) == "c4-03-01-02-03")
        #expect(Fixtures.hexString(Array(try MsgPack.encode(Data([1, 2, 3])))) == "c4-03-01-02-03")
        #expect(Fixtures.hexString(Array(try MsgPack.encode(ContiguousArray<UInt8>([1, 2, 3])))) == "c4-03-01-02-03")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([9, 1, 2, 3][1...] as ArraySlice<UInt8>))) == "c4-03-01-02-03")
        #expect(try Value(from: [UInt8]([1, 2])) == .bytes([1, 2]))
    }

    @Test func otherArraysAreStillSequences() throws {
        #expect(try JSON.encodeString([Int8]([1, 2])) == "[1,2]")
        #expect(try JSON.encodeString([UInt16]([1, 2])) == "[1,2]")
        #expect(try JSON.encodeString([[UInt8]]([[1], []])) == #"["AQ==",""]"#)
        #expect(Fixtures.hexString(Array(try MsgPack.encode(ContiguousArray<Int>([1, 2])))) == "92-01-02")
    }

    @Test(arguments: StandardTypesTests.formats, [[], [0], [0xFF], [1, 2, 3], Array(0...255)] as [[UInt8]])
    func roundTripInEveryForm(_ format: String, _ bytes: [UInt8]) throws {
        #expect(try roundTrip(bytes, in: format) == bytes)
        #expect(try roundTrip(Data(bytes), in: format) == Data(bytes))
        #expect(try roundTrip(ContiguousArray(bytes), in: format) == ContiguousArray(bytes))
        let slice = ([7] + bytes)[1...]
        #expect(try roundTrip(slice, in: format) == slice)
        #expect(try roundTrip(STBlob(bytes: bytes), in: format) == STBlob(bytes: bytes))
    }

    /// Byte arrays that other programs wrote as numbers read back in every format.
    @Test(arguments: StandardTypesTests.formats)
    func anArrayOfIntegersIsReadAsBytes(_ format: String) throws {
        let registered = try registeredFormat(format)
        let input = try registered.encode([Int]([1, 2, 255]))
        #expect(try registered.decode([UInt8].self, from: input) == [1, 2, 255])
        #expect(try registered.decode(Data.self, from: input) == Data([1, 2, 255]))
        #expect(try registered.decode(ContiguousArray<UInt8>.self, from: input) == [1, 2, 255])
        #expect(try registered.decode(ArraySlice<UInt8>.self, from: input) == [1, 2, 255])
        #expect(try registered.decode(STBlob.self, from: registered.encode(["bytes": [Int]()])) == STBlob(bytes: []))
    }

    @Test func jsonReadsTheBytesFoundationsEncoderWrites() throws {
        let foundation = try JSONEncoder().encode(STCodableBlob(bytes: [1, 2, 3]))
        #expect(try JSON.decode(STBlob.self, from: foundation) == STBlob(bytes: [1, 2, 3]))
    }

    struct STCodableBlob: Encodable { var bytes: [UInt8] }
}

// MARK: - Set

@Suite("Set: a sequence, each element once")
struct SetTests {
    @Test(arguments: StandardTypesTests.formats)
    func roundTripsAsASequence(_ format: String) throws {
        let tags: Set<String> = ["a", "b", "c", "d"]
        #expect(try roundTrip(tags, in: format) == tags)
        #expect(try roundTrip(Set<Int>(), in: format) == [])
        let registered = try registeredFormat(format)
        // Written in the set's own order: the same elements, as a plain sequence.
        #expect(try Set(registered.decode([String].self, from: registered.encode(tags))) == tags)
    }

    @Test func isWrittenInIterationOrder() throws {
        let numbers: Set<Int> = [5, 3, 8]
        #expect(try JSON.encodeString(numbers) == "[" + numbers.map(String.init).joined(separator: ",") + "]")
    }
}

// MARK: - Optionals, arrays and dictionaries

@Suite("Nested optionals, arrays of optionals and non-string keys")
struct OptionalAndKeyTests {
    @Test(arguments: StandardTypesTests.formats)
    func bothNilsOfANestedOptionalWriteNullAndReadAsTheOuterNil(_ format: String) throws {
        let registered = try registeredFormat(format)
        let outer: Int?? = .none
        let inner: Int?? = .some(.none)
        #expect(try registered.encode(outer) == registered.encode(inner))
        #expect(try registered.encode(inner) == registered.encode(Int?.none))
        #expect(try registered.decode(Int??.self, from: registered.encode(inner)) == .none)
        #expect(try roundTrip(Int??.some(.some(3)), in: format) == .some(.some(3)))
        #expect(try roundTrip(STMaybe(value: .some(nil)), in: format) == STMaybe(value: nil))
    }

    @Test func nestedNilIsNullInEachFormat() throws {
        #expect(try JSON.encodeString(Int??.some(nil)) == "null")
        #expect(try YAML.encodeString(Int??.some(nil)) == "null\n")
        #expect(Array(try MsgPack.encode(Int??.some(nil))) == [0xC0])
    }

    @Test(arguments: StandardTypesTests.formats)
    func arraysOfOptionalsAndContiguousArraysRoundTrip(_ format: String) throws {
        #expect(try roundTrip([1, nil, 3] as [Int?], in: format) == [1, nil, 3])
        #expect(try roundTrip([nil] as [String?], in: format) == [nil])
        #expect(try roundTrip(ContiguousArray([1.5, -2]), in: format) == ContiguousArray([1.5, -2]))
        #expect(try roundTrip(ContiguousArray([STIdentified(id: StandardTypesTests.uuid)]), in: format).count == 1)
    }

    @Test func arraysOfOptionalsAreWrittenWithNulls() throws {
        #expect(try JSON.encodeString([1, nil, 3] as [Int?]) == "[1,null,3]")
        #expect(try YAML.encodeString([1, nil, 3] as [Int?]) == "- 1\n- null\n- 3\n")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([1, nil, 3] as [Int?]))) == "93-01-c0-03")
    }

    @Test(arguments: StandardTypesTests.formats)
    func dictionariesWithIntegerUUIDAndEnumKeysRoundTrip(_ format: String) throws {
        let numbers: [Int: String] = [1: "a", -20: "b", Int.max: "c"]
        #expect(try roundTrip(numbers, in: format) == numbers)
        #expect(try roundTrip([UInt64.max: true], in: format) == [UInt64.max: true])
        #expect(try roundTrip([StandardTypesTests.uuid: [1, 2]], in: format) == [StandardTypesTests.uuid: [1, 2]])
        #expect(try roundTrip([STDay.monday: 1, .tuesday: 2], in: format) == [.monday: 1, .tuesday: 2])
        #expect(try roundTrip([STShade.light: 0.5], in: format) == [.light: 0.5])
    }

    @Test func integerKeysAreTextInJSONAndYAMLAndIntegersInMessagePack() throws {
        #expect(try JSON.encodeString([1: "a"] as [Int: String]) == #"{"1":"a"}"#)
        // YAML does not claim non-string keys: an integer key is written as text, quoted so
        // it stays text, and reads back from either form.
        #expect(try YAML.encodeString([1: "a"] as [Int: String]) == "'1': a\n")
        #expect(try YAML.encodeString([UInt64.max: "a"]) == "'18446744073709551615': a\n")
        #expect(try YAML.encodeString([STDay.tuesday: 8]) == "'2': 8\n")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([1: "a"] as [Int: String]))) == "81-01-a1-61")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([-1: "a"] as [Int: String]))) == "81-ff-a1-61")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([STDay.tuesday: 8]))) == "81-02-08")
        // Either form of key reads back into the key type.
        #expect(try YAML.decode([Int: String].self, from: "'1': a\n2: b\n") == [1: "a", 2: "b"])
        #expect(try MsgPack.decode([Int: String].self, from: MsgPack.encode(["7": "a"])) == [7: "a"])
    }
}

// MARK: - Bad input

/// Input a type must refuse, in one format, with where the error must point.
struct STBadInput: Sendable, CustomTestStringConvertible {
    var format: String
    var input: [UInt8]
    /// The byte offset of the value the error is about.
    var offset: Int
    var path: String
    var reason: String
    var decode: @Sendable ([UInt8]) throws -> Void

    var testDescription: String { "\(format) \(String(decoding: input, as: UTF8.self).debugDescription): \(reason)" }

    /// JSON or YAML text; the error is at the first occurrence of `marker`.
    static func text<T: Deserializable & Sendable>(
        _ format: String, _ type: T.Type, _ text: String, at marker: String, path: String, _ reason: String
    ) -> STBadInput {
        let input = Array(text.utf8)
        let offset = text.utf8.count - (text.range(of: marker).map { text[$0.lowerBound...].utf8.count } ?? -1)
        return STBadInput(format: format, input: input, offset: offset, path: path, reason: reason) { input in
            if format == "json" { _ = try JSON.decode(T.self, from: input) } else { _ = try YAML.decode(T.self, from: input) }
        }
    }

    /// A MessagePack document written from `value`; the error is at byte `offset`.
    static func msgpack<T: Deserializable & Sendable>(
        _ type: T.Type, _ value: Value, at offset: Int, path: String, _ reason: String
    ) -> STBadInput {
        let input = (try? msgpackInput(value)) ?? []
        return STBadInput(format: "msgpack", input: input, offset: offset, path: path, reason: reason) { input in
            _ = try MsgPack.decode(T.self, from: input)
        }
    }
}

@Suite("Bad input for the standard types: errors with a path and a position")
struct StandardTypesErrorTests {
    static let shortUUID = #"found String "e621e1f8-c36c""#
    static let duplicate = #"expected distinct elements of a Set, found a duplicate "a""#

    static let cases: [STBadInput] = [
        // UUID
        .text("json", STIdentified.self, #"{"id": "e621e1f8-c36c"}"#, at: #""e621"#, path: "id", "expected a UUID, \(shortUUID)"),
        .text("json", [STIdentified].self, "[\n{\"id\":\"\(StandardTypesTests.uuidText)\"},\n {\"id\": \"x\"}]", at: #""x""#,
              path: "[1].id", #"expected a UUID, found String "x""#),
        .text("yaml", STIdentified.self, "id: e621e1f8-c36c\n", at: "e621", path: "id", "expected a UUID, \(shortUUID)"),
        .text("yaml", STIdentified.self, "id: 'e621e1f8-c36c'\n", at: "'", path: "id", "expected a UUID, \(shortUUID)"),
        .msgpack(STIdentified.self, object(["id": .string("e621e1f8-c36c")]), at: 4, path: "id", "expected a UUID, \(shortUUID)"),
        // URL
        .text("json", STLinked.self, #"{"link":"http://exa mple.com"}"#, at: #""http"#, path: "link",
              #"expected a URL, found String "http://exa mple.com""#),
        .text("yaml", STLinked.self, "link: http://exa mple.com\n", at: "http", path: "link",
              #"expected a URL, found String "http://exa mple.com""#),
        .msgpack(STLinked.self, object(["link": .string("")]), at: 6, path: "link", #"expected a URL, found String """#),
        // Decimal
        .text("json", STPriced.self, #"{"price": 1e200}"#, at: "1e200", path: "price", "number 1e200 does not fit in Decimal"),
        .text("json", STPriced.self, #"{"price":1234567890123456789012345678901234567891}"#, at: "1234", path: "price",
              "number 1234567890123456789012345678901234567891 does not fit in Decimal"),
        .text("json", STPriced.self, #"{"price":"12,50"}"#, at: #""12"#, path: "price", #"expected a number, found String "12,50""#),
        .text("json", STPriced.self, #"{"price":true}"#, at: "true", path: "price", "expected a number, found Bool"),
        .text("yaml", STPriced.self, "price: abc\n", at: "abc", path: "price", #"expected a number, found String "abc""#),
        .text("yaml", STPriced.self, "price: .nan\n", at: ".nan", path: "price", "expected a decimal number, found Number .nan"),
        .text("yaml", STPriced.self, "price: -1e-200\n", at: "-1e", path: "price", "number -1e-200 does not fit in Decimal"),
        .msgpack(STPriced.self, object(["price": .string("abc")]), at: 7, path: "price", #"expected a number, found String "abc""#),
        .msgpack(STPriced.self, object(["price": .bool(true)]), at: 7, path: "price", "expected a number, found Bool"),
        .msgpack(STPriced.self, object(["price": .double(.infinity)]), at: 7, path: "price", "expected a decimal number, found Number inf"),
        .msgpack(STPriced.self, object(["price": .string("1e200")]), at: 7, path: "price", "number 1e200 does not fit in Decimal"),
        // Bytes
        .text("json", STBlob.self, #"{"bytes":[1, 256]}"#, at: "256", path: "bytes[1]", "number 256 does not fit in UInt8"),
        .text("json", STBlob.self, #"{"bytes":[-1]}"#, at: "-1", path: "bytes[0]", "number -1 does not fit in UInt8"),
        .text("json", STBlob.self, #"{"bytes": "%%%"}"#, at: #""%"#, path: "bytes", #"expected base64 bytes, found String "%%%""#),
        .text("json", STBlob.self, #"{"bytes":true}"#, at: "true", path: "bytes", "expected Bytes, found Bool true"),
        .text("json", STData.self, #"{"data":[0,1.5]}"#, at: "1.5", path: "data[1]", "expected Int, found Number 1.5"),
        .text("yaml", STBlob.self, "bytes: [1, 256]\n", at: "256", path: "bytes[1]", "number 256 does not fit in UInt8"),
        .text("yaml", STBlob.self, "bytes:\n- -1\n", at: "-1", path: "bytes[0]", "number -1 does not fit in UInt8"),
        .text("yaml", STBlob.self, "bytes: '%%%'\n", at: "'", path: "bytes", #"expected base64 bytes, found String "%%%""#),
        .text("yaml", STData.self, "data: !!binary '%%%'\n", at: "!!", path: "data", #"expected base64 bytes, found String "%%%""#),
        .msgpack(STBlob.self, object(["bytes": .array([.int(1), .int(256)])]), at: 9, path: "bytes[1]", "number 256 does not fit in UInt8"),
        .msgpack(STBlob.self, object(["bytes": .array([.int(-1)])]), at: 8, path: "bytes[0]", "number -1 does not fit in UInt8"),
        .msgpack(STData.self, object(["data": .bool(true)]), at: 6, path: "data", "expected Bytes, found Bool true"),
        // Set
        .text("json", STTagged.self, #"{"tags":["a","b","a"]}"#, at: #""a"]"#, path: "tags[2]", duplicate),
        .text("yaml", STTagged.self, "tags: [a, b, a]\n", at: "a]", path: "tags[2]", duplicate),
        .msgpack(STTagged.self, object(["tags": .array([.string("a"), .string("b"), .string("a")])]), at: 11, path: "tags[2]", duplicate),
    ]

    @Test(arguments: cases)
    func isAnErrorAtThePathAndPositionOfTheBadValue(_ bad: STBadInput) {
        let error = expectLodumError { try bad.decode(bad.input) }
        #expect(error?.reason == bad.reason)
        #expect(error?.path.description == bad.path)
        #expect(error?.position?.offset == bad.offset, "\(String(describing: error))")
    }

    @Test func aMalformedUUIDReportsLineAndColumn() {
        let error = expectLodumError { _ = try JSON.decode(STIdentified.self, from: "{\n  \"id\": \"12-34\"\n}") }
        #expect(error?.description == #"Error at id (line 2, column 9): expected a UUID, found String "12-34""#)
    }

    /// The string's start is kept across refills of a streaming reader's window.
    @Test func aMalformedUUIDIsPositionedWhenStreamedInSmallChunks() throws {
        let good = (0..<20).map { _ in "{\"id\":\"\(StandardTypesTests.uuidText)\"}" }
        let text = "[" + (good + [#"{"id":"not-a-uuid-at-all"}"#]).joined(separator: ",") + "]"
        let expected = text.utf8.count - text[try #require(text.range(of: #""not-a"#)).lowerBound...].utf8.count
        for chunkSize in [1, 7, 64] {
            let error = expectLodumError {
                var stream = JSON.stream(STIdentified.self, from: CountingSource(Array(text.utf8), chunkSize: chunkSize))
                while try stream.next() != nil {}
            }
            #expect(error?.position?.offset == expected, "chunks of \(chunkSize): \(String(describing: error))")
            #expect(error?.reason == #"expected a UUID, found String "not-a-uuid-at-all""#)
        }
    }

    /// A timestamp read from text was reported at the last integer read, not at its string.
    @Test func aMalformedTimestampIsPositionedAtItsString() {
        let error = expectLodumError { _ = try JSON.decode([Date].self, from: #"["2018-01-02T03:04:05Z", "yesterday"]"#) }
        #expect(error?.position?.offset == 25)
        #expect(error?.path.description == "[1]")
    }
}
