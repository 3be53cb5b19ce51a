import Foundation
import Lodum
import Testing

@Lodum struct StaffMember: Equatable {
    var name: String
    var tags: [String]
    var age: UInt8?
}

struct CodableMember: Codable, Equatable {
    var name: String
    var scores: [Double]
}

@Suite("Value: literals")
struct ValueLiteralTests {
    @Test func everyLiteralPicksTheCaseAReaderWouldProduce() {
        let null: Value = nil
        let flag: Value = true
        let count: Value = -42
        let ratio: Value = 2.5
        let name: Value = "hé"
        #expect(null == .null)
        #expect(flag == .bool(true))
        #expect(count == .int(-42))
        #expect(ratio == .double(2.5))
        #expect(name == .string("hé"))
        #expect((["a", 1, nil] as Value) == .array([.string("a"), .int(1), .null]))
        #expect(([:] as Value) == .object([]))
        #expect(([] as Value) == .array([]))
    }

    @Test func dictionaryLiteralKeepsTheWrittenOrder() throws {
        let value: Value = ["z": 1, "a": ["nested": true], "m": [1.5, "x"]]
        #expect(value.objectValue?.map(\.key) == ["z", "a", "m"])
        #expect(try JSON.encodeString(value) == #"{"z":1,"a":{"nested":true},"m":[1.5,"x"]}"#)
    }

    @Test func dictionaryLiteralKeepsARepeatedKeyAsTwoMembers() {
        let value: Value = ["k": 1, "k": 2]
        #expect(value.objectValue?.count == 2)
        #expect(value["k"] == 1)
    }

    @Test func literalTreeEqualsTheDecodedDocument() throws {
        let written: Value = [
            "id": 7,
            "big": .uint(.max),
            "tags": ["a", "b"],
            "nested": ["flag": false, "none": nil, "ratio": -0.25],
        ]
        let decoded = try JSON.decode(
            Value.self, from: #"{"id":7,"big":18446744073709551615,"tags":["a","b"],"nested":{"flag":false,"none":null,"ratio":-0.25}}"#)
        #expect(written == decoded)
    }

    @Test func absentLookupIsStillNilNotNull() {
        let value: Value = ["present": nil]
        #expect(value["present"] == .some(.null))
        #expect(value["absent"] == nil)
        #expect(value["present"] != nil)
    }
}

@Suite("Value: accessors")
struct ValueAccessorTests {
    static let document: Value = [
        "name": "Ada",
        "tags": ["admin", "ops"],
        "age": 36,
        "score": 9.5,
        "whole": 2.0,
        "huge": .uint(.max),
        "active": true,
        "manager": nil,
    ]

    @Test func lookupsChainThroughObjectsAndArrays() {
        #expect(Self.document["tags"]?[1]?.stringValue == "ops")
        #expect(Self.document["tags"]?[2] == nil)
        #expect(Self.document["tags"]?[-1] == nil)
        #expect(Self.document["name"]?[0] == nil)
        #expect(Self.document[0] == nil)
        #expect(Self.document["tags"]?["name"] == nil)
    }

    @Test func scalarAccessorsAnswerOnlyForTheirShape() {
        #expect(Self.document["name"]?.stringValue == "Ada")
        #expect(Self.document["age"]?.stringValue == nil)
        #expect(Self.document["active"]?.boolValue == true)
        #expect(Self.document["name"]?.boolValue == nil)
        #expect(Self.document["manager"]?.isNull == true)
        #expect(Self.document["name"]?.isNull == false)
        #expect(Self.document["tags"]?.arrayValue == ["admin", "ops"])
        #expect(Self.document["name"]?.arrayValue == nil)
        #expect(Self.document.objectValue?.first == Value.Member(key: "name", value: "Ada"))
        #expect(Self.document["tags"]?.objectValue == nil)
    }

    @Test func intValueIsExactFromAnyNumberCase() {
        #expect(Self.document["age"]?.intValue == 36)
        #expect(Self.document["whole"]?.intValue == 2)
        #expect(Self.document["score"]?.intValue == nil)
        #expect(Self.document["huge"]?.intValue == nil)
        #expect(Value.uint(7).intValue == 7)
        #expect(Value.double(.nan).intValue == nil)
        #expect(Value.string("1").intValue == nil)
    }

    @Test func doubleValueReadsAnyNumberCase() {
        #expect(Self.document["score"]?.doubleValue == 9.5)
        #expect(Self.document["age"]?.doubleValue == 36)
        #expect(Self.document["huge"]?.doubleValue == Double(UInt64.max))
        #expect(Self.document["name"]?.doubleValue == nil)
    }
}

@Suite("Value: conversions to and from typed values")
struct ValueConversionTests {
    @Test func encodingBuildsTheTreeEveryFormatWouldWrite() throws {
        let member = StaffMember(name: "Ada", tags: ["admin"], age: nil)
        let tree = try Value(from: member)
        #expect(tree == ["name": "Ada", "tags": ["admin"], "age": nil])
        #expect(tree.objectValue?.map(\.key) == ["name", "tags", "age"])
        for format in Lodum.formats {
            #expect(try format.decode(Value.self, from: format.encode(member)) == tree, "\(format.name)")
        }
    }

    @Test func decodeReadsATypedValueFromATree() throws {
        let tree: Value = ["tags": ["a", "b"], "name": "Grace", "unknown": [1, 2], "age": 85]
        #expect(try StaffMember(from: tree) == StaffMember(name: "Grace", tags: ["a", "b"], age: 85))
    }

    @Test func typedValueRoundTripsThroughItsTree() throws {
        let member = StaffMember(name: "Ada", tags: ["x", "y"], age: 36)
        #expect(try StaffMember(from: Value(from: member)) == member)
    }

    @Test func decodeErrorsNameTheCodingPathAndHaveNoPosition() {
        let tree: Value = ["name": "Ada", "tags": ["ok", 5]]
        do {
            _ = try StaffMember(from: tree)
            Issue.record("5 is not a String")
        } catch let error as LodumError {
            #expect(error.path.description == "tags[1]")
            #expect(error.position == nil)
            #expect(error.kind == .typeMismatch(expected: "String", found: "Number 5"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func decodeReportsNumbersThatDoNotFitAtTheirPath() {
        let tree: Value = ["name": "Ada", "tags": [], "age": 300]
        let error = #expect(throws: LodumError.self) { _ = try StaffMember(from: tree) }
        #expect(error?.path.description == "age")
        #expect(error?.kind == .numberOutOfRange("300", type: "UInt8"))
    }

    @Test func decodeRespectsTheDepthLimit() {
        var tree: Value = nil
        for _ in 0..<20 { tree = [tree] }
        #expect(throws: LodumError.self) { _ = try Value(from: tree, limits: Limits(maxDepth: 10)) }
        #expect(throws: LodumError.self) { _ = try Value(from: tree, limits: Limits(maxDepth: 10)) }
    }

    @Test func codableTypesConvertThroughTheBridge() throws {
        let member = CodableMember(name: "Ada", scores: [1.5, 2])
        let tree = try Value(from: member)
        #expect(tree == ["name": "Ada", "scores": [1.5, 2.0]])
        #expect(try CodableMember(from: tree) == member)
    }

    @Test func codableDecodeErrorsNameTheCodingPath() {
        let tree: Value = ["name": "Ada", "scores": [1.5, "high"]]
        do {
            _ = try CodableMember(from: tree)
            Issue.record("\"high\" is not a Double")
        } catch let error as LodumError {
            #expect(error.path.description == "scores[1]")
            #expect(error.position == nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func codableMissingKeyIsAMissingFieldError() {
        let tree: Value = ["name": "Ada"]
        do {
            _ = try CodableMember(from: tree)
            Issue.record("scores is missing")
        } catch let error as LodumError {
            #expect(error.kind == .missingField("scores"))
            #expect(error.path.description == "scores")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
