/// The pull interface a format backend implements to read values.
///
/// A ``Deserializable`` type asks for exactly the shape it expects, so a reader holds
/// nothing but its position and O(depth) state. Types call the core's drivers
/// (``decodeStruct(_:fields:_:)``, ``decode(_:)``, ``decodeSeq(_:)``), which keep the coding
/// path and depth limit in ``context``; backends only recognise tokens.
public protocol Deserializer {
    /// The coding path and limits, maintained by the core's drivers.
    var context: CodingContext { get set }
    /// Where the reader is in the input, for error messages; `nil` when the input is not
    /// a byte stream (a ``Value`` tree).
    var position: InputPosition? { get }
    /// Where the value most recently read started, for errors the core finds after a read,
    /// such as a number that does not fit the narrower integer asked for. Defaults to
    /// ``position``; a reader whose position has moved past the value overrides it.
    var positionOfLastValue: InputPosition? { get }

    /// Expects a struct (a keyed container) and enters it.
    mutating func beginStruct(_ name: StaticString) throws
    /// Reads the next key of the current struct: a field of `fields` (trying index `hint`
    /// first), an unknown key, or `nil` after the struct's last entry.
    mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch?

    /// Expects a sequence and enters it; returns its length when the format knows it.
    mutating func beginSeq() throws -> Int?
    /// Moves to the next element; `false` after the last one.
    mutating func nextElement() throws -> Bool

    /// Expects a map and enters it; returns its length when the format knows it.
    mutating func beginMap() throws -> Int?
    /// Reads the next map key; `nil` after the map's last entry.
    mutating func nextMapKey() throws -> String?
    /// Reads the next map key as ``nextMapKey()`` does, handing out the `String` `cache`
    /// holds for the same key instead of making it again, and adding a new key to `cache`.
    ///
    /// The default ignores the cache; a reader that builds each key from its input bytes
    /// (JSON) compares them with the cached keys first.
    mutating func nextMapKey(reusing cache: inout MapKeyCache) throws -> String?

    /// Consumes a nil value if one is next, and reports whether it did.
    mutating func decodeNil() throws -> Bool
    /// Reads a Boolean.
    mutating func readBool() throws -> Bool
    /// Reads a signed integer; out-of-range input is an error, never a trap.
    mutating func readInt64() throws -> Int64
    /// Reads an unsigned integer; out-of-range input is an error, never a trap.
    mutating func readUInt64() throws -> UInt64
    /// Reads a double-precision number.
    mutating func readDouble() throws -> Double
    /// Reads a single-precision number.
    mutating func readFloat() throws -> Float
    /// Reads text.
    mutating func readString() throws -> String
    /// Reads raw bytes (JSON: from base64 text).
    mutating func readBytes() throws -> [UInt8]
    /// Reads a number as its decimal text in RFC 8259 §6 syntax, with every digit of the
    /// input: what `Decimal` reads, so no digit passes through a `Double`. Formats with a
    /// number syntax return the number as written (JSON, YAML); the default reads by
    /// ``peekKind()``: an integer's digits, a float's shortest round-trip text, or a string
    /// that holds a decimal number.
    mutating func readNumberText() throws -> String
    /// Reads an instant: a native timestamp, or ISO 8601 text (the default).
    mutating func readTimestamp() throws -> Timestamp
    /// Reads an application extension value: a native extension, or the struct of `type`
    /// and `data` that stands for one (the default).
    mutating func readExtension() throws -> ExtensionValue

    /// Reports the kind of the next value without consuming it.
    mutating func peekKind() throws -> ValueKind
    /// Reads the next value if it is a scalar (any kind but ``ValueKind/sequence`` and
    /// ``ValueKind/map``), as ``peekKind()`` followed by the read for its kind would; at an
    /// array or an object, reads nothing and returns `nil`.
    ///
    /// What the Codable bridge reads an object's members with. The default peeks, then
    /// reads; a reader that can tell and read a scalar in one pass (JSON, whose numbers a
    /// peek must scan whole) does both at once.
    mutating func readScalarValue() throws -> Value?
    /// Consumes the next value whole, validating it but keeping none of it.
    mutating func skipValue() throws
}

extension Deserializer {
    public var positionOfLastValue: InputPosition? { position }

    public mutating func nextMapKey(reusing cache: inout MapKeyCache) throws -> String? {
        try nextMapKey()
    }

    public mutating func readScalarValue() throws -> Value? {
        let kind = try peekKind()
        if kind == .sequence || kind == .map { return nil }
        return try readScalar(ofKind: kind)
    }

    /// Reads the scalar next in the input, whose kind ``peekKind()`` reported.
    mutating func readScalar(ofKind kind: ValueKind) throws -> Value {
        switch kind {
        case .null:
            _ = try decodeNil()
            return .null
        case .bool: return .bool(try readBool())
        case .int: return .int(try readInt64())
        case .uint: return .uint(try readUInt64())
        case .double: return .double(try readDouble())
        case .string: return .string(try readString())
        case .bytes: return .bytes(try readBytes())
        case .timestamp: return .timestamp(try readTimestamp())
        case .extension: return .extension(try readExtension())
        case .sequence, .map: return try Value(from: &self)
        }
    }

    public mutating func readTimestamp() throws -> Timestamp {
        try readTimestampText()
    }

    public mutating func readExtension() throws -> ExtensionValue {
        try readExtensionStruct()
    }

    public mutating func readNumberText() throws -> String {
        try readNumberTextByKind()
    }

    /// Reads a number's text by the kind of the next value: an integer's decimal digits, a
    /// floating-point number's shortest round-trip text, or a string holding a decimal
    /// number (`"12.50"`, as APIs send prices), in RFC 8259 §6 syntax.
    ///
    /// The default of ``readNumberText()``, and what a format's own reading falls back to
    /// for values that are not number tokens.
    public mutating func readNumberTextByKind() throws -> String {
        let kind = try peekKind()
        switch kind {
        case .int:
            return String(try readInt64())
        case .uint:
            return String(try readUInt64())
        case .double:
            let value = try readDouble()
            guard value.isFinite else {
                throw LodumError(.typeMismatch(expected: "a decimal number", found: "Number \(value)"),
                                 path: context.path, position: positionOfLastValue)
            }
            return NumberText.withShortestText(of: value) { String(decoding: $0, as: UTF8.self) }
        case .string:
            let text = try readString()
            guard let number = NumberText.jsonNumber(fromDecimalLiteral: text) else {
                throw LodumError(.typeMismatch(expected: "a number", found: LodumError.describeFound("String", String(reflecting: text))),
                                 path: context.path, position: positionOfLastValue)
            }
            return number
        default:
            throw error(.typeMismatch(expected: "a number", found: kind.description))
        }
    }

    /// Reads a timestamp from its ISO 8601 text.
    public mutating func readTimestampText() throws -> Timestamp {
        try readString(expecting: "an ISO 8601 timestamp", parsedBy: { Timestamp(iso8601: $0) })
    }

    /// Reads text and parses it into a value, for types that travel as text (`UUID`, `URL`).
    ///
    /// Text that `parse` refuses is a type mismatch at the string's path and position,
    /// which names `expected`:
    ///
    /// ```swift
    /// let id = try deserializer.readString(expecting: "a UUID", parsedBy: { UUID(uuidString: $0) })
    /// // Error at id (line 1, column 7): expected a UUID, found String "12-34"
    /// ```
    public mutating func readString<T>(expecting expected: String, parsedBy parse: (String) -> T?) throws -> T {
        let text = try readString()
        guard let value = parse(text) else {
            throw LodumError(
                .typeMismatch(expected: expected, found: LodumError.describeFound("String", String(reflecting: text))),
                path: context.path, position: positionOfLastValue)
        }
        return value
    }

    /// Reads the struct of `type` and `data` that stands for an extension value in formats
    /// without extension types.
    public mutating func readExtensionStruct() throws -> ExtensionValue {
        var type: Int8?
        var data: [UInt8]?
        try decodeStruct("ExtensionValue", fields: ExtensionValue.fields) { deserializer, index in
            if index == 0 { type = try Int8(from: &deserializer) } else { data = try deserializer.readBytes() }
        }
        guard let type else { throw missingField("type") }
        guard let data else { throw missingField("data") }
        return ExtensionValue(type: type, data: data)
    }

    /// The current coding path.
    public var path: CodingPath { context.path }

    /// Builds an error at the current coding path and input position.
    public func error(_ kind: LodumError.Kind) -> LodumError {
        LodumError(kind, path: context.path, position: position)
    }

    /// The error for a struct field that is absent and has no default, naming the field.
    public func missingField(_ name: StaticString) -> LodumError {
        LodumError(.missingField(name.description), path: context.path(appending: name), position: position)
    }

    /// Reads any ``Deserializable`` value.
    @inlinable
    public mutating func decode<T: Deserializable>(_ type: T.Type) throws -> T {
        try T(from: &self)
    }

    /// Reads a value that is only `Decodable`, through the Codable bridge.
    @_disfavoredOverload
    public mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try CodableBridge.decode(type, from: &self)
    }

    /// Enters a container through the context, so the depth limit is checked in one
    /// place, and gives the limit's error the input position.
    @inlinable
    mutating func enterLimitedContainer() throws {
        do {
            try context.enterContainer()
        } catch {
            throw LodumError(error.kind, path: error.path, position: position)
        }
    }

    /// Reads a struct: `body` is called once per known field present in the input, with the
    /// field's index in `fields`, and must read that field's value. Unknown keys are skipped.
    ///
    /// The core checks the depth limit and keeps the coding path, so an error thrown while
    /// reading a field names it.
    /// With `denyUnknownFields`, a key the type does not declare is an error naming it
    /// (give `fields` ``FieldNames/namesUnknownKeys`` so readers report the name).
    @inlinable
    public mutating func decodeStruct(
        _ name: StaticString, fields: FieldNames, denyUnknownFields: Bool = false, _ body: (inout Self, Int) throws -> Void
    ) throws {
        try enterLimitedContainer()
        try beginStruct(name)
        // A struct of its own holds no enum tag.
        try decodeFields(fields, denyUnknownFields: denyUnknownFields, afterTag: nil, body)
        context.exitContainer()
    }

    /// Reads the remaining fields of a struct already entered (as ``decodeStruct(_:fields:denyUnknownFields:_:)``
    /// does after `beginStruct`): for an internally tagged enum, whose case's fields follow
    /// its tag in the same struct.
    @inlinable
    public mutating func decodeFields(
        _ fields: FieldNames, denyUnknownFields: Bool = false, _ body: (inout Self, Int) throws -> Void
    ) throws {
        guard let tag = context.tagOfFields else {
            return try decodeFields(fields, denyUnknownFields: denyUnknownFields, afterTag: nil, body)
        }
        // The rest of an internally tagged enum's struct: a repeated tag must be told from
        // other unknown keys, so they are named.
        context.tagOfFields = nil
        let naming = FieldNames(fields.names, aliases: fields.aliases, namesUnknownKeys: true)
        try decodeFields(naming, denyUnknownFields: denyUnknownFields, afterTag: tag, body)
    }

    /// The loop of ``decodeFields(_:denyUnknownFields:_:)``; `tag` is the enum tag the
    /// struct held, if any, which must not come again. Always inlined: in the caller's
    /// specialization `body` is inlined too, which is most of a small struct's cost.
    @inlinable @inline(__always)
    mutating func decodeFields(
        _ fields: FieldNames, denyUnknownFields: Bool, afterTag tag: StaticString?, _ body: (inout Self, Int) throws -> Void
    ) throws {
        var hint = 0
        var seen = SeenFields()
        while let match = try nextField(in: fields, hint: hint) {
            switch match {
            case .known(let index):
                context.atField(fields.names[index])
                if !seen.insert(index) { try repeatedField(fields.names[index]) }
                try body(&self, index)
                hint = index + 1
            case .unknown:
                if denyUnknownFields { throw unknownField(nil) }
                try skipValue()
            case .unknownNamed(let key):
                if let tag, tag.withUTF8Buffer({ key.utf8.elementsEqual($0) }) {
                    context.atField(tag)
                    throw repeatedTag(tag)
                }
                if denyUnknownFields { throw unknownField(key) }
                try skipValue()
            }
        }
    }

    /// The error for a key a type that denies unknown fields does not declare, at the
    /// struct's path and the position of the key's value.
    @usableFromInline
    func unknownField(_ key: String?) -> LodumError {
        var located = context
        if let key { located.atKey(key, isField: true) }
        return LodumError(.unknownField(key ?? "(unnamed)"), path: located.path, position: position)
    }

    /// Applies the duplicate-key policy to a key read a second time in one mapping (the
    /// path already names it): under ``DuplicateKeyPolicy/reject`` an error at `position`
    /// (the key's value), under ``DuplicateKeyPolicy/lastWins`` nothing, and the caller
    /// keeps the later value.
    public func repeatedKey(_ key: String, at position: InputPosition?) throws {
        guard context.limits.duplicateKeys == .reject else { return }
        throw LodumError(.duplicateKey(key), path: context.path, position: position)
    }

    /// ``repeatedKey(_:at:)`` for a struct field about to be read again, out of line: the
    /// loop over a struct's fields keeps only the test.
    @inline(never) @usableFromInline
    func repeatedField(_ name: StaticString) throws {
        try repeatedKey(name.description, at: position)
    }

    /// `value` as a `Float`, for readers that read a number as a `Double` first: a finite
    /// value beyond `Float`'s range is a `numberOutOfRange` error at the value, not
    /// infinity; infinities and NaN stay what they are.
    public func float(narrowing value: Double) throws -> Float {
        let narrowed = Float(value)
        guard narrowed.isFinite || !value.isFinite else {
            throw LodumError(.numberOutOfRange(String(describing: value), type: "Float"), path: context.path, position: positionOfLastValue)
        }
        return narrowed
    }

    /// Reads a sequence: `body` is called once per element and must read it.
    @inlinable
    public mutating func decodeSeq(_ body: (inout Self) throws -> Void) throws {
        try enterLimitedContainer()
        _ = try beginSeq()
        var index = 0
        while try nextElement() {
            context.atIndex(index)
            try body(&self)
            index &+= 1
        }
        context.exitContainer()
    }

    /// Reads a map with string keys: `body` is called once per entry with its key and must
    /// read the entry's value.
    @inlinable
    public mutating func decodeMap(_ body: (inout Self, String) throws -> Void) throws {
        try enterLimitedContainer()
        _ = try beginMap()
        while let key = try nextMapKey() {
            context.atKey(key)
            try body(&self, key)
        }
        context.exitContainer()
    }
}

/// The value a struct field takes when its key is absent and it has no initial value:
/// none, so the field is reported missing.
@inlinable
public func defaultForMissingField<T>(_ type: T.Type) -> T? { nil }

/// An `Optional` field with no initial value is `nil` when its key is absent, as Swift's
/// own `var x: Int?` starts out `nil`.
@inlinable
public func defaultForMissingField<T>(_ type: T?.Type) -> T?? { .some(nil) }

// MARK: Class hierarchies

extension Deserializer {
    /// A reader over the superclass's fields a subclass's initializer collected, for the
    /// superclass's `init(from:)`.
    public func inheritedFields(_ members: [Value.Member]) -> ValueDeserializer {
        ValueDeserializer(.object(members), limits: context.limits)
    }

    /// An error from code that ran on what this reader read (a held tree's reader, a
    /// coding, an extension's initializer): it gets this reader's path, and `step`, before
    /// its own, and `position` when it has none. Any other error becomes `.custom`.
    public func located(_ error: any Error, under step: PathComponent? = nil, at position: InputPosition?) -> LodumError {
        var failure = error as? LodumError ?? LodumError(.custom(String(describing: error)))
        failure.path = CodingPath(context.path.components + (step.map { [$0] } ?? []) + failure.path.components)
        if failure.position == nil { failure.position = position }
        return failure
    }
}
