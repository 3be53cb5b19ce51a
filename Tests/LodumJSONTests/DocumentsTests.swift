import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("Multi-document input and output: JSON Lines and concatenated values")
struct DocumentsTests {
    @Test func jsonClaimsMultiDocument() {
        #expect(JSON.capabilities.contains(.multiDocument))
    }

    @Test func documentsReadsJSONLines() throws {
        var records = JSON.documents(Record.self, from: Fixtures.recordLines(count: 100))
        var collected: [Record] = []
        while let record = try records.next() { collected.append(record) }
        #expect(collected == (0..<100).map { Record(id: $0, name: "record-\($0)") })
    }

    @Test func documentsReadsConcatenatedValuesWithOrWithoutWhitespace() throws {
        var values = JSON.documents(Value.self, from: Fixtures.bytes(#"{"a":1}{"b":2}[3] "four"5 null  true"#))
        var collected: [Value] = []
        while let value = try values.next() { collected.append(value) }
        #expect(collected == [
            .object([.init(key: "a", value: .int(1))]), .object([.init(key: "b", value: .int(2))]),
            .array([.int(3)]), .string("four"), .int(5), .null, .bool(true),
        ])
    }

    @Test func documentsSkipsBlankLinesAndCarriageReturns() throws {
        var records = JSON.documents(Record.self, from: Fixtures.bytes("\n{\"id\":1,\"name\":\"a\"}\r\n\r\n  \n{\"id\":2,\"name\":\"b\"}\r\n"))
        #expect(try records.next()?.id == 1)
        #expect(try records.next()?.id == 2)
        #expect(try records.next() == nil)
    }

    @Test func emptyInputHasNoDocuments() throws {
        var records = JSON.documents(Record.self, from: [UInt8]())
        #expect(try records.next() == nil)
        var blank = JSON.documents(Record.self, from: Fixtures.bytes(" \n\n "))
        #expect(try blank.next() == nil)
    }

    @Test func badDocumentIsReportedWithItsLine() throws {
        var records = JSON.documents(Record.self, from: Fixtures.bytes("{\"id\":1,\"name\":\"a\"}\n{\"id\":\"two\",\"name\":\"b\"}\n"))
        #expect(try records.next()?.id == 1)
        let error = expectLodumError { _ = try records.next() }
        #expect(error?.description.contains("line 2, column 7") == true, "\(String(describing: error))")
        #expect(error?.path.description == "id")
        #expect(try records.next() == nil)
    }

    @Test func truncatedLastDocumentIsAnError() throws {
        var records = JSON.documents(Record.self, from: Fixtures.bytes("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,"))
        #expect(try records.next()?.id == 1)
        _ = expectLodumError { _ = try records.next() }
    }

    @Test func documentsIteratesWithForTryAwait() async throws {
        var ids: [Int] = []
        for try await record in JSON.documents(Record.self, from: Fixtures.recordLines(count: 50)) { ids.append(record.id) }
        #expect(ids == Array(0..<50))
    }

    @Test func dumpDocumentsWritesOneCompactValuePerLine() throws {
        let sink = RecordingSink()
        try JSON.dump(documents: [Record(id: 1, name: "a"), Record(id: 2, name: "b\nc")], to: sink)
        #expect(sink.text == "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\\nc\"}\n")
    }

    @Test func dumpDocumentsOfScalarsAndArrays() throws {
        let sink = RecordingSink()
        try JSON.dump(documents: [[1, 2], [], [3]], to: sink)
        #expect(sink.text == "[1,2]\n[]\n[3]\n")
    }

    @Test func dumpNoDocumentsWritesNothing() throws {
        let sink = RecordingSink()
        try JSON.dump(documents: [Record](), to: sink)
        #expect(sink.bytes.isEmpty)
        #expect(sink.finished)
    }

    @Test func dumpedDocumentsReadBackThroughAFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.jsonl")
            let records = (0..<5_000).lazy.map { Record(id: $0, name: "n\($0)") }
            try JSON.dump(documents: records, to: url)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.split(separator: "\n").count == 5_000)
            #expect(text.hasSuffix("}\n"))
            var stream = JSON.documents(Record.self, from: url)
            var count = 0
            while let record = try stream.next() {
                #expect(record.id == count)
                count += 1
            }
            #expect(count == 5_000)
        }
    }

    @Test func dumpDocumentsStreamsALazySequence() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
        }
        let records = (0..<40_000).lazy.map { index -> Record in
            generated += 1
            return Record(id: index, name: "r")
        }
        try JSON.dump(documents: records, to: sink)
        #expect((generatedAtFirstChunk ?? .max) < 20_000)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
    }

    @Test func codableDocumentsRoundTrip() throws {
        let sink = RecordingSink()
        let records = [CodableRecord(id: 1, name: "a"), CodableRecord(id: 2, name: "b")]
        try JSON.dump(documents: records, to: sink)
        #expect(sink.text == "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n")
        var stream = JSON.documents(CodableRecord.self, from: sink.bytes)
        #expect(try stream.next() == records[0])
        #expect(try stream.next() == records[1])
        #expect(try stream.next() == nil)
    }
}
