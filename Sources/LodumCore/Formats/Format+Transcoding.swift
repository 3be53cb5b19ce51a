import Foundation

// The transcoding verbs, written once for every pair of formats: this format's reader
// feeds the output format's writer directly (``Deserializer/transcodeValue(to:)``), so no
// value is ever built in memory.

extension Format {
    // MARK: transcode (streaming)

    /// Converts the input, in this format, to `output`'s format, writing to `destination`
    /// as it reads: no value is built, so memory stays the reader's window, the writer's
    /// buffer and O(nesting depth).
    ///
    /// ```swift
    /// try JSON.transcode(from: URL(fileURLWithPath: "events.json"), to: YAML.self,
    ///                    into: URL(fileURLWithPath: "events.yaml"))
    /// try JSON.transcode(from: FileHandle.standardInput, to: MsgPack.self,
    ///                    into: FileHandle.standardOutput, layout: .multiple)
    /// ```
    ///
    /// With `layout: .single` (the default) the input holds one value, and so does the
    /// output. With `.multiple` each document of the input becomes a document of the
    /// output: JSON Lines, YAML `---` streams and concatenated MessagePack values convert
    /// into one another, one document at a time, and empty input gives empty output.
    ///
    /// What the output format cannot hold falls back as its writer decides: bytes become
    /// base64 text and timestamps ISO 8601 text in JSON, extension values a struct of
    /// `type` and `data` outside MessagePack, and MessagePack's integer map keys become
    /// text. A container whose length the reader does not know (any JSON or YAML
    /// container) is buffered by a MessagePack writer until it closes, so JSON or YAML to
    /// MessagePack holds one top-level document at a time; JSON Lines keep that small.
    ///
    /// The input is not bounded by ``Limits/maxInputSize`` — the point is input larger
    /// than memory — but its nesting is bounded by ``Limits/maxDepth``.
    ///
    /// - Parameters:
    ///   - origin: The input in this format: a file `URL`, a `FileHandle`, `Data`,
    ///     `[UInt8]` or any ``ByteSource``.
    ///   - output: The format to write, such as `YAML.self`.
    ///   - destination: Where the output goes: a file `URL` (replaced atomically), a
    ///     `FileHandle` or any ``ByteSink``.
    ///   - layout: One value (`.single`), or a stream of documents (`.multiple`).
    ///   - inputOptions: This format's options for reading.
    ///   - outputOptions: The output format's options for writing, such as indentation.
    ///   - limits: Bounds that both the reader and the writer check.
    /// - Throws: ``LodumError``: a problem in the input carries its input position and
    ///   coding path; a value the output format cannot hold (NaN in JSON) carries its
    ///   coding path. On failure a file destination is left as it was, as after a failed
    ///   `dump`; a handle or sink has received a prefix of the output, and a sink is told
    ///   to ``ByteSink/abandon()`` it.
    @inlinable
    public static func transcode<Output: Format>(
        from origin: some InputOrigin,
        to output: Output.Type,
        into destination: some OutputDestination,
        layout: DocumentLayout = .single,
        inputOptions: Options = Options(),
        outputOptions: Output.Options = Output.Options(),
        limits: Limits = .default
    ) throws {
        // The input is opened first, so a missing input never touches the destination.
        let input = InputBuffer(source: try origin.openSource())
        try copyDocuments(
            from: input, to: output, sink: try destination.openSink(), layout: layout,
            inputOptions: inputOptions, outputOptions: outputOptions, limits: limits)
    }

    /// ``transcode(from:to:into:layout:inputOptions:outputOptions:limits:)`` with default
    /// options, callable on `any Format.Type`, so a converter can pick both formats from
    /// the registry (`Lodum.formats`) at run time:
    ///
    /// ```swift
    /// if let input = Lodum.format(forFileExtension: "json"), let output = Lodum.format(named: "yaml") {
    ///     try input.transcode(from: inputURL, to: output, into: outputURL)
    /// }
    /// ```
    @_disfavoredOverload
    @inlinable
    public static func transcode<Output: Format>(
        from origin: some InputOrigin,
        to output: Output.Type,
        into destination: some OutputDestination,
        layout: DocumentLayout = .single,
        limits: Limits = .default
    ) throws {
        try transcode(
            from: origin, to: output, into: destination, layout: layout,
            inputOptions: Options(), outputOptions: Output.Options(), limits: limits)
    }

    // MARK: transcode (in memory)

    /// Converts bytes in memory (`Data`, `[UInt8]`, `String`), in this format, to
    /// `output`'s format, reading them in place.
    ///
    /// ```swift
    /// let yaml = try JSON.transcode(from: #"{"name":"Ada","tags":["admin"]}"#, to: YAML.self)
    /// // name: Ada
    /// // tags:
    /// // - admin
    /// ```
    ///
    /// Behaves as ``transcode(from:to:into:layout:inputOptions:outputOptions:limits:)``,
    /// except that input larger than ``Limits/maxInputSize`` is refused before it is read,
    /// as `decode` refuses it.
    ///
    /// - Returns: The output format's bytes.
    @inlinable
    public static func transcode<Output: Format>(
        from input: some InMemoryInput,
        to output: Output.Type,
        layout: DocumentLayout = .single,
        inputOptions: Options = Options(),
        outputOptions: Output.Options = Output.Options(),
        limits: Limits = .default
    ) throws -> Data {
        let sink = MemorySink()
        try input.withInputBytes { bytes in
            guard bytes.count <= limits.maxInputSize else {
                throw LodumError(.limitExceeded(.inputSize(limits.maxInputSize)))
            }
            try copyDocuments(
                from: InputBuffer(borrowing: bytes), to: output, sink: sink, layout: layout,
                inputOptions: inputOptions, outputOptions: outputOptions, limits: limits)
        }
        return sink.data
    }

    /// ``transcode(from:to:layout:inputOptions:outputOptions:limits:)`` with default
    /// options, callable on `any Format.Type`.
    @_disfavoredOverload
    @inlinable
    public static func transcode<Output: Format>(
        from input: some InMemoryInput,
        to output: Output.Type,
        layout: DocumentLayout = .single,
        limits: Limits = .default
    ) throws -> Data {
        try transcode(
            from: input, to: output, layout: layout, inputOptions: Options(), outputOptions: Output.Options(), limits: limits)
    }

    // MARK: Documents

    /// Copies the document (`.single`) or every document (`.multiple`) of `input` to a
    /// writer over `sink`, then checks that nothing but insignificant bytes follow.
    @inlinable
    static func copyDocuments<Output: Format>(
        from input: InputBuffer, to output: Output.Type, sink: any ByteSink, layout: DocumentLayout,
        inputOptions: Options, outputOptions: Output.Options, limits: Limits
    ) throws {
        var reader = makeReader(input: input, options: inputOptions, limits: limits)
        try Output.write(to: sink, options: outputOptions, limits: limits, layout: layout) { writer in
            switch layout {
            case .single:
                guard try reader.beginDocument() else { throw reader.error(.unexpectedEndOfInput) }
                try copyDocument(from: &reader, to: &writer)
            case .multiple:
                while try reader.beginDocument() {
                    try copyDocument(from: &reader, to: &writer)
                }
            }
            try reader.finish()
        }
    }

    /// Copies the document the reader has begun as one document of the writer.
    @inlinable
    static func copyDocument<Output: FormatWriter>(from reader: inout Reader, to writer: inout Output) throws {
        try writer.beginDocument()
        try reader.transcodeValue(to: &writer)
        try writer.endDocument()
        try reader.endDocument()
    }
}
