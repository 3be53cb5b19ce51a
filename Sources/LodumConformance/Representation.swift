import Foundation
import LodumCore

/// A type that refuses keys it does not declare.
@Lodum(denyUnknownFields: true) struct ConformanceStrict: Equatable, Sendable {
    var name: String
}

/// Floating-point values no text format is obliged to have a spelling for.
@Lodum struct ConformanceNonFinite: Sendable {
    var double: Double
    var float: Float
}

extension ConformanceSuite {
    /// What a format may lack a native form for has one behaviour the suite can check: NaN
    /// and the infinities either read back as themselves or are refused on writing with
    /// `unsupportedValue`, never written as something else; integer keys read back, and
    /// where the format's keys are only strings, they read as the text of their digits.
    /// Validators and `denyUnknownFields` fail the decode with the failing field's path.
    static func representation<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        for (name, double, float) in [
            ("NaN", Double.nan, Float.nan),
            ("infinity", Double.infinity, Float.infinity),
            ("-infinity", -Double.infinity, -Float.infinity),
        ] {
            report.check("representation: \(name) reads back as itself or is refused with unsupportedValue") {
                let value = ConformanceNonFinite(double: double, float: float)
                let encoded: Data
                do {
                    encoded = try F.encode(value)
                } catch let error as LodumError {
                    guard case .unsupportedValue = error.kind else { return "refused with \(error), not unsupportedValue" }
                    return error.path.description == "double" ? nil : "refused at \(error.path), not at double"
                }
                let back = try F.decode(ConformanceNonFinite.self, from: encoded)
                let same = double.isNaN
                    ? back.double.isNaN && back.float.isNaN
                    : back.double == double && back.float == float
                return same ? nil : "written, but read back as \(back.double) and \(back.float)"
            }
        }
        report.check("representation: integer keys read back, as their digits where keys are text") {
            let keyed: [Int: String] = [-1: "minus one", 0: "zero", 7: "seven", Int.max: "max"]
            let encoded = try F.encode(keyed)
            let back = try F.decode([Int: String].self, from: encoded)
            guard back == keyed else { return "read back \(back)" }
            guard !F.capabilities.contains(.nonStringKeys) else { return nil }
            let asText = try F.decode([String: String].self, from: encoded)
            let expected = Dictionary(uniqueKeysWithValues: keyed.map { (String($0.key), $0.value) })
            return asText == expected ? nil : "the keys read as text are \(asText.keys.sorted()), not their digits"
        }
        report.check("representation: a value failing its validator is an error at its field") {
            guard case .object(var members) = try Value(from: ConformanceModel()),
                let age = members.firstIndex(where: { $0.key == "age" })
            else { return "the model is not an object with an age" }
            members[age].value = 200
            let tree = Value.object(members)
            do {
                _ = try F.decode(ConformanceModel.self, from: F.encode(tree))
                return "age 200 passed a validator of 0...150"
            } catch let error as LodumError {
                guard case .validationFailed = error.kind else { return "expected validationFailed, got \(error)" }
                return error.path.description == "age" ? nil : "the error's path is \(error.path), not age"
            }
        }
        report.check("representation: an unknown field is an error under denyUnknownFields") {
            let input = try F.encode(["name": "a", "extra": "b"] as Value)
            do {
                _ = try F.decode(ConformanceStrict.self, from: input)
                return "the unknown field extra was accepted"
            } catch let error as LodumError {
                return error.kind == .unknownField("extra") ? nil : "expected unknownField(\"extra\"), got \(error)"
            }
        }
    }
}
