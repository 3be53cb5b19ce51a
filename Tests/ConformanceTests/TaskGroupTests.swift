import Foundation
import Lodum
import LodumConformance
import Testing

/// The async side of the conformance suite's concurrency check: many tasks of one
/// TaskGroup encode, decode and stream at once over one shared set of options and limits.
/// `Scripts/sanitize.sh thread` runs it under ThreadSanitizer.
@Suite("Concurrency: a TaskGroup of coders sharing options, every format")
struct TaskGroupTests {
    static let taskCount = 32

    /// What one task saw: the bytes it wrote and whether what it read back was the value.
    struct Outcome: Sendable {
        var encoded: Data
        var dumped: Data
        var readBack: Bool
        var streamed: [ConformancePoint]
    }

    @Test(arguments: Lodum.formats.map { $0.name })
    func tasksSharingOptionsGetTheBytesAndValuesOneTaskGets(_ name: String) async throws {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        try await Self.run(format)
    }

    static func run<F: Format>(_ format: F.Type) async throws {
        let options = F.Options()
        let limits = Limits(maxInputSize: 1 << 20, maxDepth: 128, duplicateKeys: .reject)
        let model = ConformanceModel()
        let points = (0..<200).map { ConformancePoint(x: $0, y: $0 * 3) }
        let expected = try F.encode(model, options: options, limits: limits)
        let expectedDump = try dumped(points, F.self, options: options, limits: limits)

        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for _ in 0..<taskCount {
                group.addTask {
                    let encoded = try F.encode(model, options: options, limits: limits)
                    let readBack = try F.decode(ConformanceModel.self, from: encoded, options: options, limits: limits) == model
                    let dump = try dumped(points, F.self, options: options, limits: limits)
                    var streamed: [ConformancePoint] = []
                    for try await point in F.stream(ConformancePoint.self, fromChunks: chunks(of: dump), options: options, limits: limits) {
                        streamed.append(point)
                    }
                    return Outcome(encoded: encoded, dumped: dump, readBack: readBack, streamed: streamed)
                }
            }
            var outcomes: [Outcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }

        let sameBytes = outcomes.allSatisfy { $0.encoded == expected }
        let sameDumps = outcomes.allSatisfy { $0.dumped == expectedDump }
        let sameValues = outcomes.allSatisfy { $0.readBack }
        let sameStreams = outcomes.allSatisfy { $0.streamed == points }
        #expect(outcomes.count == taskCount)
        #expect(sameBytes, "\(F.name): a task wrote different bytes")
        #expect(sameDumps, "\(F.name): a task dumped different bytes")
        #expect(sameValues, "\(F.name): a task read back a different value")
        #expect(sameStreams, "\(F.name): a task streamed different points")
    }

    static func dumped<F: Format>(_ points: [ConformancePoint], _ format: F.Type, options: F.Options, limits: Limits) throws -> Data {
        let sink = MemorySink()
        try F.dump(contentsOf: points, to: sink, options: options, limits: limits)
        return sink.data
    }

    /// The bytes in chunks of 100, as a network body arrives.
    static func chunks(of data: Data) -> AsyncStream<Data> {
        AsyncStream { continuation in
            var start = data.startIndex
            while start < data.endIndex {
                let end = data.index(start, offsetBy: 100, limitedBy: data.endIndex) ?? data.endIndex
                continuation.yield(data[start..<end])
                start = end
            }
            continuation.finish()
        }
    }
}
