import Lodum

/// A field that the corpus holds as `null` in every object, so its real shape is unknown.
///
/// Twitter's `geo`, `coordinates`, `place` and `contributors` and several citm_catalog
/// fields are `null` throughout. Rather than guess a shape the data never shows, the models
/// type them as exactly what the data has: reading accepts only `null`, and writing writes
/// `null` (with Lodum and with Foundation's `JSONEncoder` alike), so the key survives a
/// round trip. There is one such value, so the type is not wrapped in an `Optional`.
public struct AlwaysNull: Hashable, Sendable, Codable, Serializable, Deserializable {
    /// The only value: `null`.
    @inlinable public init() {}

    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.writeNil()
    }

    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws {
        guard try deserializer.decodeNil() else {
            throw deserializer.error(.typeMismatch(expected: "null", found: "\(try deserializer.peekKind())"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard container.decodeNil() else {
            throw DecodingError.typeMismatch(
                AlwaysNull.self,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected null")
            )
        }
    }
}

/// A value stored out of line, so a struct can hold a value of its own type
/// (a retweet is itself a status).
///
/// It is transparent on the wire: it reads and writes exactly what `Wrapped` does. Members
/// of the wrapped value are reachable directly (`status.retweeted_status?.user.screen_name`).
@dynamicMemberLookup
public enum Indirect<Wrapped> {
    indirect case wrapped(Wrapped)

    /// Boxes `value`.
    @inlinable public init(_ value: Wrapped) {
        self = .wrapped(value)
    }

    /// The boxed value.
    @inlinable public var value: Wrapped {
        get {
            switch self {
            case .wrapped(let value): return value
            }
        }
        set { self = .wrapped(newValue) }
    }

    public subscript<Member>(dynamicMember keyPath: KeyPath<Wrapped, Member>) -> Member {
        value[keyPath: keyPath]
    }
}

extension Indirect: Sendable where Wrapped: Sendable {}
extension Indirect: Equatable where Wrapped: Equatable {}
extension Indirect: Hashable where Wrapped: Hashable {}

extension Indirect: Serializable where Wrapped: Serializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws {
        try value.serialize(to: &serializer)
    }
}

extension Indirect: Deserializable where Wrapped: Deserializable {
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws {
        self.init(try Wrapped(from: &deserializer))
    }
}

extension Indirect: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

extension Indirect: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(try Wrapped(from: decoder))
    }
}
