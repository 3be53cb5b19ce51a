/// Which values of the input a lazy stream yields.
public enum StreamShape: Sendable {
    /// The elements of one top-level sequence: `[a, b, c]`.
    case elementsOfTopLevelSequence
    /// Each top-level document of a multi-document stream: JSON Lines, YAML `---`.
    case documents
}

/// Values read lazily from an input, one at a time: lodum's `stream`.
///
/// At most one element is in memory; the reader's state is O(depth). Iterate it
/// synchronously with ``next()`` or asynchronously with `for try await`:
///
/// ```swift
/// var records = JSON.stream(Record.self, from: url)
/// while let record = try records.next() { … }
///
/// for try await record in JSON.stream(Record.self, from: url) { … }
/// ```
///
/// The stream is a reference: copies share one position in the input.
public struct ElementStream<F: Format, Element>: AsyncSequence {
    public typealias Failure = any Error

    @usableFromInline let state: State

    /// Creates a stream that decodes each element with `decodeElement`.
    @inlinable
    public init(
        origin: some InputOrigin, shape: StreamShape, options: F.Options, limits: Limits,
        decodeElement: @escaping (inout F.Reader) throws -> Element
    ) {
        state = State(opening: { try origin.openSource() }, shape: shape, options: options, limits: limits, decodeElement: decodeElement)
    }

    /// Reads the next element, or returns `nil` at the end of the input.
    ///
    /// After an error the stream is finished: the next call returns `nil`.
    @inlinable
    public mutating func next() throws -> Element? {
        try state.next()
    }

    /// Iterates the stream asynchronously. Reading from files and memory is synchronous
    /// underneath; for sources that must be awaited, stream from an `AsyncSequence` of bytes.
    public struct AsyncIterator: AsyncIteratorProtocol {
        @usableFromInline let state: State

        @inlinable
        init(state: State) {
            self.state = state
        }

        @inlinable
        public mutating func next() async throws -> Element? {
            try state.next()
        }
    }

    @inlinable
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(state: state)
    }

    /// The reader and its progress, shared by every copy of the stream.
    @usableFromInline
    final class State {
        @usableFromInline enum Phase {
            case notStarted
            case reading
            case finished
        }

        @usableFromInline let opening: () throws -> any ByteSource
        @usableFromInline let shape: StreamShape
        @usableFromInline let options: F.Options
        @usableFromInline let limits: Limits
        @usableFromInline let decodeElement: (inout F.Reader) throws -> Element
        /// Reads nothing until ``start()`` replaces it with a reader over the origin; kept
        /// non-optional so each element is decoded in place, without moving the reader.
        @usableFromInline var reader: F.Reader
        @usableFromInline var phase = Phase.notStarted

        @usableFromInline
        init(
            opening: @escaping () throws -> any ByteSource, shape: StreamShape, options: F.Options, limits: Limits,
            decodeElement: @escaping (inout F.Reader) throws -> Element
        ) {
            self.opening = opening
            self.shape = shape
            self.options = options
            self.limits = limits
            self.decodeElement = decodeElement
            self.reader = Self.idleReader(options: options, limits: limits)
        }

        /// A reader over no input: what the stream holds before it starts and after it ends,
        /// so a finished stream no longer keeps its file open.
        @inlinable
        static func idleReader(options: F.Options, limits: Limits) -> F.Reader {
            F.makeReader(input: InputBuffer(borrowing: UnsafeRawBufferPointer(start: nil, count: 0)), options: options, limits: limits)
        }

        @inlinable
        func end() {
            phase = .finished
            reader = Self.idleReader(options: options, limits: limits)
        }

        @inlinable
        func next() throws -> Element? {
            do {
                switch phase {
                case .finished:
                    return nil
                case .notStarted:
                    try start()
                    return try next()
                case .reading:
                    return try advance()
                }
            } catch {
                end()
                throw error
            }
        }

        @inlinable
        func start() throws {
            var fresh = F.makeReader(input: InputBuffer(source: try opening()), options: options, limits: limits)
            if shape == .elementsOfTopLevelSequence {
                guard try fresh.beginDocument() else { throw fresh.error(.unexpectedEndOfInput) }
                try fresh.context.enterContainer()
                _ = try fresh.beginSeq()
            }
            reader = fresh
            phase = .reading
        }

        @inlinable
        func advance() throws -> Element? {
            switch shape {
            case .elementsOfTopLevelSequence:
                let index = elementIndex
                guard try reader.nextElement() else {
                    reader.context.exitContainer()
                    try reader.endDocument()
                    try reader.finish()
                    end()
                    return nil
                }
                reader.context.atIndex(index)
                elementIndex += 1
                return try decodeElement(&reader)
            case .documents:
                guard try reader.beginDocument() else {
                    try reader.finish()
                    end()
                    return nil
                }
                let element = try decodeElement(&reader)
                try reader.endDocument()
                return element
            }
        }

        @usableFromInline var elementIndex = 0
    }
}

extension Format {
    /// Reads the elements of the input's top-level sequence lazily, one at a time.
    ///
    /// Memory stays O(one element) however long the sequence; the input is not bounded by
    /// ``Limits/maxInputSize``, only each element by ``Limits/maxDepth``.
    ///
    /// ```swift
    /// for try await record in JSON.stream(Record.self, from: url) { … }
    /// ```
    @inlinable
    public static func stream<T: Deserializable>(
        _ type: T.Type, from origin: some InputOrigin, options: Options = Options(), limits: Limits = .default
    ) -> ElementStream<Self, T> {
        ElementStream(origin: origin, shape: .elementsOfTopLevelSequence, options: options, limits: limits) { try $0.decode(type) }
    }

    /// Reads `Decodable` elements lazily through the Codable bridge.
    @_disfavoredOverload
    public static func stream<T: Decodable>(
        _ type: T.Type, from origin: some InputOrigin, options: Options = Options(), limits: Limits = .default
    ) -> ElementStream<Self, T> {
        ElementStream(origin: origin, shape: .elementsOfTopLevelSequence, options: options, limits: limits) { try $0.decode(type) }
    }

    /// Reads each document of a multi-document input lazily: JSON Lines, YAML `---`
    /// streams, concatenated MessagePack values.
    @inlinable
    public static func documents<T: Deserializable>(
        _ type: T.Type, from origin: some InputOrigin, options: Options = Options(), limits: Limits = .default
    ) -> ElementStream<Self, T> {
        ElementStream(origin: origin, shape: .documents, options: options, limits: limits) { try $0.decode(type) }
    }

    /// Reads `Decodable` documents lazily through the Codable bridge.
    @_disfavoredOverload
    public static func documents<T: Decodable>(
        _ type: T.Type, from origin: some InputOrigin, options: Options = Options(), limits: Limits = .default
    ) -> ElementStream<Self, T> {
        ElementStream(origin: origin, shape: .documents, options: options, limits: limits) { try $0.decode(type) }
    }
}
