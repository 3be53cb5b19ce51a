import Lodum
import LodumConformance
import Testing

@Suite("Conformance: every format in Lodum.formats passes the same suite")
struct ConformanceTests {
    @Test(arguments: Lodum.formats.map { $0.name })
    func everyFormatConforms(_ name: String) throws {
        let report = try #require(ConformanceRuns.lodum.first { $0.format == name })
        print(report)
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.checks > 15)
    }
}

/// JSON under another name, claiming a capability it lacks and denying one it has: the
/// suite must catch both.
enum MisclaimedJSON: Format {
    typealias Options = JSONOptions
    typealias Writer = JSONWriter
    typealias Reader = JSONReader

    static let name = "misclaimed-json"
    static let fileExtensions = ["mjson"]
    static let mediaType = "application/x-misclaimed"
    static let capabilities: FormatCapabilities = [.lazyLoad, .humanReadable, .multiDocument, .nativeBytes]

    static func makeWriter(output: OutputBuffer, options: JSONOptions, limits: Limits, layout: DocumentLayout) -> JSONWriter {
        JSON.makeWriter(output: output, options: options, limits: limits, layout: layout)
    }

    static func makeReader(input: InputBuffer, options: JSONOptions, limits: Limits) -> JSONReader {
        JSON.makeReader(input: input, options: options, limits: limits)
    }
}

@Suite("Conformance: the suite catches false and missing capability claims")
struct CapabilityClaimTests {
    @Test func aFalseClaimAndAMissingClaimBothFail() {
        let report = ConformanceSuite.run(MisclaimedJSON.self)
        let failed = Set(report.failures.map(\.check))
        #expect(failed == [
            "capability nativeBytes: claimed",
            "capability streamingDump: not claimed",
        ], "\(report)")
        #expect(report.failures.first { $0.check.hasPrefix("capability nativeBytes") }?.detail
            == "claimed, but the behaviour does not show it")
        #expect(report.failures.first { $0.check.hasPrefix("capability streamingDump") }?.detail
            == "the behaviour shows it, but the format does not claim it")
    }
}

@Suite("Conformance: a format written outside the package, with the public API only")
struct PluggabilityTests {
    @Test func aFourthFormatPassesTheWholeSuite() {
        let report = ConformanceSuite.run(Tokens.self)
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.checks > 20)
    }

    @Test func itsOutputIsWhatItsFormatSays() throws {
        #expect(String(decoding: try Tokens.encode(ConformancePoint(x: 1, y: -2)), as: UTF8.self) == "{s1:xi1;s1:yi-2;}")
    }
}
