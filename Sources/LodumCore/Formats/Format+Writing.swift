import Foundation

// The writing verbs, written once for every format: lodum's `dumps` (`encode`) and
// `dump`. Each takes `Serializable` values; a disfavoured twin takes `Encodable` values
// through the Codable bridge, so a type that is both takes the direct path.

extension Format {
    /// Runs `body` against a fresh writer over `sink`, then finishes both; on failure the
    /// sink abandons its output (a file dump leaves no partial file).
    @inlinable
    public static func write(
        to sink: any ByteSink, options: Options, limits: Limits, layout: DocumentLayout,
        _ body: (inout Writer) throws -> Void
    ) throws {
        var writer = makeWriter(output: OutputBuffer(sink: sink), options: options, limits: limits, layout: layout)
        do {
            try body(&writer)
            try writer.finish()
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }

    @inlinable
    static func writeDocument(_ writer: inout Writer, _ body: (inout Writer) throws -> Void) throws {
        try writer.beginDocument()
        try body(&writer)
        try writer.endDocument()
    }

    @inlinable
    static func encodeBytes(options: Options, limits: Limits, _ body: (inout Writer) throws -> Void) throws -> Data {
        let sink = MemorySink()
        try write(to: sink, options: options, limits: limits, layout: .single) { writer in
            try writeDocument(&writer, body)
        }
        return sink.data
    }

    // MARK: encode (in memory)

    /// Encodes `value` into the format's bytes.
    ///
    /// ```swift
    /// let data = try JSON.encode(dataset)
    /// ```
    @inlinable
    public static func encode<T: Serializable>(_ value: T, options: Options = Options(), limits: Limits = .default) throws -> Data {
        try encodeBytes(options: options, limits: limits) { try $0.encode(value) }
    }

    /// Encodes an `Encodable` value through the Codable bridge.
    @_disfavoredOverload
    public static func encode<T: Encodable>(_ value: T, options: Options = Options(), limits: Limits = .default) throws -> Data {
        try encodeBytes(options: options, limits: limits) { try $0.encode(value) }
    }

    /// `encode` with default options, callable on `any Format.Type`: a parameter of type
    /// `Options` hides the other overloads from `for format in Lodum.formats { … }`.
    @_disfavoredOverload
    public static func encode<T: Serializable>(_ value: T, limits: Limits = .default) throws -> Data {
        try encode(value, options: Options(), limits: limits)
    }

    /// Encodes `value` and returns the output as text (for text formats; bytes that are not
    /// UTF-8 are repaired, so use ``encode(_:options:limits:)`` for binary formats).
    @inlinable
    public static func encodeString<T: Serializable>(_ value: T, options: Options = Options(), limits: Limits = .default) throws -> String {
        String(decoding: try encodeBytes(options: options, limits: limits) { try $0.encode(value) }, as: UTF8.self)
    }

    /// Encodes an `Encodable` value as text through the Codable bridge.
    @_disfavoredOverload
    public static func encodeString<T: Encodable>(_ value: T, options: Options = Options(), limits: Limits = .default) throws -> String {
        String(decoding: try encodeBytes(options: options, limits: limits) { try $0.encode(value) }, as: UTF8.self)
    }

    // MARK: dump (streaming)

    /// Writes `value` to `destination` as it is produced: memory stays one fixed buffer.
    ///
    /// A file `URL` is replaced atomically, so a failed dump leaves the old file intact.
    ///
    /// ```swift
    /// try JSON.dump(dataset, to: URL(fileURLWithPath: "points.json"))
    /// try JSON.dump(dataset, to: FileHandle.standardOutput)
    /// ```
    @inlinable
    public static func dump<T: Serializable>(
        _ value: T, to destination: some OutputDestination, options: Options = Options(), limits: Limits = .default
    ) throws {
        try write(to: destination.openSink(), options: options, limits: limits, layout: .single) { writer in
            try writeDocument(&writer) { try $0.encode(value) }
        }
    }

    /// Writes an `Encodable` value to `destination` through the Codable bridge.
    @_disfavoredOverload
    public static func dump<T: Encodable>(
        _ value: T, to destination: some OutputDestination, options: Options = Options(), limits: Limits = .default
    ) throws {
        try write(to: destination.openSink(), options: options, limits: limits, layout: .single) { writer in
            try writeDocument(&writer) { try $0.encode(value) }
        }
    }

    /// Writes the elements of `elements` as one top-level sequence, pulling each element
    /// only when the previous one has been written: a lazy sequence is never materialized.
    ///
    /// ```swift
    /// try JSON.dump(contentsOf: (0..<10_000_000).lazy.map { Point(x: $0, y: 2 * $0) },
    ///               to: URL(fileURLWithPath: "big.json"))
    /// ```
    @inlinable
    public static func dump<S: Sequence>(
        contentsOf elements: S, to destination: some OutputDestination, options: Options = Options(), limits: Limits = .default
    ) throws where S.Element: Serializable {
        try write(to: destination.openSink(), options: options, limits: limits, layout: .single) { writer in
            try writeDocument(&writer) { writer in
                try writer.encodeSeq(elements, count: lengthHint(for: elements))
            }
        }
    }

    /// Writes `Encodable` elements as one top-level sequence through the Codable bridge.
    @_disfavoredOverload
    public static func dump<S: Sequence>(
        contentsOf elements: S, to destination: some OutputDestination, options: Options = Options(), limits: Limits = .default
    ) throws where S.Element: Encodable {
        try write(to: destination.openSink(), options: options, limits: limits, layout: .single) { writer in
            try writeDocument(&writer) { writer in
                try writer.encodeSeq(elements.lazy.map { EncodableElement($0) }, count: lengthHint(for: elements))
            }
        }
    }

    /// Writes each element of `documents` as its own document: one JSON value per line
    /// (JSON Lines), one YAML document per `---`, concatenated MessagePack values.
    @inlinable
    public static func dump<S: Sequence>(
        documents: S, to destination: some OutputDestination, options: Options = Options(), limits: Limits = .default
    ) throws where S.Element: Serializable {
        try write(to: destination.openSink(), options: options, limits: limits, layout: .multiple) { writer in
            for document in documents {
                try writeDocument(&writer) { try $0.encode(document) }
            }
        }
    }

    /// Writes `Encodable` documents through the Codable bridge.
    @_disfavoredOverload
    public static func dump<S: Sequence>(
        documents: S, to destination: some OutputDestination, options: Options = Options(), limits: Limits = .default
    ) throws where S.Element: Encodable {
        try write(to: destination.openSink(), options: options, limits: limits, layout: .multiple) { writer in
            for document in documents {
                try writeDocument(&writer) { try $0.encode(document) }
            }
        }
    }
}

extension Format {
    /// The element count for formats that need lengths up front, when the sequence is a
    /// collection (so a lazy map over a range still streams); `nil` otherwise, since
    /// counting some collections (a lazy filter) walks them.
    @inlinable
    static func lengthHint<S: Sequence>(for elements: S) -> Int? {
        guard capabilities.contains(.requiresLengths) else { return nil }
        if let collection = elements as? any Collection { return collection.count }
        return nil
    }
}

/// Lets an `Encodable` element travel through the generic sequence driver.
@usableFromInline
struct EncodableElement<Wrapped: Encodable>: Serializable {
    @usableFromInline let wrapped: Wrapped

    @inlinable init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    @inlinable
    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.encode(wrapped)
    }
}
