import CYAML
import LodumCore

/// The YAML ``Serializer``: turns IR events into libyaml emitter events.
///
/// Strings that a plain scalar would turn into something else (`"yes"`, `"1.0"`, `""`)
/// are quoted, multi-line text becomes a literal block, bytes are `!!binary` base64, and
/// NaN and infinities are `.nan`, `.inf` and `-.inf`. State is libyaml's emitter, which
/// holds a few events of look-ahead, and a fixed output buffer.
public struct YAMLWriter: FormatWriter {
    public var context: CodingContext
    let emitter: YAMLEmitter
    let documentLayout: DocumentLayout
    let sequenceStyle: yaml_sequence_style_t
    let mappingStyle: yaml_mapping_style_t
    var streamStarted = false

    init(output: OutputBuffer, options: YAMLOptions, limits: Limits, layout: DocumentLayout) {
        self.context = CodingContext(limits: limits)
        self.emitter = YAMLEmitter(output: output, options: options)
        self.documentLayout = layout
        self.sequenceStyle = options.style == .flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
        self.mappingStyle = options.style == .flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
    }

    /// The fixed size of the writer's output buffer.
    public var bufferCapacity: Int { emitter.output.capacity }

    /// Runs a libyaml call, giving its errors the current coding path.
    func emit(_ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) throws {
        try context.locatingErrors { try emitter.emit(initialize) }
    }

    // MARK: Framing

    public mutating func beginDocument() throws {
        if !streamStarted {
            streamStarted = true
            try emit { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
        }
        // In a stream of documents every one starts with `---`, so each stands out.
        let implicit: Int32 = documentLayout == .single ? 1 : 0
        try emit { yaml_document_start_event_initialize($0, nil, nil, nil, implicit) }
    }

    public mutating func endDocument() throws {
        try emit { yaml_document_end_event_initialize($0, 1) }
    }

    public mutating func finish() throws {
        // With no document (an empty `dump(documents:)`) there is no stream to end, and
        // libyaml must not be flushed: it asserts that a stream was started.
        if streamStarted {
            try emit { yaml_stream_end_event_initialize($0) }
            try emitter.flush()
        }
        try emitter.output.flush()
    }

    // MARK: Containers

    public mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        let style = mappingStyle
        try emit { yaml_mapping_start_event_initialize($0, nil, nil, 1, style) }
    }

    public mutating func field(_ key: StaticString) throws {
        try writeText(UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }

    public mutating func endStruct() throws {
        try emit { yaml_mapping_end_event_initialize($0) }
    }

    public mutating func beginSeq(count: Int?) throws {
        let style = sequenceStyle
        try emit { yaml_sequence_start_event_initialize($0, nil, nil, 1, style) }
    }

    public mutating func endSeq() throws {
        try emit { yaml_sequence_end_event_initialize($0) }
    }

    public mutating func beginMap(count: Int?) throws {
        let style = mappingStyle
        try emit { yaml_mapping_start_event_initialize($0, nil, nil, 1, style) }
    }

    public mutating func mapKey(_ key: String) throws {
        try write(key)
    }

    public mutating func endMap() throws {
        try emit { yaml_mapping_end_event_initialize($0) }
    }

    // MARK: Scalars

    /// Emits a scalar that must read back as what it is (a number, `null`, a Boolean): plain,
    /// with no tag.
    func writePlain(_ text: UnsafeRawBufferPointer) throws {
        guard let base = text.baseAddress else { return }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let length = Int32(text.count)
        try emit { yaml_scalar_event_initialize($0, nil, nil, bytes, length, 1, 0, YAML_PLAIN_SCALAR_STYLE) }
    }

    func writePlain(_ text: StaticString) throws {
        try writePlain(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func writeNil() throws {
        try writePlain("null")
    }

    public mutating func write(_ value: Bool) throws {
        try writePlain(value ? "true" : "false")
    }

    public mutating func write(_ value: Int64) throws {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.maxIntegerLength) { buffer in
            guard let start = buffer.baseAddress else { return }
            try writePlain(UnsafeRawBufferPointer(start: start, count: NumberText.write(value, to: start)))
        }
    }

    public mutating func write(_ value: UInt64) throws {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberText.maxIntegerLength) { buffer in
            guard let start = buffer.baseAddress else { return }
            try writePlain(UnsafeRawBufferPointer(start: start, count: NumberText.write(value, to: start)))
        }
    }

    public mutating func write(_ value: Double) throws {
        if value.isNaN { return try writePlain(".nan") }
        if value.isInfinite { return try writePlain(value < 0 ? "-.inf" : ".inf") }
        try NumberText.withShortestText(of: value) { try writePlain($0) }
    }

    public mutating func write(_ value: Float) throws {
        if value.isNaN { return try writePlain(".nan") }
        if value.isInfinite { return try writePlain(value < 0 ? "-.inf" : ".inf") }
        try NumberText.withShortestText(of: value) { try writePlain($0) }
    }

    public mutating func write(_ value: String) throws {
        var value = value
        try value.withUTF8 { try writeText(UnsafeRawBufferPointer($0)) }
    }

    /// Emits a string so that it reads back as the same string: quoted when a plain
    /// scalar would mean something else, a literal block when it spans lines, and otherwise
    /// in whatever style libyaml finds it can hold (plain when it may).
    func writeText(_ text: UnsafeRawBufferPointer) throws {
        guard text.count <= Int32.max else {
            throw error(.unsupportedValue("a string of \(text.count) bytes is longer than libyaml can emit"))
        }
        let style: yaml_scalar_style_t
        if YAMLScalarResolution.needsQuoting(text) {
            style = YAML_SINGLE_QUOTED_SCALAR_STYLE
        } else if Self.containsLineFeed(text) {
            style = YAML_LITERAL_SCALAR_STYLE
        } else {
            style = YAML_ANY_SCALAR_STYLE
        }
        let length = Int32(text.count)
        try withNonNullBase(text) { bytes in
            try emit { yaml_scalar_event_initialize($0, nil, nil, bytes, length, 1, 1, style) }
        }
    }

    public mutating func write(bytes: [UInt8]) throws {
        var encoded = Base64.encode(bytes)
        let tag: StaticString = "tag:yaml.org,2002:binary"
        try encoded.withUTF8 { text in
            let length = Int32(text.count)
            try withNonNullBase(UnsafeRawBufferPointer(text)) { base in
                try emit { yaml_scalar_event_initialize($0, nil, tag.utf8Start, base, length, 0, 0, YAML_ANY_SCALAR_STYLE) }
            }
        }
    }

    /// A plain scalar holding the digits, checked to be an RFC 8259 number: the core
    /// schema (YAML 1.2 §10.3.2) reads every such text back as an int or a float, never as
    /// a string, so no tag is needed.
    public mutating func write(numberText: String) throws {
        try checkNumberText(numberText)
        var text = numberText
        try text.withUTF8 { try writePlain(UnsafeRawBufferPointer($0)) }
    }

    /// A `!!timestamp` scalar holding the ISO 8601 text, so the value reads back as an
    /// instant (plain dates would read as strings under YAML 1.2's core schema).
    public mutating func write(_ value: Timestamp) throws {
        var text = value.iso8601
        let tag: StaticString = "tag:yaml.org,2002:timestamp"
        try text.withUTF8 { text in
            let length = Int32(text.count)
            try withNonNullBase(UnsafeRawBufferPointer(text)) { base in
                try emit { yaml_scalar_event_initialize($0, nil, tag.utf8Start, base, length, 0, 0, YAML_PLAIN_SCALAR_STYLE) }
            }
        }
    }

    /// Whether `text` spans lines (a plain loop: this runs for every string written).
    static func containsLineFeed(_ text: UnsafeRawBufferPointer) -> Bool {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        var index = 0
        while index < text.count {
            if base[index] == 0x0A { return true }
            index += 1
        }
        return false
    }

    /// libyaml asserts that a scalar's text pointer is not null, even for empty text.
    func withNonNullBase(_ text: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>) throws -> Void) throws {
        if let base = text.baseAddress { return try body(base.assumingMemoryBound(to: UInt8.self)) }
        let empty: StaticString = ""
        try body(empty.utf8Start)
    }
}
