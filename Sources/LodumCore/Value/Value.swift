/// A dynamically typed value in Lodum's data model: what any format can hold.
///
/// `Value` is the tree you ask for when you do not have a type: it decodes from every
/// format and encodes to every format, keeping object members in input order.
///
/// ```swift
/// let value = try JSON.decode(Value.self, from: #"{"a": [1, 2.5, null]}"#)
/// value["a"]?[1]?.doubleValue                      // 2.5
/// let written: Value = ["a": [1, 2.5, nil]]       // literals, in the written order
/// let tree = try Value(from: user)            // any value's tree; back with User(from: tree)
/// ```
public enum Value: Sendable {
    case null
    case bool(Bool)
    /// An integer that fits `Int64`.
    case int(Int64)
    /// A non-negative integer above `Int64.max`.
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    /// An instant, from a format's native timestamp (or written as one).
    case timestamp(Timestamp)
    /// An application extension value (MessagePack's extension types).
    case `extension`(ExtensionValue)
    case array([Value])
    /// Object members in the order they were read or written.
    case object([Member])

    /// One member of an object.
    public struct Member: Sendable, Equatable {
        /// The member's key.
        public var key: String
        /// The member's value.
        public var value: Value

        /// Creates a member.
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The kind of this value.
    public var kind: ValueKind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .timestamp: return .timestamp
        case .extension: return .extension
        case .array: return .sequence
        case .object: return .map
        }
    }

    /// A short description for error messages: `String "abc"`, `Number 1.5`, `Object`.
    public var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "Bool \(flag)"
        case .int(let number): return "Number \(number)"
        case .uint(let number): return "Number \(number)"
        case .double(let number): return "Number \(number)"
        case .string(let text): return LodumError.describeFound("String", String(reflecting: text))
        case .bytes(let bytes): return "Bytes (\(bytes.count))"
        case .timestamp(let timestamp): return "Timestamp \(timestamp.iso8601)"
        case .extension(let value): return "Extension type \(value.type) (\(value.data.count) bytes)"
        case .array: return "Array"
        case .object: return "Object"
        }
    }
}

extension Value: Equatable {
    /// Values are equal as data: objects compare members regardless of order, and numbers
    /// compare by value whichever integer case holds them.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.uint(let a), .uint(let b)): return a == b
        case (.int(let a), .uint(let b)), (.uint(let b), .int(let a)): return a >= 0 && UInt64(a) == b
        case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.extension(let a), .extension(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            // Members sharing a key (which JSON allows) are matched in their relative order.
            var remaining = Dictionary(grouping: b, by: \.key).mapValues { ArraySlice($0.map(\.value)) }
            for member in a {
                guard let other = remaining[member.key]?.popFirst(), other == member.value else { return false }
            }
            return true
        default: return false
        }
    }
}

extension Value: Serializable {
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serialize(to: &serializer, keysAreFields: false)
    }

    /// Writes the tree; with `keysAreFields`, object members are named in coding paths as
    /// struct fields (`a.b`) rather than map keys (`["a"]["b"]`).
    func serialize<S: Serializer>(to serializer: inout S, keysAreFields: Bool) throws {
        switch self {
        case .null: try serializer.writeNil()
        case .bool(let flag): try serializer.write(flag)
        case .int(let number): try serializer.write(number)
        case .uint(let number): try serializer.write(number)
        case .double(let number): try serializer.write(number)
        case .string(let text): try serializer.write(text)
        case .bytes(let bytes): try serializer.write(bytes: bytes)
        case .timestamp(let timestamp): try serializer.write(timestamp)
        case .extension(let value): try serializer.write(value)
        case .array(let elements):
            // Plain loops rather than lazy maps: this runs unspecialized under the Codable
            // bridge, where each lazily mapped element would look up generic metadata.
            try serializer.encodeSeq(count: elements.count) { serializer in
                for index in elements.indices {
                    try serializer.encodeElement(NamedTree(value: elements[index], keysAreFields: keysAreFields), at: index)
                }
            }
        case .object(let members):
            try serializer.encodeMap(count: members.count) { serializer in
                for member in members {
                    try serializer.encodeEntry(
                        member.key, NamedTree(value: member.value, keysAreFields: keysAreFields), keyNamesField: keysAreFields)
                }
            }
        }
    }
}

/// A subtree that keeps its parent's way of naming members in coding paths.
private struct NamedTree: Serializable {
    let value: Value
    let keysAreFields: Bool

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try value.serialize(to: &serializer, keysAreFields: keysAreFields)
    }
}

extension Value: Deserializable {
    public init<D: Deserializer>(from deserializer: inout D) throws {
        switch try deserializer.peekKind() {
        case .null:
            _ = try deserializer.decodeNil()
            self = .null
        case .bool: self = .bool(try deserializer.readBool())
        case .int: self = .int(try deserializer.readInt64())
        case .uint: self = .uint(try deserializer.readUInt64())
        case .double: self = .double(try deserializer.readDouble())
        case .string: self = .string(try deserializer.readString())
        case .bytes: self = .bytes(try deserializer.readBytes())
        case .timestamp: self = .timestamp(try deserializer.readTimestamp())
        case .extension: self = .extension(try deserializer.readExtension())
        case .sequence:
            var elements: [Value] = []
            try deserializer.decodeSeq { deserializer in
                elements.append(try Value(from: &deserializer))
            }
            self = .array(elements)
        case .map:
            var members: [Member] = []
            var keys = KeyIndex()
            try deserializer.decodeMap { deserializer, key in
                guard let earlier = keys.earlierIndex(of: key, in: members) else {
                    members.append(Member(key: key, value: try Value(from: &deserializer)))
                    return
                }
                try deserializer.repeatedKey(key, at: deserializer.position)
                members[earlier].value = try Value(from: &deserializer)
            }
            self = .object(members)
        }
    }
}
