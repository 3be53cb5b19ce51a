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
