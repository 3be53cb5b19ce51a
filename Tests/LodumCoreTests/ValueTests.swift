import Foundation
import Lodum
import Testing

@Lodum struct Reading: Equatable {
    var sensor: String
    var values: [Double]
    var limit: UInt8?
}

@Suite("Value: the dynamic tree every format can hold")
struct ValueTests {
    static let sample = #"{"null":null,"bool":true,"int":-42,"big":18446744073709551615,"double":2.5,"text":"hé\n","array":[1,[2,[]],{}],"object":{"a":{"b":[null]}}}"#

    @Test func decodesAnyJSON() throws {
        let value = try JSON.decode(Value.self, from: Self.sample)
        #expect(value["null"] == .null)
        #expect(value["bool"] == .bool(true))
        #expect(value["int"] == .int(-42))
        #expect(value["big"] == .uint(.max))
        #expect(value["double"] == .double(2.5))
        #expect(value["text"] == .string("hé\n"))
        #expect(value["array"] == .array([.int(1), .array([.int(2), .array([])]), .object([])]))
        #expect(value["object"]?["a"]?["b"] == .array([.null]))
        #expect(value["absent"] == nil)
    }

    @Test func keepsObjectMembersInInputOrder() throws {
        let value = try JSON.decode(Value.self, from: #"{"z":1,"a":2,"m":3}"#)
        guard case .object(let members) = value else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(try JSON.encodeString(value) == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test func roundTripsThroughJSON() throws {
        let value = try JSON.decode(Value.self, from: Self.sample)
        let text = try JSON.encodeString(value)
        #expect(text == Self.sample)
        #expect(try JSON.decode(Value.self, from: text) == value)
    }

    @Test func equalityIgnoresObjectMemberOrder() {
        let first = Value.object([.init(key: "a", value: .int(1)), .init(key: "b", value: .array([.null]))])
        let second = Value.object([.init(key: "b", value: .array([.null])), .init(key: "a", value: .int(1))])
        #expect(first == second)
    }

    @Test func equalityStillComparesMembersAndArrayOrder() {
        let base = Value.object([.init(key: "a", value: .int(1))])
        #expect(base != .object([.init(key: "a", value: .int(2))]))
        #expect(base != .object([.init(key: "b", value: .int(1))]))
        #expect(base != .object([.init(key: "a", value: .int(1)), .init(key: "b", value: .int(1))]))
        #expect(Value.array([.int(1), .int(2)]) != .array([.int(2), .int(1)]))
    }

    @Test func integersCompareByValueWhicheverCaseHoldsThem() {
        #expect(Value.int(5) == .uint(5))
        #expect(Value.uint(5) == .int(5))
        #expect(Value.int(-1) != .uint(UInt64.max))
        #expect(Value.int(1) != .double(1.5))
        #expect(Value.string("1") != .int(1))
    }

    @Test func kindNamesTheCase() {
        #expect(Value.null.kind == .null)
        #expect(Value.uint(1).kind == .uint)
        #expect(Value.array([]).kind == .sequence)
        #expect(Value.object([]).kind == .map)
        #expect(Value.bytes([1]).kind == .bytes)
    }

    @Test func summaryDescribesTheValueForErrors() {
        #expect(Value.string("abc").summary == #"String "abc""#)
        #expect(Value.int(3).summary == "Number 3")
        #expect(Value.object([]).summary == "Object")
        #expect(Value.null.summary == "null")
    }

    @Test func treeOfALodumValueMatchesItsJSON() throws {
        let reading = Reading(sensor: "t1", values: [1.5, -2], limit: nil)
        let tree = try Value(from: reading)
        #expect(tree == .object([
            .init(key: "sensor", value: .string("t1")),
            .init(key: "values", value: .array([.double(1.5), .double(-2)])),
            .init(key: "limit", value: .null),
        ]))
        #expect(tree == (try JSON.decode(Value.self, from: JSON.encode(reading))))
    }

    @Test func lodumTypeDecodesFromATree() throws {
        let tree = Value.object([
            .init(key: "values", value: .array([.int(1), .double(2.5)])),
            .init(key: "sensor", value: .string("t2")),
            .init(key: "extra", value: .array([.object([])])),
            .init(key: "limit", value: .int(7)),
        ])
        var deserializer = ValueDeserializer(tree)
        #expect(try Reading(from: &deserializer) == Reading(sensor: "t2", values: [1, 2.5], limit: 7))
    }

    @Test func treeDecodingReportsPathsAndRangeErrors() {
        let tree = Value.object([
            .init(key: "sensor", value: .string("t3")),
            .init(key: "values", value: .array([])),
            .init(key: "limit", value: .int(300)),
        ])
        var deserializer = ValueDeserializer(tree)
        do {
            _ = try Reading(from: &deserializer)
            Issue.record("300 should not fit a UInt8")
        } catch let error as LodumError {
            #expect(error.kind == .numberOutOfRange("300", type: "UInt8"))
            #expect(error.path.description == "limit")
            #expect(error.position == nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func treeDecodingRefusesDeepTreesWithTheDepthLimit() {
        var value = Value.null
        for _ in 0..<50 { value = .array([value]) }
        var deserializer = ValueDeserializer(value, limits: Limits(maxDepth: 10))
        #expect(throws: LodumError.self) { _ = try Value(from: &deserializer) }
    }

    @Test func bytesAreWrittenAsBase64InJSON() throws {
        #expect(try JSON.encodeString(Value.bytes([0, 1, 2, 250])) == #""AAEC+g==""#)
    }

    @Test func randomTreesRoundTripThroughJSON() throws {
        var seed: UInt64 = 0x7EE5
        func next() -> UInt64 {
            seed &+= 0x9E37_79B9_7F4A_7C15
            var mixed = seed
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        func tree(depth: Int) -> Value {
            switch next() % (depth > 4 ? 6 : 8) {
            case 0: return .null
            case 1: return .bool(next() % 2 == 0)
            case 2: return .int(Int64(bitPattern: next()))
            case 3: return .uint(next() | (1 << 63))
            case 4:
                let number = Double(bitPattern: next())
                return .double(number.isFinite ? number : 0)
            case 5: return .string(String(next(), radix: 36) + "\"\\\u{1}é")
            case 6: return .array((0..<Int(next() % 5)).map { _ in tree(depth: depth + 1) })
            default: return .object((0..<Int(next() % 5)).map { .init(key: "k\($0)", value: tree(depth: depth + 1)) })
            }
        }
        for _ in 0..<200 {
            let value = tree(depth: 0)
            #expect(try JSON.decode(Value.self, from: JSON.encode(value)) == value)
        }
    }
}
