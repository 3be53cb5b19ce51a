import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Regression tests from a review of the refillable input window, the element streams and
/// the atomic file sink.
@Suite("Review findings")
struct ReviewFindingsTests {
    static let documents: [String] = [
        #"{"a":"x\"y\\z\/w\b\f\n\r\t","b":[1,-2,3.5e-7,1E+22,12345678901234567890,-0,0.000001],"c":null}"#,
        #"["\u00e9\u4e2d\ud83d\ude00","é中😀","\uD834\uDD1E and more","plain",true,false,null]"#,
        #"  {"nested":{"deep":[[[],{}],[{"k":"v"}]]},"n":-9223372036854775808,"u":18446744073709551615}  "#,
        "\u{FEFF}[1,2,3]",
        "[\n  \"line\\nbreak\",\n  123.456e+3,\n  \"\\u0041\\u0042\"\n]\n",
        #"[123456789012345678901234567890, 1.7976931348623157e308, 5e-324, 0.1, 31415926535897932384626e-22]"#,
        #"{"key with \"escape\"":"v","κλειδί":"τιμή","":""}"#,
        #"[true,false,null,true,false,null,true]"#,
    ]

    static func decodeChunked(_ text: String, chunkSize: Int) throws -> Value {
        try JSON.load(Value.self, from: CountingSource(Array(text.utf8), chunkSize: chunkSize))
    }

    @Test func loadMatchesDecodeForEveryChunkSize() throws {
        for text in Self.documents {
            let expected = try JSON.decode(Value.self, from: text)
            for chunkSize in 1...17 {
                let loaded = try Self.decodeChunked(text, chunkSize: chunkSize)
                #expect(loaded == expected, "chunk size \(chunkSize): \(text)")
            }
        }
    }

    @Test func streamMatchesDecodeForEveryChunkSize() throws {
        for text in Self.documents where text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("[") ||
            text.hasPrefix("\u{FEFF}[") {
            guard case .array(let expected) = try JSON.decode(Value.self, from: text) else { continue }
            for chunkSize in 1...17 {
                var stream = JSON.stream(Value.self, from: CountingSource(Array(text.utf8), chunkSize: chunkSize))
                var elements: [Value] = []
                while let element = try stream.next() { elements.append(element) }
                #expect(elements == expected, "chunk size \(chunkSize): \(text)")
            }
        }
    }

    @Test func documentsWithABOMSplitAcrossChunks() throws {
        let text = "\u{FEFF}{\"a\":1}\n{\"a\":2}\n"
        for chunkSize in 1...5 {
            var documents = JSON.documents(Value.self, from: CountingSource(Array(text.utf8), chunkSize: chunkSize))
            var count = 0
            while try documents.next() != nil { count += 1 }
            #expect(count == 2, "chunk size \(chunkSize)")
        }
    }

    /// Strings longer than the 64 KiB window, with and without escapes, force the window to grow.
    @Test func stringTokensLongerThanTheWindow() throws {
        let long = String(repeating: "abcdefghé", count: 10_000)  // 100 000 bytes
        let escaped = String(repeating: "a\\\"b\\u00e9", count: 8_000)  // 80 000 bytes, with escapes
        let text = "[\"\(long)\",\"\(escaped)\",\"\(long)\"]"
        let expected = try JSON.decode([String].self, from: text)
        #expect(expected[0] == long)
        for chunkSize in [1_000, 4_093, 65_536, 70_000] {
            let loaded = try JSON.load([String].self, from: CountingSource(Array(text.utf8), chunkSize: chunkSize))
            #expect(loaded == expected, "chunk size \(chunkSize)")
        }
    }

    /// A number longer than the window (legal JSON) still reads through a chunked source.
    @Test func numberTokenLongerThanTheWindow() throws {
        let digits = "1" + String(repeating: "0", count: 70_000)
        let text = "[0.\(digits)e-3,2]"
        let expected = try JSON.decode([Double].self, from: text)
        let loaded = try JSON.load([Double].self, from: CountingSource(Array(text.utf8), chunkSize: 8_191))
        #expect(loaded == expected)
    }

    /// Errors after many refills report the same line, column and offset as over memory.
    @Test func errorPositionsAfterRefillsMatchInMemory() throws {
        var text = "[\n"
        for index in 0..<5_000 { text += "  {\"id\": \(index), \"name\": \"record-\(index)\"},\n" }
        text += "  {\"id\": 1, \"name\": tru }\n]"
        let inMemory = expectLodumError { _ = try JSON.decode(Value.self, from: text) }
        for chunkSize in [1, 7, 4_096, 65_537] {
            let chunked = expectLodumError { _ = try Self.decodeChunked(text, chunkSize: chunkSize) }
            #expect(chunked?.position == inMemory?.position, "chunk size \(chunkSize)")
        }
        #expect(inMemory?.position != nil)
    }

    static let malformed: [String] = [
        "[1,2,\n\"abc",
        "[1,2,\n\"abc\\",
        "[\"a\\x\"]",
        "[\"\\u12\"]",
        "[\"\\uD800\"]",
        "[\"\\uD800\\u0041\"]",
        "[\n01]",
        "[1.]",
        "[1e+]",
        "[-]",
        "{\"a\":nul}",
        "{\"a\":tru",
        "[1,2] x",
        "[1,2,]",
        "{\"a\" 1}",
        "[\"tab\there\"]",
        "[\"\u{01}\"]",
        "[1e400]",
        "\u{FEFF}\u{FEFF}[]",
    ]

    /// Malformed input fails with the same message and position whatever the chunk size.
    @Test func malformedInputFailsTheSameForEveryChunkSize() throws {
        for text in Self.malformed {
            guard let inMemory = expectLodumError(nil, { () throws -> Void in _ = try JSON.decode(Value.self, from: text) }) else { continue }
            for chunkSize in 1...17 {
                let chunked = expectLodumError(nil) { () throws -> Void in _ = try Self.decodeChunked(text, chunkSize: chunkSize) }
                #expect(chunked.map { "\($0)" } == "\(inMemory)", "chunk size \(chunkSize): \(text.debugDescription)")
                #expect(chunked?.position == inMemory.position, "chunk size \(chunkSize): \(text.debugDescription)")
            }
        }
    }

    @Test func maxInputSizeAppliesToChunkedLoads() throws {
        let text = "[" + String(repeating: "1,", count: 1_000) + "1]"
        let error = expectLodumError {
            _ = try JSON.load(Value.self, from: CountingSource(Array(text.utf8), chunkSize: 13), limits: Limits(maxInputSize: 1_000))
        }
        #expect(error != nil)
        #expect(try JSON.load(Value.self, from: CountingSource(Array(text.utf8), chunkSize: 13), limits: Limits(maxInputSize: text.utf8.count)) != .null)
    }

    @Test func streamAfterAnErrorReturnsNil() throws {
        var stream = JSON.stream(Int.self, from: CountingSource(Array("[1,2,x,4]".utf8), chunkSize: 2))
        #expect(try stream.next() == 1)
        #expect(try stream.next() == 2)
        #expect(throws: LodumError.self) { try stream.next() }
        #expect(try stream.next() == nil)
    }

    /// A long token read through a source that returns small reads (a pipe, a socket, the
    /// async byte pump) must cost time linear in its length. `InputBuffer.refill` moves the
    /// kept bytes to the front on every refill, even when `keep == 0` (a self-copy), so each
    /// 1-byte read copies the whole token read so far: quadratic.
    @Test func longTokenThroughOneByteReadsGrowsTheWindowOnlyByDoubling() throws {
        let length = 160 * 1024
        let text = "[\"" + String(repeating: "x", count: length) + "\"]"
        let source = CountingSource(Array(text.utf8), chunkSize: 1)
        let loaded = try JSON.load([String].self, from: source)
        #expect(loaded.first?.utf8.count == length)
        // The window doubles only when one token fills it: it never needs more than twice
        // the token, so reading stays linear however small the reads.
        #expect(source.largestRequest <= 2 * (length + 4))
    }

    // MARK: Async streams

    @Test func asyncStreamFromBytesMatchesDecode() async throws {
        for text in Self.documents where text.hasPrefix("[") {
            guard case .array(let expected) = try JSON.decode(Value.self, from: text) else { continue }
            var elements: [Value] = []
            for try await element in JSON.stream(Value.self, from: ReviewAsyncBytes(Array(text.utf8))) { elements.append(element) }
            #expect(elements == expected)
            var fromChunks: [Value] = []
            let chunks = ReviewAsyncChunks(Array(text.utf8), chunkSize: 3)
            for try await element in JSON.stream(Value.self, fromChunks: chunks) { fromChunks.append(element) }
            #expect(fromChunks == expected)
        }
    }

    @Test func asyncNextAfterTheEndAndAfterAnErrorReturnsNil() async throws {
        var iterator = JSON.stream(Int.self, from: ReviewAsyncBytes(Array("[1]".utf8))).makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == nil)
        #expect(try await iterator.next() == nil)

        var failing = JSON.stream(Int.self, from: ReviewAsyncBytes(Array("[1,oops]".utf8))).makeAsyncIterator()
        #expect(try await failing.next() == 1)
        await #expect(throws: LodumError.self) { try await failing.next() }
        #expect(try await failing.next() == nil)
    }

    @Test func asyncUpstreamFailureIsDeliveredAfterItsBytes() async throws {
        struct Boom: Error {}
        var iterator = JSON.stream(Int.self, fromChunks: ReviewFailingChunks(chunks: [Array("[1,2,".utf8)], failure: Boom()))
            .makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == 2)
        expectInputFault(await expectLodumError { _ = try await iterator.next() }, Boom.self, at: 5)
        #expect(try await iterator.next() == nil)
    }

    @Test func asyncStreamOfOptionalElements() async throws {
        var values: [Int?] = []
        for try await value in JSON.stream(Int?.self, from: ReviewAsyncBytes(Array("[1,null,3]".utf8))) { values.append(value) }
        #expect(values == [1, nil, 3])
    }

    /// Cancelling the task that awaits `next()` while the upstream is stalled should end the
    /// wait (by returning `nil` or throwing). `nextElement` waits in a plain
    /// `withCheckedContinuation` and nothing turns the consumer's cancellation into
    /// `session.cancel()`, so the task never finishes: a `withThrowingTaskGroup` timeout
    /// around a stream hangs.
    @Test func cancellingTheConsumerEndsAWaitOnAStalledUpstream() async throws {
        let (upstream, feed) = AsyncStream<UInt8>.makeStream()
        for byte in Array("[1,".utf8) { feed.yield(byte) }
        let consumer = Task {
            var received: [Int] = []
            do {
                for try await value in JSON.stream(Int.self, from: upstream) { received.append(value) }
            } catch {}
            return received
        }
        try await Task.sleep(for: .milliseconds(100))
        consumer.cancel()
        let finished = Flag()
        Task { _ = await consumer.value; finished.set() }
        let deadline = ContinuousClock.now + .milliseconds(500)
        while !finished.value && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(finished.value, "the cancelled consumer is still waiting for the next element")
        // Unblock the reader so no thread or task outlives the test.
        feed.finish()
        _ = await consumer.value
    }

    /// After the reader fails, `finish` cancels the pump task "because nothing will read what
    /// the upstream still sends", but the pump is parked in `waitForSpace` on a checked
    /// continuation that task cancellation does not resume, and `finish` neither resumes
    /// `pumpWaiter` nor makes `hasSpace` true. So while the caller still holds the iterator the
    /// pump task and the upstream (a socket, a download) stay alive.
    @Test func readerFailureStopsThePumpWhileTheIteratorIsHeld() async throws {
        let terminated = Flag()
        let (upstream, feed) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .unbounded)
        feed.onTermination = { _ in terminated.set() }
        feed.yield(Array("[1,x".utf8))  // the reader takes this whole chunk into its window
        feed.yield([UInt8](repeating: 0x20, count: 100))  // the pump parks holding this one
        var iterator = JSON.stream(Int.self, fromChunks: upstream).makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        try await Task.sleep(for: .milliseconds(50))  // let the pump hand over the second chunk and park
        await #expect(throws: LodumError.self) { try await iterator.next() }
        let deadline = ContinuousClock.now + .milliseconds(500)
        while !terminated.value && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(terminated.value, "the pump still holds the upstream after the reader has failed")
        #expect(try await iterator.next() == nil)
        feed.finish()
    }

    // MARK: Atomic file sink

    @Test func atomicDumpReplacesTheFileAndLeavesNoTemporary() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("out.json")
            try JSON.dump([1, 2, 3], to: url)
            try JSON.dump([4], to: url)
            #expect(try JSON.load([Int].self, from: url) == [4])
            #expect(try Fixtures.entries(of: directory) == ["out.json"])
        }
    }

    /// A legal 250-byte file name: the temporary name `.<name>.lodum-XXXXXX` exceeds NAME_MAX.
    @Test func atomicDumpToALongButLegalFileName() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let name = String(repeating: "n", count: 245) + ".json"
            let url = directory.appendingPathComponent(name)
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data("[0]".utf8)))  // the name is legal
            try JSON.dump([1, 2, 3], to: url)
            #expect(try JSON.load([Int].self, from: url) == [1, 2, 3])
        }
    }
}

/// An async sequence of single bytes.
struct ReviewAsyncBytes: AsyncSequence, Sendable {
    typealias Element = UInt8
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<UInt8>
        mutating func next() async -> UInt8? { remaining.popFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: bytes[...]) }
}

/// An async sequence of byte chunks.
struct ReviewAsyncChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let chunks: [[UInt8]]
    init(_ bytes: [UInt8], chunkSize: Int) {
        chunks = stride(from: 0, to: bytes.count, by: chunkSize).map { Array(bytes[$0..<Swift.min($0 + chunkSize, bytes.count)]) }
    }
    init(chunks: [[UInt8]]) { self.chunks = chunks }
    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<[UInt8]>
        mutating func next() async -> [UInt8]? { remaining.popFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: chunks[...]) }
}

/// Async chunks that fail after the given ones.
struct ReviewFailingChunks<Failure: Error & Sendable>: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let chunks: [[UInt8]]
    let failure: Failure
    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<[UInt8]>
        let failure: Failure
        mutating func next() async throws -> [UInt8]? {
            if let chunk = remaining.popFirst() { return chunk }
            throw failure
        }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: chunks[...], failure: failure) }
}

/// A thread-safe boolean.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var state = false
    var value: Bool { lock.withLock { state } }
    func set() { lock.withLock { state = true } }
}
