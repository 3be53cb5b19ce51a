import Foundation
import LodumCore

/// A struct with a dictionary, for the duplicate-key checks.
@Lodum struct ConformanceSettings: Equatable, Sendable {
    var name: String
    var limits: [String: Int] = [:]
}

/// The same shape without the macro, read through the Codable bridge.
struct ConformanceCodableSettings: Codable, Equatable, Sendable {
    var name: String
}

extension ConformanceSuite {
    /// A key repeated in one mapping is refused by default (``DuplicateKeyPolicy/reject``)
    /// with its path, in a struct, a dictionary, a `Value` object and a Codable type; under
    /// ``DuplicateKeyPolicy/lastWins`` the later value is the one read; an enum's tag
    /// repeated is refused under either policy. The repeated input is written by the format
    /// itself, from a `Value` object that holds the key twice.
    static func duplicateKeys<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        let lastWins = Limits(duplicateKeys: .lastWins)
        let repeatedName: Value = .object([.init(key: "name", value: "first"), .init(key: "name", value: "second")])
        let repeatedLimit: Value = .object([
            .init(key: "name", value: "n"),
            .init(key: "limits", value: .object([.init(key: "a", value: 1), .init(key: "a", value: 2)])),
        ])

        report.check("duplicate keys: a struct's field twice is refused at the field, or the last read under lastWins") {
            let input = try F.encode(repeatedName)
            if let failure = expectDuplicate("name", at: "name", { _ = try F.decode(ConformanceSettings.self, from: input) }) {
                return failure
            }
            let last = try F.decode(ConformanceSettings.self, from: input, limits: lastWins)
            return last.name == "second" ? nil : "lastWins read \(last.name)"
        }
        report.check("duplicate keys: a dictionary's key twice is refused at the key, or the last read under lastWins") {
            let input = try F.encode(repeatedLimit)
            if let failure = expectDuplicate("a", at: #"limits["a"]"#, { _ = try F.decode(ConformanceSettings.self, from: input) }) {
                return failure
            }
            let last = try F.decode(ConformanceSettings.self, from: input, limits: lastWins)
            return last.limits == ["a": 2] ? nil : "lastWins read \(last.limits)"
        }
        report.check("duplicate keys: a Value object's key twice is refused, or keeps its place with the last value under lastWins") {
            let input = try F.encode(repeatedLimit)
            if let failure = expectDuplicate("a", at: #"["limits"]["a"]"#, { _ = try F.decode(Value.self, from: input) }) {
                return failure
            }
            let last = try F.decode(Value.self, from: input, limits: lastWins)
            let expected: Value = ["name": "n", "limits": ["a": 2]]
            guard case .object(let members) = last, members.count == 2, last == expected else { return "lastWins read \(last)" }
            return nil
        }
        report.check("duplicate keys: a Codable type's key twice is refused, or the last read under lastWins") {
            let input = try F.encode(repeatedName)
            if let failure = expectDuplicate("name", at: "name", { _ = try F.decode(ConformanceCodableSettings.self, from: input) }) {
                return failure
            }
            let last = try F.decode(ConformanceCodableSettings.self, from: input, limits: lastWins)
            return last.name == "second" ? nil : "lastWins read \(last.name)"
        }
        report.check("duplicate keys: an enum's tag twice is refused under either policy") {
            let tagFirst: Value = .object([
                .init(key: "kind", value: "joined"), .init(key: "name", value: "a"), .init(key: "kind", value: "left"),
            ])
            let held: Value = .object([
                .init(key: "name", value: "a"), .init(key: "kind", value: "joined"), .init(key: "kind", value: "left"),
            ])
            let adjacent: Value = .object([
                .init(key: "t", value: "ping"), .init(key: "t", value: "text"), .init(key: "c", value: "hi"),
            ])
            for limits in [Limits.default, lastWins] {
                for input in [tagFirst, held] {
                    let bytes = try F.encode(input)
                    if let failure = expectDuplicate("kind", at: "kind", { _ = try F.decode(ConformanceEvent.self, from: bytes, limits: limits) }) {
                        return "\(input): \(failure)"
                    }
                }
                let bytes = try F.encode(adjacent)
                if let failure = expectDuplicate("t", at: "t", { _ = try F.decode(ConformanceMessage.self, from: bytes, limits: limits) }) {
                    return "\(adjacent): \(failure)"
                }
            }
            return nil
        }
    }

    /// `nil` when `body` throws a duplicate-key error for `key` at `path`, else what it did.
    private static func expectDuplicate(_ key: String, at path: String, _ body: () throws -> Void) -> String? {
        do {
            try body()
            return "the key \(key) twice was accepted"
        } catch let error as LodumError {
            guard error.kind == .duplicateKey(key) else { return "expected duplicateKey(\"\(key)\"), got \(error)" }
            return error.path.description == path ? nil : "the error's path is \(error.path), not \(path)"
        } catch {
            return "threw \(error)"
        }
    }
}
