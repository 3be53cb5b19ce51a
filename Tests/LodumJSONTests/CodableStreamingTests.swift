import Foundation
import Lodum
import LodumTestSupport
import Testing

// The Codable bridge streams; these pin down what Codable allows that a stream has to work
// around: keys in any order, nested containers filled late, errors caught and recovered.

/// Decodes its keys in the reverse of their order in the input, around an array.
private struct ReversedKeys: Codable, Equatable {
    var first: Int
    var items: [Int]
    var last: String
    var absent: Int?

    enum CodingKeys: String, CodingKey { case first, items, last, absent }

    init(first: Int, items: [Int], last: String) {
        self.first = first
        self.items = items
        self.last = last
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        absent = try container.decodeIfPresent(Int.self, forKey: .absent)
        last = try container.decode(String.self, forKey: .last)
        items = try container.decode([Int].self, forKey: .items)
        first = try container.decode(Int.self, forKey: .first)
    }
}

/// Flattens a nested object with `nestedContainer`, and fills it after a streamed sibling.
private struct Flattened: Codable, Equatable {
    var name: String
    var points: [Int]
    var width: Int

    enum CodingKeys: String, CodingKey { case meta, points }
    enum MetaKeys: String, CodingKey { case name, width }

    init(name: String, points: [Int], width: Int) {
        self.name = name
        self.points = points
        self.width = width
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        points = try container.decode([Int].self, forKey: .points)
        let meta = try container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta)
        name = try meta.decode(String.self, forKey: .name)
        width = try meta.decode(Int.self, forKey: .width)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var meta = container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta)
        try meta.encode(name, forKey: .name)
        try container.encode(points, forKey: .points)
        // Written after its sibling: Codable allows it, so the bridge holds `meta`.
        try meta.encode(width, forKey: .width)
    }
}

/// Reads a number given either as a number or as a string, as lenient decoders do.
private struct Lenient: Decodable, Equatable {
    var value: Int

    enum CodingKeys: String, CodingKey { case value }

    init(value: Int) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decode(Int.self, forKey: .value) {
            value = number
        } else {
            value = Int(try container.decode(String.self, forKey: .value)) ?? -1
        }
    }
}

/// A point whose initializer refuses negative coordinates.
private struct Checked: Decodable, Equatable {
    var x: Int
    var y: Int

    enum CodingKeys: String, CodingKey { case x, y }

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        x = try container.decode(Int.self, forKey: .x)
        guard x >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .x, in: container, debugDescription: "negative")
        }
        y = try container.decode(Int.self, forKey: .y)
    }
}

/// Keeps the elements that decode, as "lossy array" wrappers do.
private struct Lossy: Decodable {
    var points: [Checked]

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var points: [Checked] = []
        while !container.isAtEnd {
            if let point = try? container.decode(Checked.self) { points.append(point) }
        }
        self.points = points
    }
}

/// Either a bare name or an object with one.
private struct NameOrObject: Decodable, Equatable {
    var name: String

    enum CodingKeys: String, CodingKey { case name }

    init(name: String) { self.name = name }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            name = text
            return
        }
        name = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
    }
}

/// Encodes and decodes with one of two key types, by its case: consecutive elements of an
/// array ask for containers of different key types at the same depth.
private enum Shape: Codable, Equatable {
    case circle(radius: Int)
    case square(side: Int)

    enum CircleKeys: String, CodingKey { case radius }
    enum SquareKeys: String, CodingKey { case side }

    init(from decoder: any Decoder) throws {
        if let circle = try? decoder.container(keyedBy: CircleKeys.self), circle.contains(.radius) {
            self = .circle(radius: try circle.decode(Int.self, forKey: .radius))
        } else {
            self = .square(side: try decoder.container(keyedBy: SquareKeys.self).decode(Int.self, forKey: .side))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .circle(let radius):
            var container = encoder.container(keyedBy: CircleKeys.self)
            try container.encode(radius, forKey: .radius)
        case .square(let side):
            var container = encoder.container(keyedBy: SquareKeys.self)
            try container.encode(side, forKey: .side)
        }
    }
}

private struct Pair: Codable, Equatable {
    var x: Int
    var y: Int

    enum CodingKeys: String, CodingKey { case x, y }
}

private struct Holder: Codable, Equatable {
    var points: [Pair]

    enum CodingKeys: String, CodingKey { case points }
}

/// Synthesized Codable at its most varied: enums with associated values (nested containers
/// and `allKeys`), dictionaries with string and integer keys, optionals, nested arrays.
private struct Catalogue: Codable, Equatable {
    enum Item: Codable, Equatable {
        case book(title: String, pages: Int)
        case disc(minutes: Double?)
        case bundle([Item])
    }

    var items: [Item]
    var byName: [String: Pair]
    var byNumber: [Int: String]
    var note: String?
    var grid: [[Int?]]
}

@Suite("The Codable bridge streams without changing what Codable code sees")
struct CodableStreamingTests {
    @Test func keysAskedForInAnyOrderAreFound() throws {
        let value = try JSON.decode(ReversedKeys.self, from: #"{"first":1,"items":[2,3],"last":"four"}"#)
        #expect(value == ReversedKeys(first: 1, items: [2, 3], last: "four"))
    }

    @Test func neighboursWithDifferentKeyTypesEachGetTheirOwnContainer() throws {
        let shapes: [Shape] = [.circle(radius: 1), .square(side: 2), .square(side: 3), .circle(radius: 4)]
        let text = try JSON.encodeString(shapes)
        #expect(text == #"[{"radius":1},{"side":2},{"side":3},{"radius":4}]"#)
        #expect(try JSON.decode([Shape].self, from: text) == shapes)
    }

    @Test func aNestedContainerFilledAfterAStreamedSiblingKeepsItsPlaceAndContent() throws {
        let value = Flattened(name: "grid", points: [1, 2], width: 3)
        let text = try JSON.encodeString(value)
        #expect(text == #"{"meta":{"name":"grid","width":3},"points":[1,2]}"#)
        #expect(try JSON.decode(Flattened.self, from: text) == value)
    }

    @Test func aRepeatedScalarKeyIsRefusedOrKeepsItsLastValueUnderLastWins() throws {
        let input = #"{"x":1,"y":2,"x":3}"#
        let error = expectLodumError { _ = try JSON.decode(Pair.self, from: input) }
        #expect(error?.kind == .duplicateKey("x"))
        #expect(error?.path.description == "x")
        #expect(try JSON.decode(Pair.self, from: input, limits: Limits(duplicateKeys: .lastWins)) == Pair(x: 3, y: 2))
    }

    @Test(arguments: [Limits.default, Limits(duplicateKeys: .lastWins)])
    func aKeyRepeatedAfterItsArrayWasReadIsAnErrorNamingIt(_ limits: Limits) {
        let error = expectLodumError {
            _ = try JSON.decode(Holder.self, from: #"{"points":[],"points":[{"x":1,"y":2}]}"#, limits: limits)
        }
        #expect(error?.description.contains(#""points""#) == true)
    }

    @Test func aKeyReadStraightFromTheInputIsStillContainedButNotReadTwice() throws {
        struct Twice: Decodable {
            var contained = false
            var error: LodumError?
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Holder.CodingKeys.self)
                _ = try container.decode([Pair].self, forKey: .points)
                let isNil = try container.decodeNil(forKey: .points)
                contained = container.contains(.points) && !isNil
                do {
                    _ = try container.decode([Pair].self, forKey: .points)
                } catch let failure as LodumError {
                    error = failure
                }
            }
        }
        let twice = try JSON.decode(Twice.self, from: #"{"points":[{"x":1,"y":2}]}"#)
        #expect(twice.contained)
        #expect(twice.error?.description.contains(#""points""#) == true)
    }

    @Test func aMemberThatFailsOneTypeCanBeDecodedAsAnother() throws {
        #expect(try JSON.decode(Lenient.self, from: #"{"value":7}"#) == Lenient(value: 7))
        #expect(try JSON.decode(Lenient.self, from: #"{"value":"8"}"#) == Lenient(value: 8))
    }

    @Test func aSingleValueThatIsAnObjectCanBeReadAsAContainerInstead() throws {
        #expect(try JSON.decode([NameOrObject].self, from: #"["a",{"name":"b"}]"#) == [NameOrObject(name: "a"), NameOrObject(name: "b")])
    }

    @Test func elementsThatFailCanBeSkippedByCodableCode() throws {
        let input = #"[{"x":1,"y":1},"junk",{"x":-1,"y":2},[3],{"x":4,"y":4}]"#
        let lossy = try JSON.decode(Lossy.self, from: input)
        #expect(lossy.points == [Checked(x: 1, y: 1), Checked(x: 4, y: 4)])
    }

    @Test func aMismatchDeepInAStreamedArrayHasItsPath() {
        let error = expectLodumError { _ = try JSON.decode(Holder.self, from: #"{"points":[{"x":1,"y":2},{"x":3,"y":"four"}]}"#) }
        #expect(error?.path.description == "points[1].y")
        #expect(error?.description.contains(#"found String "four""#) == true)
    }

    @Test func aMissingKeyInAStreamedArrayHasItsPath() {
        let error = expectLodumError { _ = try JSON.decode(Holder.self, from: #"{"points":[{"x":1,"y":2},{"x":3}]}"#) }
        #expect(error?.kind == .missingField("y"))
        #expect(error?.path.description == "points[1].y")
    }

    @Test func aValidationErrorThrownByCodableCodeHasItsPath() {
        let error = expectLodumError { _ = try JSON.decode([Checked].self, from: #"[{"x":1,"y":2},{"x":-3,"y":4}]"#) }
        #expect(error?.path.description == "[1].x")
        #expect(error?.description.contains("negative") == true)
    }

    @Test func unknownMembersAndTrailingElementsAreSkipped() throws {
        let input = #"{"extra":{"deep":[1,{"a":null}]},"points":[{"x":1,"z":[9],"y":2}],"more":"x"}"#
        #expect(try JSON.decode(Holder.self, from: input) == Holder(points: [Pair(x: 1, y: 2)]))
    }

    @Test func aKeyRewrittenAfterItsNestedValueWasStreamedIsAnError() {
        struct Rewriting: Encodable {
            enum CodingKeys: String, CodingKey { case items }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode([Pair(x: 1, y: 2)], forKey: .items)
                try container.encode([Pair(x: 3, y: 4)], forKey: .items)
            }
        }
        let error = expectLodumError { _ = try JSON.encode(Rewriting()) }
        #expect(error?.description.contains(#""items""#) == true)
    }

    @Test func aKeyRewrittenWhileItsValueIsPendingKeepsTheLastValue() throws {
        struct Rewriting: Encodable {
            enum CodingKeys: String, CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode("first", forKey: .a)
                try container.encode(2, forKey: .b)
                try container.encode(Pair(x: 1, y: 1), forKey: .a)
            }
        }
        #expect(try JSON.encodeString(Rewriting()) == #"{"a":{"x":1,"y":1},"b":2}"#)
    }

    @Test func aContainerKeptPastItsEncodeThrowsInsteadOfWriting() throws {
        final class Keeper: @unchecked Sendable {
            var container: KeyedEncodingContainer<Pair.CodingKeys>?
        }
        struct Escaping: Encodable {
            let keeper: Keeper
            func encode(to encoder: any Encoder) throws {
                keeper.container = encoder.container(keyedBy: Pair.CodingKeys.self)
            }
        }
        let keeper = Keeper()
        #expect(try JSON.encodeString(Escaping(keeper: keeper)) == "{}")
        #expect(throws: LodumError.self) { try keeper.container?.encode(1, forKey: .x) }
    }

    @Test func variedSynthesizedCodableRoundTripsThroughEveryFormat() throws {
        let catalogue = Catalogue(
            items: [.book(title: "Lodum", pages: 12), .disc(minutes: nil), .bundle([.disc(minutes: 1.5), .bundle([])])],
            byName: ["a": Pair(x: 1, y: 2), "b": Pair(x: 3, y: 4)], byNumber: [7: "seven", -1: "minus one"],
            note: nil, grid: [[1, nil], [], [3]])
        #expect(try JSON.decode(Catalogue.self, from: JSON.encode(catalogue)) == catalogue)
        #expect(try YAML.decode(Catalogue.self, from: YAML.encode(catalogue)) == catalogue)
        #expect(try MsgPack.decode(Catalogue.self, from: MsgPack.encode(catalogue)) == catalogue)
        #expect(try MsgPack.decode(Catalogue.self, from: MsgPack.encode(catalogue, options: MsgPackOptions(structs: .arrays))) == catalogue)
        #expect(try Catalogue(from: Value(from: catalogue)) == catalogue)
        let text = try JSON.encodeString(Catalogue(items: [.book(title: "t", pages: 1)], byName: [:], byNumber: [:], note: "n", grid: []))
        #expect(text == #"{"items":[{"book":{"title":"t","pages":1}}],"byName":{},"byNumber":{},"note":"n","grid":[]}"#)
    }

    @Test func codableValuesRoundTripThroughEveryFormatWithTheirLengths() throws {
        let holder = Holder(points: (0..<20).map { Pair(x: $0, y: -$0) })
        #expect(try MsgPack.decode(Holder.self, from: MsgPack.encode(holder)) == holder)
        #expect(try YAML.decode(Holder.self, from: YAML.encode(holder)) == holder)
        #expect(try JSON.decode(Holder.self, from: JSON.encode(holder)) == holder)
    }

    @Test func scalarMembersReadInOnePassKeepTheKindsAPeekWouldGiveThem() throws {
        // Padded, each number is followed by enough bytes for the word-at-a-time readers;
        // last in a short object, it is read by the scanner.
        let members = #""small":-12,"big":18446744073709551615,"exponent":-1.5e3,"whole":7,"text":"t\u00e9","flag":true,"nothing":null"#
        let padding = #","padding":"\#(String(repeating: "x", count: 40))""#
        for text in ["{\(members)\(padding)}", "{\(members)}"] {
            let bridged = try JSON.decode(Scalars.self, from: text)
            #expect(bridged == (try JSONDecoder().decode(Scalars.self, from: Data(text.utf8))))
            #expect(bridged == Scalars(small: -12, big: .max, exponent: -1500, whole: 7, text: "té", flag: true, nothing: nil))
        }
    }

    @Test func keysMetAgainAreMatchedByTheirBytesAsTheirEscapesSpellThem() throws {
        // The second element spells "x" with an escape; the third has more distinct keys
        // before its own than a depth keeps, which must not hide them.
        let unknown = (0..<20).map { #""unknown\#($0)":\#($0)"# }.joined(separator: ",")
        let text = #"[{"x":1,"y":2},{"\u0078":3,"y":4},{\#(unknown),"y":6,"x":5},{"x":7,"y":8}]"#
        let pairs = try JSON.decode([Pair].self, from: text)
        #expect(pairs == [Pair(x: 1, y: 2), Pair(x: 3, y: 4), Pair(x: 5, y: 6), Pair(x: 7, y: 8)])
    }

    @Test func arraysOfPlainCodableValuesNestAndMayBeEmpty() throws {
        let text = #"{"points":[]}"#
        #expect(try JSON.decode(Holder.self, from: text) == Holder(points: []))
        let grid = [[Pair(x: 1, y: 2)], [], [Pair(x: 3, y: 4), Pair(x: 5, y: 6)]]
        #expect(try JSON.decode([[Pair]].self, from: JSON.encode(grid)) == grid)
        let error = expectLodumError { _ = try JSON.decode([[Pair]].self, from: #"[[{"x":1,"y":2}],{"x":3}]"#) }
        #expect(error?.path.description == "[1]")
    }
}

/// Every kind of scalar member, for the one-pass reads of an object's members.
private struct Scalars: Codable, Equatable {
    var small: Int
    var big: UInt64
    var exponent: Double
    var whole: Double
    var text: String
    var flag: Bool
    var nothing: Int?
}
