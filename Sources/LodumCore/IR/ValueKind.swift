/// The kind of value a reader sees next, for types (such as ``Value``) that accept any.
public enum ValueKind: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool
    /// An integer that fits `Int64`.
    case int
    /// A non-negative integer above `Int64.max` that fits `UInt64`.
    case uint
    case double
    case string
    case bytes
    /// A native timestamp (MessagePack's extension -1, YAML's `!!timestamp`).
    case timestamp
    /// An application extension value (MessagePack's other extension types).
    case `extension`
    case sequence
    case map

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "Bool"
        case .int, .uint: return "Integer"
        case .double: return "Number"
        case .string: return "String"
        case .bytes: return "Bytes"
        case .timestamp: return "Timestamp"
        case .extension: return "Extension"
        case .sequence: return "Array"
        case .map: return "Object"
        }
    }
}
