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

/// Tokens, a fourth format written with the public API only, passes the whole suite in
/// `TokensConformanceTests` (the tutorial's own test, WritingABackendExamples.swift), and
/// the suite catches its misclaiming twin in `MisclaimedTokensTests`.
@Suite("Conformance: a format written outside the package, with the public API only")
struct PluggabilityTests {
    @Test func itsOutputIsWhatItsFormatSays() throws {
        #expect(String(decoding: try Tokens.encode(ConformancePoint(x: 1, y: -2)), as: UTF8.self) == "{s1:xi1;s1:yi-2;}")
    }
}
