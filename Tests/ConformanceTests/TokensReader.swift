import LodumCore

/// Reads Tokens: a pull parser over an `InputBuffer` window, with a cursor and nothing
/// else. The type being decoded asks for the shape it expects, so the reader keeps no
/// stack of open containers.
struct TokensReader: FormatReader {
    /// The coding path and the depth limit, kept up to date by the core's drivers.
    var context: CodingContext
    var input: InputBuffer
    let options: TokensOptions
    /// The next byte to read, as an index into the window.
    var cursor = 0
    /// Where the value being read (or the one just read) starts, as an index into the
    /// window. Refills keep the bytes from here on, so its position stays reportable.
    var valueStart = 0

    init(input: InputBuffer, options: TokensOptions, limits: Limits) {
        self.input = input
        self.options = options
        self.context = CodingContext(limits: limits)
    }

    // MARK: Positions

    /// A byte offset in the whole input: the window counts the bytes it has discarded.
    /// A text format would answer `input.textPosition(of: cursor)`, a line and column.
    var position: InputPosition? { .binary(offset: input.offset(of: cursor)) }

    /// Where the value just read started, for errors the core finds after reading it: a
    /// number too large for an `Int8`, a value a validator refuses.
    var positionOfLastValue: InputPosition? { .binary(offset: input.offset(of: valueStart)) }

    // MARK: The input window

    /// Reads more input into the window; `false` at the end of the input.
    ///
    /// A refill discards the bytes before the one it is told to keep and moves the rest to
    /// the front, so every index into the window moves back by what it returns, and
    /// pointers into the old window are no longer valid.
    mutating func readMore() throws -> Bool {
        guard let shift = try input.refill(keepingFrom: min(cursor, valueStart)) else { return false }
        cursor -= shift
        valueStart -= shift
        return true
    }

    /// Makes `count` bytes from the cursor available, or throws: the input ended inside a
    /// token. Every read of the window goes through here, so no cut of the input can make
    /// the reader look past its end.
    mutating func require(_ count: Int) throws {
        while input.count - cursor < count {
            guard try readMore() else { throw error(.unexpectedEndOfInput) }
        }
    }

    /// The first byte of the next value, past any newlines, without consuming it; the value
    /// starts there.
    mutating func peekToken() throws -> UInt8 {
        while true {
            try require(1)
            let byte = input.base[cursor]
            if byte != UInt8(ascii: "\n") {
                valueStart = cursor
                return byte
            }
            cursor += 1
        }
    }

    // MARK: Documents

    /// Skips the newlines between documents; `false` when the input ends instead, which
    /// here (unlike inside a value) is no error.
    mutating func beginDocument() throws -> Bool {
        valueStart = cursor
        while true {
            if cursor == input.count {
                guard try readMore() else { return false }
                continue
            }
            if input.base[cursor] != UInt8(ascii: "\n") { return true }
            cursor += 1
        }
    }

    mutating func endDocument() throws {}

    mutating func finish() throws {
        if try beginDocument() { throw error(.syntax("more input after the last document")) }
    }

    // MARK: Tokens

    /// Consumes the next token's tag, which must be `tag`.
    mutating func consume(_ tag: UInt8, expected: String) throws {
        guard try peekToken() == tag else { throw try mismatch(expected) }
        cursor += 1
    }

    /// Consumes `closer` if it comes next: the end of the innermost container.
    mutating func consumeIfNext(_ closer: UInt8) throws -> Bool {
        guard try peekToken() == closer else { return false }
        cursor += 1
        return true
    }

    /// The text of a number whose tag has been consumed, up to `terminator`. Bounded, and
    /// printable ASCII only, so hostile input cannot make it grow or hold garbage.
    mutating func numberText(until terminator: UInt8) throws -> String {
        var text = ""
        while true {
            try require(1)
            let byte = input.base[cursor]
            cursor += 1
            if byte == terminator { return text }
            guard text.utf8.count < 64, byte >= 0x20, byte < 0x7F else {
                throw error(.syntax("a number is not terminated"))
            }
            text.unicodeScalars.append(Unicode.Scalar(byte))
        }
    }

    /// The payload of an `s` or `b` token whose tag has been consumed, in place in the
    /// window: valid until the window is next refilled, so callers copy what they keep.
    mutating func payload() throws -> UnsafeRawBufferPointer {
        guard let length = Int(try numberText(until: UInt8(ascii: ":"))), length >= 0 else {
            throw error(.syntax("a length is not a number"))
        }
        try require(length)
        let bytes = UnsafeRawBufferPointer(start: input.base + cursor, count: length)
        cursor += length
        return bytes
    }

    /// A type mismatch at the cursor, naming the kind of value found there.
    mutating func mismatch(_ expected: String) throws -> LodumError {
        error(.typeMismatch(expected: expected, found: "\(try peekKind())"))
    }

    // MARK: Peeking

    mutating func peekKind() throws -> ValueKind {
        switch try peekToken() {
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "i"): return .int
        case UInt8(ascii: "u"): return .uint
        case UInt8(ascii: "d"): return .double
        case UInt8(ascii: "s"): return .string
        case UInt8(ascii: "b"): return .bytes
        case UInt8(ascii: "["): return .sequence
        case UInt8(ascii: "{"): return .map
        case let byte: throw error(.syntax("unexpected byte \(byte)"))
        }
    }

    // MARK: Structs, sequences and maps

    mutating func beginStruct(_ name: StaticString) throws {
        try consume(UInt8(ascii: "{"), expected: "Object")
    }

    /// Matches the key's bytes against the type's field table in place, trying the field
    /// after the last match first: no `String` is built for a known key.
    mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch? {
        if try consumeIfNext(UInt8(ascii: "}")) { return nil }
        try consume(UInt8(ascii: "s"), expected: "a key")
        let key = try payload()
        guard UTF8Validation.isValid(key) else { throw error(.syntax("a key is not UTF-8")) }
        return fields.index(of: key, hint: hint).map { .known($0) } ?? fields.unknownKey(key)
    }

    /// Tokens does not know a container's length up front, so it answers `nil`.
    mutating func beginSeq() throws -> Int? {
        try consume(UInt8(ascii: "["), expected: "Array")
        return nil
    }

    mutating func nextElement() throws -> Bool {
        try !consumeIfNext(UInt8(ascii: "]"))
    }

    mutating func beginMap() throws -> Int? {
        try consume(UInt8(ascii: "{"), expected: "Object")
        return nil
    }

    mutating func nextMapKey() throws -> String? {
        if try consumeIfNext(UInt8(ascii: "}")) { return nil }
        return try readString()
    }

    // MARK: Scalars

    mutating func decodeNil() throws -> Bool {
        try consumeIfNext(UInt8(ascii: "n"))
    }

    mutating func readBool() throws -> Bool {
        if try consumeIfNext(UInt8(ascii: "t")) { return true }
        if try consumeIfNext(UInt8(ascii: "f")) { return false }
        throw try mismatch("Bool")
    }

    /// Consumes a number token of any tag and returns the tag and the number's text.
    mutating func readNumber(expected: String) throws -> (tag: UInt8, text: String) {
        let tag = try peekToken()
        guard tag == UInt8(ascii: "i") || tag == UInt8(ascii: "u") || tag == UInt8(ascii: "d") else {
            throw try mismatch(expected)
        }
        cursor += 1
        return (tag, try numberText(until: UInt8(ascii: ";")))
    }

    /// Any number that is exactly an `Int64` (`d3.0;` too); anything else is an error at the
    /// number, never a trap.
    mutating func readInt64() throws -> Int64 {
        let (tag, text) = try readNumber(expected: "Int")
        if tag != UInt8(ascii: "d"), let value = Int64(text) { return value }
        guard let value = Int64(exactly: try double(from: text)) else {
            throw errorAtValue(.numberOutOfRange(text, type: "Int64"))
        }
        return value
    }

    mutating func readUInt64() throws -> UInt64 {
        let (tag, text) = try readNumber(expected: "UInt")
        if tag != UInt8(ascii: "d"), let value = UInt64(text) { return value }
        guard let value = UInt64(exactly: try double(from: text)) else {
            throw errorAtValue(.numberOutOfRange(text, type: "UInt64"))
        }
        return value
    }

    mutating func readDouble() throws -> Double {
        try double(from: try readNumber(expected: "Double").text)
    }

    func double(from text: String) throws -> Double {
        guard let value = Double(text) else { throw errorAtValue(.syntax("not a number: \(text)")) }
        return value
    }

    /// An error at the value just read, which the cursor has passed.
    func errorAtValue(_ kind: LodumError.Kind) -> LodumError {
        LodumError(kind, path: context.path, position: positionOfLastValue)
    }

    mutating func readFloat() throws -> Float {
        Float(try readDouble())
    }

    mutating func readString() throws -> String {
        try consume(UInt8(ascii: "s"), expected: "String")
        guard let text = UTF8Validation.string(from: try payload()) else { throw error(.syntax("text is not UTF-8")) }
        return text
    }

    /// Native `b` bytes, or (unless the options refuse it) base64 text: what JSON and YAML
    /// write for bytes, so a `Value` or a transcode from them reads back as bytes here.
    mutating func readBytes() throws -> [UInt8] {
        if try consumeIfNext(UInt8(ascii: "b")) { return Array(try payload()) }
        guard options.acceptsBase64Bytes, try peekToken() == UInt8(ascii: "s") else { throw try mismatch("Bytes") }
        guard let bytes = Base64.decode(try readString()) else {
            throw errorAtValue(.typeMismatch(expected: "base64 bytes", found: "String"))
        }
        return bytes
    }

    // MARK: Skipping

    /// Consumes the next value whole, checking it as it goes. A loop with a counter, not
    /// recursion: input nested a million deep ends in the depth limit's error, never in a
    /// stack overflow. The limit counts the containers the core has entered as well.
    mutating func skipValue() throws {
        var depth = 0
        repeat {
            switch try peekToken() {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                guard context.depth + depth < context.limits.maxDepth else {
                    throw error(.limitExceeded(.depth(context.limits.maxDepth)))
                }
                cursor += 1
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard depth > 0 else { throw error(.syntax("a container closes that never opened")) }
                cursor += 1
                depth -= 1
            case UInt8(ascii: "s"), UInt8(ascii: "b"):
                cursor += 1
                _ = try payload()
            case UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "d"):
                _ = try readNumber(expected: "a value")
            case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"):
                cursor += 1
            case let byte:
                throw error(.syntax("unexpected byte \(byte)"))
            }
        } while depth > 0
    }
}
