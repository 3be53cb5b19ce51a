import CMsgPackEvents
import LodumCore

/// The MessagePack ``Deserializer``: pulls events from msgpack-c's unpacking state machine
/// (``MsgPackEvents``) and reads containers by their counts.
///
/// Structs are read from maps keyed by field name or from arrays in field order, whichever
/// the input holds.
public struct MsgPackReader: FormatReader {
    public var context: CodingContext
    let events: MsgPackEvents
    /// The innermost open container, kept out of the stack so that the per-element
    /// bookkeeping touches no array.
    var innermost = OpenContainer(remaining: 0, fieldIndex: nil)
    /// The containers around the innermost one, outermost first.
    var enclosing: [OpenContainer] = []
    /// How many containers are open.
    var openCount = 0

    struct OpenContainer {
        /// Elements (or entries) left.
        var remaining: Int
        /// A struct laid out as an array: the index of the next field.
        var fieldIndex: Int?
    }

    mutating func open(_ container: OpenContainer) {
        if openCount > 0 { enclosing.append(innermost) }
        innermost = container
        openCount += 1
    }

    /// Moves to the next element (or entry) of the innermost container; `false`, having
    /// closed it, after its last.
    @inline(__always)
    mutating func advanceInContainer() throws -> Bool {
        guard openCount > 0 else { throw error(.syntax("no container is open")) }
        guard innermost.remaining > 0 else {
            openCount -= 1
            if openCount > 0 { innermost = enclosing.removeLast() }
            return false
        }
        innermost.remaining -= 1
        return true
    }

    init(input: InputBuffer, limits: Limits) {
        self.context = CodingContext(limits: limits)
        self.events = MsgPackEvents(input: input, limits: limits)
    }

    public var position: InputPosition? { .binary(offset: events.currentOffset) }

    /// The first byte of the value read last: a number that does not fit the type asked for
    /// is reported there, not at the value after it.
    public var positionOfLastValue: InputPosition? { .binary(offset: events.lastConsumedOffset) }

    /// The current event, read on demand; errors get the coding path.
    @inline(__always)
    mutating func current() throws -> lodum_mp_event {
        if let queued = events.queued { return queued.pointee }
        return try parseMore()
    }

    /// Parses more input for the current event; errors get the coding path.
    mutating func parseMore() throws -> lodum_mp_event {
        try context.locatingErrors { try events.peek() }
    }

    // MARK: Framing

    public mutating func beginDocument() throws -> Bool {
        try context.locatingErrors { try events.hasMoreInput() }
    }

    public mutating func endDocument() throws {}

    public mutating func finish() throws {
        if try events.hasMoreInput() {
            throw error(.syntax("unexpected bytes after the end of the value"))
        }
    }

    // MARK: Containers

    public mutating func beginStruct(_ name: StaticString) throws {
        let event = try current()
        switch event.kind {
        case UInt8(LODUM_MP_MAP.rawValue):
            open(OpenContainer(remaining: Int(event.bits), fieldIndex: nil))
        case UInt8(LODUM_MP_ARRAY.rawValue):
            open(OpenContainer(remaining: Int(event.bits), fieldIndex: 0))
        default:
            throw mismatch(expected: "Map")
        }
        events.consume()
    }

    public mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch? {
        guard try advanceInContainer() else { return nil }
        if let index = innermost.fieldIndex {
            innermost.fieldIndex = index + 1
            return index < fields.count ? .known(index) : .unknown
        }
        let key = try current()
        guard key.kind == UInt8(LODUM_MP_STR.rawValue) else {
            // A key that is not a string names no field.
            try skipValue()
            return .unknown
        }
        let name = events.payload(of: key)
        let match: FieldMatch = fields.index(of: name, hint: hint).map { .known($0) } ?? fields.unknownKey(name)
        events.consume()
        return match
    }

    public mutating func beginSeq() throws -> Int? {
        let event = try current()
        guard event.kind == UInt8(LODUM_MP_ARRAY.rawValue) else { throw mismatch(expected: "Array") }
        open(OpenContainer(remaining: Int(event.bits), fieldIndex: nil))
        events.consume()
        return Int(event.bits)
    }

    public mutating func nextElement() throws -> Bool {
        try advanceInContainer()
    }

    public mutating func beginMap() throws -> Int? {
        let event = try current()
        guard event.kind == UInt8(LODUM_MP_MAP.rawValue) else { throw mismatch(expected: "Map") }
        open(OpenContainer(remaining: Int(event.bits), fieldIndex: nil))
        events.consume()
        return Int(event.bits)
    }

    public mutating func nextMapKey() throws -> String? {
        guard try advanceInContainer() else { return nil }
        let key = try current()
        switch key.kind {
        case UInt8(LODUM_MP_STR.rawValue):
            let text = try makeString(key)
            events.consume()
            return text
        case UInt8(LODUM_MP_UINT.rawValue):
            events.consume()
            return String(key.bits)
        case UInt8(LODUM_MP_INT.rawValue):
            events.consume()
            return String(Int64(bitPattern: key.bits))
        default:
            throw mismatch(expected: "a String or Integer map key")
        }
    }

    // MARK: Scalars

    public mutating func decodeNil() throws -> Bool {
        guard try current().kind == UInt8(LODUM_MP_NIL.rawValue) else { return false }
        events.consume()
        return true
    }

    public mutating func readBool() throws -> Bool {
        let event = try current()
        switch event.kind {
        case UInt8(LODUM_MP_TRUE.rawValue): events.consume(); return true
        case UInt8(LODUM_MP_FALSE.rawValue): events.consume(); return false
        default: throw mismatch(expected: "Bool")
        }
    }

    public mutating func readInt64() throws -> Int64 {
        let event = try current()
        switch event.kind {
        case UInt8(LODUM_MP_INT.rawValue):
            events.consume()
            return Int64(bitPattern: event.bits)
        case UInt8(LODUM_MP_UINT.rawValue):
            guard event.bits <= UInt64(Int64.max) else { throw error(.numberOutOfRange(String(event.bits), type: "Int64")) }
            events.consume()
            return Int64(event.bits)
        case UInt8(LODUM_MP_FLOAT32.rawValue), UInt8(LODUM_MP_FLOAT64.rawValue):
            let value = Self.double(event)
            guard value.rounded(.towardZero) == value else { throw mismatch(expected: "Int") }
            guard let exact = Int64(exactly: value) else { throw error(.numberOutOfRange("\(value)", type: "Int64")) }
            events.consume()
            return exact
        default:
            throw mismatch(expected: "Int")
        }
    }

    public mutating func readUInt64() throws -> UInt64 {
        let event = try current()
        switch event.kind {
        case UInt8(LODUM_MP_UINT.rawValue):
            events.consume()
            return event.bits
        case UInt8(LODUM_MP_INT.rawValue):
            let value = Int64(bitPattern: event.bits)
            guard value >= 0 else { throw error(.numberOutOfRange(String(value), type: "UInt64")) }
            events.consume()
            return UInt64(value)
        case UInt8(LODUM_MP_FLOAT32.rawValue), UInt8(LODUM_MP_FLOAT64.rawValue):
            let value = Self.double(event)
            guard value.rounded(.towardZero) == value else { throw mismatch(expected: "UInt") }
            guard let exact = UInt64(exactly: value) else { throw error(.numberOutOfRange("\(value)", type: "UInt64")) }
            events.consume()
            return exact
        default:
            throw mismatch(expected: "UInt")
        }
    }

    static func double(_ event: lodum_mp_event) -> Double {
        if event.kind == UInt8(LODUM_MP_FLOAT32.rawValue) { return Double(Float(bitPattern: UInt32(truncatingIfNeeded: event.bits))) }
        return Double(bitPattern: event.bits)
    }

    public mutating func readDouble() throws -> Double {
        let event = try current()
        let value: Double
        switch event.kind {
        case UInt8(LODUM_MP_FLOAT32.rawValue), UInt8(LODUM_MP_FLOAT64.rawValue): value = Self.double(event)
        case UInt8(LODUM_MP_INT.rawValue): value = Double(Int64(bitPattern: event.bits))
        case UInt8(LODUM_MP_UINT.rawValue): value = Double(event.bits)
        default: throw mismatch(expected: "Double")
        }
        events.consume()
        return value
    }

    public mutating func readFloat() throws -> Float {
        let event = try current()
        if event.kind == UInt8(LODUM_MP_FLOAT32.rawValue) {
            events.consume()
            return Float(bitPattern: UInt32(truncatingIfNeeded: event.bits))
        }
        return try float(narrowing: readDouble())
    }

    public mutating func readString() throws -> String {
        let event = try current()
        guard event.kind == UInt8(LODUM_MP_STR.rawValue) else { throw mismatch(expected: "String") }
        let text = try makeString(event)
        events.consume()
        return text
    }

    func makeString(_ event: lodum_mp_event) throws -> String {
        guard let text = UTF8Validation.string(from: events.payload(of: event)) else {
            throw error(.syntax("invalid UTF-8 in a string"))
        }
        return text
    }

    /// Reads a `bin`, or a `str` holding base64 as the text formats write bytes, so bytes
    /// that passed through JSON or YAML (or a `Value` read from them) read back the same.
    public mutating func readBytes() throws -> [UInt8] {
        let event = try current()
        switch event.kind {
        case UInt8(LODUM_MP_BIN.rawValue):
            let bytes = Array(events.payload(of: event))
            events.consume()
            return bytes
        case UInt8(LODUM_MP_STR.rawValue):
            return try readString(expecting: "base64 bytes", parsedBy: Base64.decode)
        default:
            throw mismatch(expected: "Bytes")
        }
    }

    // MARK: Any value

    public mutating func peekKind() throws -> ValueKind {
        let event = try current()
        switch event.kind {
        case UInt8(LODUM_MP_NIL.rawValue): return .null
        case UInt8(LODUM_MP_TRUE.rawValue), UInt8(LODUM_MP_FALSE.rawValue): return .bool
        case UInt8(LODUM_MP_UINT.rawValue): return event.bits <= UInt64(Int64.max) ? .int : .uint
        case UInt8(LODUM_MP_INT.rawValue): return .int
        case UInt8(LODUM_MP_FLOAT32.rawValue), UInt8(LODUM_MP_FLOAT64.rawValue): return .double
        case UInt8(LODUM_MP_STR.rawValue): return .string
        case UInt8(LODUM_MP_BIN.rawValue): return .bytes
        case UInt8(LODUM_MP_ARRAY.rawValue): return .sequence
        case UInt8(LODUM_MP_MAP.rawValue): return .map
        default: return event.ext_type == -1 ? .timestamp : .extension
        }
    }

    // MARK: Extensions

    public mutating func readTimestamp() throws -> Timestamp {
        let event = try current()
        if event.kind == UInt8(LODUM_MP_STR.rawValue) { return try readTimestampText() }
        guard event.kind == UInt8(LODUM_MP_EXT.rawValue), event.ext_type == -1 else {
            throw mismatch(expected: "Timestamp")
        }
        guard let timestamp = Self.timestamp(events.payload(of: event)) else {
            throw error(.syntax("a timestamp extension must hold 4, 8 or 12 bytes with nanoseconds below 10^9, not these \(event.length)"))
        }
        events.consume()
        return timestamp
    }

    /// Decodes the timestamp extension's 32, 64 or 96-bit payload, big-endian.
    static func timestamp(_ payload: UnsafeRawBufferPointer) -> Timestamp? {
        func bigEndian(_ range: Range<Int>) -> UInt64 {
            payload[range].reduce(0) { $0 << 8 | UInt64($1) }
        }
        switch payload.count {
        case 4:
            return Timestamp(seconds: Int64(bigEndian(0..<4)))
        case 8:
            let word = bigEndian(0..<8)
            return Timestamp(seconds: Int64(word & ((1 << 34) - 1)), nanoseconds: UInt32(word >> 34))
        case 12:
            return Timestamp(seconds: Int64(bitPattern: bigEndian(4..<12)), nanoseconds: UInt32(bigEndian(0..<4)))
        default:
            return nil
        }
    }

    public mutating func readExtension() throws -> ExtensionValue {
        let event = try current()
        if event.kind == UInt8(LODUM_MP_MAP.rawValue) { return try readExtensionStruct() }
        guard event.kind == UInt8(LODUM_MP_EXT.rawValue) else { throw mismatch(expected: "Extension") }
        let value = ExtensionValue(type: event.ext_type, data: Array(events.payload(of: event)))
        events.consume()
        return value
    }

    public mutating func skipValue() throws {
        // Values still to skip at each level below the value being skipped.
        var pending = [1]
        while let last = pending.indices.last {
            if pending[last] == 0 {
                pending.removeLast()
                continue
            }
            pending[last] -= 1
            let event = try current()
            let count: Int
            switch event.kind {
            case UInt8(LODUM_MP_ARRAY.rawValue): count = Int(event.bits)
            case UInt8(LODUM_MP_MAP.rawValue): count = Int(event.bits) * 2
            default:
                events.consume()
                continue
            }
            // Checked before the header is consumed, so the error points at it.
            guard context.depth + pending.count <= context.limits.maxDepth else {
                throw error(.limitExceeded(.depth(context.limits.maxDepth)))
            }
            events.consume()
            pending.append(count)
        }
    }

    /// A type-mismatch error describing the value actually present.
    func mismatch(expected: String) -> LodumError {
        let found: String
        let event = try? events.peek()
        switch event?.kind {
        case UInt8(LODUM_MP_NIL.rawValue)?: found = "nil"
        case UInt8(LODUM_MP_TRUE.rawValue)?: found = "Bool true"
        case UInt8(LODUM_MP_FALSE.rawValue)?: found = "Bool false"
        case UInt8(LODUM_MP_UINT.rawValue)?, UInt8(LODUM_MP_INT.rawValue)?: found = "Integer"
        case UInt8(LODUM_MP_FLOAT32.rawValue)?, UInt8(LODUM_MP_FLOAT64.rawValue)?: found = "Float"
        case UInt8(LODUM_MP_STR.rawValue)?: found = "String"
        case UInt8(LODUM_MP_BIN.rawValue)?: found = "Bytes"
        case UInt8(LODUM_MP_ARRAY.rawValue)?: found = "Array"
        case UInt8(LODUM_MP_MAP.rawValue)?: found = "Map"
        case UInt8(LODUM_MP_EXT.rawValue)?:
            let type = event?.ext_type ?? 0
            found = type == -1 ? "Timestamp" : "Extension type \(type)"
        default: found = "the end of the input"
        }
        return error(.typeMismatch(expected: expected, found: found))
    }
}
