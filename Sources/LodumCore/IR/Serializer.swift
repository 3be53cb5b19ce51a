/// The event vocabulary a format backend implements to write values.
///
/// Encoding is push: a ``Serializable`` value walks itself and calls these methods. Types
/// do not call the `begin`/`end` events directly; they use the core's drivers
/// (``encodeStruct(_:fieldCount:_:)``, ``encodeField(_:_:)``, ``encode(_:)``), which keep
/// the coding path and the depth limit in ``context`` so every backend behaves the same.
///
/// Lengths are hints: a backend that must know a container's length before its first
/// element (MessagePack) buffers only a container whose `count` is `nil`.
public protocol Serializer {
    /// The coding path and limits, maintained by the core's drivers.
    var context: CodingContext { get set }

    /// Starts a struct with a fixed number of fields, each announced by ``field(_:)``.
    mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws
    /// Announces that the next value belongs to the field `key`.
    mutating func field(_ key: StaticString) throws
    /// Ends the innermost struct.
    mutating func endStruct() throws

    /// Starts a sequence; `count` is `nil` when the length is not known up front.
    mutating func beginSeq(count: Int?) throws
    /// Ends the innermost sequence.
    mutating func endSeq() throws

    /// Starts a map; each entry is a ``mapKey(_:)`` followed by one value.
    mutating func beginMap(count: Int?) throws
    /// Writes the key of the next map entry.
    mutating func mapKey(_ key: String) throws
    /// Writes an integer key of the next map entry. Formats whose keys are strings write
    /// its decimal text (the default); formats with ``FormatCapabilities/nonStringKeys``
    /// write the integer.
    mutating func mapKey(_ key: Int64) throws
    /// Writes an unsigned integer key of the next map entry, as ``mapKey(_:)-(Int64)`` does.
    mutating func mapKey(_ key: UInt64) throws
    /// Ends the innermost map.
    mutating func endMap() throws

    /// Writes the absence of a value.
    mutating func writeNil() throws
    /// Writes a Boolean.
    mutating func write(_ value: Bool) throws
    /// Writes a signed integer.
    mutating func write(_ value: Int64) throws
    /// Writes an unsigned integer.
    mutating func write(_ value: UInt64) throws
    /// Writes a double-precision number.
    mutating func write(_ value: Double) throws
    /// Writes a single-precision number; formats without one widen it.
    mutating func write(_ value: Float) throws
    /// Writes text.
    mutating func write(_ value: String) throws
    /// Writes raw bytes; text formats choose an encoding (JSON: base64).
    mutating func write(bytes: [UInt8]) throws
    /// Writes a number given as its decimal text in RFC 8259 §6 syntax (`-12.50`, `1e-7`),
    /// for numbers that no binary type holds exactly, such as `Decimal`. Formats with a
    /// number syntax write the digits as a bare number (JSON, YAML); formats without a
    /// decimal type write a string holding them (the default; MessagePack). Text that is
    /// not such a number is an error in every format.
    mutating func write(numberText: String) throws
    /// Writes an instant. Formats without a timestamp type write its ISO 8601 text (the
    /// default); formats with ``FormatCapabilities/nativeTimestamp`` write their own type.
    mutating func write(_ value: Timestamp) throws
    /// Writes an application extension value. Formats without extension types write a
    /// struct of `type` and `data` (the default); MessagePack writes an extension.
    mutating func write(_ value: ExtensionValue) throws

    /// Whether struct fields are known by their names in the output. A serializer that
    /// writes structs by position (MessagePack with structs as arrays) answers `false`, and
    /// a `nil` that `@Field(skipIfNil: true)` would leave out is written as `nil` instead,
    /// so the fields after it keep their positions. Defaults to `true`.
    var writesFieldNames: Bool { get }
}

extension Serializer {
    public var writesFieldNames: Bool { true }

    public mutating func mapKey(_ key: Int64) throws {
        try mapKey(String(key))
    }

    public mutating func mapKey(_ key: UInt64) throws {
        try mapKey(String(key))
    }

    public mutating func write(_ value: Timestamp) throws {
        try write(value.iso8601)
    }

    public mutating func write(_ value: ExtensionValue) throws {
        try writeExtensionStruct(value)
    }

    public mutating func write(numberText: String) throws {
        try checkNumberText(numberText)
        try write(numberText)
    }

    /// Checks that `text` is a number in RFC 8259 §6 syntax, the form
    /// ``write(numberText:)`` takes, so that no format writes other text as a number.
    public func checkNumberText(_ text: String) throws {
        guard NumberText.isJSONNumber(text) else {
            throw error(.unsupportedValue("\(LodumError.describeFound("the text", String(reflecting: text))) is not a number in RFC 8259 §6 syntax"))
        }
    }

    /// Writes an extension value as the struct of `type` and `data` that stands for it in
    /// formats without extension types.
    public mutating func writeExtensionStruct(_ value: ExtensionValue) throws {
        try encodeStruct("ExtensionValue", fieldCount: 2) { serializer in
            try serializer.encodeField("type", value.type)
            serializer.context.atField("data")
            try serializer.field("data")
            try serializer.write(bytes: value.data)
        }
    }

    /// Builds an error at the current coding path.
    public func error(_ kind: LodumError.Kind) -> LodumError {
        LodumError(kind, path: context.path)
    }

    /// Writes any ``Serializable`` value.
    @inlinable
    public mutating func encode<T: Serializable>(_ value: T) throws {
        try value.serialize(to: &self)
    }

    /// Writes a value that is only `Encodable`, through the Codable bridge.
    @_disfavoredOverload
    public mutating func encode<T: Encodable>(_ value: T) throws {
        try CodableBridge.encode(value, to: &self)
    }

    /// Writes a struct: `body` writes each field with ``encodeField(_:_:)``.
    ///
    /// The core checks the depth limit and keeps the coding path, so an error thrown while
    /// writing a field names it.
    @inlinable
    public mutating func encodeStruct(
        _ name: StaticString, fieldCount: Int, _ body: (inout Self) throws -> Void
    ) throws {
        try context.enterContainer()
        try beginStruct(name, fieldCount: fieldCount)
        try body(&self)
        try endStruct()
        context.exitContainer()
    }

    /// Writes one field of a struct opened by ``encodeStruct(_:fieldCount:_:)``.
    @inlinable
    public mutating func encodeField<T: Serializable>(_ key: StaticString, _ value: T) throws {
        context.atField(key)
        try field(key)
        try value.serialize(to: &self)
    }

    /// Writes one field whose type is only `Encodable`, through the Codable bridge.
    @_disfavoredOverload
    public mutating func encodeField<T: Encodable>(_ key: StaticString, _ value: T) throws {
        context.atField(key)
        try field(key)
        try encode(value)
    }

    /// Writes the elements of a collection as a sequence of known length.
    @inlinable
    public mutating func encodeSeq<C: Collection>(_ elements: C) throws where C.Element: Serializable {
        try encodeSeq(elements, count: elements.count)
    }

    /// Writes the elements of a sequence; `count` is `nil` when it is not known up front.
    @inlinable
    public mutating func encodeSeq<S: Sequence>(_ elements: S, count: Int?) throws
    where S.Element: Serializable {
        try encodeSeq(count: count) { serializer in
            var index = 0
            for element in elements {
                try serializer.encodeElement(element, at: index)
                index &+= 1
            }
        }
    }

    /// Writes a sequence whose elements `body` writes, each with ``encodeElement(_:at:)``;
    /// `count` is `nil` when it is not known up front.
    @inlinable
    public mutating func encodeSeq(count: Int?, _ body: (inout Self) throws -> Void) throws {
        try context.enterContainer()
        try beginSeq(count: count)
        try body(&self)
        try endSeq()
        context.exitContainer()
    }

    /// Writes element `index` of a sequence opened by ``encodeSeq(count:_:)``.
    @inlinable
    public mutating func encodeElement<T: Serializable>(_ value: T, at index: Int) throws {
        context.atIndex(index)
        try value.serialize(to: &self)
    }

    /// Writes a map from keys to values, in the collection's order.
    ///
    /// With `keysNameFields`, coding paths name the keys as struct fields (`a.b`) rather
    /// than map keys (`["a"]["b"]`): for maps that stand for structs, as Codable's keyed
    /// containers do.
    @inlinable
    public mutating func encodeMap<C: Collection, K: MapKey, V: Serializable>(_ entries: C, keysNameFields: Bool = false) throws
    where C.Element == (key: K, value: V) {
        try encodeMap(count: entries.count) { serializer in
            for (key, value) in entries {
                try serializer.encodeEntry(key, value, keyNamesField: keysNameFields)
            }
        }
    }

    /// Writes a map whose entries `body` writes, each with ``encodeEntry(_:_:keyNamesField:)``;
    /// `count` is `nil` when it is not known up front.
    @inlinable
    public mutating func encodeMap(count: Int?, _ body: (inout Self) throws -> Void) throws {
        try context.enterContainer()
        try beginMap(count: count)
        try body(&self)
        try endMap()
        context.exitContainer()
    }

    /// Writes one entry of a map opened by ``encodeMap(count:_:)``. With `keyNamesField`,
    /// the coding path names the key as a struct field (`a.b`) rather than a map key.
    @inlinable
    public mutating func encodeEntry<K: MapKey, V: Serializable>(_ key: K, _ value: V, keyNamesField: Bool = false) throws {
        context.atKey(key.mapKeyText, isField: keyNamesField)
        try key.serializeKey(to: &self)
        try value.serialize(to: &self)
    }
}
