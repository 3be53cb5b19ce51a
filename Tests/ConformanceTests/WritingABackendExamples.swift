// The usage examples of Docs/WritingABackend.md, compiled and run so they cannot rot: what
// a format gets from the core once its writer and reader exist, shown with Tokens.

import Foundation
import Lodum
import LodumConformance
import Testing

@Lodum struct Reading: Equatable, Sendable {
    var sensor: String
    var celsius: Double
}

@Lodum struct Blob: Equatable, Sendable {
    var bytes: [UInt8]
}

/// A type that knows nothing of Lodum: it travels through the Codable bridge.
struct Station: Codable, Equatable {
    var name: String
    var altitude: Int
}

@Suite("Writing a backend: what Tokens gets for free")
struct WritingABackendExamples {
    @Test func theInMemoryVerbs() throws {
        let reading = Reading(sensor: "porch", celsius: 21.5)
        let bytes = try Tokens.encode(reading)
        #expect(String(decoding: bytes, as: UTF8.self) == "{s6:sensors5:porchs7:celsiusd21.5;}")
        #expect(try Tokens.decode(Reading.self, from: bytes) == reading)
    }

    @Test func theCoreWritesDatesAndIntegerKeysAsText() throws {
        let date = Date(timeIntervalSince1970: 1_514_862_245)
        #expect(String(decoding: try Tokens.encode(date), as: UTF8.self) == "s20:2018-01-02T03:04:05Z")
        #expect(String(decoding: try Tokens.encode([7: 1]), as: UTF8.self) == "{s1:7i1;}")
        #expect(try Tokens.decode([Int: Int].self, from: "{s1:7i1;}") == [7: 1])
    }

    @Test func nonFiniteDoublesAreSpelledAndReadBack() throws {
        let values: [Double] = [.nan, .infinity, -.infinity, -0.0]
        let bytes = try Tokens.encode(values)
        #expect(String(decoding: bytes, as: UTF8.self) == "[dnan;dinf;d-inf;d-0.0;]")
        let back = try Tokens.decode([Double].self, from: bytes)
        #expect(back[0].isNaN && back[1] == .infinity && back[2] == -.infinity && back[3].sign == .minus)
    }

    @Test func filesStreamsAndDocuments() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("readings-\(UUID()).tokens")
        defer { try? FileManager.default.removeItem(at: url) }

        // Written through one fixed buffer, and the file replaced only once the dump succeeds.
        let readings = (0..<100_000).lazy.map { Reading(sensor: "s\($0 % 8)", celsius: Double($0) / 8) }
        try Tokens.dump(contentsOf: readings, to: url)

        // Read back one element at a time, synchronously or with `for try await`.
        var stream = Tokens.stream(Reading.self, from: url)
        var count = 0
        while try stream.next() != nil { count += 1 }
        var warmest = -Double.infinity
        for try await reading in Tokens.stream(Reading.self, from: url) {
            warmest = max(warmest, reading.celsius)
        }
        #expect(count == 100_000 && warmest == 99_999.0 / 8)

        // A stream of documents: one per line.
        try Tokens.dump(documents: [Reading(sensor: "a", celsius: 1), Reading(sensor: "b", celsius: 2)], to: url)
        let documents = Tokens.documents(Reading.self, from: url)
        var sensors: [String] = []
        for try await document in documents { sensors.append(document.sensor) }
        #expect(sensors == ["a", "b"])
    }

    @Test func valuesTheCodableBridgeAndTranscoding() throws {
        let tree = try Tokens.decode(Value.self, from: "{s6:sensors5:porchs7:celsiusd21.5;}")
        #expect(tree == ["sensor": "porch", "celsius": 21.5])
        #expect(try Reading(from: tree) == Reading(sensor: "porch", celsius: 21.5))

        let station = Station(name: "Ridge", altitude: 812)
        #expect(try Tokens.decode(Station.self, from: Tokens.encode(station)) == station)

        let tokens = try JSON.transcode(from: #"{"sensor":"attic","celsius":30.25}"#, to: Tokens.self)
        #expect(String(decoding: tokens, as: UTF8.self) == "{s6:sensors5:attics7:celsiusd30.25;}")
        let yaml = try Tokens.transcode(from: tokens, to: YAML.self)
        #expect(String(decoding: yaml, as: UTF8.self) == "sensor: attic\ncelsius: 30.25\n")
    }

    @Test func bytesFromJSONReadBackUnlessTheOptionsRefuseThem() throws {
        let tokens = try JSON.transcode(from: #"{"bytes":"AQID"}"#, to: Tokens.self)
        #expect(String(decoding: tokens, as: UTF8.self) == "{s5:bytess4:AQID}")
        #expect(try Tokens.decode(Blob.self, from: tokens) == Blob(bytes: [1, 2, 3]))

        let strict = TokensOptions(acceptsBase64Bytes: false)
        #expect(throws: LodumError.self) { try Tokens.decode(Blob.self, from: tokens, options: strict) }
    }

    @Test func errorsNameThePathAndTheByteOffset() {
        let wrongType = #expect(throws: LodumError.self) {
            try Tokens.decode(Reading.self, from: "{s6:sensori7;s7:celsiusd1.0;}")
        }
        #expect(wrongType?.description == "Error at sensor (byte offset 10): expected String, found Integer")

        let truncated = #expect(throws: LodumError.self) {
            try Tokens.decode(Reading.self, from: "{s6:sensors5:porchs7:celsiusd21.")
        }
        #expect(truncated?.description == "Error at celsius (byte offset 32): unexpected end of input")
    }
}

// MARK: Running the conformance suite

@Suite("Writing a backend: Tokens passes the conformance suite")
struct TokensConformanceTests {
    @Test func tokensPassesTheConformanceSuite() {
        let report = ConformanceSuite.run(Tokens.self)
        print(report)  // "tokens: … checks passed", or each failed check and what went wrong
        #expect(report.failures.isEmpty, "\(report)")
    }
}

/// Tokens with two wrong claims: native timestamps, which it does not write, and no
/// streaming dump, which it does.
enum MisclaimedTokens: Format {
    typealias Options = TokensOptions
    typealias Writer = TokensWriter
    typealias Reader = TokensReader

    static let name = "misclaimed-tokens"
    static let fileExtensions = ["mtokens"]
    static let mediaType = "application/x-misclaimed-tokens"
    static let capabilities: FormatCapabilities = [.lazyLoad, .multiDocument, .binary, .nativeBytes, .nativeTimestamp]

    static func makeWriter(output: OutputBuffer, options: TokensOptions, limits: Limits, layout: DocumentLayout) -> TokensWriter {
        Tokens.makeWriter(output: output, options: options, limits: limits, layout: layout)
    }

    static func makeReader(input: InputBuffer, options: TokensOptions, limits: Limits) -> TokensReader {
        Tokens.makeReader(input: input, options: options, limits: limits)
    }
}

@Suite("Writing a backend: a wrong claim fails either way")
struct MisclaimedTokensTests {
    @Test func bothWrongClaimsAreReported() {
        let report = ConformanceSuite.run(MisclaimedTokens.self)
        #expect(report.failures.map { "\($0)" } == [
            "capability streamingDump: not claimed: the behaviour shows it, but the format does not claim it",
            "capability nativeTimestamp: claimed: claimed, but the behaviour does not show it",
        ])
    }
}
