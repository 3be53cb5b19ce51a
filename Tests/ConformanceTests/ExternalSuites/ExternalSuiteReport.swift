import Foundation

/// What one external conformance suite showed for one format: the figures
/// `Docs/Conformance.md` reports, and what the tests require to be empty.
struct ExternalSuiteReport: Sendable {
    /// One thing the suite checks, over some of its cases.
    struct Measure: Sendable {
        var name: String
        var cases: Int
        var passed: Int
    }

    /// Cases expected to fail, for one reason, and whose doing that is.
    struct KnownFailures: Sendable {
        /// `libyaml 0.2.5`, or `Lodum, by design`.
        var owner: String
        var reason: String
        var ids: [String]
    }

    /// The format's name in `Lodum.formats`.
    let format: String
    /// The suite's name and where it comes from.
    let suite: String
    let origin: String
    var measures: [Measure] = []
    var knownFailures: [KnownFailures] = []
    /// Facts the page shows beside the figures, such as which optional cases were accepted.
    var notes: [String] = []
    /// Failures outside the known lists: regressions, which fail the test.
    var unexpected: [String] = []
    /// Known-failure lists that no longer match what happens, which fail the test too.
    var stale: [String] = []

    /// A report with the named measures, in the order the page shows them, each at zero.
    init(format: String, suite: String, origin: String, measures: [String]) {
        self.format = format
        self.suite = suite
        self.origin = origin
        self.measures = measures.map { Measure(name: $0, cases: 0, passed: 0) }
    }

    /// Counts one case of `measure`, which passed or not.
    mutating func count(_ measure: String, passed: Bool) {
        guard let index = measures.firstIndex(where: { $0.name == measure }) else {
            unexpected.append("the report has no measure named \(measure)")
            return
        }
        measures[index].cases += 1
        if passed { measures[index].passed += 1 }
    }

    /// The report's section of the conformance page.
    var markdown: String {
        var lines = ["## \(format): \(suite)", "", origin, "", "| check | cases | passed |", "|---|---:|---:|"]
        for measure in measures {
            lines.append("| \(measure.name) | \(measure.cases) | \(measure.passed) (\(Self.percent(measure.passed, of: measure.cases))) |")
        }
        lines.append("")
        if knownFailures.isEmpty {
            lines.append("Known failures: none.")
        } else {
            let total = Set(knownFailures.flatMap(\.ids)).count
            lines.append("Known failures (\(total) cases), each listed by id; any other failure fails the test run:")
            lines.append("")
            for group in knownFailures {
                lines.append("- \(group.owner): \(group.reason): \(group.ids.joined(separator: ", "))")
            }
        }
        for note in notes {
            lines += ["", note]
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        if part == whole { return "100%" }
        // Rounded down, so a near miss never shows as 100%.
        return String(format: "%.1f%%", Double(part * 1_000 / whole) / 10)
    }
}
