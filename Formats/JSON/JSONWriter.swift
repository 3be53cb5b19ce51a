import LodumCore

/// The JSON ``Serializer``: turns IR events into RFC 8259 text in a fixed-size buffer.
///
/// Its state is the output buffer, the nesting level and what separator the next value
/// needs, so a streaming dump's memory is O(depth) whatever the size of the output.
public struct JSONWriter: FormatWriter {
    /// What must be written before the next value or key.
    @usableFromInline
    enum Separator {
        /// Nothing: a top-level value, or a value right after its key.
        case none
        /// The first element of a container.
        case first
        /// A later element: a comma.
        case comma
    }

    public var context: CodingContext
    @usableFromInline var output: OutputBuffer
    @usableFromInline let layout: JSONLayout
    @usableFromInline let documentLayout: DocumentLayout
    @usableFromInline var level = 0
    @usableFromInline var separator = Separator.none
    /// Builds a container whole when keys must be sorted; `nil` when they need not be.
    /// Boxed, so the writer stays small: held inline, the capture was copied on every
    /// event to test it (a fifth of the instructions of writing a point).
    @usableFromInline let sortingCapture: SortingCapture?
    @inlinable var sortsKeys: Bool { sortingCapture != nil }

    /// Whether events go to the sorted-keys capture.
    @inlinable var isCapturing: Bool { sortingCapture?.isOpen ?? false }

    @inlinable
    init(output: OutputBuffer, options: JSONOptions, limits: Limits, layout: DocumentLayout) {
        self.context = CodingContext(limits: limits)
        self.output = output
        self.layout = JSONLayout(indent: options.indent)
        self.documentLayout = layout
        self.sortingCapture = options.sortedKeys ? SortingCapture() : nil
    }

    /// The fixed size of the writer's output buffer.
    public var bufferCapacity: Int { output.capacity }

    // MARK: Framing

    public mutating func beginDocument() throws {
        separator = .none
        level = 0
    }

    public mutating func endDocument() throws {
        if documentLayout == .multiple { try output.append(UInt8(ascii: "\n")) }
    }

    public mutating func finish() throws {
        try output.flush()
    }

    // MARK: Separators

    @inlinable
    mutating func beforeValue() throws {
        switch separator {
        case .none: break
        case .first: try layout.beforeFirst(level: level, into: &output)
        case .comma: try layout.beforeNext(level: level, into: &output)
        }
    }

    @inlinable
    mutating func open(_ bracket: UInt8) throws {
        try beforeValue()
        try output.append(bracket)
        level += 1
        separator = .first
    }

    @inlinable
    mutating func close(_ bracket: UInt8) throws {
        level -= 1
        if separator != .first { try layout.beforeClose(level: level, into: &output) }
        try output.append(bracket)
        separator = .comma
    }

    // MARK: Containers

    @inlinable
    public mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        if sortsKeys { return try captureForSorting { try $0.beginStruct(name, fieldCount: fieldCount) } }
        try open(UInt8(ascii: "{"))
    }

    @inlinable
    public mutating func field(_ key: StaticString) throws {
        if isCapturing { return try captureForSorting { try $0.field(key) } }
        if layout.indent == 0, key.hasPointerRepresentation, key.utf8CodeUnitCount <= 64,
           try writeCompactField(key.utf8Start, length: key.utf8CodeUnitCount) {
            return
        }
        try writeField(key)
    }

    /// Writes the comma, the quoted name and the colon of a field in compact output, in
    /// one reserved run through a local pointer (stores through the buffer's own count would
    /// reload it after every byte); `false`, with nothing written, when the name needs an
    /// escape.
    ///
    /// The name is checked as it is copied: a separate pass to check it first cost as much
    /// as the copy, for names that almost never need an escape.
    @inlinable @inline(__always)
    mutating func writeCompactField(_ name: UnsafePointer<UInt8>, length: Int) throws -> Bool {
        try output.reserve(length + 4)
        let start = output.nextFree
        var next = start
        if separator == .comma {
            next.pointee = UInt8(ascii: ",")
            next += 1
        }
        next.pointee = UInt8(ascii: "\"")
        next += 1
        for offset in 0..<length {
            let byte = name[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            next[offset] = byte
        }
        next += length
        next[0] = UInt8(ascii: "\"")
        next[1] = UInt8(ascii: ":")
        output.commitUnchecked(next + 2 - start)
        separator = .none
        return true
    }

    /// A field name in indented output, or one that needs escapes.
    @usableFromInline @inline(never)
    mutating func writeField(_ key: StaticString) throws {
        try beforeValue()
        if key.hasPointerRepresentation {
            try writeQuoted(UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        } else {
            try writeString(key.description)
        }
        try output.append(UInt8(ascii: ":"))
        try layout.afterColon(into: &output)
        separator = .none
    }

    @inlinable
    public mutating func endStruct() throws {
        if isCapturing { return try captureForSorting { try $0.endStruct() } }
        try close(UInt8(ascii: "}"))
    }

    @inlinable
    public mutating func beginSeq(count: Int?) throws {
        if isCapturing { return try captureForSorting { try $0.beginSeq(count: count) } }
        try open(UInt8(ascii: "["))
    }

    @inlinable
    public mutating func endSeq() throws {
        if isCapturing { return try captureForSorting { try $0.endSeq() } }
        try close(UInt8(ascii: "]"))
    }

    @inlinable
    public mutating func beginMap(count: Int?) throws {
        if sortsKeys { return try captureForSorting { try $0.beginMap(count: count) } }
        try open(UInt8(ascii: "{"))
    }

    @inlinable
    public mutating func mapKey(_ key: String) throws {
        if isCapturing { return try captureForSorting { try $0.mapKey(key) } }
        try beforeValue()
        try writeString(key)
        try output.append(UInt8(ascii: ":"))
        try layout.afterColon(into: &output)
        separator = .none
    }

    @inlinable
    public mutating func endMap() throws {
        if isCapturing { return try captureForSorting { try $0.endMap() } }
        try close(UInt8(ascii: "}"))
    }

    // MARK: Scalars

    /// Writes one scalar: into the sorted-keys capture when one is open (`captured`),
    /// otherwise after the separator it needs (`written`).
    @inlinable
    mutating func writeScalar(
        captured: (inout ValueSerializer) throws -> Void, written: (inout JSONWriter) throws -> Void
    ) throws {
        if isCapturing { return try captureForSorting(captured) }
        try beforeValue()
        try written(&self)
        separator = .comma
    }

    @inlinable
    public mutating func writeNil() throws {
        try writeScalar(captured: { try $0.writeNil() }, written: { try $0.output.append("null") })
    }

    @inlinable
    public mutating func write(_ value: Bool) throws {
        try writeScalar(captured: { try $0.write(value) }, written: { try $0.output.append(value ? "true" : "false") })
    }

    /// Writes a number that `format` prints at a pointer into at most `maxLength` bytes,
    /// returning how many. In compact output the comma before it shares its reserved run.
    @inlinable
    mutating func writeNumber(
        maxLength: Int, captured: (inout ValueSerializer) throws -> Void, _ format: (UnsafeMutablePointer<UInt8>) -> Int
    ) throws {
        if isCapturing { return try captureForSorting(captured) }
        if layout.indent == 0 {
            try output.reserve(maxLength + 1)
            var next = output.nextFree
            if separator == .comma {
                next.pointee = UInt8(ascii: ",")
                next += 1
            }
            output.commitUnchecked((next - output.nextFree) &+ format(next))
        } else {
            try beforeValue()
            try output.reserve(maxLength)
            output.commitUnchecked(format(output.nextFree))
        }
        separator = .comma
    }

    @inlinable
    public mutating func write(_ value: Int64) throws {
        try writeNumber(maxLength: NumberText.maxIntegerLength, captured: { try $0.write(value) }) { NumberText.write(value, to: $0) }
    }

    @inlinable
    public mutating func write(_ value: UInt64) throws {
        try writeNumber(maxLength: NumberText.maxIntegerLength, captured: { try $0.write(value) }) { NumberText.write(value, to: $0) }
    }

    @inlinable
    public mutating func write(_ value: Double) throws {
        // Checked before a sorted-keys capture, while the path still names this value.
        guard value.isFinite else { throw nonFinite(value.description) }
        try writeNumber(maxLength: NumberText.maxShortestLength, captured: { try $0.write(value) }) {
            NumberText.writeShortest(value, to: $0)
        }
    }

    @inlinable
    public mutating func write(_ value: Float) throws {
        guard value.isFinite else { throw nonFinite(value.description) }
        try writeNumber(maxLength: NumberText.maxShortestLength, captured: { try $0.write(value) }) {
            NumberText.writeShortest(value, to: $0)
        }
    }

    @usableFromInline
    func nonFinite(_ text: String) -> LodumError {
        error(.unsupportedValue("\(text) cannot be written as JSON (RFC 8259 §6 has no NaN or infinity)"))
    }

    @inlinable
    public mutating func write(_ value: String) throws {
        try writeScalar(captured: { try $0.write(value) }, written: { try $0.writeString(value) })
    }

    public mutating func write(bytes: [UInt8]) throws {
        try write(Base64.encode(bytes))
    }

    /// Writes the digits as a bare JSON number (`12.50`, not `"12.50"`), after checking
    /// they are one (RFC 8259 §6), so the output stays valid JSON whatever the text.
    public mutating func write(numberText: String) throws {
        try checkNumberText(numberText)
        try writeScalar(captured: { try $0.write(Self.capturedNumberText(numberText)) }) { writer in
            var text = numberText
            try text.withUTF8 { try writer.output.append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The extension type that stands for number text in the sorted-keys capture.
    ///
    /// The capture is a ``Value`` tree, which has no case for number text. This writer
    /// writes extension values as structs (JSON has no extension type), so no extension
    /// reaches the capture from the value being written, and one can carry the digits to
    /// ``writeSorted(_:)``.
    @usableFromInline static let numberTextExtensionType: Int8 = 0

    @usableFromInline
    static func capturedNumberText(_ text: String) -> ExtensionValue {
        ExtensionValue(type: numberTextExtensionType, data: Array(text.utf8))
    }

    // MARK: Strings

    @inlinable
    mutating func writeString(_ value: String) throws {
        if let done: Void = try value.utf8.withContiguousStorageIfAvailable({ try writeQuoted(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        var copy = value
        try copy.withUTF8 { try writeQuoted(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `"…"`, escaping per RFC 8259 §7: quote, backslash and control characters.
    /// Runs of plain bytes are copied whole.
    @inlinable
    mutating func writeQuoted(_ utf8: UnsafeRawBufferPointer) throws {
        // Most strings need no escape and fit the buffer: one check a word at a time, one
        // reservation, one copy.
        if let base = utf8.baseAddress, utf8.count <= output.capacity - 2, !JSONStringBytes.needsEscaping(base, utf8.count) {
            try output.reserve(utf8.count + 2)
            output.appendUnchecked(UInt8(ascii: "\""))
            UnsafeMutableRawPointer(output.nextFree).copyMemory(from: base, byteCount: utf8.count)
            output.commitUnchecked(utf8.count)
            output.appendUnchecked(UInt8(ascii: "\""))
            return
        }
        try writeQuotedWithEscapes(utf8)
    }

    /// ``writeQuoted(_:)`` for a string that needs escapes or is longer than the buffer.
    @usableFromInline
    mutating func writeQuotedWithEscapes(_ utf8: UnsafeRawBufferPointer) throws {
        try output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if runStart < index { try output.append(UnsafeRawBufferPointer(rebasing: utf8[runStart..<index])) }
                try writeEscape(byte)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count { try output.append(UnsafeRawBufferPointer(rebasing: utf8[runStart..<count])) }
        try output.append(UInt8(ascii: "\""))
    }

    @usableFromInline
    mutating func writeEscape(_ byte: UInt8) throws {
        try output.reserve(6)
        output.appendUnchecked(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): output.appendUnchecked(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.appendUnchecked(UInt8(ascii: "\\"))
        case 0x08: output.appendUnchecked(UInt8(ascii: "b"))
        case 0x0C: output.appendUnchecked(UInt8(ascii: "f"))
        case 0x0A: output.appendUnchecked(UInt8(ascii: "n"))
        case 0x0D: output.appendUnchecked(UInt8(ascii: "r"))
        case 0x09: output.appendUnchecked(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            output.appendUnchecked(UInt8(ascii: "u"))
            output.appendUnchecked(UInt8(ascii: "0"))
            output.appendUnchecked(UInt8(ascii: "0"))
            output.appendUnchecked(hex.utf8Start[Int(byte >> 4)])
            output.appendUnchecked(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    // MARK: Sorted keys

    /// Routes one event into the capture that builds the current top-level container whole,
    /// and writes the container with sorted keys once it closes.
    ///
    /// Never inlined: inlined, it made every event's fast path several times larger (and
    /// too large to inline in turn) for a mode most writers never use.
    @usableFromInline @inline(never)
    mutating func captureForSorting(_ event: (inout ValueSerializer) throws -> Void) throws {
        guard let box = sortingCapture else { return }
        var capture = box.serializer ?? ValueSerializer(limits: context.limits)
        box.serializer = nil
        try event(&capture)
        if capture.isInsideContainer {
            box.serializer = capture
        } else if let value = capture.value {
            try writeSorted(value)
        }
    }

    @usableFromInline
    mutating func writeSorted(_ value: Value) throws {
        switch value {
        case .object(let members):
            try open(UInt8(ascii: "{"))
            for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                try beforeValue()
                try writeString(member.key)
                try output.append(UInt8(ascii: ":"))
                try layout.afterColon(into: &output)
                separator = .none
                try writeSorted(member.value)
            }
            try close(UInt8(ascii: "}"))
        case .array(let elements):
            try open(UInt8(ascii: "["))
            for element in elements { try writeSorted(element) }
            try close(UInt8(ascii: "]"))
        case .null: try writeNil()
        case .bool(let flag): try write(flag)
        case .int(let number): try write(number)
        case .uint(let number): try write(number)
        case .double(let number): try write(number)
        case .string(let text): try write(text)
        case .bytes(let bytes): try write(bytes: bytes)
        case .timestamp(let timestamp): try write(timestamp)
        case .extension(let value) where value.type == Self.numberTextExtensionType:
            try writeScalar(captured: { try $0.write(value) }) { writer in
                try value.data.withUnsafeBytes { try writer.output.append($0) }
            }
        case .extension(let value): try writeSorted(.object([
            Value.Member(key: "type", value: .int(Int64(value.type))),
            Value.Member(key: "data", value: .bytes(value.data)),
        ]))
        }
    }
}

/// The container a writer with sorted keys is building whole, from its first event to its
/// end, when it is written out sorted.
@usableFromInline
final class SortingCapture {
    @usableFromInline var serializer: ValueSerializer? {
        didSet { isOpen = serializer != nil }
    }
    /// Whether a container is being built, kept apart from ``serializer`` so that every
    /// event tests one flag instead of copying the optional serializer out to test it.
    @usableFromInline @exclusivity(unchecked) private(set) var isOpen = false

    @usableFromInline init() {}
}

