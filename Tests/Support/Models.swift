import Foundation
import Lodum

// The models every format's suite uses, one copy: the same values go through JSON, YAML
// and MessagePack. A suite's own models live in its files.

@Lodum public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

@Lodum public struct Dataset: Equatable, Sendable {
    public var points: [Point]

    public init(points: [Point]) {
        self.points = points
    }
}

@Lodum public struct Record: Equatable, Sendable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// The Codable twin of ``Record``: no macro, only `Codable`.
public struct CodableRecord: Codable, Equatable, Sendable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

@Lodum public struct Person: Equatable, Sendable {
    public var name: String
    public var age: Int

    public init(name: String, age: Int) {
        self.name = name
        self.age = age
    }
}

@Lodum public struct Item: Equatable, Sendable {
    public var sku: String
    public var price: Double
    public var quantity: UInt16

    public init(sku: String, price: Double, quantity: UInt16) {
        self.sku = sku
        self.price = price
        self.quantity = quantity
    }
}

public enum Catalog {
    /// A type nested in another: extended by its qualified name, written by its own.
    @Lodum public struct Section: Equatable, Sendable {
        public var title: String
        public var pages: [Int]

        public init(title: String, pages: [Int]) {
            self.title = title
            self.pages = pages
        }
    }
}

/// Every kind of container and optional the data model has, nested.
@Lodum public struct Inventory: Equatable, Sendable {
    public var owner: Person
    public var items: [Item]
    public var tags: [String]
    public var counts: [String: Int]
    public var itemsByName: [String: Item]
    public var note: String?
    public var missingNote: String?
    public var matrix: [[Double]]
    public var sparse: [Int?]
    public var section: Catalog.Section
    public var flags: [Bool]

    public init(
        owner: Person, items: [Item], tags: [String], counts: [String: Int], itemsByName: [String: Item],
        note: String?, missingNote: String?, matrix: [[Double]], sparse: [Int?], section: Catalog.Section, flags: [Bool]
    ) {
        self.owner = owner
        self.items = items
        self.tags = tags
        self.counts = counts
        self.itemsByName = itemsByName
        self.note = note
        self.missingNote = missingNote
        self.matrix = matrix
        self.sparse = sparse
        self.section = section
        self.flags = flags
    }
}

/// A wrapper, to put any value inside a struct.
@Lodum public struct Box<Wrapped: Serializable & Deserializable & Equatable>: Equatable {
    public var value: Wrapped

    public init(value: Wrapped) {
        self.value = value
    }
}

/// A recursive final class with defaults and an optional.
@Lodum public final class Tree {
    public var name: String
    public var weight: Double = 1
    public var children: [Tree]
    public var parentName: String?

    public init(name: String, weight: Double = 1, children: [Tree] = [], parentName: String? = nil) {
        self.name = name
        self.weight = weight
        self.children = children
        self.parentName = parentName
    }
}

/// A Codable-only type, for the Codable bridge, with a Lodum type inside.
public struct CodableOrder: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable { case open, shipped }

    public var id: UInt64
    public var status: Status
    public var lines: [CodableLine]
    public var notes: [String: String]
    public var discount: Double?
    /// A Lodum type inside a Codable one (Codable synthesis needs it to declare Codable too).
    public var origin: Location

    public init(id: UInt64, status: Status, lines: [CodableLine], notes: [String: String], discount: Double?, origin: Location) {
        self.id = id
        self.status = status
        self.lines = lines
        self.notes = notes
        self.discount = discount
        self.origin = origin
    }
}

@Lodum public struct Location: Codable, Equatable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

public struct CodableLine: Codable, Equatable, Sendable {
    public var product: String
    public var count: Int8

    public init(product: String, count: Int8) {
        self.product = product
        self.count = count
    }
}
