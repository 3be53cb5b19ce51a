import Foundation
import LodumCore

// A fourth format, written only against Lodum's public API, to prove a user can add one:
// "tokens", a length-prefixed format in the spirit of bencode.
//
//   n            null          t / f        Booleans
//   i-42;        Int64          u42;         UInt64 above Int64.max
//   d1.5;        Double         s5:hello     text (UTF-8, length in bytes)
//   b3:...       raw bytes      [ … ]        a sequence
//   { k v … }    a struct or map (keys are strings)
//
// Documents are separated by a newline.

enum Tokens: Format {
    typealias Options = TokensOptions
    typealias Writer = TokensWriter
    typealias Reader = TokensReader

    static let name = "tokens"
    static let fileExtensions = ["tokens"]
    static let mediaType = "application/x-lodum-tokens"
    static let capabilities: FormatCapabilities = [.streamingDump, .lazyLoad, .multiDocument, .binary, .nativeBytes]

    static func makeWriter(output: OutputBuffer, options: TokensOptions, limits: Limits, layout: DocumentLayout) -> TokensWriter {
        TokensWriter(output: output, limits: limits)
    }

    static func makeReader(input: InputBuffer, options: TokensOptions, limits: Limits) -> TokensReader {
        TokensReader(input: input, limits: limits)
    }
}

struct TokensOptions: FormatOptions {}

struct TokensWriter: FormatWriter {
    var context: CodingContext
    var output: OutputBuffer
    var documents = 0

    init(output: OutputBuffer, limits: Limits) {
        self.output = output
        self.context = CodingContext(limits: limits)
    }

    mutating func beginDocument() throws {
        if documents > 0 { try output.append(UInt8(ascii: "\n")) }
        documents += 1
    }

    mutating func endDocument() throws {}
    mutating func finish() throws { try output.flush() }

    mutating func text(_ prefix: UInt8, _ bytes: some Collection<UInt8>) throws {
        try output.append(prefix)
        try ascii("\(bytes.count):")
        for byte in bytes { try output.append(byte) }
    }

    mutating func ascii(_ text: String) throws {
        for byte in text.utf8 { try output.append(byte) }
    }

    mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws { try output.append(UInt8(ascii: "{")) }
    mutating func field(_ key: StaticString) throws {
        try text(UInt8(ascii: "s"), UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }
    mutating func endStruct() throws { try output.append(UInt8(ascii: "}")) }
    mutating func beginSeq(count: Int?) throws { try output.append(UInt8(ascii: "[")) }
    mutating func endSeq() throws { try output.append(UInt8(ascii: "]")) }
    mutating func beginMap(count: Int?) throws { try output.append(UInt8(ascii: "{")) }
    mutating func mapKey(_ key: String) throws { try text(UInt8(ascii: "s"), Array(key.utf8)) }
    mutating func endMap() throws { try output.append(UInt8(ascii: "}")) }
    mutating func writeNil() throws { try output.append(UInt8(ascii: "n")) }
    mutating func write(_ value: Bool) throws { try output.append(UInt8(ascii: value ? "t" : "f")) }
    mutating func write(_ value: Int64) throws { try ascii("i\(value);") }
    mutating func write(_ value: UInt64) throws {
        if let small = Int64(exactly: value) { try write(small) } else { try ascii("u\(value);") }
    }
    mutating func write(_ value: Double) throws { try ascii("d\(value);") }
    mutating func write(_ value: Float) throws { try write(Double(value)) }
    mutating func write(_ value: String) throws { try text(UInt8(ascii: "s"), Array(value.utf8)) }
    mutating func write(bytes: [UInt8]) throws { try text(UInt8(ascii: "b"), bytes) }
}

struct TokensReader: FormatReader {
    var context: CodingContext
    var input: InputBuffer
    var cursor = 0
    /// Where the value last read started.
    var valueStart = 0

    init(input: InputBuffer, limits: Limits) {
        self.input = input
        self.context = CodingContext(limits: limits)
    }

    var position: InputPosition? { .binary(offset: input.offset(of: cursor)) }
    var positionOfLastValue: InputPosition? { .binary(offset: input.offset(of: valueStart)) }

    // MARK: Bytes

    /// Makes `count` bytes from the cursor available, reading more input as needed.
    mutating func require(_ count: Int) throws {
        while input.count - cursor < count {
            guard let shift = try input.refill(keepingFrom: min(cursor, valueStart)) else {
                throw error(.unexpectedEndOfInput)
            }
            cursor -= shift
            valueStart -= shift
        }
    }

    mutating func peekByte() throws -> UInt8 {
        try require(1)
        return input.base[cursor]
    }

    /// The next token's first byte, after newlines between documents.
    mutating func peekToken() throws -> UInt8 {
        while try peekByte() == UInt8(ascii: "\n") { cursor += 1 }
        return input.base[cursor]
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard try peekToken() == byte else { throw try mismatch(what) }
        valueStart = cursor
        cursor += 1
    }

    /// Digits (and a sign or a decimal point) up to `;` or `:`.
    mutating func number(until terminator: UInt8) throws -> String {
        var text = ""
        while true {
            let byte = try peekByte()
            cursor += 1
            if byte == terminator { return text }
            guard text.utf8.count < 64, byte >= 0x20, byte < 0x7F else { throw error(.syntax("a number is not terminated")) }
            text.append(Character(Unicode.Scalar(byte)))
        }
    }

    /// The payload of a `s` or `b` token whose tag has been consumed.
    mutating func payload() throws -> [UInt8] {
        guard let length = Int(try number(until: UInt8(ascii: ":"))), length >= 0 else {
            throw error(.syntax("a length is not a number"))
        }
        try require(length)
        let bytes = Array(UnsafeBufferPointer(start: input.base + cursor, count: length))
        cursor += length
        return bytes
    }

    mutating func readText() throws -> String {
        try expect(UInt8(ascii: "s"), "String")
        guard let text = String(validating: try payload(), as: UTF8.self) else { throw error(.syntax("invalid UTF-8")) }
        return text
    }

    mutating func mismatch(_ expected: String) throws -> LodumError {
        error(.typeMismatch(expected: expected, found: "\(try peekKind())"))
    }

    // MARK: Framing

    mutating func beginDocument() throws -> Bool {
        while true {
            if input.count - cursor < 1 {
                guard let shift = try input.refill(keepingFrom: cursor) else { return false }
                cursor -= shift
                valueStart = max(0, valueStart - shift)
                continue
            }
            guard input.base[cursor] == UInt8(ascii: "\n") else { return true }
            cursor += 1
        }
    }

    mutating func endDocument() throws {}

    mutating func finish() throws {
        if try beginDocument() { throw error(.syntax("more input after the last document")) }
    }

    // MARK: Containers

    mutating func beginStruct(_ name: StaticString) throws { try expect(UInt8(ascii: "{"), "Object") }

    mutating func nextField(in fields: FieldNames, hint: Int) throws -> FieldMatch? {
        if try peekToken() == UInt8(ascii: "}") {
            cursor += 1
            return nil
        }
        let key = Array(try readText().utf8)
        return key.withUnsafeBytes { bytes in
            fields.index(of: bytes, hint: hint).map { .known($0) } ?? fields.unknownKey(bytes)
        }
    }

    mutating func beginSeq() throws -> Int? {
        try expect(UInt8(ascii: "["), "Array")
        return nil
    }

    mutating func nextElement() throws -> Bool {
        guard try peekToken() == UInt8(ascii: "]") else { return true }
        cursor += 1
        return false
    }

    mutating func beginMap() throws -> Int? {
        try expect(UInt8(ascii: "{"), "Object")
        return nil
    }

    mutating func nextMapKey() throws -> String? {
        if try peekToken() == UInt8(ascii: "}") {
            cursor += 1
            return nil
        }
        return try readText()
    }

    // MARK: Scalars

    mutating func decodeNil() throws -> Bool {
        guard try peekToken() == UInt8(ascii: "n") else { return false }
        cursor += 1
        return true
    }

    mutating func readBool() throws -> Bool {
        switch try peekToken() {
        case UInt8(ascii: "t"): cursor += 1; return true
        case UInt8(ascii: "f"): cursor += 1; return false
        default: throw try mismatch("Bool")
        }
    }

    mutating func readNumber(_ expected: String) throws -> (tag: UInt8, text: String) {
        let tag = try peekToken()
        guard tag == UInt8(ascii: "i") || tag == UInt8(ascii: "u") || tag == UInt8(ascii: "d") else { throw try mismatch(expected) }
        valueStart = cursor
        cursor += 1
        return (tag, try number(until: UInt8(ascii: ";")))
    }

    mutating func readInt64() throws -> Int64 {
        let (tag, text) = try readNumber("Int")
        if tag != UInt8(ascii: "d"), let value = Int64(text) { return value }
        if let double = Double(text), let value = Int64(exactly: double) { return value }
        throw LodumError(.numberOutOfRange(text, type: "Int64"), path: context.path, position: positionOfLastValue)
    }

    mutating func readUInt64() throws -> UInt64 {
        let (tag, text) = try readNumber("UInt")
        if tag != UInt8(ascii: "d"), let value = UInt64(text) { return value }
        if let double = Double(text), let value = UInt64(exactly: double) { return value }
        throw LodumError(.numberOutOfRange(text, type: "UInt64"), path: context.path, position: positionOfLastValue)
    }

    mutating func readDouble() throws -> Double {
        let (_, text) = try readNumber("Double")
        guard let value = Double(text) else { throw error(.syntax("not a number: \(text)")) }
        return value
    }

    mutating func readFloat() throws -> Float { Float(try readDouble()) }
    mutating func readString() throws -> String { try readText() }

    mutating func readBytes() throws -> [UInt8] {
        switch try peekToken() {
        case UInt8(ascii: "b"):
            valueStart = cursor
            cursor += 1
            return try payload()
        case UInt8(ascii: "s"):
            let text = try readText()
            guard let bytes = Base64.decode(text) else { throw try mismatch("base64 bytes") }
            return bytes
        default:
            throw try mismatch("Bytes")
        }
    }

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
                _ = try readNumber("a value")
            case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"):
                cursor += 1
            case let byte:
                throw error(.syntax("unexpected byte \(byte)"))
            }
        } while depth > 0
    }
}
