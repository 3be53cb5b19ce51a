import ExampleSupport
import Foundation

/// Runs `body` `runs` times after one warm-up and returns the median wall time in seconds.
/// Medians, not means: these machines are noisy, and one slow run should not move a ratio.
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        times.append(seconds(since: start))
    }
    times.sort()
    return times[times.count / 2]
}

/// One measured comparison: Lodum against a peer on the same work, in the same run.
struct Comparison: Codable {
    var name: String
    var bytes: Int
    var lodumSeconds: Double
    var peer: String
    var peerSeconds: Double

    var lodumMBps: Double { Double(bytes) / 1e6 / lodumSeconds }
    var peerMBps: Double { Double(bytes) / 1e6 / peerSeconds }
    /// How many times faster Lodum is than the peer.
    var ratio: Double { peerSeconds / lodumSeconds }
}

/// Peak resident memory of one streaming run in a child process.
struct MemoryRun: Codable {
    var name: String
    var elements: Int
    var peakMiB: Double
}


/// Keeps the optimizer from discarding a result.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Times Lodum and a peer on the same work, in the same run.
func compare(
    _ name: String, bytes: Int, runs: Int, peer: String,
    lodum: () throws -> Void, against peerBody: () throws -> Void
) rethrows -> Comparison {
    Comparison(name: name, bytes: bytes,
               lodumSeconds: try medianSeconds(runs: runs, lodum),
               peer: peer, peerSeconds: try medianSeconds(runs: runs, peerBody))
}
