// `@Flatten var address: Address` writes and reads the fields of `address` as fields of the
// struct that holds it. The nested type's own generated code does the work, through a
// serializer and a deserializer that stand for the enclosing struct: they hide the nested
// struct's own begin and end, and the reader hands the enclosing struct's fields to it as
// they arrive, so nothing is held in a tree.

// MARK: Writing

/// A ``Serializer`` that writes a nested struct's fields into the enclosing struct: it
/// forwards every event but the nested struct's own `beginStruct`/`endStruct`.
public struct FlatteningSerializer<Inner: Serializer>: Serializer {
    /// The enclosing struct's serializer, moved in for the nested value and back out.
    public var inner: Inner
    /// Whether the nested struct's own `beginStruct` has been swallowed.
    var opened = false
    /// The depth of the nested struct's fields, where its `endStruct` is swallowed.
    var fieldDepth = 0

    /// Wraps the serializer of the enclosing struct.
    public init(_ inner: Inner) {
        self.inner = inner
    }

    public var context: CodingContext {
        get { inner.context }
        set { inner.context = newValue }
    }

    public var writesFieldNames: Bool { inner.writesFieldNames }

    public mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        guard opened else {
            opened = true
            fieldDepth = context.depth
            // The nested fields stand at the enclosing struct's level: no path step of their own.
            context.atContainerStart()
            return
        }
        try inner.beginStruct(name, fieldCount: fieldCount)
    }

    public mutating func field(_ key: StaticString) throws { try inner.field(key) }

    public mutating func endStruct() throws {
        if context.depth == fieldDepth { return }
        try inner.endStruct()
    }

    public mutating func beginSeq(count: Int?) throws { try inner.beginSeq(count: count) }
    public mutating func endSeq() throws { try inner.endSeq() }
    public mutating func beginMap(count: Int?) throws { try inner.beginMap(count: count) }
    public mutating func mapKey(_ key: String) throws { try inner.mapKey(key) }
    public mutating func mapKey(_ key: Int64) throws { try inner.mapKey(key) }
    public mutating func mapKey(_ key: UInt64) throws { try inner.mapKey(key) }
    public mutating func endMap() throws { try inner.endMap() }
    public mutating func writeNil() throws { try inner.writeNil() }
    public mutating func write(_ value: Bool) throws { try inner.write(value) }
    public mutating func write(_ value: Int64) throws { try inner.write(value) }
    public mutating func write(_ value: UInt64) throws { try inner.write(value) }
    public mutating func write(_ value: Double) throws { try inner.write(value) }
    public mutating func write(_ value: Float) throws { try inner.write(value) }
    public mutating func write(_ value: String) throws { try inner.write(value) }
    public mutating func write(bytes: [UInt8]) throws { try inner.write(bytes: bytes) }
    public mutating func write(_ value: Timestamp) throws { try inner.write(value) }
    public mutating func write(_ value: ExtensionValue) throws { try inner.write(value) }
    public mutating func write(numberText: String) throws { try inner.write(numberText: numberText) }
}

/// Learns how many fields a struct writes, from the count its `serialize(to:)` announces,
/// without writing them.
struct FieldCounter: Serializer {
    var context: CodingContext
    let writesFieldNames: Bool
    var count: Int?

    /// Thrown once the count is known, to stop the struct's `serialize(to:)` there.
    struct Counted: Error {}

    mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        count = fieldCount
        throw Counted()
    }

    mutating func field(_ key: StaticString) throws {}
    mutating func endStruct() throws {}
    mutating func beginSeq(count: Int?) throws { throw Counted() }
    mutating func endSeq() throws {}
    mutating func beginMap(count: Int?) throws { throw Counted() }
    mutating func mapKey(_ key: String) throws {}
    mutating func endMap() throws {}
    mutating func writeNil() throws { throw Counted() }
    mutating func write(_ value: Bool) throws { throw Counted() }
    mutating func write(_ value: Int64) throws { throw Counted() }
    mutating func write(_ value: UInt64) throws { throw Counted() }
    mutating func write(_ value: Double) throws { throw Counted() }
    mutating func write(_ value: Float) throws { throw Counted() }
    mutating func write(_ value: String) throws { throw Counted() }
    mutating func write(bytes: [UInt8]) throws { throw Counted() }
}

extension Serializer {
    /// How many fields `value`, a struct flattened into this one, writes.
    public func flattenedFieldCount<T: Serializable>(of value: T) throws -> Int {
        var counter = FieldCounter(context: CodingContext(limits: context.limits), writesFieldNames: writesFieldNames)
        do {
            try value.serialize(to: &counter)
        } catch is FieldCounter.Counted {
        }
        guard let count = counter.count else {
            throw error(.unsupportedValue("@Flatten needs a struct: \(T.self) is not written as one"))
        }
        return count
    }

    /// Writes the fields of `value`, a struct, as fields of the struct being written.
    @inlinable
    public mutating func encodeFlattenedFields<T: Serializable>(of value: T) throws {
        var flattening = FlatteningSerializer(self)
        defer { self = flattening.inner }
        try value.serialize(to: &flattening)
    }
}

// MARK: Reading

/// A ``Deserializer`` that reads a nested struct's fields from the enclosing struct's
/// input: the nested type asks for its fields, and every field of the enclosing struct that
/// comes between them is handed to the enclosing struct's reader as it arrives.
public struct FlatteningDeserializer<Inner: Deserializer>: Deserializer {
    /// The enclosing struct's deserializer, moved in for the nested value and back out.
    public var inner: Inner
    /// The enclosing struct's table: its own fields, then the nested struct's.
    let fields: FieldNames
    /// How many of `fields` are the enclosing struct's own.
    let ownCount: Int
    /// Reads one of the enclosing struct's own fields, by its index in `fields`.
    let readOwnField: (inout Inner, Int) throws -> Void
    /// Whether a key in neither the enclosing struct nor the nested one is an error.
    let denyUnknownFields: Bool
    /// Whether the nested struct's own `beginStruct` has been swallowed.
    var opened = false
    /// The depth of the nested struct's fields.
    var fieldDepth = 0
    var hint = 0
    /// The enclosing struct's own fields read so far (the nested type tracks its own).
    var seenOwn = SeenFields()

    /// Reads the nested struct's fields out of the struct `inner` has begun.
    public init(
        _ inner: Inner, fields: FieldNames, ownCount: Int, denyUnknownFields: Bool,
        readOwnField: @escaping (inout Inner, Int) throws -> Void
    ) {
        self.inner = inner
        self.fields = fields
        self.ownCount = ownCount
        self.denyUnknownFields = denyUnknownFields
        self.readOwnField = readOwnField
    }

    public var context: CodingContext {
        get { inner.context }
        set { inner.context = newValue }
    }

    public var position: InputPosition? { inner.position }
    public var positionOfLastValue: InputPosition? { inner.positionOfLastValue }

    public mutating func beginStruct(_ name: StaticString) throws {
        guard opened else {
            opened = true
            fieldDepth = context.depth
            return
        }
        try inner.beginStruct(name)
    }

    public mutating func nextField(in nested: FieldNames, hint nestedHint: Int) throws -> FieldMatch? {
        guard context.depth == fieldDepth else { return try inner.nextField(in: nested, hint: nestedHint) }
        while let match = try inner.nextField(in: fields, hint: hint) {
            guard case .known(let index) = match else {
                if denyUnknownFields {
                    guard case .unknownNamed(let key) = match else { throw inner.unknownField(nil) }
                    throw inner.unknownField(key)
                }
                return match
            }
            hint = index + 1
            if index >= ownCount { return .known(index - ownCount) }
            context.atField(fields.names[index])
            if !seenOwn.insert(index) { try inner.repeatedField(fields.names[index]) }
            try readOwnField(&inner, index)
        }
        return nil
    }

    public mutating func beginSeq() throws -> Int? { try inner.beginSeq() }
    public mutating func nextElement() throws -> Bool { try inner.nextElement() }
    public mutating func beginMap() throws -> Int? { try inner.beginMap() }
    public mutating func nextMapKey() throws -> String? { try inner.nextMapKey() }
    public mutating func decodeNil() throws -> Bool { try inner.decodeNil() }
    public mutating func readBool() throws -> Bool { try inner.readBool() }
    public mutating func readInt64() throws -> Int64 { try inner.readInt64() }
    public mutating func readUInt64() throws -> UInt64 { try inner.readUInt64() }
    public mutating func readDouble() throws -> Double { try inner.readDouble() }
    public mutating func readFloat() throws -> Float { try inner.readFloat() }
    public mutating func readString() throws -> String { try inner.readString() }
    public mutating func readBytes() throws -> [UInt8] { try inner.readBytes() }
    public mutating func readTimestamp() throws -> Timestamp { try inner.readTimestamp() }
    public mutating func readExtension() throws -> ExtensionValue { try inner.readExtension() }
    public mutating func readNumberText() throws -> String { try inner.readNumberText() }
    public mutating func peekKind() throws -> ValueKind { try inner.peekKind() }
    public mutating func skipValue() throws { try inner.skipValue() }
}

extension Deserializer {
    /// Reads the struct that holds a flattened property: its own fields through
    /// `readOwnField`, and the flattened struct's fields through its type's `init(from:)`,
    /// in one pass, in whatever order they come. `fields` holds the struct's own fields
    /// first, then the flattened type's.
    @inlinable
    public mutating func decodeStruct<Nested: Deserializable>(
        _ name: StaticString, fields: FieldNames, ownCount: Int, flattening nested: Nested.Type,
        denyUnknownFields: Bool = false, readOwnField: @escaping (inout Self, Int) throws -> Void
    ) throws -> Nested {
        try enterLimitedContainer()
        try beginStruct(name)
        var flattening = FlatteningDeserializer(
            self, fields: fields, ownCount: ownCount, denyUnknownFields: denyUnknownFields, readOwnField: readOwnField)
        defer { self = flattening.inner }
        let value = try Nested(from: &flattening)
        flattening.inner.context.exitContainer()
        return value
    }
}
