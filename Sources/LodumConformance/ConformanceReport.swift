/// What ``ConformanceSuite`` found for one format: how many checks ran, and each that failed.
public struct ConformanceReport: Sendable, CustomStringConvertible {
    /// One failed check.
    public struct Failure: Sendable, CustomStringConvertible {
        /// The check, such as `round trip: Int8.min through dump/load`.
        public var check: String
        /// What went wrong.
        public var detail: String

        public var description: String { "\(check): \(detail)" }
    }

    /// The format's name.
    public let format: String
    /// Every check that ran, in order, by name.
    public private(set) var checkNames: [String] = []
    /// The checks that failed; empty when the format conforms.
    public private(set) var failures: [Failure] = []

    /// How many checks ran.
    public var checks: Int { checkNames.count }

    init(format: String) {
        self.format = format
    }

    /// Counts one check, recording it as failed with `detail` when `detail` is not `nil`.
    mutating func record(_ check: String, failure detail: String?) {
        checkNames.append(check)
        if let detail { failures.append(Failure(check: check, detail: detail)) }
    }

    /// Runs `body` as one check: a thrown error fails it.
    mutating func check(_ name: String, _ body: () throws -> String?) {
        do {
            record(name, failure: try body())
        } catch {
            record(name, failure: "threw \(error)")
        }
    }

    public var description: String {
        failures.isEmpty
            ? "\(format): \(checks) checks passed"
            : "\(format): \(failures.count) of \(checks) checks failed:\n" + failures.map { "  - \($0)" }.joined(separator: "\n")
    }
}
