import Foundation
import Lodum
import LodumTestSupport

/// One entry of the msgpack-test-suite: a value and every valid encoding of it.
struct MPSuiteEntry: Sendable {
    var group: String
    /// What the entry holds: `nil`, `bool`, `binary`, `number`, `bignum`, `string`, `array`,
    /// `map`, `timestamp` or `ext`.
    var kind: String
    /// The entry's value in Lodum's data model, for the kinds Lodum reads.
    var expected: Value?
    var encodings: [[UInt8]]
}

/// The msgpack-test-suite (Yusuke Kawasaki, MIT) in both directions: every listed encoding
/// decodes to the entry's value, and Lodum's encoding of the value is one of those listed.
enum MsgPackTestSuite {
    static let suitePath = "conformance/msgpack/msgpack-test-suite.json"

    /// The suite's entries, read with Lodum's own JSON reader (which keeps map order).
    static func entries() throws -> [MPSuiteEntry] {
        let url = Fixtures.shared(suitePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw LodumError(.io("the msgpack-test-suite is missing: looked for \(url.path)"))
        }
        guard case .object(let groups) = try JSON.load(Value.self, from: url) else {
            throw LodumError(.io("\(url.path) is not a JSON object of groups"))
        }
        var entries: [MPSuiteEntry] = []
        for group in groups {
            guard case .array(let cases) = group.value else { continue }
            for case .object(let members) in cases {
                var encodings: [[UInt8]] = []
                if case .array(let hexes)? = members.first(where: { $0.key == "msgpack" })?.value {
                    for case .string(let hex) in hexes { encodings.append(Fixtures.hex(hex)) }
                }
                // A number too big for a double comes with its exact digits as `bignum`.
                let typed = members.first { $0.key == "bignum" } ?? members.first { $0.key != "msgpack" }
                guard let typed else { continue }
                entries.append(MPSuiteEntry(group: group.key, kind: typed.key, expected: expectedValue(typed.key, typed.value), encodings: encodings))
            }
        }
        return entries
    }

    /// The suite's JSON for a value, as the `Value` MessagePack reading should produce.
    static func expectedValue(_ kind: String, _ json: Value) -> Value? {
        switch (kind, json) {
        case ("nil", _), ("bool", _), ("number", _), ("string", _), ("array", _), ("map", _):
            return json
        case ("binary", .string(let hex)):
            return .bytes(Fixtures.hex(hex))
        case ("timestamp", .array(let parts)) where parts.count == 2:
            guard case .int(let seconds) = parts[0], case .int(let nanoseconds) = parts[1],
                let nanoseconds = UInt32(exactly: nanoseconds),
                let timestamp = Timestamp(seconds: seconds, nanoseconds: nanoseconds)
            else { return nil }
            return .timestamp(timestamp)
        case ("ext", .array(let parts)) where parts.count == 2:
            guard case .int(let type) = parts[0], let type = Int8(exactly: type), case .string(let hex) = parts[1] else { return nil }
            return .extension(ExtensionValue(type: type, data: Fixtures.hex(hex)))
        case ("bignum", .string(let digits)):
            if let signed = Int64(digits) { return .int(signed) }
            if let unsigned = UInt64(digits) { return .uint(unsigned) }
            return nil
        default:
            return nil
        }
    }

    /// Equal as data, where a number read from a float encoding equals the same integer.
    static func sameData(_ decoded: Value, _ expected: Value) -> Bool {
        switch (decoded, expected) {
        case (.double(let float), .int(let integer)), (.int(let integer), .double(let float)):
            return Double(exactly: integer) == float
        case (.double(let float), .uint(let integer)), (.uint(let integer), .double(let float)):
            return Double(exactly: integer) == float
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { sameData($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && sameData($0.value, $1.value) }
        default:
            return decoded == expected
        }
    }

    static let decodes = "encodings read as their value: whole, one byte at a time, inside an array, and into the Swift type"
    static let encodes = "values written as one of their listed encodings"
    static let skips = "timestamp and extension encodings skipped as an unknown field of a struct"

    static func run() -> ExternalSuiteReport {
        var report = ExternalSuiteReport(
            format: "msgpack", suite: "msgpack-test-suite",
            origin: "`../shared/conformance/msgpack/msgpack-test-suite.json`: msgpack-test-suite by Yusuke Kawasaki (MIT).",
            measures: [decodes, encodes, skips])
        let entries: [MPSuiteEntry]
        do {
            entries = try Self.entries()
        } catch {
            report.unexpected.append("\(error)")
            return report
        }
        if entries.count < 80 || entries.reduce(0, { $0 + $1.encodings.count }) < 200 {
            report.unexpected.append("the suite has only \(entries.count) entries: is it complete?")
        }
        let groups = Set(entries.map(\.group))
        for group in ["50.timestamp.yaml", "60.ext.yaml"] where !groups.contains(group) {
            report.unexpected.append("the suite has no group \(group)")
        }
        for entry in entries {
            guard let expected = entry.expected else {
                report.unexpected.append("\(entry.group): a \(entry.kind) entry Lodum cannot express")
                continue
            }
            for bytes in entry.encodings {
                let failure = decodingFailure(bytes, expected: expected)
                report.count(decodes, passed: failure == nil)
                if let failure { report.unexpected.append("\(entry.group) \(Fixtures.hexString(bytes)): \(failure)") }
                if entry.kind == "timestamp" || entry.kind == "ext" {
                    // A struct skips an extension in a field it does not know.
                    let skipped = [0x83, 0xA1, 0x78, 0x01, 0xA1, 0x7A] + bytes + [0xA1, 0x79, 0x02]
                    let read = try? MsgPack.decode(Point.self, from: skipped)
                    report.count(skips, passed: read == Point(x: 1, y: 2))
                    if read != Point(x: 1, y: 2) {
                        report.unexpected.append("\(entry.group) \(Fixtures.hexString(bytes)): not skipped as an unknown field")
                    }
                }
            }
            do {
                let ours = Array(try MsgPack.encode(expected))
                let listed = entry.encodings.contains(ours)
                report.count(encodes, passed: listed)
                if !listed {
                    report.unexpected.append("\(entry.group): \(expected) encodes as \(Fixtures.hexString(ours)), not one of \(entry.encodings.map(Fixtures.hexString))")
                }
            } catch {
                report.count(encodes, passed: false)
                report.unexpected.append("\(entry.group): encoding \(expected) failed: \(error)")
            }
        }
        return report
    }

    /// Why one listed encoding did not read as its value, or `nil`.
    static func decodingFailure(_ bytes: [UInt8], expected: Value) -> String? {
        do {
            let decoded = try MsgPack.decode(Value.self, from: bytes)
            guard sameData(decoded, expected) else { return "decoded \(decoded), expected \(expected)" }
            let loaded = try MsgPack.load(Value.self, from: CountingSource(bytes, chunkSize: 1))
            guard sameData(loaded, expected) else { return "loaded one byte at a time as \(loaded), expected \(expected)" }
            let wrapped = try MsgPack.decode(Value.self, from: [0x92] + bytes + bytes)
            guard sameData(wrapped, .array([expected, expected])) else { return "inside an array, read as \(wrapped)" }
        } catch {
            return "\(error)"
        }
        // A number, an instant or an extension also reads into the Swift type that holds it.
        let typed: Bool
        switch expected {
        case .int(let number): typed = (try? MsgPack.decode(Int64.self, from: bytes)) == number
        case .uint(let number): typed = (try? MsgPack.decode(UInt64.self, from: bytes)) == number
        case .double(let number): typed = (try? MsgPack.decode(Double.self, from: bytes)) == number
        case .timestamp(let timestamp): typed = (try? MsgPack.decode(Timestamp.self, from: bytes)) == timestamp
        case .extension(let value): typed = (try? MsgPack.decode(ExtensionValue.self, from: bytes)) == value
        default: typed = true
        }
        return typed ? nil : "does not read into the Swift type of \(expected)"
    }
}
