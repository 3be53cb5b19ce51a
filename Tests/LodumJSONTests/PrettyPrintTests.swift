import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct Unsorted: Equatable {
    var zebra: Int
    var apple: [String: Int]
    var mango: [Unsorted]
    var Banana: String
}

@Suite("Output options: indentation and sorted keys")
struct PrettyPrintTests {
    static let dataset = Dataset(points: [Point(x: 1, y: 2), Point(x: -3, y: 4)])

    @Test func compactIsTheDefault() throws {
        #expect(try JSON.encodeString(Self.dataset) == #"{"points":[{"x":1,"y":2},{"x":-3,"y":4}]}"#)
        #expect(JSONOptions() == JSONOptions.compact)
    }

    @Test func twoSpaceIndentationIsExact() throws {
        let text = try JSON.encodeString(Self.dataset, options: JSONOptions(indent: 2))
        #expect(text == """
            {
              "points": [
                {
                  "x": 1,
                  "y": 2
                },
                {
                  "x": -3,
                  "y": 4
                }
              ]
            }
            """)
    }

    @Test func fourSpaceIndentationIsExact() throws {
        let text = try JSON.encodeString(Self.dataset, options: JSONOptions(indent: 4))
        #expect(text == """
            {
                "points": [
                    {
                        "x": 1,
                        "y": 2
                    },
                    {
                        "x": -3,
                        "y": 4
                    }
                ]
            }
            """)
    }

    @Test func emptyContainersStayOnOneLine() throws {
        let value = Unsorted(zebra: 1, apple: [:], mango: [], Banana: "")
        let text = try JSON.encodeString(value, options: JSONOptions(indent: 2))
        #expect(text == """
            {
              "zebra": 1,
              "apple": {},
              "mango": [],
              "Banana": ""
            }
            """)
    }

    @Test func topLevelScalarsHaveNoWhitespace() throws {
        #expect(try JSON.encodeString(5, options: JSONOptions(indent: 2)) == "5")
        #expect(try JSON.encodeString([Int](), options: JSONOptions(indent: 2)) == "[]")
        #expect(try JSON.encodeString([7], options: JSONOptions(indent: 2)) == "[\n  7\n]")
    }

    @Test func negativeIndentIsCompact() throws {
        #expect(try JSON.encodeString(Self.dataset, options: JSONOptions(indent: -4)) == JSON.encodeString(Self.dataset))
    }

    @Test func deepIndentationIsWritten() throws {
        var value = Value.int(1)
        for _ in 0..<30 { value = .array([value]) }
        let text = try JSON.encodeString(value, options: JSONOptions(indent: 70))
        #expect(text.contains("\n" + String(repeating: " ", count: 70 * 30) + "1\n"))
        #expect(try JSON.decode(Value.self, from: text) == value)
    }

    @Test func sortedKeysOrdersStructFieldsAndMapKeysByBytes() throws {
        let value = Unsorted(zebra: 1, apple: ["b": 2, "a": 1, "C": 3, "é": 4], mango: [], Banana: "x")
        let text = try JSON.encodeString(value, options: JSONOptions(sortedKeys: true))
        #expect(text == #"{"Banana":"x","apple":{"C":3,"a":1,"b":2,"é":4},"mango":[],"zebra":1}"#)
    }

    @Test func sortedKeysAppliesAtEveryLevel() throws {
        let inner = Unsorted(zebra: 2, apple: ["y": 1, "x": 2], mango: [], Banana: "i")
        let value = Unsorted(zebra: 1, apple: [:], mango: [inner], Banana: "o")
        let text = try JSON.encodeString(value, options: JSONOptions(sortedKeys: true))
        #expect(text == #"{"Banana":"o","apple":{},"mango":[{"Banana":"i","apple":{"x":2,"y":1},"mango":[],"zebra":2}],"zebra":1}"#)
        #expect(try JSON.decode(Unsorted.self, from: text) == value)
    }

    @Test func sortedKeysMakesDictionaryOutputDeterministic() throws {
        let map = Dictionary(uniqueKeysWithValues: (0..<200).map { ("key\($0)", $0) })
        let expected = "{" + map.keys.sorted().map { #""\#($0)":\#(map[$0]!)"# }.joined(separator: ",") + "}"
        #expect(try JSON.encodeString(map, options: JSONOptions(sortedKeys: true)) == expected)
    }

    @Test func prettyPresetIsTwoSpacesWithSortedKeys() throws {
        #expect(JSONOptions.pretty == JSONOptions(indent: 2, sortedKeys: true))
        let text = try JSON.encodeString(Point(x: 1, y: 2), options: .pretty)
        #expect(text == "{\n  \"x\": 1,\n  \"y\": 2\n}")
        let unsorted = try JSON.encodeString(Unsorted(zebra: 1, apple: ["b": 1, "a": 2], mango: [], Banana: "B"), options: .pretty)
        #expect(unsorted == """
            {
              "Banana": "B",
              "apple": {
                "a": 2,
                "b": 1
              },
              "mango": [],
              "zebra": 1
            }
            """)
    }

    @Test func sortedKeysWorksForCodableTypes() throws {
        struct Letters: Codable { var c = 3; var a = 1; var b = 2 }
        #expect(try JSON.encodeString(Letters(), options: JSONOptions(sortedKeys: true)) == #"{"a":1,"b":2,"c":3}"#)
    }

    @Test func prettyOutputReadsBack() throws {
        let text = try JSON.encodeString(RoundTripTests.inventory, options: .pretty)
        #expect(try JSON.decode(Inventory.self, from: text) == RoundTripTests.inventory)
    }

    @Test func prettyDumpToAFileMatchesEncode() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("pretty.json")
            try JSON.dump(Self.dataset, to: url, options: JSONOptions(indent: 2))
            #expect(try Data(contentsOf: url) == JSON.encode(Self.dataset, options: JSONOptions(indent: 2)))
        }
    }
}
