import Foundation

// The reading verbs, written once for every format: lodum's `loads` (`decode`) and
// `load`. Each has a disfavoured twin for `Decodable` types through the Codable bridge.

extension Format {
    /// Runs `body` against a reader over `input` for exactly one document, then checks that
    /// nothing but insignificant bytes follow it.
    @inlinable
    public static func read<R>(
        input: InputBuffer, options: Options, limits: Limits, _ body: (inout Reader) throws -> R
    ) throws -> R {
        var reader = makeReader(input: input, options: options, limits: limits)
        guard try reader.beginDocument() else {
            throw reader.error(.unexpectedEndOfInput)
        }
        let value = try body(&reader)
        try reader.endDocument()
        try reader.finish()
        return value
    }

    @inlinable
    static func readInMemory<R>(
        _ input: some InMemoryInput, options: Options, limits: Limits, _ body: (inout Reader) throws -> R
    ) throws -> R {
        try input.withInputBytes { bytes in
            guard bytes.count <= limits.maxInputSize else {
                throw LodumError(.limitExceeded(.inputSize(limits.maxInputSize)))
            }
            return try read(input: InputBuffer(borrowing: bytes), options: options, limits: limits, body)
        }
    }

    @inlinable
    static func readWhole<R>(
        _ origin: some InputOrigin, options: Options, limits: Limits, _ body: (inout Reader) throws -> R
    ) throws -> R {
        let input = InputBuffer(source: try origin.openSource(), maxTotalBytes: limits.maxInputSize)
        return try read(input: input, options: options, limits: limits, body)
    }

    // MARK: decode (in memory)

    /// Decodes a value from bytes in memory (`Data`, `[UInt8]`, `String`), read in place.
    ///
    /// ```swift
    /// let dataset = try JSON.decode(Dataset.self, from: data)
    /// ```
    ///
    /// - Throws: ``LodumError`` with the coding path and input position of the problem; input
    ///   larger than ``Limits/maxInputSize`` is refused before it is read.
    @inlinable
    public static func decode<T: Deserializable>(
        _ type: T.Type, from input: some InMemoryInput, options: Options = Options(), limits: Limits = .default
    ) throws -> T {
        try readInMemory(input, options: options, limits: limits) { try $0.decode(type) }
    }

    /// Decodes a `Decodable` value through the Codable bridge.
    @_disfavoredOverload
    public static func decode<T: Decodable>(
        _ type: T.Type, from input: some InMemoryInput, options: Options = Options(), limits: Limits = .default
    ) throws -> T {
        try readInMemory(input, options: options, limits: limits) { try $0.decode(type) }
    }

    /// `decode` with default options, callable on `any Format.Type` (see `encode(_:limits:)`).
    @_disfavoredOverload
    public static func decode<T: Deserializable>(_ type: T.Type, from input: some InMemoryInput, limits: Limits = .default) throws -> T {
        try decode(type, from: input, options: Options(), limits: limits)
    }

    // MARK: load (whole input from a file or stream)

    /// Reads one value from a file `URL`, a `FileHandle` or a ``ByteSource``, in chunks.
    ///
    /// The whole input is bounded by ``Limits/maxInputSize``, as for ``decode(_:from:options:limits:)``.
    ///
    /// ```swift
    /// let loaded = try JSON.load(Dataset.self, from: url, limits: Limits(maxInputSize: 64 << 20))
    /// ```
    @inlinable
    public static func load<T: Deserializable>(
        _ type: T.Type, from origin: some InputOrigin, options: Options = Options(), limits: Limits = .default
    ) throws -> T {
        try readWhole(origin, options: options, limits: limits) { try $0.decode(type) }
    }

    /// Reads one `Decodable` value through the Codable bridge.
    @_disfavoredOverload
    public static func load<T: Decodable>(
        _ type: T.Type, from origin: some InputOrigin, options: Options = Options(), limits: Limits = .default
    ) throws -> T {
        try readWhole(origin, options: options, limits: limits) { try $0.decode(type) }
    }
}
