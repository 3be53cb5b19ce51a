import Dispatch
import Foundation
import LodumCore

/// Results gathered from many threads at once.
private final class SharedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var encodings: [Data] = []
    private var failures: [String] = []

    func record(_ encoding: Data) { lock.withLock { encodings.append(encoding) } }
    func fail(_ message: String) { lock.withLock { failures.append(message) } }
    var snapshot: (encodings: [Data], failures: [String]) { lock.withLock { (encodings, failures) } }
}

extension ConformanceSuite {
    /// A format holds no shared mutable state: many threads encoding and decoding one value
    /// at once, with one shared set of options and limits, each get the same bytes and
    /// values as one thread alone.
    static func concurrency<F: Format>(_ format: F.Type, into report: inout ConformanceReport) {
        report.check("concurrency: 16 threads at once, sharing options, get the bytes and values one thread gets") {
            let options = F.Options()
            let limits = Limits.default
            // One instance shared by all: a dictionary's order is fixed per instance (Swift
            // seeds each one's hashing apart), so only the same value gives the same bytes.
            let model = ConformanceModel()
            let expected = try F.encode(model, options: options, limits: limits)
            let results = SharedResults()
            DispatchQueue.concurrentPerform(iterations: 16) { _ in
                do {
                    for _ in 0..<10 {
                        let bytes = try F.encode(model, options: options, limits: limits)
                        results.record(bytes)
                        guard try F.decode(ConformanceModel.self, from: bytes, options: options, limits: limits) == model else {
                            results.fail("a thread read back a different model")
                            return
                        }
                    }
                } catch {
                    results.fail("a thread threw \(error)")
                }
            }
            let (encodings, failures) = results.snapshot
            if let failure = failures.first { return failure }
            let differing = encodings.filter { $0 != expected }.count
            return differing == 0 ? nil : "\(differing) of \(encodings.count) encodings differ from one thread's"
        }
    }
}
