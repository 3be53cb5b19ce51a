/// A ``Deserializer`` that reads from a ``Value`` tree instead of bytes.
///
/// Lets any ``Deserializable`` type be built from a tree, which the Codable bridge uses
/// when a `Decodable` type holds a Lodum type.
public struct ValueDeserializer: Deserializer {
    @usableFromInline
    enum Frame {
        case array([Value], next: Int)
        case object([Value.Member], next: Int)
    }

    public var context: CodingContext
    /// A tree has no byte positions.
    public var position: InputPosition? { nil }
    var current: Value?
    var frames: [Frame] = []

    /// Creates a deserializer over `value`.
    public init(_ value: Value, limits: Limits = .default) {
        current = value
        context = CodingContext(limits: limits)
    }

    mutating func take(expecting expected: String) throws -> Value {
        guard let value = current else {
            throw error(.typeMismatch(expected: expected, found: "nothing"))
        }
        current = nil
        return value
    }

    func mismatch(_ expected: String, _ found: Value) -> LodumError {
        error(.typeMismatch(expected: expected, found: found.summary))
    }

    public mutating func beginStruct(_ name: StaticString) throws {
        let value = try take(expecting: "Object")
        guard case .object(let members) = value else { throw mismatch("Object", value) }
        frames.append(.object(members, next: 0))
    }

    public mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch? {
        guard let key = try nextMapKey() else { return nil }
        if let index = fields.index(of: key) { return .known(index) }
        return fields.namesUnknownKeys ? .unknownNamed(key) : .unknown
    }

    public mutating func beginSeq() throws -> Int? {
        let value = try take(expecting: "Array")
        guard case .array(let elements) = value else { throw mismatch("Array", value) }
        frames.append(.array(elements, next: 0))
        return elements.count
    }

    public mutating func nextElement() throws -> Bool {
        guard case .array(let elements, let next)? = frames.last else {
            throw error(.unsupportedValue("nextElement outside an array"))
        }
        guard next < elements.count else {
            frames.removeLast()
            return false
        }
        current = elements[next]
        frames[frames.count - 1] = .array(elements, next: next + 1)
        return true
    }

    public mutating func beginMap() throws -> Int? {
        let value = try take(expecting: "Object")
        guard case .object(let members) = value else { throw mismatch("Object", value) }
        frames.append(.object(members, next: 0))
        return members.count
    }

    public mutating func nextMapKey() throws -> String? {
        guard case .object(let members, let next)? = frames.last else {
            throw error(.unsupportedValue("nextMapKey outside an object"))
        }
        guard next < members.count else {
            frames.removeLast()
            return nil
        }
        current = members[next].value
        frames[frames.count - 1] = .object(members, next: next + 1)
        return members[next].key
    }

    public mutating func decodeNil() throws -> Bool {
        guard case .null? = current else { return false }
        current = nil
        return true
    }

    public mutating func readBool() throws -> Bool {
        let value = try take(expecting: "Bool")
        guard case .bool(let flag) = value else { throw mismatch("Bool", value) }
        return flag
    }

    public mutating func readInt64() throws -> Int64 {
        let value = try take(expecting: "Int")
        switch value {
        case .int(let number): return number
        case .uint(let number): throw error(.numberOutOfRange(String(number), type: "Int64"))
        case .double(let number):
            guard let exact = Int64(exactly: number) else { throw mismatch("Int", value) }
            return exact
        default: throw mismatch("Int", value)
        }
    }

    public mutating func readUInt64() throws -> UInt64 {
        let value = try take(expecting: "UInt")
        switch value {
        case .int(let number):
            guard let exact = UInt64(exactly: number) else {
                throw error(.numberOutOfRange(String(number), type: "UInt64"))
            }
            return exact
        case .uint(let number): return number
        case .double(let number):
            guard let exact = UInt64(exactly: number) else { throw mismatch("UInt", value) }
            return exact
        default: throw mismatch("UInt", value)
        }
    }

    public mutating func readDouble() throws -> Double {
        let value = try take(expecting: "Double")
        switch value {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case .uint(let number): return Double(number)
        default: throw mismatch("Double", value)
        }
    }

    public mutating func readFloat() throws -> Float {
        Float(try readDouble())
    }

    public mutating func readString() throws -> String {
        let value = try take(expecting: "String")
        guard case .string(let text) = value else { throw mismatch("String", value) }
        return text
    }

    public mutating func readBytes() throws -> [UInt8] {
        let value = try take(expecting: "Bytes")
        switch value {
        case .bytes(let bytes):
            return bytes
        case .string(let text):
            // A tree read from JSON holds bytes as the base64 text JSON carries them in,
            // as it holds timestamps as their ISO 8601 text.
            guard let bytes = Base64.decode(text) else { throw mismatch("base64 bytes", value) }
            return bytes
        default:
            throw mismatch("Bytes", value)
        }
    }

    public mutating func readTimestamp() throws -> Timestamp {
        if case .timestamp(let timestamp)? = current {
            _ = try take(expecting: "Timestamp")
            return timestamp
        }
        return try readTimestampText()
    }

    public mutating func readExtension() throws -> ExtensionValue {
        if case .extension(let value)? = current {
            _ = try take(expecting: "Extension")
            return value
        }
        return try readExtensionStruct()
    }

    public mutating func peekKind() throws -> ValueKind {
        guard let value = current else {
            throw error(.typeMismatch(expected: "a value", found: "nothing"))
        }
        return value.kind
    }

    public mutating func skipValue() throws {
        _ = try take(expecting: "a value")
    }
}
