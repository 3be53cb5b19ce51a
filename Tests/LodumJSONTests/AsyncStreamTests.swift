import Foundation
import Lodum
import LodumTestSupport
import Testing

/// An `AsyncSequence` of bytes that counts how many it has handed out.
final class CountingAsyncBytes: AsyncSequence, @unchecked Sendable {
    typealias Element = UInt8
    let bytes: [UInt8]
    private let lock = NSLock()
    private var served = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var bytesServed: Int { lock.withLock { served } }

    struct AsyncIterator: AsyncIteratorProtocol {
        let owner: CountingAsyncBytes
        mutating func next() async -> UInt8? {
            owner.lock.withLock {
                guard owner.served < owner.bytes.count else { return nil }
                defer { owner.served += 1 }
                return owner.bytes[owner.served]
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(owner: self) }
}

/// An `AsyncSequence` of byte chunks that counts how many it has handed out.
final class CountingAsyncChunks: AsyncSequence, @unchecked Sendable {
    typealias Element = [UInt8]
    let chunks: [[UInt8]]
    private let lock = NSLock()
    private var served = 0

    init(_ bytes: [UInt8], chunkSize: Int) {
        chunks = stride(from: 0, to: bytes.count, by: chunkSize).map { Array(bytes[$0..<Swift.min($0 + chunkSize, bytes.count)]) }
    }

    var chunksServed: Int { lock.withLock { served } }

    struct AsyncIterator: AsyncIteratorProtocol {
        let owner: CountingAsyncChunks
        mutating func next() async -> [UInt8]? {
            owner.lock.withLock {
                guard owner.served < owner.chunks.count else { return nil }
                defer { owner.served += 1 }
                return owner.chunks[owner.served]
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(owner: self) }
}

/// Bytes that arrive like messages on a socket: the first message, then nothing more
/// until the consumer has seen it (or a few seconds pass, so a test fails rather than hangs).
final class InteractiveAsyncBytes: AsyncSequence, @unchecked Sendable {
    typealias Element = UInt8
    let first: [UInt8]
    let rest: [UInt8]
    private let lock = NSLock()
    private var firstMessageSeen = false
    private var waitedInVain = false

    init(first: [UInt8], rest: [UInt8]) {
        self.first = first
        self.rest = rest
    }

    /// Called by the consumer when the first message has arrived.
    func consumerSawFirstMessage() { lock.withLock { firstMessageSeen = true } }
    /// Whether the producer gave up waiting for the consumer to see the first message.
    var producerWaitedInVain: Bool { lock.withLock { waitedInVain } }

    struct AsyncIterator: AsyncIteratorProtocol {
        let owner: InteractiveAsyncBytes
        var index = 0

        mutating func next() async -> UInt8? {
            defer { index += 1 }
            if index < owner.first.count { return owner.first[index] }
            if index == owner.first.count {
                // The rest only comes once the first message has been answered.
                var waited = 0
                while !owner.lock.withLock({ owner.firstMessageSeen }) {
                    if waited >= 300 {
                        owner.lock.withLock { owner.waitedInVain = true }
                        break
                    }
                    try? await Task.sleep(for: .milliseconds(10))
                    waited += 1
                }
            }
            let restIndex = index - owner.first.count
            return restIndex < owner.rest.count ? owner.rest[restIndex] : nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(owner: self) }
}

@Suite("Streaming from an AsyncSequence of bytes", .timeLimit(.minutes(1)))
struct AsyncStreamTests {
    static func byteStream(_ bytes: [UInt8]) -> AsyncStream<UInt8> {
        AsyncStream { continuation in
            for byte in bytes { continuation.yield(byte) }
            continuation.finish()
        }
    }

    static func chunkStream(_ bytes: [UInt8], chunkSize: Int) -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                continuation.yield(Array(bytes[start..<min(start + chunkSize, bytes.count)]))
            }
            continuation.finish()
        }
    }

    @Test func streamFromAnAsyncSequenceOfBytes() async throws {
        var ids: [Int] = []
        for try await record in JSON.stream(Record.self, from: Self.byteStream(Fixtures.recordArray(count: 500))) {
            ids.append(record.id)
        }
        #expect(ids == Array(0..<500))
    }

    @Test func streamFromAnAsyncSequenceOfChunks() async throws {
        var records: [Record] = []
        for try await record in JSON.stream(Record.self, fromChunks: Self.chunkStream(Fixtures.recordArray(count: 500), chunkSize: 7)) {
            records.append(record)
        }
        #expect(records == (0..<500).map { Record(id: $0, name: "record-\($0)") })
    }

    @Test func streamFromAsyncChunksYieldsFirstElementBeforeTheUpstreamIsDrained() async throws {
        let chunks = CountingAsyncChunks(Fixtures.recordArray(count: 5_000), chunkSize: 64)
        var iterator = JSON.stream(Record.self, fromChunks: chunks).makeAsyncIterator()
        #expect(try await iterator.next() == Record(id: 0, name: "record-0"))
        #expect(chunks.chunksServed <= 2, "\(chunks.chunksServed) of \(chunks.chunks.count) chunks served")
    }

    @Test func streamFromAsyncBytesYieldsFirstElementBeforeTheUpstreamIsDrained() async throws {
        let bytes = CountingAsyncBytes(Fixtures.recordArray(count: 5_000))
        var iterator = JSON.stream(Record.self, from: bytes).makeAsyncIterator()
        #expect(try await iterator.next() == Record(id: 0, name: "record-0"))
        #expect(bytes.bytesServed < bytes.bytes.count / 4)
    }

    @Test func documentsFromAnAsyncSequenceOfBytes() async throws {
        var ids: [Int] = []
        for try await record in JSON.documents(Record.self, from: Self.byteStream(Fixtures.recordLines(count: 300))) {
            ids.append(record.id)
        }
        #expect(ids == Array(0..<300))
    }

    @Test func documentsFromAnAsyncSequenceOfChunks() async throws {
        var ids: [Int] = []
        for try await record in JSON.documents(Record.self, fromChunks: Self.chunkStream(Fixtures.recordLines(count: 300), chunkSize: 100)) {
            ids.append(record.id)
        }
        #expect(ids == Array(0..<300))
    }

    @Test func codableElementsStreamFromAsyncBytes() async throws {
        var records: [CodableRecord] = []
        for try await record in JSON.stream(CodableRecord.self, from: Self.byteStream(Fixtures.recordArray(count: 20))) {
            records.append(record)
        }
        #expect(records == (0..<20).map { CodableRecord(id: $0, name: "record-\($0)") })
        var documents: [CodableRecord] = []
        for try await record in JSON.documents(CodableRecord.self, from: Self.byteStream(Fixtures.recordLines(count: 20))) {
            documents.append(record)
        }
        #expect(documents == records)
    }

    @Test func upstreamErrorMidStreamEndsTheIterationWithThatError() async throws {
        let (chunks, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let sent = Fixtures.bytes(#"[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"#)
        continuation.yield(sent)
        continuation.finish(throwing: PlannedFailure(message: "connection reset"))
        var ids: [Int] = []
        let error = await expectLodumError {
            for try await record in JSON.stream(Record.self, fromChunks: chunks) { ids.append(record.id) }
        }
        #expect(expectInputFault(error, PlannedFailure.self, at: sent.count) == PlannedFailure(message: "connection reset"))
        #expect(ids == [1, 2])
    }

    @Test func upstreamErrorMidStreamOfBytesDeliversTheCompleteElementsFirst() async throws {
        let (bytes, continuation) = AsyncThrowingStream<UInt8, any Error>.makeStream()
        let sent = Fixtures.bytes(#"[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"#)
        for byte in sent { continuation.yield(byte) }
        continuation.finish(throwing: PlannedFailure(message: "connection reset"))
        var ids: [Int] = []
        let error = await expectLodumError {
            for try await record in JSON.stream(Record.self, from: bytes) { ids.append(record.id) }
        }
        #expect(expectInputFault(error, PlannedFailure.self, at: sent.count) == PlannedFailure(message: "connection reset"))
        #expect(ids == [1, 2], "the elements that arrived whole before the failure are delivered first")
    }

    @Test func malformedInputMidStreamThrowsALodumErrorAfterTheGoodElements() async throws {
        let bytes = Fixtures.bytes(#"[{"id":1,"name":"a"},{"id":2,"name":"b"},{"id":3,"name":]"#)
        var ids: [Int] = []
        let error = await expectLodumError {
            for try await record in JSON.stream(Record.self, fromChunks: Self.chunkStream(bytes, chunkSize: 5)) { ids.append(record.id) }
        }
        #expect(ids == [1, 2])
        #expect(error?.path.description == "[2].name")
    }

    @Test func truncatedAsyncInputThrowsALodumError() async throws {
        let bytes = Fixtures.bytes(#"[{"id":1,"name":"a"},{"id":2"#)
        var ids: [Int] = []
        let error = await expectLodumError {
            for try await record in JSON.stream(Record.self, from: Self.byteStream(bytes)) { ids.append(record.id) }
        }
        #expect(ids == [1])
        #expect(error != nil)
    }

    @Test func abandoningTheIterationEarlyDoesNotHang() async throws {
        let chunks = CountingAsyncChunks(Fixtures.recordArray(count: 10_000), chunkSize: 256)
        var seen = 0
        for try await _ in JSON.stream(Record.self, fromChunks: chunks) {
            seen += 1
            if seen == 3 { break }
        }
        #expect(seen == 3)
        #expect(chunks.chunksServed < chunks.chunks.count / 10)
    }

    @Test func abandoningManyIterationsEarlyDoesNotHangOrLeakWork() async throws {
        for round in 0..<50 {
            var iterator = JSON.stream(Record.self, from: Self.byteStream(Fixtures.recordArray(count: 100))).makeAsyncIterator()
            #expect(try await iterator.next()?.id == 0, "round \(round)")
        }
    }

    @Test func iteratorThatIsNeverStartedCanBeDropped() async throws {
        for _ in 0..<20 {
            _ = JSON.stream(Record.self, from: Self.byteStream(Fixtures.recordArray(count: 10))).makeAsyncIterator()
        }
    }

    @Test func iteratorReturnsNilAgainAfterTheEnd() async throws {
        var iterator = JSON.stream(Int.self, fromChunks: Self.chunkStream(Fixtures.bytes("[1]"), chunkSize: 2)).makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == nil)
        #expect(try await iterator.next() == nil)
    }

    @Test func iteratorReturnsNilAfterAnError() async throws {
        var iterator = JSON.stream(Int.self, fromChunks: Self.chunkStream(Fixtures.bytes("[1,x]"), chunkSize: 2)).makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        _ = await expectLodumError { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
    }

    @Test func streamsAreNotBoundedByMaxInputSize() async throws {
        let bytes = Fixtures.recordArray(count: 200)
        var count = 0
        for try await _ in JSON.stream(Record.self, from: Self.byteStream(bytes), limits: Limits(maxInputSize: 100)) { count += 1 }
        #expect(count == 200)
    }

    @Test func emptyUpstreamIsAnUnexpectedEndForAStreamAndNoDocuments() async throws {
        let error = await expectLodumError {
            for try await _ in JSON.stream(Record.self, from: Self.byteStream([])) {}
        }
        #expect(error?.kind == .unexpectedEndOfInput)
        var documents = 0
        for try await _ in JSON.documents(Record.self, from: Self.byteStream([])) { documents += 1 }
        #expect(documents == 0)
    }

    @Test func documentsFromAsyncBytesArriveWithoutWaitingForMoreInput() async throws {
        let socket = InteractiveAsyncBytes(
            first: Fixtures.bytes(#"{"id":1,"name":"hello"}"# + "\n"),
            rest: Fixtures.bytes(#"{"id":2,"name":"reply"}"# + "\n"))
        var ids: [Int] = []
        for try await record in JSON.documents(Record.self, from: socket) {
            ids.append(record.id)
            if record.id == 1 { socket.consumerSawFirstMessage() }
        }
        #expect(ids == [1, 2])
        #expect(!socket.producerWaitedInVain, "the first document was held back until more bytes arrived")
    }
}
