import Foundation
import Lodum
import LodumTestSupport

// Models shared by the JSON suites. Types used by one suite only live in its file.

/// A linked chain of nodes, to build structures of any depth.
@Lodum final class ChainNode {
    var id: Int
    var next: ChainNode?

    init(id: Int, next: ChainNode?) {
        self.id = id
        self.next = next
    }

    /// A chain of `length` nodes, built without recursion.
    static func chain(length: Int) -> ChainNode {
        var head = ChainNode(id: length - 1, next: nil)
        for id in stride(from: length - 2, through: 0, by: -1) {
            head = ChainNode(id: id, next: head)
        }
        return head
    }

    /// The number of nodes from this one to the end.
    var length: Int {
        var count = 1
        var current = self
        while let next = current.next {
            count += 1
            current = next
        }
        return count
    }
}

/// The Codable twin of ``ChainNode``.
final class CodableChainNode: Codable {
    var id: Int
    var next: CodableChainNode?

    init(id: Int, next: CodableChainNode?) {
        self.id = id
        self.next = next
    }

    static func chain(length: Int) -> CodableChainNode {
        var head = CodableChainNode(id: length - 1, next: nil)
        for id in stride(from: length - 2, through: 0, by: -1) {
            head = CodableChainNode(id: id, next: head)
        }
        return head
    }
}

/// An error a test's own code throws, to tell it apart from Lodum's errors.
struct PlannedFailure: Error, Equatable {
    var message = "planned failure"
}

/// Writes `elementCount` integers, then throws: a value whose serialization fails midway.
struct FailingSequence: Serializable {
    var elementCount: Int

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq(ThrowingElements(count: elementCount), count: nil)
    }

    /// Yields `count` elements, the last of which throws when serialized.
    struct ThrowingElements: Sequence, IteratorProtocol {
        var count: Int
        var index = 0

        mutating func next() -> ThrowingElement? {
            guard index < count else { return nil }
            defer { index += 1 }
            return ThrowingElement(value: index, throws: index == count - 1)
        }
    }

    struct ThrowingElement: Serializable {
        var value: Int
        var `throws`: Bool

        func serialize<S: Serializer>(to serializer: inout S) throws {
            if self.throws { throw PlannedFailure() }
            try serializer.encode(value)
        }
    }
}
