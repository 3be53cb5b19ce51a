import Foundation
import Lodum
import LodumConformance
import LodumTestSupport
import Testing

/// Each suite run once per test process, shared by the tests that check it and the page
/// that reports it.
enum ConformanceRuns {
    static let lodum: [ConformanceReport] = Lodum.formats.map { format in run(format) }
    static let json = JSONTestSuite.run()
    static let msgpack = MsgPackTestSuite.run()
    static let yaml = YAMLTestSuite.run()

    static func run<F: Format>(_ format: F.Type) -> ConformanceReport {
        ConformanceSuite.run(F.self)
    }
}

/// `Docs/Conformance.md`: what every format passes, generated from the runs above.
enum ConformancePage {
    static let url = Fixtures.packageRoot.appendingPathComponent("Docs/Conformance.md")
    /// Set to `1` to write the page instead of comparing it.
    static let writeVariable = "LODUM_WRITE_CONFORMANCE"

    static func render() -> String {
        var sections = [header, lodumSection()]
        sections += [ConformanceRuns.json, ConformanceRuns.msgpack, ConformanceRuns.yaml].map(\.markdown)
        return sections.joined(separator: "\n\n") + "\n"
    }

    static let header = """
        # Conformance

        <!-- Written by the test run: `LODUM_WRITE_CONFORMANCE=1 bash Scripts/test.sh` (or \
        `swift test --filter ConformancePage`). A test fails when this page is not what the run shows. -->

        What each format is tested against, and what it passes. Every figure below comes from
        the test run that checks it: Lodum's own suite, which every format in `Lodum.formats`
        passes through its public verbs (and which a backend of yours can run, see
        [Writing a backend](WritingABackend.md)), then each format's external suite. A known
        failure is listed with its reason; any other failure fails the run, and so does a
        listed case that starts to pass, so the lists stay exact.
        """

    static func lodumSection() -> String {
        var lines = [
            "## Every format: the Lodum conformance suite", "",
            "`ConformanceSuite.run(F.self)` from the `LodumConformance` library. A capability is proven when the format claims it and the behaviour shows it; the suite also shows that each capability a format does not claim is truly absent.", "",
            "| format | checks | passed | capabilities proven | shown absent |",
            "|---|---:|---:|---|---|",
        ]
        for report in ConformanceRuns.lodum {
            guard let format = Lodum.format(named: report.format) else { continue }
            let probes = CapabilityProbe.allCases
            let proven = probes.filter { format.capabilities.contains($0.capability) }.map { "\($0)" }
            let absent = probes.filter { !format.capabilities.contains($0.capability) }.map { "\($0)" }
            let passed = report.checks - report.failures.count
            lines.append("| \(report.format) | \(report.checks) | \(passed) (\(ExternalSuiteReport.percent(passed, of: report.checks))) | \(proven.joined(separator: ", ")) | \(absent.isEmpty ? "none" : absent.joined(separator: ", ")) |")
        }
        let names = ConformanceRuns.lodum.first?.checkNames.map { name in
            // A capability check is named by the format's claim; the list names the probe.
            name.hasPrefix("capability ") ? String(name.prefix { $0 != ":" }) : name
        } ?? []
        lines += ["", "The checks, the same for every format:", ""]
        lines += names.map { "- \($0)" }
        return lines.joined(separator: "\n")
    }
}

@Suite("Conformance: external suites, and the page that reports them")
struct ExternalSuiteTests {
    static func expectNoSurprises(_ report: ExternalSuiteReport) {
        #expect(!report.measures.isEmpty, "\(report.suite) ran no case")
        #expect(report.measures.allSatisfy { $0.cases > 0 })
        if !report.unexpected.isEmpty {
            Issue.record(Comment(rawValue: "\(report.suite): \(report.unexpected.count) unexpected failures:\n  " + report.unexpected.joined(separator: "\n  ")))
        }
        if !report.stale.isEmpty {
            Issue.record(Comment(rawValue: "\(report.suite): the lists of known failures are out of date:\n  " + report.stale.joined(separator: "\n  ")))
        }
    }

    @Test func jsonTestSuite() {
        Self.expectNoSurprises(ConformanceRuns.json)
    }

    @Test func msgpackTestSuite() {
        Self.expectNoSurprises(ConformanceRuns.msgpack)
    }

    @Test func yamlTestSuite() {
        Self.expectNoSurprises(ConformanceRuns.yaml)
    }

    @Test func conformancePageIsCurrent() throws {
        let page = ConformancePage.render()
        if ProcessInfo.processInfo.environment[ConformancePage.writeVariable] == "1" {
            try Data(page.utf8).write(to: ConformancePage.url, options: .atomic)
            return
        }
        let committed = try? String(contentsOf: ConformancePage.url, encoding: .utf8)
        #expect(committed == page, """
            Docs/Conformance.md is not what this run shows: write it again with \
            `\(ConformancePage.writeVariable)=1 swift test --filter ConformancePage` and commit it
            """)
    }
}
