extension Optional: Serializable where Wrapped: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        switch self {
        case .none: try serializer.writeNil()
        case .some(let wrapped): try wrapped.serialize(to: &serializer)
        }
    }
}

extension Optional: Deserializable where Wrapped: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = try deserializer.decodeNil() ? nil : Wrapped(from: &deserializer)
    }
}

extension Array: Serializable where Element: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq(self)
    }
}

extension Array: Deserializable where Element: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = try deserializer.decodeElements()
    }
}

extension ContiguousArray: Serializable where Element: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq(self)
    }
}

extension ContiguousArray: Deserializable where Element: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = try deserializer.decodeElements()
    }
}

extension Deserializer {
    /// Reads a sequence into any collection that can be appended to.
    @inlinable
    public mutating func decodeElements<C: RangeReplaceableCollection>(
        as type: C.Type = C.self
    ) throws -> C where C.Element: Deserializable {
        var elements = C()
        try decodeSeq { deserializer in
            elements.append(try C.Element(from: &deserializer))
        }
        return elements
    }
}

extension Dictionary: Serializable where Key: MapKey, Value: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeMap(self)
    }
}

extension Dictionary: Deserializable where Key: MapKey, Value: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        var entries: [Key: Value] = [:]
        try deserializer.decodeMap { deserializer, text in
            guard let key = Key(mapKeyText: text) else {
                throw deserializer.error(.typeMismatch(
                    expected: "a map key of type \(Key.self)", found: LodumError.describeFound("String", String(reflecting: text))))
            }
            entries[key] = try Value(from: &deserializer)
        }
        self = entries
    }
}
