import LodumCore

/// JSON (RFC 8259), written and read natively in Swift with no C library.
///
/// `JSON` offers every Lodum verb: `encode`, `encodeString`, `decode`, `dump`,
/// `dump(contentsOf:)`, `dump(documents:)`, `load`, `stream` and `documents` (JSON Lines).
///
/// ```swift
/// let data = try JSON.encode(dataset)
/// let back = try JSON.decode(Dataset.self, from: data)
/// let pretty = try JSON.encodeString(dataset, options: JSONOptions(indent: 2, sortedKeys: true))
/// ```
///
/// Output is strict RFC 8259: NaN and infinities are refused with an error. Input is
/// strict too: no comments, trailing commas, leading zeros or lone surrogates, and
/// strings must be valid UTF-8. A leading UTF-8 byte order mark is skipped.
public enum JSON: Format {
    public typealias Options = JSONOptions
    public typealias Writer = JSONWriter
    public typealias Reader = JSONReader

    public static let name = "json"
    public static let fileExtensions = ["json", "jsonl", "ndjson"]
    public static let mediaType = "application/json"
    public static let capabilities: FormatCapabilities = [.streamingDump, .lazyLoad, .humanReadable, .multiDocument]

    @inlinable
    public static func makeWriter(output: OutputBuffer, options: JSONOptions, limits: Limits, layout: DocumentLayout) -> JSONWriter {
        JSONWriter(output: output, options: options, limits: limits, layout: layout)
    }

    @inlinable
    public static func makeReader(input: InputBuffer, options: JSONOptions, limits: Limits) -> JSONReader {
        JSONReader(input: input, limits: limits)
    }
}

/// How JSON is written. Reading is always strict RFC 8259 and takes no options.
public struct JSONOptions: FormatOptions, Hashable {
    /// Spaces per nesting level; `0` writes compact JSON on one line. Default: `0`.
    public var indent: Int
    /// Whether object keys are written in sorted (byte) order. Sorting needs each object
    /// whole before it is written, so it buffers one top-level container at a time.
    /// Default: `false` (fields in declaration order).
    public var sortedKeys: Bool

    /// Creates options; the defaults write compact JSON in declaration order.
    public init(indent: Int = 0, sortedKeys: Bool = false) {
        self.indent = max(0, indent)
        self.sortedKeys = sortedKeys
    }

    public init() {
        self.init(indent: 0, sortedKeys: false)
    }

    /// Compact output, fields in declaration order.
    public static let compact = JSONOptions()
    /// Two-space indentation with sorted keys, for people and diffs.
    public static let pretty = JSONOptions(indent: 2, sortedKeys: true)
    /// Two-space indentation, keys in the order they come: what a converter's `--pretty`
    /// writes, streaming as compact output does.
    public static var readable: JSONOptions { JSONOptions(indent: 2) }
}
