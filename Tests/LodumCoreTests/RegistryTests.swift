import Foundation
import Lodum
import Testing

@Lodum struct Sample: Equatable {
    var id: Int
    var tags: [String]
}

@Suite("The registry of built-in formats")
struct RegistryTests {
    @Test func formatsListJSONWithItsIdentity() throws {
        let json = try #require(Lodum.formats.first { $0.name == "json" })
        #expect(ObjectIdentifier(json) == ObjectIdentifier(JSON.self))
        #expect(json.fileExtensions.first == "json")
        #expect(json.fileExtensions.contains("jsonl"))
        #expect(json.mediaType == "application/json")
    }

    @Test func jsonDeclaresItsCapabilities() {
        let capabilities = JSON.capabilities
        #expect(capabilities.contains(.streamingDump))
        #expect(capabilities.contains(.lazyLoad))
        #expect(capabilities.contains(.humanReadable))
        #expect(capabilities.contains(.multiDocument))
        #expect(!capabilities.contains(.binary))
        #expect(!capabilities.contains(.nativeBytes))
        #expect(!capabilities.contains(.nonStringKeys))
        #expect(!capabilities.contains(.requiresLengths))
        #expect(capabilities.description == "[streamingDump, lazyLoad, humanReadable, multiDocument]")
    }

    @Test func formatNamesAndExtensionsAreUniqueAndLowercase() {
        let names = Lodum.formats.map { $0.name }
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0 == $0.lowercased() })
        let extensions = Lodum.formats.flatMap { $0.fileExtensions }
        #expect(Set(extensions).count == extensions.count)
        #expect(extensions.allSatisfy { !$0.hasPrefix(".") && $0 == $0.lowercased() })
    }

    @Test func formatsAreFoundByNameAndExtension() {
        let json = ObjectIdentifier(JSON.self)
        #expect(Lodum.format(named: "json").map(ObjectIdentifier.init) == json)
        #expect(Lodum.format(named: "JSON").map(ObjectIdentifier.init) == json)
        #expect(Lodum.format(named: "toml") == nil)
        #expect(Lodum.format(forFileExtension: "json").map(ObjectIdentifier.init) == json)
        #expect(Lodum.format(forFileExtension: "NDJSON").map(ObjectIdentifier.init) == json)
        #expect(Lodum.format(forFileExtension: "txt") == nil)
    }

    @Test func everyFormatEncodesAndDecodesThroughTheSameCalls() throws {
        let sample = Sample(id: 7, tags: ["a", "b"])
        for format in Lodum.formats {
            let bytes = try format.encode(sample)
            #expect(!bytes.isEmpty, "\(format.name)")
            #expect(try format.decode(Sample.self, from: bytes) == sample, "\(format.name)")
            #expect(try format.decode(Value.self, from: bytes) == (try Value(from: sample)), "\(format.name)")
        }
    }

    @Test func existentialEncodeWritesTheSameBytesAsTheConcreteFormat() throws {
        let sample = Sample(id: 1, tags: [])
        let json: any Format.Type = JSON.self
        #expect(try json.encode(sample) == JSON.encode(sample))
        #expect(try json.encode(sample, limits: Limits(maxDepth: 5)) == JSON.encode(sample))
    }

    /// Dumps, loads and streams `samples` in `format`: a generic function, so the registry's
    /// existential metatypes open into it.
    static func dumpLoadAndStream<F: Format>(_ format: F.Type, _ samples: [Sample], in directory: URL) async throws {
        let url = directory.appendingPathComponent("samples." + format.fileExtensions[0])
        try format.dump(contentsOf: samples.lazy.map { $0 }, to: url)
        #expect(try format.load([Sample].self, from: url) == samples, "\(format.name)")
        var streamed: [Sample] = []
        for try await sample in format.stream(Sample.self, from: url) { streamed.append(sample) }
        #expect(streamed == samples, "\(format.name)")
    }

    @Test func everyFormatDumpsLoadsAndStreamsThroughTheSameCalls() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let samples = (0..<100).map { Sample(id: $0, tags: ["t\($0)"]) }
        for format in Lodum.formats {
            try await Self.dumpLoadAndStream(format, samples, in: directory)
        }
    }

    @Test func everyCapabilityHasAName() {
        let all = FormatCapabilities.named.reduce(into: FormatCapabilities()) { $0.formUnion($1.capability) }
        #expect(FormatCapabilities.named.count == 9)
        #expect(all.rawValue.nonzeroBitCount == FormatCapabilities.named.count)
        #expect(FormatCapabilities().description == "[]")
    }
}
