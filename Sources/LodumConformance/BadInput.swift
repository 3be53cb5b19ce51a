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
        report.check("bad input: a number that does not fit an integer type (too large, negative, fractional) is an error at its path, in every width") {
            let extremes: [Value] = [.int(.min), .int(-1), .int(Int64(Int32.max) + 1), .uint(.max), .double(1e300), .double(0.5)]
            var accepted: [String] = []
            for extreme in extremes {
                let input = try F.encode(Value.array([extreme]))
                func refuses<T: Deserializable>(_ type: T.Type) {
                    do {
                        let read = try F.decode([T].self, from: input)
                        if let value = read.first as? any BinaryInteger, !fits(extreme, value) {
                            accepted.append("\(extreme) as \(T.self): \(value)")
                        }
                    } catch let error as LodumError {
                        if error.path.description != "[0]" { accepted.append("\(extreme) as \(T.self): error at \(error.path), not [0]") }
                    } catch {
                        accepted.append("\(extreme) as \(T.self): threw \(error)")
                    }
                }
                refuses(Int8.self); refuses(Int16.self); refuses(Int32.self); refuses(Int64.self)
                refuses(UInt8.self); refuses(UInt16.self); refuses(UInt32.self); refuses(UInt64.self)
            }
            return accepted.isEmpty ? nil : "read without an error: \(accepted.joined(separator: "; "))"
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

/// Whether `read` is exactly the number `written` (an integer read back unchanged).
private func fits(_ written: Value, _ read: any BinaryInteger) -> Bool {
    switch written {
    case .int(let number): return Int64(exactly: read) == number
    case .uint(let number): return UInt64(exactly: read) == number
    default: return false
    }
}
