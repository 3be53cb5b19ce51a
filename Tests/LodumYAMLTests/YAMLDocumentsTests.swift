import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("YAML multi-document streams")
struct YAMLDocumentsTests {
    static func collect<T>(_ stream: ElementStream<YAML, T>) throws -> [T] {
        var stream = stream
        var values: [T] = []
        while let value = try stream.next() { values.append(value) }
        return values
    }

    @Test func yamlClaimsMultiDocument() {
        #expect(YAML.capabilities.contains(.multiDocument))
    }

    @Test func documentsReadsADashedStream() throws {
        let records = try Self.collect(YAML.documents(Record.self, from: Fixtures.recordDocuments(count: 100)))
        #expect(records == (0..<100).map { Record(id: $0, name: "record-\($0)") })
    }

    @Test func documentsWithExplicitEndsAndAnImplicitFirstDocument() throws {
        let input = "id: 1\nname: a\n...\n---\nid: 2\nname: b\n...\n--- {id: 3, name: c}\n...\n"
        #expect(try Self.collect(YAML.documents(Record.self, from: Fixtures.bytes(input))).map(\.id) == [1, 2, 3])
    }

    @Test func documentsOfMixedValues() throws {
        let input = "--- 1\n--- two\n--- [3]\n---\nfour: 4\n--- |\n  five\n---\n--- 'null'\n"
        #expect(try Self.collect(YAML.documents(Value.self, from: Fixtures.bytes(input))) == [
            .int(1), .string("two"), .array([.int(3)]), yamlObject(["four": .int(4)]), .string("five\n"), .null, .string("null"),
        ])
    }

    @Test func directivesAndCommentsBetweenDocuments() throws {
        let input = "%YAML 1.2\n---\n# first\na: 1\n...\n%YAML 1.2\n--- # second\na: 2\n"
        #expect(try Self.collect(YAML.documents([String: Int].self, from: Fixtures.bytes(input))) == [["a": 1], ["a": 2]])
    }

    @Test func emptyInputHasNoDocuments() throws {
        #expect(try Self.collect(YAML.documents(Record.self, from: [UInt8]())).isEmpty)
        #expect(try Self.collect(YAML.documents(Record.self, from: Fixtures.bytes("# nothing\n\n"))).isEmpty)
    }

    @Test func documentsAreReadLazily() throws {
        let source = CountingSource(Fixtures.recordDocuments(count: 5_000), chunkSize: 64)
        var records = YAML.documents(Record.self, from: source)
        #expect(source.chunksServed == 0)
        #expect(try records.next() == Record(id: 0, name: "record-0"))
        #expect(!source.isDrained)
        #expect(source.chunksServed < source.totalChunks / 50, "\(source.chunksServed) of \(source.totalChunks) chunks read for the first document")
        #expect(try records.next() == Record(id: 1, name: "record-1"))
        var count = 2
        while try records.next() != nil { count += 1 }
        #expect(count == 5_000)
        #expect(source.isDrained)
    }

    @Test func badDocumentIsReportedWithItsLineAndEndsTheStream() throws {
        var records = YAML.documents(Record.self, from: Fixtures.bytes("---\nid: 1\nname: a\n---\nid: two\nname: b\n"))
        #expect(try records.next()?.id == 1)
        let error = expectLodumError { _ = try records.next() }
        #expect(error?.path.description == "id")
        #expect(error?.description.contains("line 5, column 5") == true, "\(String(describing: error?.description))")
        #expect(try records.next() == nil)
    }

    @Test func syntaxErrorInALaterDocumentComesAfterTheEarlierOnes() throws {
        var values = YAML.documents(Value.self, from: Fixtures.bytes("--- 1\n--- [2\n--- 3\n"))
        #expect(try values.next() == .int(1))
        _ = expectLodumError { _ = try values.next() }
    }

    @Test func documentsIteratesWithForTryAwait() async throws {
        var ids: [Int] = []
        for try await record in YAML.documents(Record.self, from: Fixtures.recordDocuments(count: 50)) { ids.append(record.id) }
        #expect(ids == Array(0..<50))
    }

    // MARK: One document expected

    @Test func decodeOfTwoDocumentsIsAnErrorPointingToDocuments() throws {
        for input in ["a: 1\n---\na: 2\n", "--- 1\n--- 2\n", "a: 1\n...\n---\na: 2\n", "a: 1\n--- \n"] {
            let error = expectLodumError("\(input)") { _ = try YAML.decode(Value.self, from: input) }
            #expect(error?.description.contains("documents(_:from:)") == true, "\(String(describing: error?.description))")
        }
        // One document with an explicit end is fine.
        #expect(try YAML.decode([String: Int].self, from: "---\na: 1\n...\n") == ["a": 1])
    }

    @Test func loadOfTwoDocumentsIsAnErrorPointingToDocuments() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("two.yaml")
            try Data(Fixtures.recordDocuments(count: 2)).write(to: url)
            let error = expectLodumError { _ = try YAML.load(Record.self, from: url) }
            #expect(error?.description.contains("documents(_:from:)") == true)
            #expect(error?.description.contains("line 4") == true, "\(String(describing: error?.description))")
            #expect(try Self.collect(YAML.documents(Record.self, from: url)).count == 2)
        }
    }

    // MARK: Writing

    @Test func dumpDocumentsStartsEachDocumentWithDashes() throws {
        let sink = RecordingSink()
        try YAML.dump(documents: [Record(id: 1, name: "a"), Record(id: 2, name: "b\nc")], to: sink)
        #expect(sink.text == "---\nid: 1\nname: a\n---\nid: 2\nname: |-\n  b\n  c\n")
        #expect(sink.finished)
    }

    @Test func dumpDocumentsOfScalarsAndSequences() throws {
        let sink = RecordingSink()
        try YAML.dump(documents: [[1, 2], [], [3]], to: sink)
        let lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("---") }.count == 3, "\(sink.text)")
        #expect(sink.text.hasPrefix("---"))
        #expect(try Self.collect(YAML.documents([Int].self, from: sink.bytes)) == [[1, 2], [], [3]])

        let scalars = RecordingSink()
        try YAML.dump(documents: ["one", "yes", "multi\nline", ""], to: scalars)
        #expect(scalars.text.split(separator: "\n").filter { $0.hasPrefix("---") }.count == 4, "\(scalars.text)")
        #expect(try Self.collect(YAML.documents(String.self, from: scalars.bytes)) == ["one", "yes", "multi\nline", ""])
    }

    @Test func dumpNoDocumentsWritesNothing() throws {
        let sink = RecordingSink()
        try YAML.dump(documents: [Record](), to: sink)
        #expect(sink.bytes.isEmpty)
        #expect(sink.finished)
    }

    @Test func dumpDocumentsStreamsALazySequence() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
        }
        let records = (0..<20_000).lazy.map { index -> Record in
            generated += 1
            return Record(id: index, name: "r")
        }
        try YAML.dump(documents: records, to: sink)
        #expect((generatedAtFirstChunk ?? .max) < 10_000)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(try Self.collect(YAML.documents(Record.self, from: sink.bytes)).count == 20_000)
    }

    @Test func failedDumpDocumentsLeavesNoFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("failed.yaml")
            #expect(throws: YPlannedFailure.self) {
                try YAML.dump(documents: [YFailingSequence(elementCount: 3)], to: url)
            }
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }
}
