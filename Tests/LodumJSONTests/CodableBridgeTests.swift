import Foundation
import Lodum
import LodumTestSupport
import Testing

// MARK: Models

/// Codable with renamed keys and a custom decoding strategy.
struct RenamedCodable: Codable, Equatable {
    var firstName: String
    var score: Int

    enum CodingKeys: String, CodingKey {
        case firstName = "first_name"
        case score = "points"
    }

    init(firstName: String, score: Int) {
        self.firstName = firstName
        self.score = score
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        firstName = try container.decode(String.self, forKey: .firstName)
        score = try container.decodeIfPresent(Int.self, forKey: .score) ?? -1
    }
}

/// A Codable type inside a Lodum one.
@Lodum struct Shipment: Equatable {
    var reference: String
    var order: CodableOrder
    var contacts: [RenamedCodable]
    var optionalOrder: CodableOrder?
}

/// A type that is both: the direct path must win, even inside a Codable parent.
@Lodum struct DualPoint: Codable, Equatable {
    var x: Int
    var y: Int

    enum CodingKeys: String, CodingKey {
        case x = "codable_x"
        case y = "codable_y"
    }
}

struct CodableHoldingDual: Codable, Equatable {
    var point: DualPoint
}

// MARK: Tests

@Suite("Codable types work through every verb")
struct CodableBridgeTests {
    static let order = CodableOrder(
        id: .max, status: .shipped, lines: [CodableLine(product: "tea", count: -3), CodableLine(product: "", count: 127)],
        notes: ["gift": "yes"], discount: nil, origin: Location(x: 1, y: -1))

    @Test func codableTypeEncodesLikeTheEquivalentLodumType() throws {
        #expect(try JSON.encodeString(CodableRecord(id: 7, name: "seven")) == JSON.encodeString(Record(id: 7, name: "seven")))
    }

    @Test func codableTypeRoundTripsThroughEncodeAndDecode() throws {
        let back = try JSON.decode(CodableOrder.self, from: JSON.encode(Self.order))
        #expect(back == Self.order)
    }

    @Test func codableRoundTripsThroughDumpAndLoad() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("order.json")
            try JSON.dump(Self.order, to: url)
            #expect(try JSON.load(CodableOrder.self, from: url) == Self.order)
        }
    }

    @Test func codableElementsStreamFromAFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.json")
            let records = (0..<500).map { CodableRecord(id: $0, name: "n\($0)") }
            try JSON.dump(contentsOf: records, to: url)
            var stream = JSON.stream(CodableRecord.self, from: url)
            var back: [CodableRecord] = []
            while let record = try stream.next() { back.append(record) }
            #expect(back == records)
        }
    }

    @Test func codableElementsStreamFromAsyncChunks() async throws {
        let chunks = AsyncStream<[UInt8]> { continuation in
            continuation.yield(Fixtures.bytes(#"[{"id":1,"name":"a"},"#))
            continuation.yield(Fixtures.bytes(#"{"id":2,"name":"b"}]"#))
            continuation.finish()
        }
        var records: [CodableRecord] = []
        for try await record in JSON.stream(CodableRecord.self, fromChunks: chunks) { records.append(record) }
        #expect(records == [CodableRecord(id: 1, name: "a"), CodableRecord(id: 2, name: "b")])
    }

    @Test func codableDocumentsReadFromJSONLines() throws {
        var stream = JSON.documents(CodableRecord.self, from: Fixtures.recordLines(count: 3))
        #expect(try stream.next() == CodableRecord(id: 0, name: "record-0"))
        #expect(try stream.next() == CodableRecord(id: 1, name: "record-1"))
        #expect(try stream.next() == CodableRecord(id: 2, name: "record-2"))
        #expect(try stream.next() == nil)
    }

    @Test func lodumTypeHoldingCodableTypesRoundTrips() throws {
        let shipment = Shipment(
            reference: "S-1", order: Self.order,
            contacts: [RenamedCodable(firstName: "Ada", score: 3)], optionalOrder: nil)
        let text = try JSON.encodeString(shipment)
        #expect(text.contains(#""contacts":[{"first_name":"Ada","points":3}]"#))
        #expect(try JSON.decode(Shipment.self, from: text) == shipment)
    }

    @Test func codableTypeHoldingALodumTypeRoundTrips() throws {
        let text = try JSON.encodeString(Self.order)
        #expect(text.contains(#""origin":{"x":1,"y":-1}"#))
        #expect(try JSON.decode(CodableOrder.self, from: text).origin == Location(x: 1, y: -1))
    }

    @Test func typeThatIsBothTakesTheLodumPathEvenInsideACodableParent() throws {
        #expect(try JSON.encodeString(DualPoint(x: 1, y: 2)) == #"{"x":1,"y":2}"#)
        let holder = CodableHoldingDual(point: DualPoint(x: 3, y: 4))
        let text = try JSON.encodeString(holder)
        #expect(text == #"{"point":{"x":3,"y":4}}"#)
        #expect(try JSON.decode(CodableHoldingDual.self, from: text) == holder)
    }

    @Test func codingKeysRenamesAndCustomDecodingAreHonoured() throws {
        #expect(try JSON.encodeString(RenamedCodable(firstName: "A", score: 1)) == #"{"first_name":"A","points":1}"#)
        #expect(try JSON.decode(RenamedCodable.self, from: #"{"first_name":"B"}"#) == RenamedCodable(firstName: "B", score: -1))
    }

    @Test func codableOptionalNilIsOmittedAndMissingKeyDecodesAsNil() throws {
        let text = try JSON.encodeString(Self.order)
        #expect(!text.contains("discount"))
        #expect(try JSON.decode(CodableOrder.self, from: text).discount == nil)
    }

    @Test func codableMissingKeyIsALodumErrorWithThePath() {
        let input = #"{"id":1,"status":"open","lines":[{"product":"a","count":1},{"count":2}],"notes":{},"origin":{"x":0,"y":0}}"#
        let error = expectLodumError { _ = try JSON.decode(CodableOrder.self, from: input) }
        #expect(error?.kind == .missingField("product"))
        #expect(error?.path.description == "lines[1].product")
    }

    @Test func codableTypeMismatchIsALodumErrorWithThePath() {
        let input = #"{"id":1,"status":"open","lines":[{"product":"a","count":"many"}],"notes":{},"origin":{"x":0,"y":0}}"#
        let error = expectLodumError { _ = try JSON.decode(CodableOrder.self, from: input) }
        #expect(error?.path.description == "lines[0].count")
        #expect(error?.description.contains(#"found String "many""#) == true)
    }

    @Test func codableIntegerOverflowIsALodumErrorNotATrap() {
        let input = #"{"id":1,"status":"open","lines":[{"product":"a","count":300}],"notes":{},"origin":{"x":0,"y":0}}"#
        let error = expectLodumError { _ = try JSON.decode(CodableOrder.self, from: input) }
        guard case .numberOutOfRange? = error?.kind else {
            Issue.record("expected numberOutOfRange, got \(String(describing: error))")
            return
        }
        #expect(error?.path.description == "lines[0].count")
    }

    @Test func errorInsideALodumTypeInsideACodableTypeHasTheFullPath() {
        let input = #"{"id":1,"status":"open","lines":[],"notes":{},"origin":{"x":"zero","y":0}}"#
        let error = expectLodumError { _ = try JSON.decode(CodableOrder.self, from: input) }
        #expect(error?.path.description == "origin.x")
    }

    @Test func errorInsideACodableTypeInsideALodumTypeHasTheFullPath() {
        let input = #"{"reference":"r","order":{"id":-5,"status":"open","lines":[],"notes":{},"origin":{"x":0,"y":0}},"contacts":[]}"#
        let error = expectLodumError { _ = try JSON.decode(Shipment.self, from: input) }
        #expect(error?.path.description == "order.id")
    }

    /// Codable's own error vocabulary (`DecodingError`, `EncodingError`) is the bridge's
    /// to translate: callers see one error type whatever the path. Errors of the caller's
    /// own types still pass through unchanged.
    @Test func codableEnumWithAnUnknownRawValueIsALodumError() {
        let input = #"{"id":1,"status":"lost","lines":[],"notes":{},"origin":{"x":0,"y":0}}"#
        let error = expectLodumError { _ = try JSON.decode(CodableOrder.self, from: input) }
        #expect(error?.path.description == "status")
        #expect(error?.description.contains("lost") == true)
    }

    @Test func codableEncodingErrorIsALodumErrorWithThePath() {
        struct Refusing: Encodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(0, .init(codingPath: encoder.codingPath, debugDescription: "refused"))
            }
        }
        struct Holder: Encodable { var items: [Refusing] }
        let error = expectLodumError { _ = try JSON.encode(Holder(items: [Refusing()])) }
        #expect(error?.description.contains("refused") == true)
        #expect(error?.path.description == "items[0]")
    }

    @Test func codableEncodeErrorPathIsWrittenLikeADecodeErrorPath() {
        struct Reading: Codable { var value: Double }
        struct Holder: Codable { var readings: [Reading] }
        let error = expectLodumError { _ = try JSON.encode(Holder(readings: [Reading(value: 1), Reading(value: .nan)])) }
        #expect(error?.path.description == "readings[1].value")
    }

    @Test func codableNonFiniteDoubleIsRefusedOnOutput() {
        struct Reading: Codable { var value: Double }
        _ = expectLodumError { _ = try JSON.encode(Reading(value: .nan)) }
        _ = expectLodumError { _ = try JSON.encode([Reading(value: 1), Reading(value: -.infinity)]) }
    }

    @Test func codableUnsignedExtremesAreExact() throws {
        struct Extremes: Codable, Equatable { var small: Int64; var large: UInt64 }
        let value = Extremes(small: .min, large: .max)
        let text = try JSON.encodeString(value)
        #expect(text == #"{"small":-9223372036854775808,"large":18446744073709551615}"#)
        #expect(try JSON.decode(Extremes.self, from: text) == value)
    }

    @Test func foundationTypesWithCodableConformancesWork() throws {
        struct Stamp: Codable, Equatable { var when: Date; var link: URL; var id: UUID }
        let stamp = Stamp(when: Date(timeIntervalSinceReferenceDate: 12.5), link: URL(string: "https://example.com/a?b=c")!, id: UUID())
        #expect(try JSON.decode(Stamp.self, from: JSON.encode(stamp)) == stamp)
    }
}

/// Writes `count` keys, then rewrites the first one: a keyed container keeps the last write
/// in the first write's position, however large the object.
private struct RewritingKeys: Encodable {
    let count: Int

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for index in 0..<count { try container.encode(index, forKey: Key(stringValue: "k\(index)")) }
        try container.encode(-1, forKey: Key(stringValue: "k0"))
    }
}

@Test(arguments: [3, 15, 16, 17, 500])
func codableKeyedContainerKeepsTheLastWriteOfARewrittenKey(count: Int) throws {
    let value = try JSON.decode(Value.self, from: JSON.encode(RewritingKeys(count: count)))
    guard case .object(let members) = value else {
        Issue.record("expected an object, got \(value)")
        return
    }
    #expect(members.count == count)
    #expect(members.first == Value.Member(key: "k0", value: .int(-1)))
    #expect(members.last?.key == "k\(count - 1)")
}

/// Codable-only, so its dictionary goes through the bridge's keyed containers.
private struct CodableEntries: Codable, Equatable {
    var entries: [String: Int]
}

@Test func largeDictionaryInACodableTypeRoundTripsThroughTheBridge() throws {
    let wrapper = CodableEntries(entries: Dictionary(uniqueKeysWithValues: (0..<2_000).map { ("key\($0)", $0) }))
    let back = try JSON.decode(CodableEntries.self, from: JSON.encode(wrapper))
    #expect(back == wrapper)
}
