// The yaml-test-suite (../shared/conformance/yaml/yaml-test-suite) against the YAML
// backend, in three checks per case:
//
// - events: libyaml's raw parse events, in the suite's `test.event` notation, equal the
//   expected ones; for a case with an `error` file, reading the events throws a
//   `LodumError`;
// - documents: reading every case's YAML as `Value` documents throws nothing but a
//   `LodumError`, and throws one for an error case that libyaml rejects;
// - values: where the case has `in.json` and is not an error case, its YAML documents read
//   as `Value`s equal the JSON documents (a `!!binary` scalar, read as bytes, matches the
//   base64 text `in.json` has for it).
//
// A case outside the lists below that fails is a regression; a listed case that passes
// makes the test fail too, so the lists stay exact. Set `YAML_SUITE_VERBOSE=1` to print
// every failure, listed or not, with the whole event streams.

import Foundation
import Lodum
import LodumTestSupport
@testable import LodumYAML

enum YAMLTestSuite {
    // MARK: Known failures

    /// Cases whose events libyaml 0.2.5 itself gets wrong (a YAML 1.1 parser with known
    /// gaps), by reason. Their value check, where they have one, is expected to fail too
    /// unless it is in ``libyamlValuesStillMatch``.
    ///
    /// Each was checked against libyaml itself: the same accept/reject outcome and the same
    /// events come out of a plain C program over libyaml 0.2.5, so none is Lodum's doing.
    static let libyamlCannotPass: [(reason: String, ids: [String])] = [
        // Valid YAML 1.2 that libyaml rejects.
        ("block mapping entry with an empty key (`: value`)",
         ["2JQS", "6M2F", "M2N8/00", "NHX8", "NKF9", "S3PD", "SM9W/01", "UKK6/00"]),
        ("flow `:` not followed by a space: adjacent value, empty key, plain scalar starting with `:`",
         ["4ABK", "58MP", "5T43", "CFD4", "DBG4", "FRK4", "HM87/00"]),
        ("flow implicit key spanning lines, or its `:` on a later line",
         ["4MUZ/00", "4MUZ/01", "4MUZ/02", "5MUD", "9SA2", "K3WX", "NJ66", "UT92", "VJP3/01"]),
        ("anchor name with characters beyond YAML 1.1's [-_a-zA-Z0-9] (`:`, non-ASCII, punctuation)",
         ["2SXE", "8XYN", "W5VH", "Y2GN"]),
        ("tab used as separation space (after `-`, before a flow collection, on a blank line)",
         ["6BCT", "6CA3", "A2M4", "DK95/00", "DK95/03", "DK95/04", "Q5MG", "Y79Y/010"]),
        ("tab at the start of a block scalar's content line, after its indentation",
         ["96NN/00", "96NN/01", "R4YG", "Y79Y/001"]),
        ("reserved directive (`%FOO`) or `%YAML 1.3`, which YAML 1.2 says to ignore with a warning",
         ["2LFX", "6LVF", "BEC7", "MUS6/05", "MUS6/06"]),
        ("top-level block scalar with zero-indented content",
         ["DK3J", "FP8R", "W4TN"]),
        ("bare document after `...`, or `...` with no document before it",
         ["7Z25", "HWV9", "M7A3", "QT73"]),
        // Valid YAML 1.2 that libyaml reads differently.
        ("plain scalar starting with `?` in a flow collection read as an explicit key (`[?x]`)",
         ["652Z", "HM87/01"]),
        ("block scalar whose last line holds only spaces and no line break: that line is dropped",
         ["JEF9/02", "L24T/01"]),
        // Invalid YAML that libyaml accepts.
        ("comment not preceded by whitespace (`\"value\"# comment`, `[a]#c`, `>#c`)",
         ["9JBA", "CVW2", "MUS6/00", "SU5Z", "X4QW"]),
        ("directive after a document that was not closed with `...`",
         ["9HCY", "EB22", "MUS6/01", "RHX7"]),
        ("continuation line of a multi-line flow collection or quoted scalar indented too little",
         ["9C9N", "DK95/01", "QB6E", "Y79Y/003"]),
        ("`-` as a plain scalar in a flow sequence",
         ["G5U8", "YJV2"]),
        ("block scalar whose leading blank lines are more indented than its first content line",
         ["S98Z"]),
    ]

    /// Cases of ``libyamlCannotPass`` whose events differ from the suite's only in ways that
    /// do not change the data, so their value check passes.
    static let libyamlValuesStillMatch: [String] = [
    ]

    /// Value checks that fail by Lodum's design, by reason: each must be refused with a
    /// `LodumError`, not read as different data.
    ///
    /// Lodum reads only the core tags (`!!str !!int !!float !!bool !!null !!binary
    /// !!timestamp !!seq !!map` and `!`) and refuses any other by name, since a tag never
    /// selects a type to instantiate; `in.json` shows such nodes untagged. (Mapping keys that
    /// are collections, which `Value` refuses too, occur only in cases without `in.json`.)
    static let refusedByDesign: [(reason: String, ids: [String])] = [
        ("YAML 1.1 collection types beyond the core tags (`!!set`, `!!omap`)",
         ["2XXW", "J7PZ"]),
        ("local (`!foo`, `!local`) and application (`tag:example.com,2000:…`) tags",
         ["5TYM", "6CK3", "6WLZ", "7FWL", "9WXW", "C4HZ", "CC74", "CUP7", "M5C3", "P76L", "UGM3", "Z67P", "Z9M4"]),
    ]

    // MARK: The test

    enum Outcome {
        case pass
        /// The YAML reader threw a `LodumError` (only from the value check).
        case refused(String)
        case fail(String)
    }

    static let verbose = ProcessInfo.processInfo.environment["YAML_SUITE_VERBOSE"] != nil

    static let eventsMeasure = "libyaml's events equal `test.event`, or an error case rejected"
    static let rejectionMeasure = "documents read as `Value` throw only a `LodumError`, and do for a case libyaml rejects"
    static let valuesMeasure = "documents read as `Value` equal `in.json`"

    static func run() -> ExternalSuiteReport {
        var report = ExternalSuiteReport(
            format: "yaml", suite: "yaml-test-suite",
            origin: "`../shared/conformance/yaml/yaml-test-suite`: yaml-test-suite by Ingy döt Net (MIT), every case and sub-case.",
            measures: [eventsMeasure, rejectionMeasure, valuesMeasure])
        let cases: [YAMLSuiteCase]
        do {
            cases = try YAMLSuiteHarness.loadCases()
        } catch {
            report.unexpected.append("\(error)")
            return report
        }
        report.knownFailures = libyamlCannotPass.map { .init(owner: "libyaml 0.2.5", reason: $0.reason, ids: $0.ids) }
            + refusedByDesign.map { .init(owner: "Lodum, by design (value check refused)", reason: $0.reason, ids: $0.ids) }
        let cannotPass = Self.index(Self.libyamlCannotPass)
        let refused = Self.index(Self.refusedByDesign)
        let stillMatch = Set(Self.libyamlValuesStillMatch)
        report.stale = Self.duplicates(Self.libyamlCannotPass) + Self.duplicates(Self.refusedByDesign)
        report.stale += stillMatch.filter { cannotPass[$0] == nil }.sorted().map { "\($0) is in libyamlValuesStillMatch but not in libyamlCannotPass" }

        var known: [String] = []
        for suiteCase in cases {
            let id = suiteCase.id
            let events = Self.checkEvents(suiteCase)
            switch (events, cannotPass[id]) {
            case (.pass, nil):
                report.count(eventsMeasure, passed: true)
            case (.pass, .some):
                report.count(eventsMeasure, passed: true)
                report.stale.append("\(id) events now pass: take it out of libyamlCannotPass")
            case (.fail(let detail), nil), (.refused(let detail), nil):
                report.count(eventsMeasure, passed: false)
                report.unexpected.append("\(id) events (\(suiteCase.title)): \(detail)")
            case (.fail(let detail), .some(let reason)), (.refused(let detail), .some(let reason)):
                report.count(eventsMeasure, passed: false)
                known.append("\(id) events [\(reason)] (\(suiteCase.title)): \(detail)")
            }

            if case .fail(let detail) = Self.checkRejection(suiteCase, eventsKnownWrong: cannotPass[id] != nil) {
                report.count(rejectionMeasure, passed: false)
                report.unexpected.append("\(id) documents (\(suiteCase.title)): \(detail)")
            } else {
                report.count(rejectionMeasure, passed: true)
            }

            guard let outcome = Self.checkValues(suiteCase) else {
                if refused[id] != nil || stillMatch.contains(id) { report.stale.append("\(id) has no value check, yet is listed for one") }
                continue
            }
            let expectedToFail = refused[id] ?? (stillMatch.contains(id) ? nil : cannotPass[id])
            if case .pass = outcome {
                report.count(valuesMeasure, passed: true)
            } else {
                report.count(valuesMeasure, passed: false)
            }
            switch (outcome, expectedToFail) {
            case (.fail(let detail), .some) where refused[id] != nil:
                report.unexpected.append("\(id) values (\(suiteCase.title)): \(detail); refusedByDesign lists it for a refusal")
            case (.pass, nil):
                break
            case (.pass, .some):
                if refused[id] != nil {
                    report.stale.append("\(id) values now pass: take it out of refusedByDesign")
                } else if case .fail = events {
                    report.stale.append("\(id) values pass though its events do not: add it to libyamlValuesStillMatch")
                }
            case (.fail(let detail), nil), (.refused(let detail), nil):
                report.unexpected.append("\(id) values (\(suiteCase.title)): \(detail)")
            case (.fail(let detail), .some(let reason)), (.refused(let detail), .some(let reason)):
                known.append("\(id) values [\(reason)] (\(suiteCase.title)): \(detail)")
            }
        }
        for id in Set(cannotPass.keys).union(refused.keys).union(stillMatch).sorted() where !cases.contains(where: { $0.id == id }) {
            report.stale.append("\(id) is listed but is not a case of the suite")
        }
        if Self.verbose {
            print("Known failures:\n  " + known.joined(separator: "\n  "))
        }
        return report
    }

    // MARK: Checks

    /// Whether libyaml's events are the suite's, or, for an error case, libyaml rejects it.
    static func checkEvents(_ suiteCase: YAMLSuiteCase) -> Outcome {
        let events: [String]
        do {
            events = try YAMLSuiteHarness.rawEvents(of: suiteCase.yaml)
        } catch let error as LodumError {
            return suiteCase.isError ? .pass : .fail("rejected, though valid: \(error)")
        } catch {
            return .fail("threw \(type(of: error)), not a LodumError: \(error)")
        }
        if suiteCase.isError {
            return .fail("accepted, though it must be rejected" + (verbose ? "\n      " + events.joined(separator: "\n      ") : ""))
        }
        let expected = suiteCase.expectedEvents
        guard events != expected else { return .pass }
        let index = (0..<min(events.count, expected.count)).first { events[$0] != expected[$0] } ?? min(events.count, expected.count)
        let wanted = index < expected.count ? "`\(expected[index])`" : "the end"
        let got = index < events.count ? "`\(events[index])`" : "the end"
        var detail = "event \(index + 1) is \(got), expected \(wanted)"
        if verbose {
            let separator = "\n      "
            detail += "\n    expected:" + separator + expected.joined(separator: separator)
            detail += "\n    libyaml:" + separator + events.joined(separator: separator)
        }
        return .fail(detail)
    }

    /// Whether reading the case's documents as `Value`s, which every case is put through,
    /// throws nothing but `LodumError`s, and, for an error case that libyaml rejects,
    /// throws one: the resolving reader must not accept what the parser refuses.
    static func checkRejection(_ suiteCase: YAMLSuiteCase, eventsKnownWrong: Bool) -> Outcome {
        do {
            _ = try YAMLSuiteHarness.yamlDocuments(suiteCase.yaml)
        } catch is LodumError {
            return .pass
        } catch {
            return .fail("threw \(type(of: error)), not a LodumError: \(error)")
        }
        return suiteCase.isError && !eventsKnownWrong ? .fail("read as documents, though libyaml rejects its events") : .pass
    }

    /// Whether the YAML documents read as `Value`s equal `in.json`'s; `nil` when the case
    /// has no value check (no `in.json`, or an error case).
    static func checkValues(_ suiteCase: YAMLSuiteCase) -> Outcome? {
        guard !suiteCase.isError, let json = suiteCase.json else { return nil }
        let expected: [Value]
        do {
            expected = try YAMLSuiteHarness.jsonDocuments(json)
        } catch {
            return .fail("in.json does not read: \(error)")
        }
        let documents: [Value]
        do {
            documents = try YAMLSuiteHarness.yamlDocuments(suiteCase.yaml)
        } catch let error as LodumError {
            return .refused("refused: \(error)")
        } catch {
            return .fail("threw \(type(of: error)), not a LodumError: \(error)")
        }
        guard !YAMLSuiteHarness.matches(documents, expected) else { return .pass }
        guard documents.count == expected.count else {
            let read = documents.map(YAMLSuiteHarness.describe).joined(separator: " | ")
            let wanted = expected.map(YAMLSuiteHarness.describe).joined(separator: " | ")
            return .fail("\(documents.count) documents, expected \(expected.count)\n    read: \(read)\n    json: \(wanted)")
        }
        let index = documents.indices.first { !YAMLSuiteHarness.matches(documents[$0], expected[$0]) } ?? 0
        let read = YAMLSuiteHarness.describe(documents[index])
        let wanted = YAMLSuiteHarness.describe(expected[index])
        return .fail("document \(index + 1) differs\n    read: \(read)\n    json: \(wanted)")
    }

    // MARK: Lists

    /// Each listed id with its group's reason.
    static func index(_ groups: [(reason: String, ids: [String])]) -> [String: String] {
        var reasons: [String: String] = [:]
        for group in groups {
            for id in group.ids { reasons[id] = group.reason }
        }
        return reasons
    }

    static func duplicates(_ groups: [(reason: String, ids: [String])]) -> [String] {
        let ids = groups.flatMap(\.ids)
        return Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().map { "\($0) is listed twice" }
    }
}
