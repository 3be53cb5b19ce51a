import Foundation
import Lodum
import LodumTestSupport
import Testing

/// JSONTestSuite (Nicolas Seriot): `y_` files must be accepted, `n_` files rejected, and
/// `i_` files may go either way but must never crash. Each file is its own test case.
@Suite("JSONTestSuite conformance")
struct ConformanceSuiteTests {
    static let directory = Fixtures.shared("conformance/json/test_parsing")

    /// Stands in for the file list when the suite is missing, so every test fails instead
    /// of passing over an empty list.
    static let missingMarker = "<JSONTestSuite missing>"

    static func files(prefix: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return [missingMarker]
        }
        let matching = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
        return matching.isEmpty ? [missingMarker] : matching
    }

    static func contents(of name: String) throws -> [UInt8] {
        guard name != missingMarker else {
            throw SuiteMissing()
        }
        return [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    struct SuiteMissing: Error, CustomStringConvertible {
        var description: String {
            "the JSONTestSuite is missing: looked for y_/n_/i_ files in \(ConformanceSuiteTests.directory.path)"
        }
    }

    @Test func suiteIsPresentWithEveryKindOfCase() throws {
        let names = try #require(
            try? FileManager.default.contentsOfDirectory(atPath: Self.directory.path),
            "the JSONTestSuite is missing: looked in \(Self.directory.path)")
        #expect(names.filter { $0.hasPrefix("y_") }.count >= 90, "too few y_ files in \(Self.directory.path)")
        #expect(names.filter { $0.hasPrefix("n_") }.count >= 180, "too few n_ files in \(Self.directory.path)")
        #expect(names.filter { $0.hasPrefix("i_") }.count >= 30, "too few i_ files in \(Self.directory.path)")
    }

    @Test(arguments: files(prefix: "y_"))
    func acceptsValidDocument(_ name: String) throws {
        let bytes = try Self.contents(of: name)
        let value = try JSON.decode(Value.self, from: bytes)
        // Whatever was accepted writes back out and reads back as the same data.
        let rewritten = try JSON.encode(value)
        #expect(try JSON.decode(Value.self, from: rewritten) == value)
    }

    @Test(arguments: files(prefix: "y_"))
    func acceptsValidDocumentWhenLoadedOneByteAtATime(_ name: String) throws {
        let bytes = try Self.contents(of: name)
        let value = try JSON.load(Value.self, from: CountingSource(bytes, chunkSize: 1))
        #expect(value == (try JSON.decode(Value.self, from: bytes)))
    }

    @Test(arguments: files(prefix: "n_"))
    func rejectsInvalidDocument(_ name: String) throws {
        let bytes = try Self.contents(of: name)
        _ = expectLodumError("\(name) was accepted") { _ = try JSON.decode(Value.self, from: bytes) }
    }

    @Test(arguments: files(prefix: "n_"))
    func rejectsInvalidDocumentWhenLoadedInSmallChunks(_ name: String) throws {
        let bytes = try Self.contents(of: name)
        _ = expectLodumError("\(name) was accepted") { _ = try JSON.load(Value.self, from: CountingSource(bytes, chunkSize: 3)) }
    }

    @Test(arguments: files(prefix: "i_"))
    func implementationDefinedDocumentIsDecidedWithoutCrashing(_ name: String) throws {
        let bytes = try Self.contents(of: name)
        do {
            let value = try JSON.decode(Value.self, from: bytes)
            // Accepted input must be data Lodum can write and read again.
            #expect(try JSON.decode(Value.self, from: JSON.encode(value)) == value)
        } catch is LodumError {
            // Rejecting is allowed, with Lodum's error.
        }
    }
}
