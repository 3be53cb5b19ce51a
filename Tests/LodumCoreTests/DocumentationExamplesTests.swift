// The examples of Docs/GettingStarted.md ("Any value: Value") and Docs/Streaming.md,
// compiled and run so they cannot rot; Streaming.md's Swift blocks are excerpts of this
// file. `Point` and `Dataset` are Docs/GettingStarted.md's (GettingStartedExamplesTests.swift),
// `Event` is Docs/DescribingTypes.md's, `Record` is LodumTestSupport's.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct DocsUser: Equatable {
    var name: String
    var tags: [String]
}

@Lodum struct DocsDataset {
    var name: String = "untitled"
    var points: [DocsPoint]
    var note: String?
}

@Lodum struct DocsPoint { var x: Int; var y: Int }

@Suite("Documentation examples: Value")
struct ValueDocumentationExamplesTests {
    let user: Value = ["name": "Ada", "tags": ["admin", "ops"], "age": 36, "manager": nil]

    @Test func literalsKeepTheirOrder() throws {
        #expect(try JSON.encodeString(user) == #"{"name":"Ada","tags":["admin","ops"],"age":36,"manager":null}"#)
    }

    @Test func accessorsChain() {
        #expect(user["tags"]?[1]?.stringValue == "ops")
        #expect(user["age"]?.intValue == 36)
        #expect(user["age"]?.doubleValue == 36.0)
        #expect(user["manager"]?.isNull == true)
        #expect(user["missing"] == nil)
        #expect(Value.double(2.0).intValue == 2)
        #expect(Value.double(2.5).intValue == nil)
    }

    @Test func conversions() throws {
        let tree = try Value(from: DocsUser(name: "Ada", tags: ["admin"]))
        #expect(tree == ["name": "Ada", "tags": ["admin"]])
        #expect(try DocsUser(from: tree) == DocsUser(name: "Ada", tags: ["admin"]))

        let wrong: Value = ["name": "Ada", "tags": ["admin", 7]]
        let error = expectLodumError { _ = try DocsUser(from: wrong) }
        #expect(error?.description == "Error at tags[1]: expected String, found Number 7")
    }

    @Test func transcodeInGettingStarted() throws {
        let data = try JSON.encode(DocsDataset(points: [DocsPoint(x: 1, y: 2)]))
        let yaml = try JSON.transcode(from: data, to: YAML.self)
        #expect(String(decoding: yaml, as: UTF8.self) == "name: untitled\npoints:\n- x: 1\n  y: 2\nnote: null\n")
    }
}

@Suite("Documentation examples: transcoding")
struct TranscodingDocumentationExamplesTests {
    @Test func filesAndMemory() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let events = directory.appendingPathComponent("events.json")
            try Data(#"[{"id":1,"tags":["a"]},{"id":2,"tags":[]}]"#.utf8).write(to: events)
            try JSON.transcode(from: events, to: YAML.self, into: directory.appendingPathComponent("events.yaml"))
            let yamlText = try String(contentsOf: directory.appendingPathComponent("events.yaml"), encoding: .utf8)
            #expect(yamlText == "- id: 1\n  tags:\n  - a\n- id: 2\n  tags: []\n")
        }

        let yaml = try JSON.transcode(from: #"{"name":"Ada","tags":["admin"]}"#, to: YAML.self)
        #expect(String(decoding: yaml, as: UTF8.self) == "name: Ada\ntags:\n- admin\n")

        let config = "port: 8080\nhosts: [a, b]\n"
        let pretty = try YAML.transcode(from: config, to: JSON.self, outputOptions: JSONOptions(indent: 2))
        #expect(String(decoding: pretty, as: UTF8.self) == "{\n  \"port\": 8080,\n  \"hosts\": [\n    \"a\",\n    \"b\"\n  ]\n}")
    }

    @Test func documentsBetweenHandles() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let lines = directory.appendingPathComponent("in.jsonl")
            let packed = directory.appendingPathComponent("out.msgpack")
            try Data("{\"a\":1}\n[true]\n".utf8).write(to: lines)
            try Data().write(to: packed)
            let input = try FileHandle(forReadingFrom: lines)
            let output = try FileHandle(forWritingTo: packed)
            try JSON.transcode(from: input, to: MsgPack.self, into: output, layout: .multiple)
            try input.close()
            try output.close()
            #expect(Array(try Data(contentsOf: packed)) == [0x81, 0xA1, 0x61, 0x01, 0x91, 0xC3])
        }
    }

    @Test func formatsChosenAtRunTime() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let inputURL = directory.appendingPathComponent("in.yaml")
            let outputURL = directory.appendingPathComponent("out.msgpack")
            try Data("a: 1\n".utf8).write(to: inputURL)
            if let input = Lodum.format(forFileExtension: "yaml"), let output = Lodum.format(named: "msgpack") {
                try input.transcode(from: inputURL, to: output, into: outputURL)
            }
            #expect(try MsgPack.decode(Value.self, from: Data(contentsOf: outputURL)) == ["a": 1])
        }
    }

    @Test func whatEachFormatKeeps() throws {
        let input = try MsgPack.encode(Value.extension(ExtensionValue(type: 5, data: [1, 2, 3])))
        #expect(String(decoding: try MsgPack.transcode(from: input, to: JSON.self), as: UTF8.self) == #"{"type":5,"data":"AQID"}"#)
    }

    @Test func errorMessages() {
        let syntax = expectLodumError {
            _ = try JSON.transcode(from: #"{"users": [{"name": "Ada"}, {"name": tru}]}"#, to: YAML.self)
        }
        #expect(syntax?.description == #"Error at ["users"][1]["name"] (line 1, column 38): invalid literal, expected true"#)
        let unwritable = expectLodumError { _ = try YAML.transcode(from: "a: [1, .nan]", to: JSON.self) }
        #expect(unwritable?.description == #"Error at ["a"][1]: nan cannot be written as JSON (RFC 8259 §6 has no NaN or infinity)"#)
    }

    @Test func ownPipeline() throws {
        let bytes = Array(#"{"a":[1,2.5,null]}"#.utf8)
        let tree = try bytes.withUnsafeBytes { buffer in
            try JSON.read(input: InputBuffer(borrowing: buffer), options: JSONOptions(), limits: .default) { reader in
                var writer = ValueSerializer()
                try reader.transcodeValue(to: &writer)
                return writer.value
            }
        }
        #expect(tree == ["a": [1, 2.5, nil]])
    }
}

@Suite("Documentation examples: streaming")
struct StreamingDocumentationExamplesTests {
    @Test func jsonDeclaresItsStreamingCapabilities() {
        let capabilities = documentationValues {
            JSON.capabilities.contains(.streamingDump)   // true: output leaves as it is produced
            JSON.capabilities.contains(.lazyLoad)        // true: elements are read one at a time
            JSON.capabilities.contains(.multiDocument)   // true: JSON Lines
        }
        #expect(capabilities.map { $0 as? Bool } == [true, true, true])
    }

    /// The asynchronous sources of the page, with the names it leaves to the reader as
    /// parameters.
    static func readFromTheNetwork(socketBytes: AsyncStream<UInt8>, downloadChunks: AsyncStream<[UInt8]>) async throws {
        for try await record in JSON.stream(Record.self, from: socketBytes) { print(record.id) }
        for try await event in JSON.documents(Event.self, fromChunks: downloadChunks) { print(event) }
    }

    @Test func asyncSourcesOfBytesAndOfChunks() async throws {
        let socketBytes = AsyncStream<UInt8> { continuation in
            for byte in #"[{"id":1,"name":"a"},{"id":2,"name":"b"}]"#.utf8 { continuation.yield(byte) }
            continuation.finish()
        }
        let lines = ["{\"type\":\"heartbeat\"}\n", "{\"type\":\"bye\",\"name\":\"ada\"}\n"]
        let downloadChunks = AsyncStream<[UInt8]> { continuation in
            for line in lines { continuation.yield(Array(line.utf8)) }
            continuation.finish()
        }
        try await Self.readFromTheNetwork(socketBytes: socketBytes, downloadChunks: downloadChunks)
    }

    @Test func wholeInputFromAFile() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("dataset.json")
            try JSON.dump(Dataset(points: [Point(x: 1, y: 2)]), to: url)

            let big = try JSON.load(Dataset.self, from: url, limits: Limits(maxInputSize: 64 << 20))

            #expect(big.points.map(\.y) == [2])
        }
    }

    @Test func transcodingInMemory() throws {
        let yaml = try JSON.transcode(from: #"{"name":"Ada","tags":["admin"]}"#, to: YAML.self)
        // name: Ada
        // tags:
        // - admin
        #expect(String(decoding: yaml, as: UTF8.self) == "name: Ada\ntags:\n- admin\n")
    }
}

/// The page's blocks that work on fixed files in the current directory, or on standard
/// input and output: compiled, never run. The tests above run the same calls on temporary
/// files.
enum StreamingCompiledOnlyExamples {
    static func dumpTenMillionPoints() throws {
        let points = (0..<10_000_000).lazy.map { Point(x: $0, y: 2 * $0) }
        try JSON.dump(contentsOf: points, to: URL(fileURLWithPath: "big.json"))
    }

    static func readRecords() async throws {
        // Synchronously, for code that is not async:
        var records = JSON.stream(Record.self, from: URL(fileURLWithPath: "records.json"))
        while let record = try records.next() { print(record.id) }

        // Or as an AsyncSequence:
        for try await record in JSON.stream(Record.self, from: URL(fileURLWithPath: "records.json")) {
            print(record.id)
        }
    }

    static func transcodeFiles() throws {
        try JSON.transcode(from: URL(fileURLWithPath: "events.json"), to: YAML.self,
                           into: URL(fileURLWithPath: "events.yaml"))
    }

    static func transcodeStandardInput() throws {
        try JSON.transcode(from: FileHandle.standardInput, to: MsgPack.self,
                           into: FileHandle.standardOutput, layout: .multiple)
    }
}
