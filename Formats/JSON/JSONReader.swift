import LodumCore

/// The JSON ``Deserializer``: a pull parser that scans bytes in place.
///
/// It holds its input window, a cursor and one flag; containers need no stack because the
/// type being decoded drives the nesting. Keys are matched against a type's
/// ``FieldNames`` straight from the input bytes, and strings without escapes are built
/// with a single copy.
public struct JSONReader: FormatReader {
    public var context: CodingContext
    @usableFromInline var input: InputBuffer
    @usableFromInline var bytes: UnsafePointer<UInt8>
    @usableFromInline var end: Int
    @usableFromInline var cursor = 0
    /// Whether the innermost container has produced no element or key yet.
    @usableFromInline var atContainerStart = false
    /// Reused for strings that contain escapes.
    @usableFromInline var scratch: [UInt8] = []
    /// The number `peekKind` scanned at the cursor, for the read that follows it.
    @usableFromInline var peekedNumber: JSONNumber?
    /// Where the last scalar read started, for errors found after the read (a number that
    /// does not fit a narrower type, a value a validator refuses).
    @usableFromInline var lastValueStart = 0

    @inlinable
    init(input: InputBuffer, limits: Limits) {
        self.context = CodingContext(limits: limits)
        self.input = input
        self.bytes = input.base
        self.end = input.count
    }

    public var position: InputPosition? { input.textPosition(of: cursor) }

    /// The start of the last scalar read (one store per value).
    public var positionOfLastValue: InputPosition? { input.textPosition(of: lastValueStart) }

    // MARK: Input window

    /// Reads more input, keeping the bytes from `keep` on; returns how far they moved, or
    /// `nil` at the end of the input.
    @usableFromInline
    mutating func refill(keepingFrom keep: Int) throws -> Int? {
        guard let shift = try input.refill(keepingFrom: keep) else { return nil }
        peekedNumber = nil
        bytes = input.base
        end = input.count
        cursor -= shift
        lastValueStart = max(0, lastValueStart - shift)
        return shift
    }

    /// Skips whitespace and returns the next byte without consuming it; `nil` at the end.
    ///
    /// Always inlined: every token goes through it, and as a call (as the optimizer left it)
    /// it was 8% of reading twitter.json, mostly its prologue and epilogue.
    @inline(__always) @inlinable
    mutating func peekToken() throws -> UInt8? {
        // Compact JSON puts the next token right at the cursor: answer that without a loop.
        if cursor < end {
            let byte = bytes[cursor]
            if byte > 0x20 { return byte }
            // Pretty JSON's one space after a colon, answered here too.
            if byte == 0x20, end &- cursor >= 2, bytes[cursor &+ 1] > 0x20 {
                cursor &+= 1
                return bytes[cursor]
            }
        }
        return try skipWhitespace()
    }

    @usableFromInline
    mutating func skipWhitespace() throws -> UInt8? {
        while true {
            while cursor < end {
                let byte = bytes[cursor]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
                cursor &+= 1
                // Indentation, after the line break or the first space: the run of spaces
                // in the next eight bytes in one step, its length from the first byte that
                // differs from a space (first byte lowest).
                while end &- cursor >= 8 {
                    let word = UInt64(littleEndian: UnsafeRawPointer(bytes + cursor).loadUnaligned(as: UInt64.self))
                    let differences = word ^ 0x2020_2020_2020_2020
                    if differences != 0 {
                        cursor &+= differences.trailingZeroBitCount >> 3
                        break
                    }
                    cursor &+= 8
                }
            }
            guard try refill(keepingFrom: cursor) != nil else { return nil }
        }
    }

    /// The next byte, which must exist.
    @inline(__always) @inlinable
    mutating func requireToken() throws -> UInt8 {
        guard let byte = try peekToken() else { throw error(.unexpectedEndOfInput) }
        return byte
    }

    /// Makes at least `count` bytes from the cursor available, if the input has them.
    @usableFromInline
    mutating func ensureAvailable(_ count: Int) throws -> Bool {
        while end - cursor < count {
            guard try refill(keepingFrom: cursor) != nil else { return false }
        }
        return true
    }

    @usableFromInline
    func syntaxError(_ message: String) -> LodumError {
        error(.syntax(message))
    }

    @usableFromInline
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    // MARK: Framing

    public mutating func beginDocument() throws -> Bool {
        if input.offset(of: cursor) == 0, try ensureAvailable(3),
           bytes[cursor] == 0xEF, bytes[cursor + 1] == 0xBB, bytes[cursor + 2] == 0xBF {
            cursor += 3  // a UTF-8 byte order mark (RFC 8259 §8.1 lets parsers ignore it)
        }
        return try peekToken() != nil
    }

    public mutating func endDocument() throws {}

    public mutating func finish() throws {
        if let byte = try peekToken() {
            throw syntaxError("unexpected \(Self.describe(byte)) after the end of the value")
        }
    }

    // MARK: Containers

    @inlinable
    mutating func open(_ bracket: UInt8, expected: String) throws {
        let byte = try requireToken()
        guard byte == bracket else { throw try mismatch(expected: expected) }
        cursor &+= 1
        atContainerStart = true
    }

    /// Consumes the separator before the next entry of a container closed by `bracket`;
    /// returns `false` (having consumed the bracket) when the container ends.
    @inlinable
    mutating func advanceInContainer(closedBy bracket: UInt8) throws -> Bool {
        var byte = try requireToken()
        if atContainerStart {
            atContainerStart = false
            if byte == bracket {
                cursor &+= 1
                return false
            }
            return true
        }
        if byte == bracket {
            cursor &+= 1
            return false
        }
        guard byte == UInt8(ascii: ",") else {
            throw syntaxError("expected ',' or '\(Character(Unicode.Scalar(bracket)))', found \(Self.describe(byte))")
        }
        cursor &+= 1
        byte = try requireToken()
        if byte == bracket { throw syntaxError("trailing comma before '\(Character(Unicode.Scalar(bracket)))'") }
        return true
    }

    @inlinable
    mutating func expectColon() throws {
        let byte = try requireToken()
        guard byte == UInt8(ascii: ":") else { throw syntaxError("expected ':' after an object key, found \(Self.describe(byte))") }
        cursor &+= 1
    }

    @inlinable
    mutating func expectKeyQuote() throws {
        let byte = try requireToken()
        guard byte == UInt8(ascii: "\"") else { throw syntaxError("expected a string key, found \(Self.describe(byte))") }
    }

    @inlinable
    public mutating func beginStruct(_ name: StaticString) throws {
        try open(UInt8(ascii: "{"), expected: "Object")
    }

    @inlinable
    public mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch? {
        guard try advanceInContainer(closedBy: UInt8(ascii: "}")) else { return nil }
        try expectKeyQuote()
        let key = try scanString()
        let match: FieldMatch
        if let index = withBytes(of: key, { fields.index(of: $0, hint: hint) }) {
            match = .known(index)
        } else {
            // Skipped keys are still checked, so strictness does not depend on the type.
            try validateUTF8(key)
            match = withBytes(of: key) { fields.unknownKey($0) }
        }
        try expectColon()
        return match
    }

    public mutating func beginSeq() throws -> Int? {
        try open(UInt8(ascii: "["), expected: "Array")
        return nil
    }

    @inlinable
    public mutating func nextElement() throws -> Bool {
        try advanceInContainer(closedBy: UInt8(ascii: "]"))
    }

    public mutating func beginMap() throws -> Int? {
        try open(UInt8(ascii: "{"), expected: "Object")
        return nil
    }

    public mutating func nextMapKey() throws -> String? {
        try nextMapKey { reader, token in try reader.makeString(token) }
    }

    public mutating func nextMapKey(reusing cache: inout MapKeyCache) throws -> String? {
        try nextMapKey { reader, token in
            // A cached key's bytes were checked when it was made, so the same bytes are valid.
            if let known = reader.withBytes(of: token, { cache.key(matching: $0) }) { return known }
            let made = try reader.makeString(token)
            reader.withBytes(of: token) { cache.insert(made, bytes: $0) }
            return made
        }
    }

    /// Reads the next key of an object, made into a `String` by `make` from its scanned
    /// token (which is valid only until the colon after it is read); `nil` at the object's end.
    @inline(__always)
    mutating func nextMapKey(_ make: (inout JSONReader, StringToken) throws -> String) throws -> String? {
        guard try advanceInContainer(closedBy: UInt8(ascii: "}")) else { return nil }
        try expectKeyQuote()
        // Two statements: in `make(&self, scanString())` the call's `self` is read before
        // the argument runs, so it would see the scratch buffer and window from before the scan.
        let token = try scanString()
        let key = try make(&self, token)
        try expectColon()
        return key
    }

    // MARK: Scalars

    @inlinable
    public mutating func decodeNil() throws -> Bool {
        guard try requireToken() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    @inlinable
    public mutating func readBool() throws -> Bool {
        let byte = try requireToken()
        lastValueStart = cursor
        switch byte {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return false
        default:
            throw try mismatch(expected: "Bool")
        }
    }

    @usableFromInline
    mutating func expectLiteral(_ literal: StaticString) throws {
        let length = literal.utf8CodeUnitCount
        guard try ensureAvailable(length) else { throw error(.unexpectedEndOfInput) }
        // The cursor is still at the literal's start. A position costs a scan of the window
        // for newlines, so it is built only for the error, never per value.
        for offset in 0..<length where bytes[cursor + offset] != literal.utf8Start[offset] {
            throw syntaxError("invalid literal, expected \(literal)")
        }
        cursor += length
    }

    @inlinable
    public mutating func readInt64() throws -> Int64 {
        let byte = try requireToken()
        guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else {
            throw try mismatch(expected: "Int")
        }
        if let short = scanShortInteger() {
            // Under 10^15, so it fits either way.
            return short.isNegative ? -Int64(short.magnitude) : Int64(short.magnitude)
        }
        let number = try scanNumber()
        lastValueStart = number.start
        if let exact = number.int64 { return exact }
        return try inexactInteger(number, as: Int64.self, expected: "Int")
    }

    @inlinable
    public mutating func readUInt64() throws -> UInt64 {
        let byte = try requireToken()
        guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else {
            throw try mismatch(expected: "UInt")
        }
        if byte != UInt8(ascii: "-"), let short = scanShortInteger() { return short.magnitude }
        let number = try scanNumber()
        lastValueStart = number.start
        if let exact = number.uint64 { return exact }
        return try inexactInteger(number, as: UInt64.self, expected: "UInt")
    }

    /// An integer field given a number with a fraction, an exponent or too many digits:
    /// accepted when it is exactly an integer in range, an error otherwise.
    @usableFromInline
    func inexactInteger<I: FixedWidthInteger>(
        _ number: JSONNumber, as type: I.Type, expected: String
    ) throws -> I {
        let text = number.text(in: bytes)
        let path = context.path
        let position = input.textPosition(of: number.start)
        let failure = { (kind: LodumError.Kind) in LodumError(kind, path: path, position: position) }
        if number.isInteger {
            throw failure(.numberOutOfRange(text, type: "\(I.self)"))
        }
        guard let double = number.double(in: bytes) else { throw failure(.numberOutOfRange(text, type: "\(I.self)")) }
        guard double.rounded(.towardZero) == double else {
            throw failure(.typeMismatch(expected: expected, found: "Number \(text)"))
        }
        guard let exact = I(exactly: double) else { throw failure(.numberOutOfRange(text, type: "\(I.self)")) }
        return exact
    }

    @inlinable
    public mutating func readDouble() throws -> Double {
        let byte = try requireToken()
        guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else {
            throw try mismatch(expected: "Double")
        }
        let number = try scanShortDecimal() ?? scanNumber()
        lastValueStart = number.start
        guard let value = number.double(in: bytes) else {
            throw LodumError(.numberOutOfRange(number.text(in: bytes), type: "Double"), path: context.path, position: input.textPosition(of: number.start))
        }
        return value
    }

    public mutating func readFloat() throws -> Float {
        try float(narrowing: readDouble())
    }

    @inlinable
    public mutating func readString() throws -> String {
        guard try requireToken() == UInt8(ascii: "\"") else { throw try mismatch(expected: "String") }
        lastValueStart = cursor
        let token = try scanString()
        return try makeString(token)
    }

    public mutating func readBytes() throws -> [UInt8] {
        guard try requireToken() == UInt8(ascii: "\"") else { throw try mismatch(expected: "Bytes") }
        return try readString(expecting: "base64 bytes", parsedBy: Base64.decode)
    }

    /// Reads a number token as written, every digit kept (`0.1`,
    /// `123456789012345678901234567890.5`); a string holding a number is read as the core
    /// reads one (``readNumberTextByKind()``).
    public mutating func readNumberText() throws -> String {
        let byte = try requireToken()
        guard byte == UInt8(ascii: "-") || Self.isDigit(byte) else { return try readNumberTextByKind() }
        let number = try scanNumber()
        lastValueStart = number.start
        return number.text(in: bytes)
    }

    /// Checks a string that is skipped rather than made into a `String`.
    @inlinable
    func validateUTF8(_ token: StringToken) throws {
        if token.isKnownValid { return }
        guard withBytes(of: token, { UTF8Validation.isValid($0) }) else { throw syntaxError("invalid UTF-8 in a string") }
    }

    /// The `String` for a scanned string token, which must be valid UTF-8: made straight
    /// from the bytes when the scan saw only ASCII, else checked as it is made
    /// (``UTF8Validation/string(from:)``).
    @inlinable
    func makeString(_ token: StringToken) throws -> String {
        if token.isKnownValid { return withBytes(of: token) { String(decoding: $0, as: UTF8.self) } }
        guard let string = withBytes(of: token, { UTF8Validation.string(from: $0) }) else {
            throw syntaxError("invalid UTF-8 in a string")
        }
        return string
    }

    // MARK: Any value

    public mutating func peekKind() throws -> ValueKind {
        let byte = try requireToken()
        switch byte {
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "["): return .sequence
        case UInt8(ascii: "{"): return .map
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try scanNumber()
            // The read that follows takes this token instead of scanning it again.
            cursor = number.start
            peekedNumber = number
            if number.int64 != nil { return .int }
            if number.uint64 != nil { return .uint }
            return .double
        default:
            throw syntaxError("expected a value, found \(Self.describe(byte))")
        }
    }

    /// One pass over the token: a number is read as ``readInt64()`` reads it (most need no
    /// ``JSONNumber``), where ``peekKind()`` would scan it whole to tell its kind first.
    public mutating func readScalarValue() throws -> Value? {
        let byte = try requireToken()
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return nil
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let short = scanShortInteger() {
                return .int(short.isNegative ? -Int64(short.magnitude) : Int64(short.magnitude))
            }
            // The kinds `peekKind` would report, each read as its read would.
            let number = try scanNumber()
            lastValueStart = number.start
            if let exact = number.int64 { return .int(exact) }
            if let exact = number.uint64 { return .uint(exact) }
            guard let value = number.double(in: bytes) else {
                throw LodumError(.numberOutOfRange(number.text(in: bytes), type: "Double"), path: context.path, position: input.textPosition(of: number.start))
            }
            return .double(value)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try readBool())
        default:
            throw syntaxError("expected a value, found \(Self.describe(byte))")
        }
    }

    public mutating func skipValue() throws {
        try skipValue(depth: context.depth)
    }

    mutating func skipValue(depth: Int) throws {
        let byte = try requireToken()
        switch byte {
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "\""):
            let token = try scanString()
            try validateUTF8(token)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard depth < context.limits.maxDepth else {
                throw error(.limitExceeded(.depth(context.limits.maxDepth)))
            }
            let isObject = byte == UInt8(ascii: "{")
            let closing = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            cursor += 1
            atContainerStart = true
            while try advanceInContainer(closedBy: closing) {
                if isObject {
                    try expectKeyQuote()
                    try skipValue(depth: depth + 1)
                    try expectColon()
                }
                try skipValue(depth: depth + 1)
            }
        default:
            throw syntaxError("expected a value, found \(Self.describe(byte))")
        }
    }

    /// A type-mismatch error describing the value actually present, positioned at its start.
    @usableFromInline
    mutating func mismatch(expected: String) throws -> LodumError {
        let start = position
        let found: String
        let byte = try requireToken()
        switch byte {
        case UInt8(ascii: "n"): found = "null"
        case UInt8(ascii: "t"): found = "Bool true"
        case UInt8(ascii: "f"): found = "Bool false"
        case UInt8(ascii: "["): found = "Array"
        case UInt8(ascii: "{"): found = "Object"
        case UInt8(ascii: "\""):
            let token = try? scanString()
            let text = token.flatMap { try? makeString($0) } ?? "…"
            found = LodumError.describeFound("String", String(reflecting: text))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try scanNumber()
            found = "Number " + number.text(in: bytes)
        default:
            return syntaxError("expected \(expected), found \(Self.describe(byte))")
        }
        return LodumError(.typeMismatch(expected: expected, found: found), path: context.path, position: start)
    }
}
