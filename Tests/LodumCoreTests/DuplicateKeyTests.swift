import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct DKPlace: Equatable, Sendable {
    @Field(aliases: ["town"]) var city: String
    var zip: String = ""
}

@Lodum struct DKPerson: Equatable, Sendable {
    var name: String
    @Flatten var place: DKPlace
}

/// A struct wider than one word of field bits.
@Lodum struct DKWide: Equatable, Sendable {
    var f00: Int = 0, f01: Int = 0, f02: Int = 0, f03: Int = 0, f04: Int = 0, f05: Int = 0, f06: Int = 0, f07: Int = 0, f08: Int = 0, f09: Int = 0
    var f10: Int = 0, f11: Int = 0, f12: Int = 0, f13: Int = 0, f14: Int = 0, f15: Int = 0, f16: Int = 0, f17: Int = 0, f18: Int = 0, f19: Int = 0
    var f20: Int = 0, f21: Int = 0, f22: Int = 0, f23: Int = 0, f24: Int = 0, f25: Int = 0, f26: Int = 0, f27: Int = 0, f28: Int = 0, f29: Int = 0
    var f30: Int = 0, f31: Int = 0, f32: Int = 0, f33: Int = 0, f34: Int = 0, f35: Int = 0, f36: Int = 0, f37: Int = 0, f38: Int = 0, f39: Int = 0
    var f40: Int = 0, f41: Int = 0, f42: Int = 0, f43: Int = 0, f44: Int = 0, f45: Int = 0, f46: Int = 0, f47: Int = 0, f48: Int = 0, f49: Int = 0
    var f50: Int = 0, f51: Int = 0, f52: Int = 0, f53: Int = 0, f54: Int = 0, f55: Int = 0, f56: Int = 0, f57: Int = 0, f58: Int = 0, f59: Int = 0
    var f60: Int = 0, f61: Int = 0, f62: Int = 0, f63: Int = 0, f64: Int = 0, f65: Int = 0, f66: Int = 0, f67: Int = 0, f68: Int = 0, f69: Int = 0
}

/// Codable with no macro, to reach the bridge.
struct DKCodableMap: Codable, Equatable {
    var entries: [String: Int]
}

@Suite("Duplicate keys: refused by default, the last value under lastWins")
struct DuplicateKeyTests {
    static let lastWins = Limits(duplicateKeys: .lastWins)

    static func expectDuplicate(
        _ key: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let error = expectLodumError(sourceLocation: sourceLocation, body)
        #expect(error?.kind == .duplicateKey(key), "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.path.description == path, sourceLocation: sourceLocation)
        #expect(error?.description.contains("duplicate key \"\(key)\"") == true, sourceLocation: sourceLocation)
    }

    @Test func theErrorGivesTheKeyThePathAndThePositionOfTheRepeatedValue() {
        let error = expectLodumError { _ = try JSON.decode(DKPlace.self, from: #"{"city":"a","city":"b"}"#) }
        #expect(error?.description == #"Error at city (line 1, column 20): duplicate key "city""#)
    }

    @Test func aFieldAndItsAliasAreOneKey() throws {
        let input = #"{"city":"a","town":"b"}"#
        Self.expectDuplicate("city", at: "city") { _ = try JSON.decode(DKPlace.self, from: input) }
        #expect(try JSON.decode(DKPlace.self, from: input, limits: Self.lastWins).city == "b")
    }

    @Test func flattenedFieldsAndTheirParentsOwnFieldsAreEachCheckedOnce() throws {
        Self.expectDuplicate("name", at: "name") {
            _ = try JSON.decode(DKPerson.self, from: #"{"name":"a","city":"c","name":"b"}"#)
        }
        Self.expectDuplicate("city", at: "city") {
            _ = try JSON.decode(DKPerson.self, from: #"{"city":"c","name":"a","town":"d"}"#)
        }
        let last = try JSON.decode(DKPerson.self, from: #"{"name":"a","city":"c","name":"b","city":"d"}"#, limits: Self.lastWins)
        #expect(last == DKPerson(name: "b", place: DKPlace(city: "d")))
    }

    @Test func fieldsPastTheSixtyFourthAreTrackedToo() throws {
        Self.expectDuplicate("f69", at: "f69") { _ = try JSON.decode(DKWide.self, from: #"{"f69":1,"f00":2,"f69":3}"#) }
        Self.expectDuplicate("f63", at: "f63") { _ = try JSON.decode(DKWide.self, from: #"{"f63":1,"f64":2,"f63":3}"#) }
        #expect(try JSON.decode(DKWide.self, from: #"{"f69":1,"f69":3}"#, limits: Self.lastWins).f69 == 3)
    }

    @Test func integerKeysAreComparedAsIntegers() throws {
        let input = #"{"1":"one","01":"also one"}"#
        Self.expectDuplicate("01", at: #"["01"]"#) { _ = try JSON.decode([Int: String].self, from: input) }
        #expect(try JSON.decode([Int: String].self, from: input, limits: Self.lastWins) == [1: "also one"])
        #expect(try JSON.decode([String: String].self, from: input).count == 2)
    }

    /// Past a dozen members the readers look keys up in a hash table instead of scanning.
    @Test(arguments: [3, 12, 13, 500])
    func aRepeatIsFoundInObjectsOfAnySize(_ size: Int) throws {
        let members = (0..<size).map { "\"k\($0)\":\($0)" }
        let input = "{" + members.joined(separator: ",") + ",\"k\(size / 2)\":-1}"
        let key = "k\(size / 2)"
        Self.expectDuplicate(key, at: "[\"\(key)\"]") { _ = try JSON.decode(Value.self, from: input) }
        Self.expectDuplicate(key, at: "entries[\"\(key)\"]") {
            _ = try JSON.decode(DKCodableMap.self, from: "{\"entries\":\(input)}")
        }
        let value = try JSON.decode(Value.self, from: input, limits: Self.lastWins)
        guard case .object(let read) = value else { throw LodumError(.custom("not an object: \(value)")) }
        #expect(read.map(\.key) == (0..<size).map { "k\($0)" })
        #expect(value[key] == -1)
        let bridged = try JSON.decode(DKCodableMap.self, from: "{\"entries\":\(input)}", limits: Self.lastWins)
        #expect(bridged.entries.count == size && bridged.entries[key] == -1)
    }

    @Test func aKeyRepeatedInAnotherObjectIsNotARepeat() throws {
        let input = #"[{"city":"a"},{"city":"b"}]"#
        #expect(try JSON.decode([DKPlace].self, from: input) == [DKPlace(city: "a"), DKPlace(city: "b")])
        #expect(try JSON.decode(Value.self, from: input) == [["city": "a"], ["city": "b"]])
    }

    @Test func transcodingCopiesARepeatedKeyAsItComes() throws {
        let yaml = try JSON.transcode(from: Array(#"{"a":1,"a":2}"#.utf8), to: YAML.self)
        #expect(String(decoding: yaml, as: UTF8.self) == "a: 1\na: 2\n")
    }

    @Test(arguments: ["a: 1\na: 2\n", "{a: 1, a: 2}"])
    func yamlMappingsAreCheckedAsJSONObjectsAre(_ yaml: String) throws {
        Self.expectDuplicate("a", at: #"["a"]"#) { _ = try YAML.decode(Value.self, from: yaml) }
        #expect(try YAML.decode([String: Int].self, from: yaml, limits: Self.lastWins) == ["a": 2])
    }

    @Test func messagePackMapsAreCheckedToo() throws {
        // {"a": 1, "a": 2} as a fixmap of two entries.
        let input: [UInt8] = [0x82, 0xA1, 0x61, 0x01, 0xA1, 0x61, 0x02]
        Self.expectDuplicate("a", at: #"["a"]"#) { _ = try MsgPack.decode(Value.self, from: input) }
        #expect(try MsgPack.decode([String: Int].self, from: input, limits: Self.lastWins) == ["a": 2])
    }
}
