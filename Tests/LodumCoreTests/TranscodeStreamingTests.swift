import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Transcoding streams, proven by behaviour: output reaches the sink while most of a
/// chunked input is still unread, and neither side's buffer grows.
@Suite("Transcode: streaming")
struct TranscodeStreamingTests {
    static let recordCount = 6_000
    static let documentCount = 20_000

    /// Transcodes `input` through `pair` from a source serving `chunkSize` bytes at a time,
    /// and reports how much of the input had been served when the first output left.
    static func servedAtFirstOutput(
        _ input: Data, through pair: FormatPair, layout: DocumentLayout
    ) throws -> (served: Int, source: CountingSource, sink: RecordingSink) {
        let source = CountingSource(Array(input), chunkSize: 4096)
        let sink = RecordingSink()
        var servedAtFirstChunk: Int?
        sink.onChunk = { _ in
            if servedAtFirstChunk == nil { servedAtFirstChunk = source.offset }
        }
        try Transcoding.transcode(from: source, into: sink, through: pair, layout: layout)
        return (servedAtFirstChunk ?? .max, source, sink)
    }

    @Test(arguments: FormatPair.streamingWithinADocument)
    func outputLeavesBeforeTheInputOfOneDocumentIsDrained(pair: FormatPair) throws {
        let input = try Transcoding.encode(Transcoding.records(count: Self.recordCount), as: pair.input)
        let (served, source, sink) = try Self.servedAtFirstOutput(input, through: pair, layout: .single)
        #expect(served < input.count / 2, "the first output left after \(served) of \(input.count) input bytes")
        #expect(source.isDrained)
        #expect(sink.finished && !sink.abandoned)
        #expect(sink.chunks.count > 2)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(source.largestRequest <= InputBuffer.defaultCapacity)
        let value = try Transcoding.decode(sink.bytes, as: pair.output)
        #expect(value.arrayValue?.count == Self.recordCount)
        #expect(value[Self.recordCount - 1]?["name"] == .string("record-\(Self.recordCount - 1)"))
    }

    @Test(arguments: FormatPair.all)
    func documentsLeaveBeforeTheInputIsDrained(pair: FormatPair) throws {
        let documents = (0..<Self.documentCount).map { index -> Value in ["id": .int(Int64(index)), "tags": ["a", "b"]] }
        let input = try Transcoding.encodeDocuments(documents, as: pair.input)
        let (served, source, sink) = try Self.servedAtFirstOutput(input, through: pair, layout: .multiple)
        #expect(served < input.count / 2, "the first output left after \(served) of \(input.count) input bytes")
        #expect(source.isDrained)
        #expect(sink.chunks.allSatisfy { $0.count <= OutputBuffer.defaultCapacity })
        #expect(try Transcoding.decodeDocuments(Data(sink.bytes), as: pair.output) == documents)
    }

    /// MessagePack states a length before the elements, and JSON and YAML readers learn it
    /// only at the end: the writer holds that container until it closes. Documented, and
    /// why JSON Lines are the way to stream into MessagePack.
    @Test(arguments: FormatPair.intoMessagePackWithoutLengths)
    func messagePackOutputHoldsATopLevelContainerOfUnknownLengthUntilItCloses(pair: FormatPair) throws {
        let input = try Transcoding.encode(Transcoding.records(count: Self.recordCount), as: pair.input)
        let (served, _, sink) = try Self.servedAtFirstOutput(input, through: pair, layout: .single)
        #expect(served == input.count)
        #expect(try Transcoding.decode(sink.bytes, as: pair.output) == Transcoding.records(count: Self.recordCount))
    }
}
