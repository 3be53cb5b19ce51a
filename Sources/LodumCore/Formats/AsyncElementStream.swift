import Foundation

/// Values read lazily from an `AsyncSequence` of bytes (a socket, a download), one at a
/// time: lodum's `stream` for input that must be awaited.
///
/// Format readers are synchronous, so a session connects three parties:
/// - a task that awaits the upstream sequence and hands its bytes over as soon as they
///   arrive, running at most one chunk (or 4 KiB of single bytes) ahead of the reader;
/// - a dedicated thread that runs the format's reader over that buffer;
/// - your task, which awaits each element without blocking its thread.
///
/// At most one decoded element waits for you and the read-ahead is bounded, so memory
/// stays O(one element) however long the stream.
///
/// ```swift
/// for try await record in JSON.stream(Record.self, from: socketBytes) { … }
/// ```
public struct AsyncElementStream<Element>: AsyncSequence {
    public typealias Failure = any Error

    let makeSession: () -> AsyncReadingSession<Element>

    /// Iterates the stream; abandoning the iterator stops the reader thread and the pump.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let session: AsyncReadingSession<Element>
        let lifetime: SessionLifetime<Element>

        public mutating func next() async throws -> Element? {
            try await session.nextElement()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let session = makeSession()
        return AsyncIterator(session: session, lifetime: SessionLifetime(session))
    }
}

/// Cancels a session when the last copy of its iterator goes away.
final class SessionLifetime<Element>: Sendable {
    let session: AsyncReadingSession<Element>
    init(_ session: AsyncReadingSession<Element>) { self.session = session }
    deinit { session.cancel() }
}

/// The shared state of one async read: input from the pump to the reader thread, elements
/// from the reader thread to the consumer. Every field is guarded by `condition`.
final class AsyncReadingSession<Element>: @unchecked Sendable {

    private let condition = NSCondition()
    private let runReader: @Sendable (AsyncReadingSession<Element>) -> Void
    private let pump: any UpstreamPump<Element>
    private var pumpTask: Task<Void, Never>?
    private var started = false
    private var cancelled = false

    private var input: [UInt8] = []
    private var inputOffset = 0
    private var upstreamEnded = false
    private var upstreamFailure: (any Error)?
    private var pumpWaiter: CheckedContinuation<Void, Never>?

    private var produced: Result<Element?, any Error>?
    private var finished = false
    /// Set when the reader thread has ended: the pump has nobody left to feed.
    private var readerDone = false
    private var readerMayProduce = false
    private var consumerWaiter: CheckedContinuation<Void, Never>?

    init(
        runReader: @escaping @Sendable (AsyncReadingSession<Element>) -> Void,
        pump: any UpstreamPump<Element>
    ) {
        self.runReader = runReader
        self.pump = pump
    }

    /// Runs `body` holding the lock; async code locks only through here, so no lock is
    /// ever held across a suspension.
    private func locked<R>(_ body: () throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }

    // MARK: Consumer

    /// Lets the reader produce its next element and awaits it.
    func nextElement() async throws -> Element? {
        let mustStart: Bool? = locked {
            if finished { return nil }
            let first = !started
            started = true
            readerMayProduce = true
            condition.broadcast()
            return first
        }
        guard let mustStart else { return nil }
        if mustStart { start() }

        while true {
            let outcome: Result<Element?, any Error>? = locked {
                if let result = produced {
                    produced = nil
                    if case .success(.some) = result {} else { finished = true }
                    return result
                }
                if cancelled {
                    finished = true
                    return .success(nil)
                }
                return nil
            }
            if let outcome { return try outcome.get() }
            // Cancelling the awaiting task ends the session, so a stalled upstream cannot
            // keep it waiting.
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let ready = locked {
                        if produced != nil || cancelled { return true }
                        consumerWaiter = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            } onCancel: {
                cancel()
            }
        }
    }

    private func start() {
        let thread = Thread { [self] in runReader(self) }
        thread.name = "lodum.stream"
        thread.start()
        let pump = self.pump
        let task = Task.detached { [self] in await pump.run(into: self) }
        condition.lock()
        pumpTask = task
        let stop = cancelled
        condition.unlock()
        if stop { task.cancel() }
    }

    /// Stops the reader thread and the pump at their next wait.
    func cancel() {
        condition.lock()
        cancelled = true
        let pump = pumpWaiter
        pumpWaiter = nil
        let consumer = consumerWaiter
        consumerWaiter = nil
        let task = pumpTask
        condition.broadcast()
        condition.unlock()
        pump?.resume()
        consumer?.resume()
        task?.cancel()
    }

    // MARK: Pump

    /// Appends upstream bytes, then waits (without blocking a thread) until fewer than
    /// `readAhead` bytes remain unread, so the pump never runs far ahead of the reader.
    func push<Bytes: Collection>(_ bytes: Bytes, readAhead: Int) async where Bytes.Element == UInt8 {
        locked {
            input.append(contentsOf: bytes)
            condition.broadcast()
        }
        await waitForSpace(readAhead: readAhead)
    }

    /// Appends one upstream byte; the common case takes the lock and returns.
    func push(_ byte: UInt8, readAhead: Int) async {
        let full = locked {
            input.append(byte)
            condition.broadcast()
            return input.count - inputOffset >= readAhead
        }
        if full { await waitForSpace(readAhead: readAhead) }
    }

    private func hasSpace(readAhead: Int) -> Bool {
        cancelled || readerDone || input.count - inputOffset < readAhead
    }

    private func waitForSpace(readAhead: Int) async {
        while !locked({ hasSpace(readAhead: readAhead) }) {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = locked {
                    if hasSpace(readAhead: readAhead) { return true }
                    pumpWaiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// Records the end of the upstream, with its error if it failed.
    func endUpstream(_ failure: (any Error)?) {
        condition.lock()
        upstreamEnded = true
        upstreamFailure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the pump should stop: the consumer cancelled or the reader has ended.
    var isCancelled: Bool { locked { cancelled || readerDone } }

    // MARK: Reader thread

    /// Copies available input into `buffer`, waiting for the pump if there is none; 0 at
    /// the end. Bytes that arrived before an upstream failure are delivered before it.
    func readInput(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        condition.lock()
        while inputOffset == input.count && !upstreamEnded && !cancelled {
            condition.wait()
        }
        if cancelled {
            condition.unlock()
            throw CancellationError()
        }
        let count = min(buffer.count, input.count - inputOffset)
        if count == 0 {
            let failure = upstreamFailure
            condition.unlock()
            if let failure { throw failure }
            return 0
        }
        input.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[inputOffset..<inputOffset + count]))
        }
        inputOffset += count
        if inputOffset == input.count {
            input.removeAll(keepingCapacity: true)
            inputOffset = 0
        }
        let pump = pumpWaiter
        pumpWaiter = nil
        condition.unlock()
        pump?.resume()
        return count
    }

    /// Hands an element to the consumer and waits until it asks for the next one.
    func publish(_ element: Element) throws {
        condition.lock()
        produced = .success(element)
        readerMayProduce = false
        let consumer = consumerWaiter
        consumerWaiter = nil
        condition.broadcast()
        condition.unlock()
        consumer?.resume()

        condition.lock()
        defer { condition.unlock() }
        while !readerMayProduce && !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
    }

    /// Hands the end (or the failure) of the stream to the consumer.
    func finish(_ result: Result<Element?, any Error>) {
        condition.lock()
        if !cancelled { produced = result }
        readerDone = true
        let consumer = consumerWaiter
        consumerWaiter = nil
        let pump = pumpWaiter
        pumpWaiter = nil
        let task = pumpTask
        condition.broadcast()
        condition.unlock()
        // The reader is done: nothing will read what the upstream still sends, so the
        // pump is cancelled before it is woken, and stops instead of pushing more.
        task?.cancel()
        pump?.resume()
        consumer?.resume()
    }
}

/// The reader thread's byte source: each read takes what the pump has delivered.
final class SessionSource<Element>: ByteSource {
    let session: AsyncReadingSession<Element>
    init(_ session: AsyncReadingSession<Element>) { self.session = session }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try session.readInput(into: buffer)
    }
}

/// Carries a value into the one task or thread that uses it.
struct UncheckedTransfer<Value>: @unchecked Sendable {
    let value: Value
}

extension Format {
    /// Builds a stream whose reader runs `decodeElement` on a dedicated thread over bytes
    /// that `pump` feeds from the upstream sequence.
    static func makeAsyncStream<Element>(
        shape: StreamShape, options: Options, limits: Limits,
        decodeElement: @escaping (inout Reader) throws -> Element,
        pump: some UpstreamPump<Element>
    ) -> AsyncElementStream<Element> {
        let pump: any UpstreamPump<Element> = pump
        let decoder = UncheckedTransfer(value: decodeElement)
        return AsyncElementStream {
            AsyncReadingSession(
                runReader: { session in
                    var elements = ElementStream<Self, Element>(
                        origin: SessionSource(session), shape: shape, options: options, limits: limits,
                        decodeElement: decoder.value)
                    do {
                        while let element = try elements.next() {
                            try session.publish(element)
                        }
                        session.finish(.success(nil))
                    } catch is CancellationError {
                        session.finish(.success(nil))
                    } catch {
                        session.finish(.failure(error))
                    }
                },
                pump: pump)
        }
    }

    /// Reads the elements of a top-level sequence lazily from an `AsyncSequence` of bytes.
    ///
    /// Each byte is handed to the reader as soon as it arrives, so an element is delivered
    /// as soon as its last byte is in, even when the upstream then pauses.
    public static func stream<T: Deserializable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: BytePump(bytes: bytes))
    }

    /// Reads `Decodable` elements lazily from an `AsyncSequence` of bytes.
    @_disfavoredOverload
    public static func stream<T: Decodable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: BytePump(bytes: bytes))
    }

    /// Reads the elements of a top-level sequence lazily from an `AsyncSequence` of byte
    /// chunks (`[UInt8]`, `Data`, …).
    public static func stream<T: Deserializable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: ChunkPump(chunks: chunks))
    }

    /// Reads `Decodable` elements lazily from an `AsyncSequence` of byte chunks.
    @_disfavoredOverload
    public static func stream<T: Decodable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .elementsOfTopLevelSequence, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: ChunkPump(chunks: chunks))
    }

    /// Reads each document lazily from an `AsyncSequence` of bytes: JSON Lines over a socket.
    public static func documents<T: Deserializable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: BytePump(bytes: bytes))
    }

    /// Reads `Decodable` documents lazily from an `AsyncSequence` of bytes.
    @_disfavoredOverload
    public static func documents<T: Decodable, Bytes: AsyncSequence>(
        _ type: T.Type, from bytes: Bytes, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Bytes.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: BytePump(bytes: bytes))
    }

    /// Reads each document lazily from an `AsyncSequence` of byte chunks.
    public static func documents<T: Deserializable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: ChunkPump(chunks: chunks))
    }

    /// Reads `Decodable` documents lazily from an `AsyncSequence` of byte chunks.
    @_disfavoredOverload
    public static func documents<T: Decodable, Chunks: AsyncSequence>(
        _ type: T.Type, fromChunks chunks: Chunks, options: Options = Options(), limits: Limits = .default
    ) -> AsyncElementStream<T> where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
        makeAsyncStream(shape: .documents, options: options, limits: limits,
                        decodeElement: { try $0.decode(type) }, pump: ChunkPump(chunks: chunks))
    }
}

/// Feeds a session from an upstream sequence; erased so the pump task captures no
/// generic type of the caller's.
protocol UpstreamPump<Element>: Sendable {
    associatedtype Element
    func run(into session: AsyncReadingSession<Element>) async
}

/// Feeds a byte-at-a-time sequence into a session, byte by byte.
///
/// Bytes go to the reader as soon as they arrive; the pump runs at most 4 KiB ahead of
/// the reader, enough that the two rarely wait on each other byte by byte.
struct BytePump<Bytes: AsyncSequence, Element>: UpstreamPump, @unchecked Sendable where Bytes.Element == UInt8 {
    /// Only the pump task iterates it.
    let bytes: Bytes

    func run(into session: AsyncReadingSession<Element>) async {
        do {
            for try await byte in bytes {
                if Task.isCancelled || session.isCancelled { break }
                await session.push(byte, readAhead: 4096)
            }
            session.endUpstream(nil)
        } catch {
            session.endUpstream(error)
        }
    }
}

/// Feeds a sequence of byte chunks into a session, one chunk when the reader has used up
/// the previous one: never more than one chunk is buffered.
struct ChunkPump<Chunks: AsyncSequence, Element>: UpstreamPump, @unchecked Sendable
where Chunks.Element: Collection, Chunks.Element.Element == UInt8 {
    /// Only the pump task iterates it.
    let chunks: Chunks

    func run(into session: AsyncReadingSession<Element>) async {
        do {
            for try await chunk in chunks {
                if Task.isCancelled || session.isCancelled { break }
                await session.push(chunk, readAhead: 1)
            }
            session.endUpstream(nil)
        } catch {
            session.endUpstream(error)
        }
    }
}
