import LodumCore

/// Writes Tokens: each event appends a few bytes to a fixed-size `OutputBuffer`, which
/// hands the sink a chunk each time it fills, so a dump of any size holds one buffer.
struct TokensWriter: FormatWriter {
    /// The coding path and the depth limit. The core's drivers keep it up to date; the
    /// writer only stores it.
    var context: CodingContext
    var output: OutputBuffer
    /// How many documents have begun, so that a newline goes between two documents.
    var documents = 0

    init(output: OutputBuffer, limits: Limits) {
        self.output = output
        self.context = CodingContext(limits: limits)
    }

    // MARK: Documents

    mutating func beginDocument() throws {
        if documents > 0 { try output.append(UInt8(ascii: "\n")) }
        documents += 1
    }

    mutating func endDocument() throws {}

    /// Hands the last, partly filled buffer to the sink: without it, the output's tail
    /// would be lost.
    mutating func finish() throws {
        try output.flush()
    }

    // MARK: Structs, sequences and maps

    mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        try output.append(UInt8(ascii: "{"))
    }

    /// A field's key is a string literal from the type's field table: its UTF-8 goes out
    /// as it is, with no `String` built.
    mutating func field(_ key: StaticString) throws {
        try writeToken(UInt8(ascii: "s"), UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }

    mutating func endStruct() throws {
        try output.append(UInt8(ascii: "}"))
    }

    /// Tokens closes containers with a byte, so it needs no count: one that is `nil` (a
    /// lazy sequence of unknown length) streams like any other.
    mutating func beginSeq(count: Int?) throws {
        try output.append(UInt8(ascii: "["))
    }

    mutating func endSeq() throws {
        try output.append(UInt8(ascii: "]"))
    }

    mutating func beginMap(count: Int?) throws {
        try output.append(UInt8(ascii: "{"))
    }

    mutating func mapKey(_ key: String) throws {
        try write(key)
    }

    mutating func endMap() throws {
        try output.append(UInt8(ascii: "}"))
    }

    // MARK: Scalars

    mutating func writeNil() throws {
        try output.append(UInt8(ascii: "n"))
    }

    mutating func write(_ value: Bool) throws {
        try output.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    /// The digits are formatted straight into the buffer: room for the longest integer,
    /// its tag and its `;` is reserved first (flushing if needed), then filled in place.
    mutating func write(_ value: Int64) throws {
        try output.reserve(NumberText.maxIntegerLength + 2)
        output.appendUnchecked(UInt8(ascii: "i"))
        output.commitUnchecked(NumberText.write(value, to: output.nextFree))
        output.appendUnchecked(UInt8(ascii: ";"))
    }

    /// `u` is only for what `Int64` cannot hold, so every integer has one spelling.
    mutating func write(_ value: UInt64) throws {
        if let signed = Int64(exactly: value) { return try write(signed) }
        try output.reserve(NumberText.maxIntegerLength + 2)
        output.appendUnchecked(UInt8(ascii: "u"))
        output.commitUnchecked(NumberText.write(value, to: output.nextFree))
        output.appendUnchecked(UInt8(ascii: ";"))
    }

    /// The shortest text that reads back as exactly `value`; `nan` and `inf` included,
    /// since Tokens, unlike JSON, can spell them.
    mutating func write(_ value: Double) throws {
        try output.append(UInt8(ascii: "d"))
        try NumberText.withShortestText(of: value) { try output.append($0) }
        try output.append(UInt8(ascii: ";"))
    }

    /// Widened: every `Float` is exactly a `Double`, and reads back as the same `Float`.
    mutating func write(_ value: Float) throws {
        try write(Double(value))
    }

    mutating func write(_ value: String) throws {
        var text = value
        try text.withUTF8 { try writeToken(UInt8(ascii: "s"), UnsafeRawBufferPointer($0)) }
    }

    mutating func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeToken(UInt8(ascii: "b"), $0) }
    }

    // Not written here, so the core's defaults apply:
    // - write(_: Timestamp): ISO 8601 text, through write(_: String);
    // - write(_: ExtensionValue): a struct of `type` and `data`;
    // - mapKey(_: Int64), mapKey(_: UInt64): the key's decimal text, through mapKey(_: String);
    // - write(numberText:): the number checked, then written as text.

    /// A length-prefixed token: its tag, the payload's length in bytes and a `:`, then the
    /// payload as it is. A payload longer than the buffer is split across flushes.
    mutating func writeToken(_ tag: UInt8, _ payload: UnsafeRawBufferPointer) throws {
        try output.reserve(NumberText.maxIntegerLength + 2)
        output.appendUnchecked(tag)
        output.commitUnchecked(NumberText.write(Int64(payload.count), to: output.nextFree))
        output.appendUnchecked(UInt8(ascii: ":"))
        try output.append(payload)
    }
}
