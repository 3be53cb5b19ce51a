import Foundation
import Lodum
import LodumTestSupport
import Testing

/// A dump to a file URL goes through a temporary file and a rename: a failure midway
/// leaves the previous file byte-for-byte and no temporary file behind.
@Suite("Atomic dump to a file")
struct AtomicDumpTests {
    static let previousContents = Data(#"{"previous":"file","keep":[1,2,3]}"#.utf8)

    /// Writes the previous file, runs `failingDump` (which must throw), and checks that the
    /// directory holds exactly the untouched previous file.
    static func expectPreviousFileSurvives(
        sourceLocation: SourceLocation = #_sourceLocation, _ failingDump: (URL) throws -> Void
    ) throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("data.json")
            try previousContents.write(to: url)
            #expect(throws: (any Error).self, sourceLocation: sourceLocation) { try failingDump(url) }
            #expect(try Data(contentsOf: url) == previousContents, sourceLocation: sourceLocation)
            let entries = try Fixtures.entries(of: directory)
            #expect(entries == ["data.json"], "left behind: \(entries)", sourceLocation: sourceLocation)
            #expect(!entries.contains { $0.hasPrefix(".data.json.lodum-") }, sourceLocation: sourceLocation)
        }
    }

    @Test func serializeThrowingMidwayLeavesThePreviousFileUntouched() throws {
        try Self.expectPreviousFileSurvives { url in
            try JSON.dump(FailingSequence(elementCount: 100_000), to: url)
        }
    }

    @Test func nanLateInALazySequenceLeavesThePreviousFileUntouched() throws {
        try Self.expectPreviousFileSurvives { url in
            let values = (0..<200_000).lazy.map { $0 == 199_999 ? Double.nan : Double($0) }
            try JSON.dump(contentsOf: values, to: url)
        }
    }

    @Test func nanLateInAnEncodableSequenceLeavesThePreviousFileUntouched() throws {
        struct Sample: Encodable { var value: Double }
        try Self.expectPreviousFileSurvives { url in
            let samples = (0..<50_000).lazy.map { Sample(value: $0 == 49_999 ? .infinity : Double($0)) }
            try JSON.dump(contentsOf: samples, to: url)
        }
    }

    @Test func failingDocumentsDumpLeavesThePreviousFileUntouched() throws {
        try Self.expectPreviousFileSurvives { url in
            let documents = (0..<100_000).lazy.map { [$0 == 99_999 ? Double.nan : 1.0] }
            try JSON.dump(documents: documents, to: url)
        }
    }

    @Test func failedDumpLeavesNoFileWhereNoneWas() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("new.json")
            #expect(throws: PlannedFailure.self) { try JSON.dump(FailingSequence(elementCount: 5), to: url) }
            #expect(try Fixtures.entries(of: directory).isEmpty)
        }
    }

    @Test func successfulDumpReplacesThePreviousFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("data.json")
            try Self.previousContents.write(to: url)
            let dataset = Dataset(points: (0..<10_000).map { Point(x: $0, y: $0) })
            try JSON.dump(dataset, to: url)
            #expect(try Data(contentsOf: url) == JSON.encode(dataset))
            #expect(try Fixtures.entries(of: directory) == ["data.json"])
        }
    }

    @Test func dumpedFileGetsTheSamePermissionsAsAnyNewFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("fresh.json")
            try JSON.dump([1, 2, 3], to: url)
            let reference = directory.appendingPathComponent("reference.json")
            try Data("[1,2,3]".utf8).write(to: reference)
            let dumped = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            let expected = try FileManager.default.attributesOfItem(atPath: reference.path)[.posixPermissions] as? Int
            #expect(dumped == expected, "dumped \(String(dumped ?? 0, radix: 8)), new files get \(String(expected ?? 0, radix: 8))")
            #expect(try Data(contentsOf: url) == Data("[1,2,3]".utf8))
        }
    }

    @Test func dumpIntoAMissingDirectoryThrowsALodumErrorNamingIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-missing-\(UUID().uuidString)")
        let error = expectLodumError { try JSON.dump([1], to: directory.appendingPathComponent("x.json")) }
        guard case .io(let message)? = error?.kind else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
        #expect(message.contains(directory.path))
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test func dumpToANonFileURLIsRefused() {
        let error = expectLodumError { try JSON.dump([1], to: URL(string: "https://example.com/data.json")!) }
        guard case .io? = error?.kind else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
    }

    @Test func manyFailedDumpsLeaveNoTemporaryFiles() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("data.json")
            try Self.previousContents.write(to: url)
            for count in 1...20 {
                #expect(throws: PlannedFailure.self) { try JSON.dump(FailingSequence(elementCount: count * 1000), to: url) }
            }
            #expect(try Fixtures.entries(of: directory) == ["data.json"])
            #expect(try Data(contentsOf: url) == Self.previousContents)
        }
    }
}
