import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("JSON.stream reads from every kind of input")
struct StreamSourcesTests {
    static let count = 1_000
    static let expected = (0..<count).map { Record(id: $0, name: "record-\($0)") }

    static func drain<F: Format>(_ stream: ElementStream<F, Record>) throws -> [Record] {
        var records = stream
        var result: [Record] = []
        while let record = try records.next() { result.append(record) }
        return result
    }

    @Test func streamFromAFileURL() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.json")
            try Data(Fixtures.recordArray(count: Self.count)).write(to: url)
            #expect(try Self.drain(JSON.stream(Record.self, from: url)) == Self.expected)
        }
    }

    @Test func streamFromAFileHandle() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.json")
            try Data(Fixtures.recordArray(count: Self.count)).write(to: url)
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            #expect(try Self.drain(JSON.stream(Record.self, from: handle)) == Self.expected)
        }
    }

    @Test func streamFromAPipe() throws {
        let pipe = Pipe()
        let bytes = Fixtures.recordArray(count: Self.count)
        // Small enough to fit the pipe's kernel buffer, so writing first cannot block.
        #expect(bytes.count < 60_000)
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        #expect(try Self.drain(JSON.stream(Record.self, from: pipe.fileHandleForReading)) == Self.expected)
    }

    @Test func streamFromData() throws {
        #expect(try Self.drain(JSON.stream(Record.self, from: Data(Fixtures.recordArray(count: Self.count)))) == Self.expected)
    }

    @Test func streamFromBytes() throws {
        #expect(try Self.drain(JSON.stream(Record.self, from: Fixtures.recordArray(count: Self.count))) == Self.expected)
    }

    @Test func streamIteratesWithWhileLet() throws {
        var records = JSON.stream(Record.self, from: Fixtures.recordArray(count: 3))
        var ids: [Int] = []
        while let record = try records.next() { ids.append(record.id) }
        #expect(ids == [0, 1, 2])
    }

    @Test func streamIteratesWithForTryAwait() async throws {
        var ids: [Int] = []
        for try await record in JSON.stream(Record.self, from: Fixtures.recordArray(count: Self.count)) {
            ids.append(record.id)
        }
        #expect(ids == Array(0..<Self.count))
    }

    @Test func streamFromAFileIteratesWithForTryAwait() async throws {
        try await Fixtures.withTemporaryDirectory { directory async throws in
            let url = directory.appendingPathComponent("records.json")
            try Data(Fixtures.recordArray(count: Self.count)).write(to: url)
            var records: [Record] = []
            for try await record in JSON.stream(Record.self, from: url) { records.append(record) }
            #expect(records == Self.expected)
        }
    }

    @Test func streamFromAMissingFileThrowsALodumError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-missing-\(UUID().uuidString).json")
        var records = JSON.stream(Record.self, from: url)
        let error = expectLodumError { _ = try records.next() }
        guard case .io(let message)? = error?.kind else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
        #expect(message.contains(url.path))
    }

    @Test func streamOfADumpedLazySequenceRoundTrips() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("points.json")
            try JSON.dump(contentsOf: (0..<30_000).lazy.map { Point(x: $0, y: 2 * $0) }, to: url)
            var points = JSON.stream(Point.self, from: url)
            var count = 0
            while let point = try points.next() {
                #expect(point == Point(x: count, y: 2 * count))
                count += 1
            }
            #expect(count == 30_000)
        }
    }

    @Test func streamOfValuesReadsHeterogeneousElements() throws {
        var values = JSON.stream(Value.self, from: Fixtures.bytes(#"[1, "two", [3], {"four": 4}, null, 5.5, true]"#))
        var collected: [Value] = []
        while let value = try values.next() { collected.append(value) }
        #expect(collected == [.int(1), .string("two"), .array([.int(3)]), .object([.init(key: "four", value: .int(4))]), .null, .double(5.5), .bool(true)])
    }
}
