import Foundation
import Lodum
import LodumTestSupport
import Testing

/// An ordered pair of formats to transcode between, named `json → yaml` in test output.
struct FormatPair: CustomTestStringConvertible, Sendable {
    let input: any Format.Type
    let output: any Format.Type

    var testDescription: String { "\(input.name) → \(output.name)" }

    /// Every ordered pair of built-in formats, each format with itself included.
    static let all = Lodum.formats.flatMap { input in Lodum.formats.map { FormatPair(input: input, output: $0) } }

    /// The pairs whose output leaves while one document is still being read. A MessagePack
    /// writer holds a container of unknown length until it closes, and only MessagePack
    /// input reports lengths, so the other pairs into MessagePack stream per document only.
    static let streamingWithinADocument = all.filter { !$0.output.isMessagePack || $0.input.isMessagePack }

    /// The pairs into MessagePack from a format that does not report container lengths.
    static let intoMessagePackWithoutLengths = all.filter { $0.output.isMessagePack && !$0.input.isMessagePack }
}

extension Format {
    static var isJSON: Bool { name == "json" }
    static var isMessagePack: Bool { name == "msgpack" }
}

/// Registry-level helpers: each opens the format existentials into a generic call, the way
/// a converter picking formats at run time would.
enum Transcoding {
    /// A document with every kind of value the data model has.
    static let sample: Value = [
        "name": "Lodum ✓ ünïcödé 😀 中文 \u{0}",
        "nothing": nil,
        "yes": true,
        "no": false,
        "int": -42,
        "zero": 0,
        "int64Min": .int(.min),
        "int64Max": .int(.max),
        "uint64Max": .uint(.max),
        "double": 2.5,
        "negativeZero": -0.0,
        "huge": 1e300,
        "tiny": .double(.leastNonzeroMagnitude),
        "text": "line\nbreak \"quoted\" \\ tab\t",
        "empty": "",
        "looksNumeric": "123",
        "looksBoolean": "true",
        "looksNull": "null",
        "bytes": .bytes([0, 1, 2, 250, 255]),
        "emptyBytes": .bytes([]),
        "timestamp": .timestamp(Timestamp(seconds: 1_514_862_245, nanoseconds: 500_000_000) ?? Timestamp(seconds: 0)),
        "extension": .extension(ExtensionValue(type: 5, data: [1, 2, 3])),
        "array": [1, "two", [3, [4, []]], ["k": "v"], nil, 0.5],
        "object": ["nested": ["deeper": ["deepest": [1, 2, 3]]], "ключ": "значение"],
        "emptyObject": [:],
        "emptyArray": [],
    ]

    /// A sequence of documents for the multi-document pairs: objects, scalars, arrays, null.
    static let documents: [Value] = [
        ["id": 1, "name": "first", "tags": ["a", "b"]],
        42,
        "a string document",
        [1, [2, 3], ["k": nil]],
        nil,
        ["id": 2, "ratio": -0.25, "big": .uint(.max)],
    ]

    /// `count` records in one top-level array: enough to fill many output buffers.
    static func records(count: Int) -> Value {
        .array((0..<count).map { index in ["id": .int(Int64(index)), "name": .string("record-\(index)"), "tags": ["a", "b"]] })
    }

    /// What `format` makes of `value`, by its documented fallbacks: JSON writes bytes as
    /// base64 text and timestamps as ISO 8601 text; every format but MessagePack writes an
    /// extension value as the struct of `type` and `data`.
    static func held(_ value: Value, by format: any Format.Type) -> Value {
        switch value {
        case .bytes(let bytes) where format.isJSON:
            return .string(Base64.encode(bytes))
        case .timestamp(let timestamp) where format.isJSON:
            return .string(timestamp.iso8601)
        case .extension(let payload) where !format.isMessagePack:
            return held(["type": .int(Int64(payload.type)), "data": .bytes(payload.data)], by: format)
        case .array(let elements):
            return .array(elements.map { held($0, by: format) })
        case .object(let members):
            return .object(members.map { Value.Member(key: $0.key, value: held($0.value, by: format)) })
        default:
            return value
        }
    }

    /// What a transcode through `pair` must produce from `value` written in the input format.
    static func expected(_ value: Value, through pair: FormatPair) -> Value {
        held(held(value, by: pair.input), by: pair.output)
    }

    static func encode(_ value: Value, as format: any Format.Type) throws -> Data {
        try format.encode(value)
    }

    static func decode(_ bytes: some InMemoryInput, as format: any Format.Type) throws -> Value {
        try format.decode(Value.self, from: bytes)
    }

    static func encodeDocuments(_ values: [Value], as format: any Format.Type) throws -> Data {
        try encodeDocuments(values, format)
    }

    private static func encodeDocuments<F: Format>(_ values: [Value], _ format: F.Type) throws -> Data {
        let sink = MemorySink()
        try F.dump(documents: values, to: sink)
        return sink.data
    }

    static func decodeDocuments(_ bytes: Data, as format: any Format.Type) throws -> [Value] {
        try decodeDocuments(bytes, format)
    }

    private static func decodeDocuments<F: Format>(_ bytes: Data, _ format: F.Type) throws -> [Value] {
        var documents = F.documents(Value.self, from: bytes)
        var values: [Value] = []
        while let value = try documents.next() { values.append(value) }
        return values
    }

    /// Transcodes `bytes` in memory through `pair`.
    static func transcode(_ bytes: some InMemoryInput, through pair: FormatPair, layout: DocumentLayout = .single, limits: Limits = .default) throws -> Data {
        try pair.input.transcode(from: bytes, to: pair.output, layout: layout, limits: limits)
    }

    /// Transcodes from `origin` into `destination` through `pair`, streaming.
    static func transcode(
        from origin: some InputOrigin, into destination: some OutputDestination, through pair: FormatPair, layout: DocumentLayout = .single
    ) throws {
        try pair.input.transcode(from: origin, to: pair.output, into: destination, layout: layout)
    }
}
