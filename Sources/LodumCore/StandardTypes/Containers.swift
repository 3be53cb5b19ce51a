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

// Arrays of `UInt8` are bytes: `write(bytes:)` and `decodeBytes()`, so base64 in JSON,
// `!!binary` in YAML and `bin` in MessagePack rather than a number per byte. Swift has no
// overlapping conformances, so the generic conformances ask `Element.self == UInt8.self`.
// Once specialized, that comparison is a constant and the other arrays' code has no trace
// of it; unspecialized, it is one comparison per array, never per element. Where it holds,
// `[Element]` and `[UInt8]` are the same type, which is what makes the casts below safe.

extension Array: Serializable where Element: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        if Element.self == UInt8.self {
            return try serializer.write(bytes: unsafeBitCast(self, to: [UInt8].self))
        }
        try serializer.encodeSeq(self)
    }
}

extension Array: Deserializable where Element: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        if Element.self == UInt8.self {
            self = unsafeBitCast(try deserializer.decodeBytes(), to: [Element].self)
            return
        }
        self = try deserializer.decodeElements()
    }
}

extension ContiguousArray: Serializable where Element: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        if Element.self == UInt8.self {
            return try withUnsafeBytes { try serializer.write(bytes: Array($0)) }
        }
        try serializer.encodeSeq(self)
    }
}

extension ContiguousArray: Deserializable where Element: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        if Element.self == UInt8.self {
            self = unsafeBitCast(ContiguousArray<UInt8>(try deserializer.decodeBytes()), to: ContiguousArray<Element>.self)
            return
        }
        self = try deserializer.decodeElements()
    }
}

extension ArraySlice: Serializable where Element: Serializable {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        if Element.self == UInt8.self {
            return try withUnsafeBytes { try serializer.write(bytes: Array($0)) }
        }
        try serializer.encodeSeq(self)
    }
}

extension ArraySlice: Deserializable where Element: Deserializable {
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        if Element.self == UInt8.self {
            self = unsafeBitCast(ArraySlice<UInt8>(try deserializer.decodeBytes()), to: ArraySlice<Element>.self)
            return
        }
        self = try deserializer.decodeElements()
    }
}

extension Set: Serializable where Element: Serializable {
    /// Writes the elements as a sequence, in the set's iteration order.
    ///
    /// That order changes from one process to the next (Swift seeds its hashing per
    /// process), so two runs can write the same set differently. Where output must be
    /// stable (files under version control, signatures), write a sorted array instead:
    /// `tags.sorted()`.
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encodeSeq(self)
    }
}

extension Set: Deserializable where Element: Deserializable {
    /// Reads a sequence into a set; an element that appears twice is an error at the
    /// second one, `expected distinct elements of a Set, found a duplicate "a"`.
    ///
    /// A set written by Lodum never repeats an element, so a repeat means the input was
    /// made as something else (a list), and dropping the repeat silently could lose what
    /// its author meant. Read such input as an array and make the set yourself:
    /// `Set(try JSON.decode([String].self, from: data))`.
    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        var elements = Set()
        try deserializer.decodeSeq { deserializer in
            let element = try Element(from: &deserializer)
            guard elements.insert(element).inserted else {
                throw LodumError(
                    .typeMismatch(expected: "distinct elements of a Set",
                                  found: LodumError.describeFound("a duplicate", String(reflecting: element))),
                    path: deserializer.path, position: deserializer.positionOfLastValue)
            }
        }
        self = elements
    }
}

extension Deserializer {
    /// Reads a sequence into any collection that can be appended to.
    ///
    /// The first element reserves room for 64 bytes of elements (at least one): growing one
    /// element at a time would allocate twice for a GeoJSON position `[x, y]`, which is
    /// most of canada.json, and an empty sequence still allocates nothing.
    @inlinable
    public mutating func decodeElements<C: RangeReplaceableCollection>(
        as type: C.Type = C.self
    ) throws -> C where C.Element: Deserializable {
        var elements = C()
        try decodeSeq { deserializer in
            let element = try C.Element(from: &deserializer)
            if elements.isEmpty { elements.reserveCapacity(Swift.max(1, 64 / MemoryLayout<C.Element>.stride)) }
            elements.append(element)
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
            let value = try Value(from: &deserializer)
            if entries.updateValue(value, forKey: key) != nil {
                try deserializer.repeatedKey(text, at: deserializer.positionOfLastValue)
            }
        }
        self = entries
    }
}
