import Foundation

/// Values read lazily from an `AsyncSequence` of bytes (a socket, a download), one at a
/// time: lodum's `stream` for input that must be awaited.
///
/// Format readers are synchronous, so the reader runs on a dedicated thread and pulls
/// bytes through a hand-off that the consuming task fills by awaiting the upstream
/// sequence. The two sides take turns: at most one chunk of input and one decoded element
/// are in flight, so memory stays O(one element), and no cooperative thread ever blocks
/// waiting for input.
///
/// ```swift
/// for try await record in JSON.stream(Record.self, from: download.bytes) { … }
/// ```
public struct AsyncElementStream<Element>: AsyncSequence {
    public typealias Failure = any Error

    let start: @Sendable (ByteHandOff<Element>) -> Void
    let nextChunk: () -> (() async throws -> [UInt8]?)

    /// Iterates the stream; abandoning the iterator stops the reader thread.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let handOff: ByteHandOff<Element>
        let upstream: () async throws -> [UInt8]?
        let start: @Sendable (ByteHandOff<Element>) -> Void
        var started = false
        /// Set once the stream has ended or failed: the reader thread is gone, so waiting
        /// for its next event would never return.
        var isFinished = false
        let lifetime: IteratorLifetime<Element>

        public mutating func next() async throws -> Element? {
            if isFinished { return nil }
            if !started {
                started = true
                let handOff = self.handOff
                let start = self.start
                let thread = Thread { start(handOff) }
                thread.name = "lodum.stream"
                thread.start()
            }
            while true {
                switch handOff.awaitEvent() {
                case .element(let element): return element
                case .finished:
                    isFinished = true
                    return nil
                case .failed(let error):
                    isFinished = true
                    throw error
                case .needsInput:
                    do {
                        handOff.provide(try await upstream())
                    } catch {
                        handOff.cancel()
                        isFinished = true
                        throw error
                    }
                }
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let handOff = ByteHandOff<Element>()
        return AsyncIterator(handOff: handOff, upstream: nextChunk(), start: start, lifetime: IteratorLifetime(handOff))
    }
}

/// Cancels the reader thread when the last copy of an iterator goes away.
final class IteratorLifetime<Element>: Sendable {
    let handOff: ByteHandOff<Element>
    init(_ handOff: ByteHandOff<Element>) { self.handOff = handOff }
    deinit { handOff.cancel() }
}

/// The turn-taking between the consuming task and the reader thread.
///
/// The consumer waits on the condition only while the reader thread is running, which
/// always ends in a bounded time with an element, a request for input or the end; the
/// reader thread waits while the consumer awaits upstream input or holds an element.
final class ByteHandOff<Element>: @unchecked Sendable {
    enum Event {
        case element(Element)
        case needsInput
        case finished
        case failed(any Error)
    }

    private let condition = NSCondition()
    private var event: Event?
    private var chunk: [UInt8]?? = .none
    private var readerMayContinue = false
    private var cancelled = false

    /// Consumer: lets the reader run until it produces its next event, and takes it.
    func awaitEvent() -> Event {
        condition.lock()
        defer { condition.unlock() }
        readerMayContinue = true
        condition.broadcast()
        while event == nil { condition.wait() }
        let taken = event.unsafelyUnwrapped
        event = nil
        return taken
    }

    /// Consumer: hands the reader the next chunk, or `nil` at the end of the upstream.
    func provide(_ bytes: [UInt8]?) {
        condition.lock()
        chunk = .some(bytes)
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: stops the reader thread at its next wait.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Reader: publishes an event and waits until the consumer asks for more.
    func publish(_ produced: Event) throws {
        condition.lock()
        defer { condition.unlock() }
        event = produced
        readerMayContinue = false
        condition.broadcast()
        while !readerMayContinue && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
    }

    /// Reader: asks the consumer for input and waits for it; `nil` at the end.
    func requestInput() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        chunk = .none
        event = .needsInput
        condition.broadcast()
        while case .none = chunk, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        let received = chunk ?? nil
        chunk = .none
        return received
    }

    /// Reader: publishes the final event without waiting.
    func close(_ final: Event) {
        condition.lock()
        event = final
        condition.broadcast()
        condition.unlock()
    }

    /// Reader: waits for the consumer's first request before starting.
    func waitForFirstRequest() throws {
        condition.lock()
        defer { condition.unlock() }
        while !readerMayContinue && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
    }
}

/// The reader thread's byte source: each read asks the consumer for the next chunk.
final class HandOffSource<Element>: ByteSource {
    let handOff: ByteHandOff<Element>
    var pending: [UInt8] = []
    var offset = 0

    init(_ handOff: ByteHandOff<Element>) { self.handOff = handOff }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while offset == pending.count {
            guard let next = try handOff.requestInput() else { return 0 }
            pending = next
            offset = 0
        }
        let count = min(buffer.count, pending.count - offset)
        pending.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// Carries a non-Sendable value into the reader thread, which is its only user.
struct UncheckedTransfer<Value>: @unchecked Sendable {
    let value: Value
}

extension Format {
    static func makeAsyncStream<Element>(
        shape: StreamShape, options: Options, limits: Limits,
        decodeElement: @escaping (inout Reader) throws -> Element,
        upstream: @escaping () -> (() async throws -> [UInt8]?)
    ) -> AsyncElementStream<Element> {
        let transfer = UncheckedTransfer(value: decodeElement)
        let start: @Sendable (ByteHandOff<Element>) -> Void = { handOff in
            let source = HandOffSource(handOff)
            let stream = ElementStream<Self, Element>(
                origin: PreparedOrigin(source: source), shape: shape, options: options, limits: limits,
                decodeElement: transfer.value)
            do {
                try handOff.waitForFirstRequest()
                var elements = stream
                while let element = try elements.next() {
                    try handOff.publish(.element(element))
                }
                handOff.close(.finished)
            } catch is CancellationError {
                handOff.close(.finished)
            } catch {
                handOff.close(.failed(error))
            }
        }
        return AsyncElementStream(start: start, nextChunk: upstream)
    }

    /// Reads the elements of a top-level sequence lazily from an `AsyncSequence` of bytes.
    ///
    /// Bytes are gathered into chunks of up to 16 KiB, or less when the upstream ends.
    public static func stream<T: Deserializable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { chunking(bytes) })
    }

    /// Reads `Decodable` elements lazily from an `AsyncSequence` of bytes.
    @_disfavoredOverload
    public static func stream<T: Decodable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { chunking(bytes) })
    }

    /// Reads the elements of a top-level sequence lazily from an `AsyncSequence` of byte
    /// chunks (`[UInt8]`, `Data`, …), one chunk per read.
    public static func stream<T: Deserializable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { passing(chunks) })
    }

    /// Reads `Decodable` elements lazily from an `AsyncSequence` of byte chunks.
    @_disfavoredOverload
    public static func stream<T: Decodable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { passing(chunks) })
    }

    /// Reads each document lazily from an `AsyncSequence` of bytes: JSON Lines over a socket.
    public static func documents<T: Deserializable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { chunking(bytes) })
    }

    /// Reads `Decodable` documents lazily from an `AsyncSequence` of bytes.
    @_disfavoredOverload
    public static func documents<T: Decodable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { chunking(bytes) })
    }

    /// Reads each document lazily from an `AsyncSequence` of byte chunks.
    public static func documents<T: Deserializable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { passing(chunks) })
    }

    /// Reads `Decodable` documents lazily from an `AsyncSequence` of byte chunks.
    @_disfavoredOverload
    public static func documents<T: Decodable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, upstream: { passing(chunks) })
    }
}

/// Gathers a byte-at-a-time sequence into chunks of up to 16 KiB.
func chunking<Bytes: AsyncSequence>(_ bytes: Bytes) -> () async throws -> [UInt8]? where Bytes.Element == UInt8 {
    let box = IteratorBox(bytes.makeAsyncIterator())
    return {
        if let failure = box.pendingError { throw failure }
        var chunk: [UInt8] = []
        chunk.reserveCapacity(16 * 1024)
        do {
            while chunk.count < 16 * 1024, let byte = try await box.iterator.next() {
                chunk.append(byte)
            }
        } catch where !chunk.isEmpty {
            box.pendingError = error  // hand over the bytes that came first; fail on the next read
        }
        return chunk.isEmpty ? nil : chunk
    }
}

/// Passes each chunk of a chunked sequence through.
func passing<Chunks: AsyncSequence>(_ chunks: Chunks) -> () async throws -> [UInt8]?
where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
    let box = IteratorBox(chunks.makeAsyncIterator())
    return {
        while let chunk = try await box.iterator.next() {
            if !chunk.isEmpty { return Array(chunk) }
        }
        return nil
    }
}

/// Holds an async iterator so the consumer's closure can advance it in place.
final class IteratorBox<Iterator: AsyncIteratorProtocol> {
    var iterator: Iterator
    var pendingError: (any Error)?
    init(_ iterator: Iterator) { self.iterator = iterator }
}

/// An input origin whose source is already open.
struct PreparedOrigin: InputOrigin {
    let source: any ByteSource
    func openSource() throws -> any ByteSource { source }
}
