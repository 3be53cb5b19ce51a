import LodumCore

/// The YAML ``Deserializer``: pulls libyaml's parse events one at a time, with anchors,
/// aliases and merge keys resolved, and reads each scalar by its tag or, when it is plain
/// and untagged, by the schema.
///
/// Its state is libyaml's (O(depth)), the anchored nodes of the current document, and the
/// type being decoded drives the nesting, so a lazy stream holds one element at a time.
public struct YAMLReader: FormatReader {
    public var context: CodingContext
    let events: YAMLEventReader
    let yaml11Booleans: Bool
    var started = false
    /// The start of the last scalar read, for checks the core makes after a read (`300`
    /// does not fit a `UInt8`): see ``positionOfLastValue``.
    var consumedValueMark: YAMLMark?

    init(input: InputBuffer, options: YAMLOptions, limits: Limits) {
        self.context = CodingContext(limits: limits)
        self.events = YAMLEventReader(input: input, limits: limits)
        self.yaml11Booleans = options.yaml11Booleans
    }

    /// Where the reader is: the start of the current event.
    public var position: InputPosition? { events.position }

    public var positionOfLastValue: InputPosition? { consumedValueMark?.position ?? events.position }

    /// Moves past the scalar the current event holds, recording where it started.
    mutating func consumeValue() throws {
        let start = events.mark
        try advance()
        consumedValueMark = start
    }

    /// Moves to the next event; errors from libyaml and the alias resolver get the path.
    mutating func advance() throws {
        try context.locatingErrors { try events.advance() }
    }

    // MARK: Framing

    public mutating func beginDocument() throws -> Bool {
        if !started {
            started = true
            try advance()
        }
        if events.kind == .streamStart { try advance() }
        switch events.kind {
        case .documentStart:
            try advance()
            return true
        case .streamEnd:
            return false
        default:
            throw error(.syntax("expected a document"))
        }
    }

    public mutating func endDocument() throws {
        guard events.kind == .documentEnd else { throw error(.syntax("expected the end of the document")) }
        try advance()
    }

    public mutating func finish() throws {
        switch events.kind {
        case .streamEnd:
            return
        case .documentStart:
            throw error(.syntax("a second document follows the first; read a multi-document stream with documents(_:from:)"))
        default:
            throw error(.syntax("unexpected content after the end of the document"))
        }
    }

    // MARK: Containers

    public mutating func beginStruct(_ name: StaticString) throws {
        guard events.kind == .mappingStart else { throw mismatch(expected: "Mapping") }
        try advance()
    }

    public mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch? {
        switch events.kind {
        case .mappingEnd:
            try advance()
            return nil
        case .scalar:
            let match: FieldMatch = fields.index(of: events.text, hint: hint).map { .known($0) } ?? fields.unknownKey(events.text)
            try advance()
            return match
        default:
            // A key that is itself a collection names no field.
            try skipValue()
            return .unknown
        }
    }

    public mutating func beginSeq() throws -> Int? {
        guard events.kind == .sequenceStart else { throw mismatch(expected: "Sequence") }
        try advance()
        return nil
    }

    public mutating func nextElement() throws -> Bool {
        guard events.kind == .sequenceEnd else { return true }
        try advance()
        return false
    }

    public mutating func beginMap() throws -> Int? {
        guard events.kind == .mappingStart else { throw mismatch(expected: "Mapping") }
        try advance()
        return nil
    }

    public mutating func nextMapKey() throws -> String? {
        switch events.kind {
        case .mappingEnd:
            try advance()
            return nil
        case .scalar:
            let key = String(decoding: events.text, as: UTF8.self)
            try advance()
            return key
        default:
            throw error(.unsupportedValue("a mapping key that is a collection cannot be read as a String key"))
        }
    }

    // MARK: Scalars

    /// What the current scalar means, by its tag or the schema.
    func scalarValue() throws -> YAMLScalarValue {
        let text = events.text
        switch events.tag {
        case .none:
            return events.isPlain ? YAMLScalarResolution.resolve(text, yaml11Booleans: yaml11Booleans) : .string
        case .nonSpecific, .str, .timestamp, .binary:
            return .string
        case .null:
            guard YAMLScalarResolution.resolve(text, yaml11Booleans: false) == .null else { throw invalidTagged("!!null") }
            return .null
        case .bool:
            guard case .bool(let flag) = YAMLScalarResolution.word(text, yaml11Booleans: true) else { throw invalidTagged("!!bool") }
            return .bool(flag)
        case .int:
            guard let number = YAMLScalarResolution.number(text) else { throw invalidTagged("!!int") }
            switch number {
            case .int, .uint, .double(_, isIntegerSyntax: true): return number
            default: throw invalidTagged("!!int")
            }
        case .float:
            switch YAMLScalarResolution.number(text) {
            case .int(let value)?: return .double(Double(value), isIntegerSyntax: false)
            case .uint(let value)?: return .double(Double(value), isIntegerSyntax: false)
            case .double(let value, _)?: return .double(value, isIntegerSyntax: false)
            default: throw invalidTagged("!!float")
            }
        case .seq, .map:
            throw error(.syntax("a scalar cannot carry the tag \(events.tag == .seq ? "!!seq" : "!!map")"))
        }
    }

    func invalidTagged(_ tag: String) -> LodumError {
        error(.typeMismatch(expected: "a valid \(tag) value", found: LodumError.describeFound("String", String(reflecting: String(decoding: events.text, as: UTF8.self)))))
    }

    public mutating func decodeNil() throws -> Bool {
        guard events.kind == .scalar, try scalarValue() == .null else { return false }
        try consumeValue()
        return true
    }

    public mutating func readBool() throws -> Bool {
        guard events.kind == .scalar, case .bool(let flag) = try scalarValue() else { throw mismatch(expected: "Bool") }
        try consumeValue()
        return flag
    }

    public mutating func readInt64() throws -> Int64 {
        guard events.kind == .scalar else { throw mismatch(expected: "Int") }
        let value: Int64
        switch try scalarValue() {
        case .int(let number): value = number
        case .uint: throw outOfRange("Int64")
        case .double(let number, let isIntegerSyntax):
            guard !isIntegerSyntax, number.rounded(.towardZero) == number else {
                throw isIntegerSyntax ? outOfRange("Int64") : mismatch(expected: "Int")
            }
            guard let exact = Int64(exactly: number) else { throw outOfRange("Int64") }
            value = exact
        default: throw mismatch(expected: "Int")
        }
        try consumeValue()
        return value
    }

    public mutating func readUInt64() throws -> UInt64 {
        guard events.kind == .scalar else { throw mismatch(expected: "UInt") }
        let value: UInt64
        switch try scalarValue() {
        case .int(let number):
            guard number >= 0 else { throw outOfRange("UInt64") }
            value = UInt64(number)
        case .uint(let number): value = number
        case .double(let number, let isIntegerSyntax):
            guard !isIntegerSyntax, number.rounded(.towardZero) == number else {
                throw isIntegerSyntax ? outOfRange("UInt64") : mismatch(expected: "UInt")
            }
            guard let exact = UInt64(exactly: number) else { throw outOfRange("UInt64") }
            value = exact
        default: throw mismatch(expected: "UInt")
        }
        try consumeValue()
        return value
    }

    func outOfRange(_ type: String) -> LodumError {
        error(.numberOutOfRange(String(decoding: events.text, as: UTF8.self), type: type))
    }

    public mutating func readDouble() throws -> Double {
        guard events.kind == .scalar else { throw mismatch(expected: "Double") }
        let value: Double
        switch try scalarValue() {
        case .int(let number): value = Double(number)
        case .uint(let number): value = Double(number)
        case .double(let number, _):
            // Infinity is spelled `.inf`; a number too large for a Double is not it.
            if number.isInfinite, !YAMLScalarResolution.spellsInfinity(events.text) { throw outOfRange("Double") }
            value = number
        default: throw mismatch(expected: "Double")
        }
        try consumeValue()
        return value
    }

    public mutating func readFloat() throws -> Float {
        try float(narrowing: readDouble())
    }

    /// Reads text. A plain scalar that the schema reads as a number or a Boolean is
    /// accepted as the text written (`version: 3.10` reads as `"3.10"`), since configuration
    /// files leave such strings unquoted; `null` is not a string.
    public mutating func readString() throws -> String {
        guard events.kind == .scalar, events.tag != .binary, try scalarValue() != .null else { throw mismatch(expected: "String") }
        let text = String(decoding: events.text, as: UTF8.self)
        try consumeValue()
        return text
    }

    /// Reads bytes from a `!!binary` scalar, or from any string holding base64; line breaks
    /// and spaces in the base64 text (as block scalars have) are ignored.
    public mutating func readBytes() throws -> [UInt8] {
        guard events.kind == .scalar else { throw mismatch(expected: "Bytes") }
        if events.tag != .binary, try scalarValue() != .string { throw mismatch(expected: "Bytes") }
        let compact = String(decoding: events.text.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }, as: UTF8.self)
        guard let bytes = Base64.decode(compact) else {
            throw error(.typeMismatch(expected: "base64 bytes", found: LodumError.describeFound("String", String(reflecting: compact))))
        }
        try consumeValue()
        return bytes
    }

    /// Reads a number scalar as written, every digit kept. YAML's looser spellings of a
    /// decimal number (`+1`, `007`, `.5`) come back in RFC 8259 syntax with the same
    /// digits, hexadecimal and octal integers as their decimal digits, and a string that
    /// holds a decimal number (`'12.50'`) as that number. `.nan` and `.inf` are no decimal
    /// number, and an error.
    public mutating func readNumberText() throws -> String {
        guard events.kind == .scalar, events.tag != .binary else { throw mismatch(expected: "a number") }
        let value = try scalarValue()
        let decimal = NumberText.jsonNumber(fromDecimalLiteral: String(decoding: events.text, as: UTF8.self))
        let number: String
        switch (value, decimal) {
        case (_, let decimal?):
            number = decimal
        case (.int(let integer), nil):
            number = String(integer)
        case (.uint(let integer), nil):
            number = String(integer)
        case (.double, nil):
            throw mismatch(expected: "a decimal number")
        default:
            throw mismatch(expected: "a number")
        }
        try consumeValue()
        return number
    }

    // MARK: Any value

    public mutating func peekKind() throws -> ValueKind {
        switch events.kind {
        case .mappingStart: return .map
        case .sequenceStart: return .sequence
        case .scalar:
            if events.tag == .binary { return .bytes }
            if events.tag == .timestamp { return .timestamp }
            switch try scalarValue() {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .uint: return .uint
            case .double: return .double
            case .string: return .string
            }
        default:
            throw error(.syntax("expected a value"))
        }
    }

    public mutating func skipValue() throws {
        var depth = 0
        repeat {
            switch events.kind {
            case .sequenceStart, .mappingStart:
                depth += 1
                guard context.depth + depth <= context.limits.maxDepth else {
                    throw error(.limitExceeded(.depth(context.limits.maxDepth)))
                }
            case .sequenceEnd, .mappingEnd:
                depth -= 1
            case .scalar:
                _ = try scalarValue()
            default:
                throw error(.syntax("expected a value"))
            }
            try advance()
        } while depth > 0
    }

    /// A type-mismatch error describing the value actually present.
    func mismatch(expected: String) -> LodumError {
        let found: String
        switch events.kind {
        case .mappingStart: found = "Mapping"
        case .sequenceStart: found = "Sequence"
        case .scalar:
            let text = String(decoding: events.text, as: UTF8.self)
            switch (try? scalarValue()) ?? .string {
            case .null: found = "null"
            case .bool: found = "Bool " + text
            case .int, .uint: found = "Integer " + text
            case .double: found = "Number " + text
            case .string: found = LodumError.describeFound(events.tag == .binary ? "Bytes" : "String", String(reflecting: text))
            }
        case .mappingEnd: found = "the end of a mapping"
        case .sequenceEnd: found = "the end of a sequence"
        default: found = "the end of the document"
        }
        return error(.typeMismatch(expected: expected, found: found))
    }
}
