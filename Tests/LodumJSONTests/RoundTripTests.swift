import Foundation
import Lodum
import LodumTestSupport
import Testing

// MARK: Models

@Lodum struct Settings: Equatable {
    var name: String
    var retries: Int = 3
    var timeout: Double? = 1.5
    var tags: [String] = ["default"]
    var comment: String?
}

@Lodum struct Versioned: Equatable {
    let version = 2
    var payload: String
}

// MARK: Tests

@Suite("Round trips of @Lodum types")
struct RoundTripTests {
    static let inventory = Inventory(
        owner: Person(name: "Ada", age: 36),
        items: [Item(sku: "a-1", price: 9.99, quantity: 3), Item(sku: "b-2", price: 0.5, quantity: 65535)],
        tags: ["new", "", "ünïcödé ✓"],
        counts: ["apples": 3, "pears": -1],
        itemsByName: ["first": Item(sku: "c-3", price: 1e-3, quantity: 0)],
        note: "fragile",
        missingNote: nil,
        matrix: [[1.5, -2.25], [], [0.1]],
        sparse: [1, nil, 3],
        section: Catalog.Section(title: "Intro", pages: [1, 2, 3]),
        flags: [true, false])

    @Test func structWithNestedTypesOptionalsArraysAndDictionariesRoundTrips() throws {
        let data = try JSON.encode(Self.inventory)
        let back = try JSON.decode(Inventory.self, from: data)
        #expect(back == Self.inventory)
    }

    @Test func structIsWrittenWithFieldsInDeclarationOrder() throws {
        let text = try JSON.encodeString(Self.inventory.owner)
        #expect(text == #"{"name":"Ada","age":36}"#)
    }

    @Test func nilOptionalIsWrittenAsNullAndReadBackAsNil() throws {
        let text = try JSON.encodeString(Settings(name: "n", timeout: nil))
        #expect(text == #"{"name":"n","retries":3,"timeout":null,"tags":["default"],"comment":null}"#)
        let back = try JSON.decode(Settings.self, from: text)
        #expect(back.timeout == nil)
        #expect(back.comment == nil)
    }

    @Test func everyScalarTypeRoundTripsAtItsMinimum() throws {
        let back = try JSON.decode(AllScalars.self, from: JSON.encode(AllScalars.minimums))
        #expect(back == AllScalars.minimums)
    }

    @Test func everyScalarTypeRoundTripsAtItsMaximum() throws {
        let back = try JSON.decode(AllScalars.self, from: JSON.encode(AllScalars.maximums))
        #expect(back == AllScalars.maximums)
    }

    @Test func integerExtremesAreWrittenAsExactDecimalText() throws {
        let text = try JSON.encodeString(AllScalars.maximums)
        #expect(text.contains(#""int64":9223372036854775807"#))
        #expect(text.contains(#""uint64":18446744073709551615"#))
        #expect(text.contains(#""int8":127"#))
        #expect(text.contains(#""uint8":255"#))
        let minimums = try JSON.encodeString(AllScalars.minimums)
        #expect(minimums.contains(#""int64":-9223372036854775808"#))
        #expect(minimums.contains(#""int8":-128"#))
        #expect(minimums.contains(#""int16":-32768"#))
        #expect(minimums.contains(#""int32":-2147483648"#))
    }

    @Test func finalClassRoundTripsWithItsChildren() throws {
        let tree = Tree(name: "root", weight: 2.5, children: [Tree(name: "left", parentName: "root"), Tree(name: "right")])
        let text = try JSON.encodeString(tree)
        #expect(text == #"{"name":"root","weight":2.5,"children":[{"name":"left","weight":1.0,"children":[],"parentName":"root"},{"name":"right","weight":1.0,"children":[],"parentName":null}],"parentName":null}"#)
        let back = try JSON.decode(Tree.self, from: text)
        #expect(back.name == "root")
        #expect(back.weight == 2.5)
        #expect(back.children.map(\.name) == ["left", "right"])
        #expect(back.children[0].parentName == "root")
        #expect(back.children[1].parentName == nil)
    }

    @Test func finalClassPropertyWithInitialValueIsTheDefaultWhenItsKeyIsMissing() throws {
        let back = try JSON.decode(Tree.self, from: #"{"name":"leaf","children":[]}"#)
        #expect(back.weight == 1)
        #expect(back.parentName == nil)
    }

    @Test func genericStructRoundTrips() throws {
        let box = Box(value: [Point(x: 1, y: 2)])
        let text = try JSON.encodeString(box)
        #expect(text == #"{"value":[{"x":1,"y":2}]}"#)
        #expect(try JSON.decode(Box<[Point]>.self, from: text) == box)
    }

    @Test func propertyWithInitialValueIsTheDefaultWhenItsKeyIsMissing() throws {
        let settings = try JSON.decode(Settings.self, from: #"{"name":"only"}"#)
        #expect(settings == Settings(name: "only", retries: 3, timeout: 1.5, tags: ["default"], comment: nil))
    }

    @Test func presentKeyOverridesTheInitialValue() throws {
        let settings = try JSON.decode(Settings.self, from: #"{"name":"x","retries":7,"timeout":null,"tags":[]}"#)
        #expect(settings.retries == 7)
        #expect(settings.timeout == nil)
        #expect(settings.tags == [])
    }

    @Test func optionalWithoutInitialValueIsNilWhenItsKeyIsMissing() throws {
        let settings = try JSON.decode(Settings.self, from: #"{"name":"x"}"#)
        #expect(settings.comment == nil)
    }

    @Test func letWithInitialValueIsWrittenButNeverRead() throws {
        #expect(try JSON.encodeString(Versioned(payload: "p")) == #"{"version":2,"payload":"p"}"#)
        let back = try JSON.decode(Versioned.self, from: #"{"version":99,"payload":"q"}"#)
        #expect(back.version == 2)
        #expect(back.payload == "q")
    }

    @Test func missingKeyWithoutDefaultIsAnErrorNamingTheField() throws {
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: #"{"x":1}"#) }
        #expect(error?.kind == .missingField("y"))
        #expect(error?.path.description == "y")
        #expect(error?.description.contains(#"missing field "y""#) == true)
    }

    @Test func missingKeyInsideAnArrayNamesTheFullPath() throws {
        let input = #"{"points":[{"x":1,"y":2},{"x":3,"y":4},{"y":5}]}"#
        let error = expectLodumError { _ = try JSON.decode(Dataset.self, from: input) }
        #expect(error?.path.description == "points[2].x")
        #expect(error?.description.contains("points[2].x") == true)
    }

    @Test func unknownKeysAreSkippedWhateverTheirValues() throws {
        let input = """
            {"extra":1,"x":10,"nested":{"a":[1,{"b":null}],"c":"}"},"list":[[],{},["]"]],
             "flag":true,"none":null,"text":"with \\"escapes\\" and \\u00e9","y":20,"number":-1.5e10}
            """
        #expect(try JSON.decode(Point.self, from: input) == Point(x: 10, y: 20))
    }

    @Test func fieldsAreMatchedInAnyOrder() throws {
        #expect(try JSON.decode(Point.self, from: #"{"y":2,"x":1}"#) == Point(x: 1, y: 2))
    }

    @Test func emptyCollectionsRoundTrip() throws {
        let box = Box(value: [String: [Int]]())
        #expect(try JSON.encodeString(box) == #"{"value":{}}"#)
        #expect(try JSON.decode(Box<[String: [Int]]>.self, from: #"{"value":{}}"#) == box)
        #expect(try JSON.decode([Point].self, from: "[]") == [])
        #expect(try JSON.decode([Point].self, from: " [ ] ") == [])
    }

    @Test func dictionaryWithEscapedKeysRoundTrips() throws {
        let map = ["quote\"": 1, "tab\t": 2, "slash\\": 3, "": 4, "é": 5]
        #expect(try JSON.decode([String: Int].self, from: JSON.encode(map)) == map)
    }

    @Test func topLevelScalarsAndOptionalsRoundTrip() throws {
        #expect(try JSON.encodeString(42) == "42")
        #expect(try JSON.encodeString("text") == #""text""#)
        #expect(try JSON.encodeString(true) == "true")
        #expect(try JSON.encodeString(Int?.none) == "null")
        #expect(try JSON.decode(Int?.self, from: "null") == nil)
        #expect(try JSON.decode(Int?.self, from: " 7 ") == 7)
        #expect(try JSON.decode(String.self, from: #""text""#) == "text")
    }

    @Test func whitespaceAroundTokensIsIgnored() throws {
        let input = " \t\r\n{ \"x\" : 1 ,\n\t\"y\"\r\n:\t2 } \n"
        #expect(try JSON.decode(Point.self, from: input) == Point(x: 1, y: 2))
    }

    @Test func decodeReadsFromDataBytesStringAndSubstring() throws {
        let text = #"{"x":1,"y":2}"#
        let expected = Point(x: 1, y: 2)
        #expect(try JSON.decode(Point.self, from: Data(text.utf8)) == expected)
        #expect(try JSON.decode(Point.self, from: Array(text.utf8)) == expected)
        #expect(try JSON.decode(Point.self, from: Array(("[" + text).utf8)[1...]) == expected)
        #expect(try JSON.decode(Point.self, from: text) == expected)
        #expect(try JSON.decode(Point.self, from: ("[" + text + "]").dropFirst().dropLast()) == expected)
    }



    @Test func loadReadsFromDataAndBytes() throws {
        let data = try JSON.encode(Self.inventory)
        #expect(try JSON.load(Inventory.self, from: data) == Self.inventory)
        #expect(try JSON.load(Inventory.self, from: [UInt8](data)) == Self.inventory)
    }

    @Test func loadFromASourceServingOneByteAtATimeMatchesDecode() throws {
        let data = try JSON.encode(Self.inventory, options: JSONOptions(indent: 3))
        let source = CountingSource([UInt8](data), chunkSize: 1)
        #expect(try JSON.load(Inventory.self, from: source) == Self.inventory)
    }

    @Test func trailingContentAfterTheValueIsRejected() throws {
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: #"{"x":1,"y":2} {"#) }
        #expect(error?.description.contains("after the end of the value") == true)
        _ = expectLodumError { _ = try JSON.decode(Int.self, from: "1 2") }
        _ = expectLodumError { _ = try JSON.load(Int.self, from: Array("[1] ]".utf8)) }
    }

    @Test func emptyInputIsAnUnexpectedEndOfInput() throws {
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: "") }
        #expect(error?.kind == .unexpectedEndOfInput)
        let blank = expectLodumError { _ = try JSON.decode(Point.self, from: "  \n ") }
        #expect(blank?.kind == .unexpectedEndOfInput)
    }

    /// A value must cost the same wherever it sits in the input: building a line and column
    /// for every number or literal (not just for errors) made decoding quadratic, and this
    /// document took minutes instead of milliseconds.
    @Test func largeDocumentOfNumbersAndLiteralsDecodes() throws {
        let values: [Double?] = (0..<60_000).map { $0 % 3 == 0 ? nil : Double($0) / 7 }
        let data = try JSON.encode(values)
        #expect(data.count > 700_000)
        #expect(try JSON.decode([Double?].self, from: data) == values)
        let flags = (0..<60_000).map { $0 % 2 == 0 }
        #expect(try JSON.decode([Bool].self, from: JSON.encode(flags)) == flags)
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let input = [0xEF, 0xBB, 0xBF] + Array(#"{"x":1,"y":2}"#.utf8)
        #expect(try JSON.decode(Point.self, from: input) == Point(x: 1, y: 2))
    }
}
