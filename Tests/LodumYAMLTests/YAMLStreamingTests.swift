import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct YNested: Equatable {
    var name: String
    var inner: Point
    var list: [Int]
}

/// Streaming is a promise proven by behaviour: bytes reach the sink while the sequence is
/// still being produced, and elements arrive while most of the source is unread.
@Suite("YAML streaming dump and lazy load")
struct YAMLStreamingTests {
    static let total = 200_000

    @Test func yamlClaimsStreamingDumpAndLazyLoad() {
        #expect(YAML.capabilities.contains(.streamingDump))
        #expect(YAML.capabilities.contains(.lazyLoad))
    }

    @Test func dumpContentsOfDeliversBytesBeforeTheSequenceIsExhausted() throws {
        let sink = RecordingSink()
        var generated = 0
        var generatedAtFirstChunk: Int?
        var largestChunk = 0
        var chunkCount = 0
        sink.onChunk = { chunk in
            if generatedAtFirstChunk == nil { generatedAtFirstChunk = generated }
            largestChunk = max(largestChunk, chunk.count)
            chunkCount += 1
        }
        let points = (0..<Self.total).lazy.map { index -> Point in
            generated += 1
            return Point(x: index, y: -index)
        }
        let writer = YAML.makeWriter(output: OutputBuffer(sink: sink), options: YAMLOptions(), limits: .default, layout: .single)
        #expect(writer.bufferCapacity == OutputBuffer.defaultCapacity)
        try YAML.dump(contentsOf: points, to: sink)

        let firstChunkAt = try #require(generatedAtFirstChunk)
        #expect(firstChunkAt < Self.total / 10, "the first bytes left only after \(firstChunkAt) of \(Self.total) elements")
        #expect(generated == Self.total)
        // The writer's buffer never grows: every chunk fits in it, and there are many.
        #expect(largestChunk <= OutputBuffer.defaultCapacity)
        #expect(chunkCount > 20)
        #expect(sink.finished && !sink.abandoned)
    }

    @Test func streamedOutputIsExactlyTheEncodedSequence() throws {
        let sink = RecordingSink()
        let points = (0..<2_000).map { Point(x: $0, y: 2 * $0) }
        try YAML.dump(contentsOf: points.lazy.map { $0 }, to: sink)
        #expect(sink.bytes == Array(try YAML.encode(points)))
        #expect(sink.text.hasPrefix("- x: 0\n  y: 0\n- x: 1\n  y: 2\n"))
    }

    @Test func dumpOfOneLargeValueLeavesInBoundedChunks() throws {
        let sink = RecordingSink()
        let long = String(repeating: "0123456789abcdef ", count: OutputBuffer.defaultCapacity / 4)
        try YAML.dump([long, "tail"], to: sink)
        #expect(sink.chunks.count >= 3)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(try YAML.decode([String].self, from: sink.bytes) == [long, "tail"])
    }

    @Test func failedDumpAbandonsTheSink() {
        let sink = RecordingSink()
        #expect(throws: YPlannedFailure.self) { try YAML.dump(YFailingSequence(elementCount: 10), to: sink) }
        #expect(sink.abandoned)
        #expect(!sink.finished)
    }

    @Test func errorOfTheSinkReachesTheCallerAsThrownAndAbandonsIt() {
        final class FailingSink: ByteSink {
            var abandoned = false
            func write(_ bytes: UnsafeRawBufferPointer) throws { throw YPlannedFailure() }
            func abandon() { abandoned = true }
        }
        let sink = FailingSink()
        #expect(throws: YPlannedFailure.self) { try YAML.dump(contentsOf: (0..<50_000).lazy.map { Point(x: $0, y: $0) }, to: sink) }
        #expect(sink.abandoned)
        let small = FailingSink()
        #expect(throws: YPlannedFailure.self) { try YAML.dump(Point(x: 1, y: 2), to: small) }
    }

    @Test func errorOfTheSourceReachesTheCallerWithTheOffsetReached() {
        final class FailingSource: ByteSource {
            var served = false
            func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                guard !served else { throw YPlannedFailure() }
                served = true
                let text: [UInt8] = Array("- {x: 1, y: 2}\n- {x: 3,".utf8)
                buffer.copyBytes(from: text)
                return text.count
            }
        }
        expectInputFault(expectLodumError { _ = try YAML.load([Point].self, from: FailingSource()) }, YPlannedFailure.self, at: 23)
        var points = YAML.stream(Point.self, from: FailingSource())
        var read: [Point] = []
        expectInputFault(expectLodumError { while let point = try points.next() { read.append(point) } }, YPlannedFailure.self, at: 23)
        // libyaml asks for more input before it reports the first mapping's end, so the
        // fault may come before the first point; what was delivered is whole.
        #expect(read.count <= 1 && read.allSatisfy { $0 == Point(x: 1, y: 2) })
    }


    @Test func streamReadsThroughTheFixedWindow() throws {
        let source = CountingSource(Fixtures.recordSequence(count: 20_000), chunkSize: 1 << 20)
        var records = YAML.stream(Record.self, from: source)
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 20_000)
        #expect(source.largestRequest <= InputBuffer.defaultCapacity)
    }

    @Test func streamOfAFlowSequenceAndOfValues() throws {
        var values = YAML.stream(Value.self, from: Fixtures.bytes("[1, two, [3], {four: 4}, ~, 5.5, true, !!binary aGk=]"))
        var collected: [Value] = []
        while let value = try values.next() { collected.append(value) }
        #expect(collected == [.int(1), .string("two"), .array([.int(3)]), yamlObject(["four": .int(4)]), .null, .double(5.5), .bool(true), .bytes([104, 105])])
    }

    @Test func streamOfSomethingOtherThanASequenceIsATypeMismatch() {
        var numbers = YAML.stream(Int.self, from: Fixtures.bytes("a: 1\n"))
        let error = expectLodumError { _ = try numbers.next() }
        #expect(error?.kind == .typeMismatch(expected: "Sequence", found: "Mapping"))
    }

    @Test func streamElementErrorNamesTheElementAndEndsTheStream() throws {
        var records = YAML.stream(Record.self, from: Fixtures.bytes("- {id: 1, name: a}\n- {id: 2}\n- {id: 3, name: c}\n"))
        #expect(try records.next()?.id == 1)
        let error = expectLodumError { _ = try records.next() }
        #expect(error?.path.description == "[1].name")
        #expect(try records.next() == nil)
    }

    @Test func streamWithAliasesBetweenElements() throws {
        var points = YAML.stream(Point.self, from: Fixtures.bytes("- &p {x: 1, y: 2}\n- *p\n- {<<: *p, y: 3}\n"))
        #expect(try points.next() == Point(x: 1, y: 2))
        #expect(try points.next() == Point(x: 1, y: 2))
        #expect(try points.next() == Point(x: 1, y: 3))
        #expect(try points.next() == nil)
    }

    @Test func streamFromAPipe() throws {
        let pipe = Pipe()
        let bytes = Fixtures.recordSequence(count: 1_000)
        #expect(bytes.count < 60_000)
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        var records = YAML.stream(Record.self, from: pipe.fileHandleForReading)
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 1_000)
    }

    @Test func streamFromAMissingFileIsAnIOError() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-missing-\(UUID().uuidString).yaml")
        var records = YAML.stream(Record.self, from: url)
        let error = expectLodumError { _ = try records.next() }
        guard case .io? = error?.kind else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
    }
}

@Suite("YAML options")
struct YAMLOptionsTests {
    static let nested = YNested(name: "n", inner: Point(x: 1, y: 2), list: [1, 2])

    @Test func flowStyleOutputParsesBack() throws {
        let text = try YAML.encodeString(Self.nested, options: YAMLOptions(style: .flow))
        #expect(text == "{name: n, inner: {x: 1, y: 2}, list: [1, 2]}\n")
        #expect(try YAML.decode(YNested.self, from: text) == Self.nested)
        let inventory = try YAML.encodeString(YAMLRoundTripTests.inventory, options: YAMLOptions(style: .flow, lineWidth: 40))
        #expect(inventory.split(separator: "\n").count > 3, "flow output wraps at the line width")
        #expect(try YAML.decode(Inventory.self, from: inventory) == YAMLRoundTripTests.inventory)
    }

    @Test func blockStyleIsTheDefault() throws {
        #expect(try YAML.encodeString(Self.nested) == "name: n\ninner:\n  x: 1\n  y: 2\nlist:\n- 1\n- 2\n")
    }

    @Test func indentFourShowsFourSpaceIndentation() throws {
        let text = try YAML.encodeString(Self.nested, options: YAMLOptions(indent: 4))
        #expect(text.contains("inner:\n    x: 1\n    y: 2\n"), "\(text)")
        #expect(try YAML.decode(YNested.self, from: text) == Self.nested)
        let deep = try YAML.encodeString(["a": ["b": ["c": 1]]], options: YAMLOptions(indent: 4))
        #expect(deep == "a:\n    b:\n        c: 1\n")
    }

    @Test func indentIsClampedToLibyamlsRange() {
        #expect(YAMLOptions(indent: 1).indent == 2)
        #expect(YAMLOptions(indent: 20).indent == 9)
    }

    @Test func lineWidthNilKeepsALongStringOnOneLine() throws {
        let words = (0..<100).map { "word\($0)" }.joined(separator: " ")
        let text = try YAML.encodeString(YLabel(label: words), options: YAMLOptions(lineWidth: nil))
        #expect(text == "label: \(words)\n")
        let wrapped = try YAML.encodeString(YLabel(label: words))
        #expect(wrapped.split(separator: "\n").count > 5)
        #expect(try YAML.decode(YLabel.self, from: wrapped).label == words)
        let flow = try YAML.encodeString((0..<100).map { $0 }, options: YAMLOptions(style: .flow, lineWidth: nil))
        #expect(flow.split(separator: "\n").count == 1)
    }

    @Test func lineWidthWrapsQuotedStringsAndTheyReadBackWhole() throws {
        let words = "yes " + (0..<60).map { "w\($0)" }.joined(separator: "  ") + " "
        for width in [10, 20, 80] {
            let text = try YAML.encodeString(YLabel(label: words), options: YAMLOptions(lineWidth: width))
            #expect(try YAML.decode(YLabel.self, from: text).label == words, "width \(width): \(text)")
        }
    }
}

@Suite("YAML in the format registry")
struct YAMLRegistryTests {
    @Test func registryHoldsYAML() throws {
        let yaml = ObjectIdentifier(YAML.self)
        #expect(Lodum.formats.contains { ObjectIdentifier($0) == yaml })
        #expect(Lodum.format(named: "yaml").map(ObjectIdentifier.init) == yaml)
        #expect(Lodum.format(named: "YAML").map(ObjectIdentifier.init) == yaml)
        #expect(Lodum.format(forFileExtension: "yml").map(ObjectIdentifier.init) == yaml)
        #expect(Lodum.format(forFileExtension: "yaml").map(ObjectIdentifier.init) == yaml)
    }

    @Test func identityAndCapabilities() {
        #expect(YAML.name == "yaml")
        #expect(YAML.fileExtensions == ["yaml", "yml"])
        #expect(YAML.mediaType == "application/yaml")
        #expect(YAML.capabilities == [.streamingDump, .lazyLoad, .humanReadable, .multiDocument])
    }

    @Test func formatFromTheRegistryEncodesAndDecodes() throws {
        let format = try #require(Lodum.format(forFileExtension: "yml"))
        let data = try format.encode(Point(x: 1, y: 2))
        #expect(String(decoding: data, as: UTF8.self) == "x: 1\ny: 2\n")
        #expect(try format.decode(Point.self, from: data) == Point(x: 1, y: 2))
    }
}
