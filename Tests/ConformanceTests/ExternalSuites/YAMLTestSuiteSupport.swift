import Foundation
import Lodum
import LodumTestSupport
@testable import LodumYAML

/// One case of the yaml-test-suite: a case folder (`229Q`) or one of its numbered
/// sub-case folders (`2G84/00`).
struct YAMLSuiteCase {
    /// The case id, with the sub-case number after a slash: `229Q`, `2G84/00`.
    let id: String
    /// The case's title, from its `===` file.
    let title: String
    let yaml: [UInt8]
    /// The expected events, one line each, in the suite's `test.event` notation.
    let expectedEvents: [String]
    /// The expected data (`in.json`), when the case has it.
    let json: [UInt8]?
    /// Whether the input must be rejected (the case has an `error` file).
    let isError: Bool
}

/// Finds and reads the yaml-test-suite, and puts libyaml's raw events and Lodum's values
/// in the form the suite describes them.
enum YAMLSuiteHarness {
    static let directory = Fixtures.shared("conformance/yaml/yaml-test-suite")

    struct SuiteMissing: Error, CustomStringConvertible {
        let detail: String
        var description: String {
            "the yaml-test-suite is missing: looked for case folders (229Q/in.yaml, …) in \(YAMLSuiteHarness.directory.path) (\(detail))"
        }
    }

    /// Every case of the suite, each exactly once, sorted by id.
    ///
    /// The suite's top level holds one folder per case id (four characters, digits and
    /// capitals), some of which hold numbered sub-case folders instead of a case. Its
    /// `name/` and `tags/` folders are indexes (`name/anchor-plus-alias` holds the text
    /// `../SR86`): plain files naming id folders, not cases, so they are not read.
    static func loadCases() throws -> [YAMLSuiteCase] {
        let files = FileManager.default
        let entries: [String]
        do {
            entries = try files.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SuiteMissing(detail: "\(error)")
        }
        var cases: [YAMLSuiteCase] = []
        for entry in entries.sorted() where isCaseID(entry) {
            let folder = directory.appendingPathComponent(entry, isDirectory: true)
            if files.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                cases.append(try readCase(id: entry, in: folder))
                continue
            }
            let subcases = try files.contentsOfDirectory(atPath: folder.path)
                .filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
                .sorted()
            guard !subcases.isEmpty else { throw SuiteMissing(detail: "\(entry) holds neither in.yaml nor numbered sub-cases") }
            for subcase in subcases {
                cases.append(try readCase(id: "\(entry)/\(subcase)", in: folder.appendingPathComponent(subcase, isDirectory: true)))
            }
        }
        guard !cases.isEmpty else { throw SuiteMissing(detail: "no case folders found") }
        return cases
    }

    /// `229Q`, `M7A3`: what the suite's case folders are named.
    static func isCaseID(_ name: String) -> Bool {
        name.utf8.count == 4 && name.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
    }

    static func readCase(id: String, in folder: URL) throws -> YAMLSuiteCase {
        func read(_ name: String) throws -> [UInt8]? {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return [UInt8](try Data(contentsOf: url))
        }
        guard let yaml = try read("in.yaml"), let events = try read("test.event") else {
            throw SuiteMissing(detail: "\(id) lacks in.yaml or test.event")
        }
        let title = try read("===").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        return YAMLSuiteCase(
            id: id,
            title: title,
            yaml: yaml,
            expectedEvents: String(decoding: events, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init),
            json: try read("in.json"),
            isError: try read("error") != nil)
    }

    // MARK: Events

    /// libyaml's raw events for `yaml`, in the suite's notation, until the end of the
    /// stream or the first error (which is thrown).
    static func rawEvents(of yaml: [UInt8]) throws -> [String] {
        try yaml.withUnsafeBytes { bytes in
            let reader = YAMLEventReader(input: InputBuffer(borrowing: bytes), limits: Limits(), resolvesReferences: false)
            var lines: [String] = []
            while true {
                let event = try reader.nextRawEvent()
                lines.append(line(for: event))
                if event.kind == .streamEnd { return lines }
            }
        }
    }

    /// One event as a `test.event` line: `+MAP {} &a <tag:yaml.org,2002:map>`,
    /// `=VAL &x <!> "text`, `=ALI *x`.
    static func line(for event: YAMLRawEvent) -> String {
        var properties = ""
        if let anchor = event.anchor { properties += " &" + anchor }
        if let tag = event.tag { properties += " <" + tag + ">" }
        switch event.kind {
        case .streamStart: return "+STR"
        case .streamEnd: return "-STR"
        case .documentStart: return event.isExplicit ? "+DOC ---" : "+DOC"
        case .documentEnd: return event.isExplicit ? "-DOC ..." : "-DOC"
        case .mappingStart: return "+MAP" + (event.isFlow ? " {}" : "") + properties
        case .mappingEnd: return "-MAP"
        case .sequenceStart: return "+SEQ" + (event.isFlow ? " []" : "") + properties
        case .sequenceEnd: return "-SEQ"
        case .alias: return "=ALI *" + (event.text ?? "")
        case .scalar:
            let indicator: String
            switch event.scalarStyle ?? .plain {
            case .plain: indicator = ":"
            case .singleQuoted: indicator = "'"
            case .doubleQuoted: indicator = "\""
            case .literal: indicator = "|"
            case .folded: indicator = ">"
            }
            return "=VAL" + properties + " " + indicator + escape(event.text ?? "")
        }
    }

    /// A scalar's text as `test.event` writes it: a backslash and the control characters
    /// that have a one-letter escape are escaped; everything else, spaces and non-ASCII
    /// characters included, is written as is.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\0": escaped += "\\0"
            case "\u{07}": escaped += "\\a"
            case "\u{08}": escaped += "\\b"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\u{0B}": escaped += "\\v"
            case "\u{0C}": escaped += "\\f"
            case "\r": escaped += "\\r"
            case "\u{1B}": escaped += "\\e"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    // MARK: Values

    /// Every document of `yaml`, read lazily as a `Value` the way users read YAML streams.
    static func yamlDocuments(_ yaml: [UInt8]) throws -> [Value] {
        var documents = YAML.documents(Value.self, from: yaml)
        var values: [Value] = []
        while let value = try documents.next() { values.append(value) }
        return values
    }

    /// Every JSON document of `json` (`in.json` holds one per YAML document, separated by
    /// whitespace and each possibly spread over several lines).
    static func jsonDocuments(_ json: [UInt8]) throws -> [Value] {
        var documents = JSON.documents(Value.self, from: json)
        var values: [Value] = []
        while let value = try documents.next() { values.append(value) }
        return values
    }

    /// Whether the documents read from YAML are the data `in.json` describes: equal as
    /// `Value`s (objects regardless of member order), except that a `!!binary` scalar, which
    /// Lodum reads as bytes, matches the base64 text `in.json` gives for it.
    static func matches(_ read: [Value], _ expected: [Value]) -> Bool {
        read.count == expected.count && zip(read, expected).allSatisfy(matches)
    }

    static func matches(_ read: Value, _ expected: Value) -> Bool {
        switch (read, expected) {
        case (.bytes(let bytes), .string(let text)):
            let base64 = String(text.unicodeScalars.filter { !" \t\n\r".unicodeScalars.contains($0) })
            return Data(base64Encoded: base64).map { [UInt8]($0) == bytes } ?? false
        case (.array(let elements), .array(let expectedElements)):
            return matches(elements, expectedElements)
        case (.object(let members), .object(let expectedMembers)):
            guard members.count == expectedMembers.count else { return false }
            // Members sharing a key are matched in their relative order, as `Value.==` does.
            var remaining = Dictionary(grouping: expectedMembers, by: \.key).mapValues { ArraySlice($0.map(\.value)) }
            for member in members {
                guard let other = remaining[member.key]?.popFirst(), matches(member.value, other) else { return false }
            }
            return true
        default:
            return read == expected
        }
    }

    /// A value in one line, for failure messages: JSON-like, with the integer and float
    /// cases told apart (`1` and `1.0`).
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .int(let number): return "\(number)"
        case .uint(let number): return "\(number)"
        case .double(let number): return "\(number)"
        case .string(let text): return String(reflecting: text)
        case .bytes(let bytes): return "<\(bytes.count) bytes>"
        case .timestamp(let timestamp): return "!!timestamp \(timestamp.iso8601)"
        case .extension(let value): return "<extension \(value.type): \(value.data.count) bytes>"
        case .array(let elements): return "[" + elements.map(describe).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.map { String(reflecting: $0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        }
    }
}
