import Foundation
import Lodum
import LodumTestSupport

/// JSONTestSuite (Nicolas Seriot) against the JSON backend: every `y_` file accepted, every
/// `n_` file rejected with a `LodumError`, and every `i_` file (where RFC 8259 lets a parser
/// choose) decided without a crash. Each is read whole and from a source of small chunks.
enum JSONTestSuite {
    static let directory = Fixtures.shared("conformance/json/test_parsing")

    static let accepted = "`y_` documents accepted, whole and one byte at a time, and written back equal"
    static let rejected = "`n_` documents rejected with a `LodumError`, whole and in 3-byte chunks"
    static let decided = "`i_` documents decided without a crash (accepted ones written back equal)"

    static func run() -> ExternalSuiteReport {
        var report = ExternalSuiteReport(
            format: "json", suite: "JSONTestSuite",
            origin: "`../shared/conformance/json/test_parsing`: JSONTestSuite by Nicolas Seriot (MIT).",
            measures: [accepted, rejected, decided])
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            report.unexpected.append("the JSONTestSuite is missing: looked for y_/n_/i_ files in \(directory.path) (\(error))")
            return report
        }
        for (prefix, least) in [("y_", 90), ("n_", 180), ("i_", 30)] where names.filter({ $0.hasPrefix(prefix) }).count < least {
            report.unexpected.append("fewer than \(least) \(prefix) files in \(directory.path)")
        }
        var acceptedOptional: [String] = []
        var rejectedOptional: [String] = []
        var repeatsKeys: [String] = []
        for name in names {
            let bytes: [UInt8]
            do {
                bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
            } catch {
                report.unexpected.append("\(name) does not read: \(error)")
                continue
            }
            let failure: String?
            switch name.prefix(2) {
            case "y_":
                failure = acceptance(of: bytes) { repeatsKeys.append(name) }
                report.count(accepted, passed: failure == nil)
            case "n_":
                failure = rejection(of: bytes)
                report.count(rejected, passed: failure == nil)
            case "i_":
                failure = decision(on: bytes) { isAccepted in
                    if isAccepted { acceptedOptional.append(name) } else { rejectedOptional.append(name) }
                }
                report.count(decided, passed: failure == nil)
            default:
                continue
            }
            if let failure { report.unexpected.append("\(name): \(failure)") }
        }
        report.notes.append("""
            Of the `i_` documents, Lodum accepts \(acceptedOptional.count): \
            \(acceptedOptional.map { "`\($0)`" }.joined(separator: ", ")); \
            and rejects \(rejectedOptional.count): \(rejectedOptional.map { "`\($0)`" }.joined(separator: ", ")).
            """)
        report.notes.append("""
            JSON's grammar allows a key twice in an object, and Lodum refuses it by default             (`Limits.duplicateKeys`, see [Errors and limits](ErrorsAndLimits.md)):             \(repeatsKeys.map { "`\($0)`" }.joined(separator: ", "))             \(repeatsKeys.count == 1 ? "is" : "are") refused with `duplicateKey` by default             and accepted here with `Limits(duplicateKeys: .lastWins)`.
            """)
        return report
    }

    /// Why a valid document failed, or `nil`. A document refused only for a repeated key
    /// is read again with the last value winning, and `repeatsKeys` is told.
    static func acceptance(of bytes: [UInt8], repeatsKeys: () -> Void) -> String? {
        var limits = Limits.default
        do {
            _ = try JSON.decode(Value.self, from: bytes)
        } catch let error as LodumError {
            guard case .duplicateKey = error.kind else { return "rejected: \(error)" }
            repeatsKeys()
            limits.duplicateKeys = .lastWins
        } catch {
            return "rejected: \(error)"
        }
        do {
            let value = try JSON.decode(Value.self, from: bytes, limits: limits)
            let rewritten = try JSON.encode(value)
            guard try JSON.decode(Value.self, from: rewritten) == value else { return "written back as different data" }
            let loaded = try JSON.load(Value.self, from: CountingSource(bytes, chunkSize: 1), limits: limits)
            return loaded == value ? nil : "read one byte at a time as different data"
        } catch {
            return "rejected: \(error)"
        }
    }

    /// Why an invalid document was not rejected with a Lodum error, or `nil`.
    static func rejection(of bytes: [UInt8]) -> String? {
        for (how, read) in [
            ("whole", { _ = try JSON.decode(Value.self, from: bytes) }),
            ("in 3-byte chunks", { _ = try JSON.load(Value.self, from: CountingSource(bytes, chunkSize: 3)) }),
        ] as [(String, () throws -> Void)] {
            do {
                try read()
                return "accepted when read \(how)"
            } catch is LodumError {
                continue
            } catch {
                return "read \(how), threw \(type(of: error)), not a LodumError: \(error)"
            }
        }
        return nil
    }

    /// Why an implementation-defined document was mishandled, or `nil`; `decided` learns
    /// whether it was accepted.
    static func decision(on bytes: [UInt8], decided: (Bool) -> Void) -> String? {
        do {
            let value = try JSON.decode(Value.self, from: bytes)
            decided(true)
            return try JSON.decode(Value.self, from: JSON.encode(value)) == value ? nil : "accepted, but written back as different data"
        } catch is LodumError {
            decided(false)
            return nil
        } catch {
            return "threw \(type(of: error)), not a LodumError: \(error)"
        }
    }
}
