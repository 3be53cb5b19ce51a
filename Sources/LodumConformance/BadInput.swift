import Foundation
import LodumCore

/// A document small enough to cut at every byte.
@Lodum struct ConformanceSample: Equatable, Sendable {
    var points: [ConformancePoint]
    var names: [String: String]
    var shape: ConformanceShape
    var when: Date
    var flag: Bool
}

extension ConformanceSuite {
    static let sample = ConformanceSample(
        points: [ConformancePoint(x: 1, y: -2), ConformancePoint(x: 300, y: 70_000)],
        names: ["a": "ä", "b": "🎉"], shape: .circle(radius: 2.5), when: Date(timeIntervalSince1970: 86_400), flag: true)

    /// Every cut of a sample document is a LodumError or (where the format's syntax lets a
    /// shorter document stand, as YAML's trailing plain scalar does) a value; never another
    /// error, never a crash. A wrong type is an error at its path; the size and depth limits
    /// are errors naming the limit.
    static func badInput<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        report.check("bad input: every truncation of a sample throws a LodumError") {
            let bytes = Array(try F.encode(sample))
            var otherErrors: [String] = []
            var rejected = 0
            for cut in 0..<bytes.count {
                do {
                    _ = try F.decode(ConformanceSample.self, from: Array(bytes[..<cut]))
                } catch is LodumError {
                    rejected += 1
                } catch {
                    otherErrors.append("cut at \(cut): \(error)")
                }
            }
            if let first = otherErrors.first { return "\(otherErrors.count) cuts threw other errors, first \(first)" }
            // A text format may end a shorter document cleanly only where a value ends.
            return rejected * 10 >= bytes.count * 9 ? nil : "only \(rejected) of \(bytes.count) cuts were rejected"
        }
        report.check("bad input: a wrong type is an error at its path") {
            let input = try F.encode(Value.object([
                Value.Member(key: "x", value: .int(1)), Value.Member(key: "y", value: .string("two")),
            ]))
            do {
                _ = try F.decode(ConformancePoint.self, from: input)
                return "a string read as an Int"
            } catch let error as LodumError {
                guard case .typeMismatch = error.kind else { return "expected a type mismatch, got \(error)" }
                return error.path.description == "y" ? nil : "the error's path is \(error.path), not y"
            }
        }
        report.check("bad input: input past maxInputSize is an error naming the limit") {
            let input = try F.encode((0..<1_000).map { ConformancePoint(x: $0, y: $0) })
            do {
                _ = try F.decode([ConformancePoint].self, from: input, limits: Limits(maxInputSize: 100))
                return "read \(input.count) bytes under a limit of 100"
            } catch let error as LodumError {
                return error.kind == .limitExceeded(.inputSize(100)) && error.description.contains("maxInputSize")
                    ? nil : "expected the size limit, got \(error)"
            }
        }
        report.check("bad input: nesting past maxDepth is an error naming the limit") {
            var deep = Value.int(0)
            for _ in 0..<150 { deep = .array([deep]) }
            let input = try F.encode(deep, limits: Limits(maxDepth: 1_000))
            do {
                _ = try F.decode(Value.self, from: input)
                return "read 150 levels under a limit of 100"
            } catch let error as LodumError {
                return error.kind == .limitExceeded(.depth(100)) && error.description.contains("maxDepth")
                    ? nil : "expected the depth limit, got \(error)"
            }
        }
    }
}
