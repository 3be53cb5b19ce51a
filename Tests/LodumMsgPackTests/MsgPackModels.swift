import Foundation
import Lodum
import LodumTestSupport

// Models and helpers shared by the MessagePack suites. Types used by one suite only live
// in its file; the fixtures every format shares are in Tests/Support (LodumTestSupport).

@Lodum struct MPItem: Equatable, Sendable {
    var sku: String
    var price: Double
    var quantity: UInt16
    var ratio: Float
}

@Lodum struct MPInventory: Equatable, Sendable {
    var owner: Person
    var items: [MPItem]
    var tags: [String]
    var counts: [String: Int]
    var itemsByName: [String: MPItem]
    var note: String?
    var missingNote: String?
    var matrix: [[Double]]
    var sparse: [Int?]
    var section: Catalog.Section
    var flags: [Bool]

    static let sample = MPInventory(
        owner: Person(name: "Ada", age: 36),
        items: [MPItem(sku: "a-1", price: 9.99, quantity: 3, ratio: 0.25), MPItem(sku: "b-2", price: -0.5, quantity: 65535, ratio: -1e-3)],
        tags: ["new", "", "ünïcödé ✓", "a\u{0}b", String(repeating: "t", count: 40)],
        counts: ["apples": 3, "pears": -1, "": 7, "big": Int.max, "small": Int.min],
        itemsByName: ["first": MPItem(sku: "c-3", price: 1e-3, quantity: 0, ratio: 3)],
        note: "fragile",
        missingNote: nil,
        matrix: [[1.5, -2.25], [], [0.1]],
        sparse: [1, nil, 3],
        section: Catalog.Section(title: "Intro", pages: Array(0..<20)),
        flags: [true, false])
}

@Lodum struct MPBox<Wrapped: Serializable & Deserializable & Equatable>: Equatable {
    var value: Wrapped
}

/// A struct with defaults and optionals, to tell nil from a missing field.
@Lodum struct MPSettings: Equatable {
    var name: String
    var retries: Int = 3
    var timeout: Double? = 1.5
    var comment: String?
}

@Lodum struct MPLabel: Equatable, Sendable {
    var label: String
}

@Lodum struct MPBlob: Equatable, Sendable {
    var name: String
    var payload: Value
}

/// A linked chain, to build structures of any depth.
@Lodum final class MPChain {
    var id: Int
    var next: MPChain?

    init(id: Int, next: MPChain?) {
        self.id = id
        self.next = next
    }

    static func chain(length: Int) -> MPChain {
        var head = MPChain(id: length - 1, next: nil)
        for id in stride(from: length - 2, through: 0, by: -1) { head = MPChain(id: id, next: head) }
        return head
    }
}

@Lodum struct MPNest {
    var children: [MPNest]
}

/// A typed model of any nesting: an array's elements or a map's `children`.
struct MPNestAny: Deserializable {
    var children: [MPNestAny] = []

    init<D: Deserializer>(from deserializer: inout D) throws {
        if try deserializer.peekKind() == .map {
            children = try MPNest(from: &deserializer).children.map { _ in MPNestAny() }
        } else {
            children = try [MPNestAny](from: &deserializer)
        }
    }

    init() {}
}

/// The elements of a sequence written with `beginSeq(count: nil)`, through the core's
/// driver: what a transcoder writes when it cannot know a length up front.
struct MPUnknownLengthSeq<Element: Serializable>: Serializable {
    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq(elements.lazy.map { $0 }, count: nil)
    }
}

/// The entries of a map written with `beginMap(count: nil)`, kept in order.
struct MPUnknownLengthMap<Value: Serializable>: Serializable {
    var entries: [(key: String, value: Value)]

    init(_ entries: [(key: String, value: Value)]) { self.entries = entries }

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.context.enterContainer()
        try serializer.beginMap(count: nil)
        for (key, value) in entries {
            serializer.context.atKey(key)
            try serializer.mapKey(key)
            try serializer.encode(value)
        }
        try serializer.endMap()
        serializer.context.exitContainer()
    }
}

/// A struct whose fields hold containers of unknown length.
struct MPStructOfUnknowns: Serializable {
    var name: String
    var numbers: MPUnknownLengthSeq<Int>
    var table: MPUnknownLengthMap<[Int]>

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeStruct("MPStructOfUnknowns", fieldCount: 3) { serializer in
            try serializer.encodeField("name", name)
            try serializer.encodeField("numbers", numbers)
            try serializer.encodeField("table", table)
        }
    }
}

/// An error a test's own code throws, to tell it apart from Lodum's errors.
struct MPPlannedFailure: Error, Equatable {}

/// Writes `elementCount` integers into a sequence of unknown length, then throws.
struct MPFailingSequence: Serializable {
    var elementCount: Int

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq((0..<elementCount).lazy.map { MPFailingElement(value: $0, fails: $0 == elementCount - 1) }, count: nil)
    }
}

struct MPFailingElement: Serializable {
    var value: Int
    var fails: Bool

    func serialize<S: Serializer>(to serializer: inout S) throws {
        if fails { throw MPPlannedFailure() }
        try serializer.encode(value)
    }
}

extension Fixtures {
    /// `count` records as one MessagePack array of maps.
    static func msgpackRecords(count: Int) throws -> [UInt8] {
        Array(try MsgPack.encode((0..<count).map { Record(id: $0, name: "record-\($0)") }))
    }
}

/// A `Value` object from key-value pairs, in order.
func mpObject(_ members: KeyValuePairs<String, Value>) -> Value {
    .object(members.map { Value.Member(key: $0.key, value: $0.value) })
}

/// Every element of a lazy stream, until it ends.
func mpDrain<F: Format, Element>(_ stream: ElementStream<F, Element>) throws -> [Element] {
    var stream = stream
    var elements: [Element] = []
    while let element = try stream.next() { elements.append(element) }
    return elements
}
