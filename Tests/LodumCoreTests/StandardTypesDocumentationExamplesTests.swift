// The examples of Docs/StandardTypes.md, compiled and run; the page's Swift blocks are
// excerpts of this file, and the results its comments claim are checked here.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct Invoice: Equatable { var total: Decimal }
@Lodum struct DocsTagged: Equatable, Sendable { var tags: Set<String> }
@Lodum struct DocsIdentified: Equatable, Sendable { var id: UUID }
@Lodum struct DocsBlob: Equatable, Sendable { var bytes: [UInt8] }

@Suite("Standard types documentation examples")
struct StandardTypesDocumentationExamplesTests {
    @Test func thePagesBlocks() throws {
        let uuids = try documentationValues {
            let id = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
            try JSON.encodeString(id)              // "e621e1f8-c36c-495a-93fc-0c247a3e6e5f"
            try JSON.encodeString([id: "ada"])     // {"e621e1f8-c36c-495a-93fc-0c247a3e6e5f":"ada"}
        }
        #expect(uuids[0] as? String == #""e621e1f8-c36c-495a-93fc-0c247a3e6e5f""#)
        #expect(uuids[1] as? String == #"{"e621e1f8-c36c-495a-93fc-0c247a3e6e5f":"ada"}"#)

        let decimals = try documentationValues {
            let invoice = Invoice(total: Decimal(string: "123456789012345678901234567890.5")!)
            try JSON.encodeString(invoice)                      // {"total":123456789012345678901234567890.5}
            try MsgPack.decode(Invoice.self, from: MsgPack.encode(invoice)) == invoice   // true
        }
        #expect(decimals[0] as? String == #"{"total":123456789012345678901234567890.5}"#)
        #expect(decimals[1] as? Bool == true)

        let bytes = try documentationValues {
            try JSON.encodeString([UInt8]([1, 2, 3]))          // "AQID"
            try JSON.decode([UInt8].self, from: "[1, 2, 3]")    // [1, 2, 3]
            try JSON.decode(Data.self, from: #""AQID""#)        // 3 bytes
        }
        #expect(bytes[0] as? String == #""AQID""#)
        #expect(bytes[1] as? [UInt8] == [1, 2, 3])
        #expect((bytes[2] as? Data)?.count == 3)
    }

    @Test func atAGlance() throws {
        let id = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(try YAML.encodeString(id) == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f\n")
        #expect(try JSON.encodeString(URL(string: "https://example.com/a")) == #""https://example.com/a""#)
        #expect(try JSON.encodeString(Decimal(string: "12.5")) == "12.5")
        #expect(try YAML.encodeString(Decimal(string: "12.5")) == "12.5\n")
        #expect(Fixtures.hexString(Array(try MsgPack.encode(Decimal(string: "12.5")))) == "a4-31-32-2e-35")
        #expect(try JSON.decode(Decimal.self, from: #""12.50""#) == Decimal(string: "12.5"))
        #expect(try YAML.encodeString(Data([1, 2, 3])) == "!!binary AQID\n")
        #expect(Fixtures.hexString(Array(try MsgPack.encode(Data([1, 2, 3])))) == "c4-03-01-02-03")
        #expect(try JSON.encodeString([1: "a"] as [Int: String]) == #"{"1":"a"}"#)
        #expect(try YAML.encodeString([1: "a"] as [Int: String]) == "'1': a\n")
        #expect(Fixtures.hexString(Array(try MsgPack.encode([1: "a"] as [Int: String]))) == "81-01-a1-61")
        let error = expectLodumError { _ = try JSON.decode(DocsIdentified.self, from: "{\n  \"id\": \"12-34\"\n}") }
        #expect(error?.description == #"Error at id (line 2, column 9): expected a UUID, found String "12-34""#)
    }

    @Test func uuid() throws {
        let id = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
        #expect(try JSON.encodeString(id) == #""e621e1f8-c36c-495a-93fc-0c247a3e6e5f""#)
        #expect(try JSON.encodeString([id: "ada"]) == #"{"e621e1f8-c36c-495a-93fc-0c247a3e6e5f":"ada"}"#)
    }

    @Test func url() throws {
        #expect(try JSON.decode(URL.self, from: #""docs/a.html""#) == URL(string: "docs/a.html"))
        let error = expectLodumError { _ = try JSON.decode(URL.self, from: #""a b""#) }
        #expect(error?.reason == #"expected a URL, found String "a b""#)
    }

    @Test func decimal() throws {
        let invoice = Invoice(total: Decimal(string: "123456789012345678901234567890.5")!)
        #expect(try JSON.encodeString(invoice) == #"{"total":123456789012345678901234567890.5}"#)
        #expect(try MsgPack.decode(Invoice.self, from: MsgPack.encode(invoice)) == invoice)
        #expect(try YAML.decode(Invoice.self, from: "total: +007.50") == Invoice(total: Decimal(string: "7.5")!))
        #expect(try YAML.decode(Invoice.self, from: "total: 0x1F") == Invoice(total: 31))
        #expect(try MsgPack.decode(Decimal.self, from: MsgPack.encode(0.1)) == Decimal(string: "0.1"))

        let tooLarge = expectLodumError { _ = try JSON.decode(Invoice.self, from: #"{"total":1e200}"#) }
        #expect(tooLarge?.reason == "number 1e200 does not fit in Decimal")
        let notANumber = expectLodumError { _ = try JSON.decode(Invoice.self, from: #"{"total":"12,50"}"#) }
        #expect(notANumber?.reason == #"expected a number, found String "12,50""#)
        _ = expectLodumError { _ = try JSON.encode(Invoice(total: .nan)) }
    }

    /// "Inside a `Codable` type": a string on the way out, exact on the way back.
    @Test func decimalInsideACodableType() throws {
        struct Line: Codable, Equatable { var total: Decimal }
        let line = Line(total: Decimal(string: "0.1")!)
        #expect(try JSON.encodeString(line) == #"{"total":"0.1"}"#)
        #expect(try JSON.decode(Line.self, from: JSON.encode(line)) == line)
    }

    @Test func bytes() throws {
        #expect(try JSON.encodeString([UInt8]([1, 2, 3])) == #""AQID""#)
        #expect(try JSON.decode([UInt8].self, from: "[1, 2, 3]") == [1, 2, 3])
        #expect(try JSON.decode(Data.self, from: #""AQID""#).count == 3)
        #expect(try JSON.encodeString([Int8]([1, 2])) == "[1,2]")

        let outOfRange = expectLodumError { _ = try JSON.decode(DocsBlob.self, from: #"{"bytes":[1,256]}"#) }
        #expect(outOfRange?.path.description == "bytes[1]")
        #expect(outOfRange?.reason == "number 256 does not fit in UInt8")
        let notBase64 = expectLodumError { _ = try JSON.decode(DocsBlob.self, from: #"{"bytes":"%%%"}"#) }
        #expect(notBase64?.reason == #"expected base64 bytes, found String "%%%""#)
        #expect(try MsgPack.decode([UInt8].self, from: MsgPack.encode("aGk=")) == [0x68, 0x69])
    }

    @Test func sets() throws {
        let tags: Set<String> = ["b", "a"]
        #expect(try JSON.encodeString(tags.sorted()) == #"["a","b"]"#)
        let error = expectLodumError { _ = try JSON.decode(DocsTagged.self, from: #"{"tags":["a","b","a"]}"#) }
        #expect(error?.description == #"Error at tags[2] (line 1, column 18): expected distinct elements of a Set, found a duplicate "a""#)
        let data = Data(#"["a","b","a"]"#.utf8)
        #expect(Set(try JSON.decode([String].self, from: data)) == ["a", "b"])
    }

    @Test func optionals() throws {
        #expect(try JSON.encodeString(Int??.some(nil)) == "null")
        #expect(try JSON.encodeString(Int??.none) == "null")
        #expect(try JSON.decode(Int??.self, from: "null") == .none)
        #expect(try JSON.encodeString([1, nil, 3] as [Int?]) == "[1,null,3]")
    }

    @Test func dictionaries() throws {
        #expect(try MsgPack.decode([Int: String].self, from: MsgPack.encode([1: "a"] as [Int: String])) == [1: "a"])
        #expect(try JSON.decode([Int: String].self, from: #"{"1":"a"}"#) == [1: "a"])
        #expect(try YAML.decode([Int: String].self, from: "1: a\n'2': b\n") == [1: "a", 2: "b"])
        #expect(try MsgPack.decode([Int: String].self, from: MsgPack.encode(["1": "a"])) == [1: "a"])
    }
}
