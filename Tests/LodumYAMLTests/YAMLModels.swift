import Foundation
import Lodum
import LodumTestSupport

// Models shared by the YAML suites. Types used by one suite only live in its file.

/// A struct with an optional, to tell `null` from a missing key.
@Lodum struct YSettings: Equatable {
    var name: String
    var retries: Int = 3
    var timeout: Double? = 1.5
    var comment: String?
}

/// A docker-compose-like service, for merge keys.
@Lodum struct YService: Equatable {
    var image: String
    var restart: String
    var environment: [String: String]
    var ports: [String]
}

@Lodum struct YNest {
    var children: [YNest]
}

/// An error a test's own code throws, to tell it apart from Lodum's errors.
struct YPlannedFailure: Error, Equatable {}

/// Writes `elementCount` integers, then throws.
struct YFailingSequence: Serializable {
    var elementCount: Int

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq((0..<elementCount).lazy.map { YFailingElement(value: $0, fails: $0 == elementCount - 1) }, count: nil)
    }
}

struct YFailingElement: Serializable {
    var value: Int
    var fails: Bool

    func serialize<S: Serializer>(to serializer: inout S) throws {
        if fails { throw YPlannedFailure() }
        try serializer.encode(value)
    }
}
