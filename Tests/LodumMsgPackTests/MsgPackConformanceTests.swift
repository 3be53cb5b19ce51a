import Foundation
import Lodum
import LodumTestSupport
import Testing

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
@Suite("msgpack-test-suite conformance")
struct MsgPackConformanceTests {
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

    @Test func suiteIsPresentAndItsGroupsAreAllKnown() throws {
        let entries = try Self.entries()
        #expect(entries.count > 80)
        #expect(entries.reduce(0) { $0 + $1.encodings.count } > 200)
        let groups = Set(entries.map(\.group))
        // Every group is understood, timestamps and extensions included.
        for group in groups {
            #expect(entries.filter { $0.group == group }.allSatisfy { $0.expected != nil }, "\(group) has entries Lodum cannot express")
        }
        #expect(groups.contains("50.timestamp.yaml") && groups.contains("60.ext.yaml"))
    }

    @Test func everyEncodingDecodesToItsValueAndEveryValueEncodesToAListedEncoding() throws {
        var checks = 0
        var passed = 0
        func check(_ ok: Bool, _ comment: @autoclosure () -> String) -> Bool {
            checks += 1
            if ok { passed += 1 } else { Issue.record(Comment(rawValue: comment())) }
            return ok
        }
        let entries = try Self.entries()
        // Encodings whose every check passed, and encodings the suite lists in all.
        var encodingsPassing = 0
        let encodingsListed = entries.reduce(0) { $0 + $1.encodings.count }
        for entry in entries {
            guard let expected = entry.expected else {
                _ = check(false, "\(entry.group): \(entry.kind) has no expected value")
                continue
            }
            for bytes in entry.encodings {
                let hex = Fixtures.hexString(bytes)
                var ok = true
                do {
                    let decoded = try MsgPack.decode(Value.self, from: bytes)
                    ok = check(Self.sameData(decoded, expected), "\(entry.group) \(hex): decoded \(decoded), expected \(expected)") && ok
                    // Byte at a time, and inside a container, the same value.
                    let loaded = try MsgPack.load(Value.self, from: CountingSource(bytes, chunkSize: 1))
                    ok = check(Self.sameData(loaded, expected), "\(entry.group) \(hex): loaded \(loaded), expected \(expected)") && ok
                    let wrapped = try MsgPack.decode(Value.self, from: [0x92] + bytes + bytes)
                    ok = check(Self.sameData(wrapped, .array([expected, expected])), "\(entry.group) \(hex): in an array \(wrapped)") && ok
                } catch {
                    ok = check(false, "\(entry.group) \(hex): \(error)")
                }
                // A number also reads into the Swift type that holds it.
                switch expected {
                case .int(let number):
                    ok = check((try? MsgPack.decode(Int64.self, from: bytes)) == number, "\(entry.group) \(hex) as Int64") && ok
                case .uint(let number):
                    ok = check((try? MsgPack.decode(UInt64.self, from: bytes)) == number, "\(entry.group) \(hex) as UInt64") && ok
                case .double(let number):
                    ok = check((try? MsgPack.decode(Double.self, from: bytes)) == number, "\(entry.group) \(hex) as Double") && ok
                case .timestamp(let timestamp):
                    ok = check((try? MsgPack.decode(Timestamp.self, from: bytes)) == timestamp, "\(entry.group) \(hex) as Timestamp") && ok
                case .extension(let value):
                    ok = check((try? MsgPack.decode(ExtensionValue.self, from: bytes)) == value, "\(entry.group) \(hex) as ExtensionValue") && ok
                default:
                    break
                }
                if ok { encodingsPassing += 1 }
            }
            do {
                let ours = Array(try MsgPack.encode(expected))
                _ = check(entry.encodings.contains(ours), "\(entry.group): \(expected) encodes as \(Fixtures.hexString(ours)), not one of \(entry.encodings.map(Fixtures.hexString))")
            } catch {
                _ = check(false, "\(entry.group): encoding \(expected) failed: \(error)")
            }
        }
        func percent(_ part: Int, _ whole: Int) -> String { String(format: "%.1f%%", whole == 0 ? 0 : Double(part) * 100 / Double(whole)) }
        print("""
            msgpack-test-suite: \(encodingsPassing)/\(encodingsListed) encodings pass (\(percent(encodingsPassing, encodingsListed))); \
            \(passed)/\(checks) checks (\(percent(passed, checks)))
            """)
        #expect(checks > 700)
        #expect(passed == checks)
        #expect(encodingsPassing == encodingsListed)
    }

    @Test func extensionsInsideContainersAndUnknownFieldsAreReadOrSkipped() throws {
        let entries = try Self.entries().filter { $0.kind == "timestamp" || $0.kind == "ext" }
        #expect(entries.count > 20)
        for entry in entries {
            for bytes in entry.encodings {
                let hex = Fixtures.hexString(bytes)
                // A struct skips an extension in a field it does not know.
                let skipped = [0x83, 0xA1, 0x78, 0x01, 0xA1, 0x7A] + bytes + [0xA1, 0x79, 0x02]
                #expect(try MsgPack.decode(Point.self, from: skipped) == Point(x: 1, y: 2), "\(entry.group) \(hex)")
            }
        }
    }
}
