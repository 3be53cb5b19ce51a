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
    return median(times)
}

/// One measured comparison: Lodum against a peer on the same work, in the same run.
struct Comparison: Codable {
    var name: String
    var bytes: Int
    var lodumSeconds: Double
    var peer: String
    var peerSeconds: Double
    /// The ratio Lodum should reach, if the issue set one.
    var target: Target?

    var lodumMBps: Double { Double(bytes) / 1e6 / lodumSeconds }
    var peerMBps: Double { Double(bytes) / 1e6 / peerSeconds }
    /// How many times faster Lodum is than the peer.
    var ratio: Double { peerSeconds / lodumSeconds }
    /// Whether Lodum reached its target (`nil` without one).
    var met: Bool? { target.map { ratio >= $0.minimumRatio } }

    /// "Lodum is 26.3x faster", "1.2x slower", "1.0x (on par)".
    var verdict: String {
        // Two decimals below 10x, where they tell targets like "≤ 1.5x" apart.
        func times(_ factor: Double) -> String { String(format: factor < 10 ? "**%.2fx**" : "**%.1fx**", factor) }
        switch ratio {
        case 0.95..<1.05: return times(ratio) + " (on par)"
        case 1.05...: return times(ratio) + " faster"
        default: return times(1 / ratio) + " slower"
        }
    }
}

extension Comparison {
    /// The comparison as a row of the Markdown tables the run prints.
    func tableRow(decimals: Int) -> String {
        let target = self.target.map { "\($0.text): \(met == true ? "met" : "**missed**")" } ?? ""
        let time = "%.\(decimals)f s"
        return String(format: "| %@ | \(time) | %@ | \(time) | %.0f | %.1f | %@ | %@ |",
                      name, lodumSeconds, peer, peerSeconds, lodumMBps, peerMBps, verdict, target)
    }
}

/// A ratio to reach: Lodum at least `minimumRatio` times as fast as the peer (below 1 when
/// Lodum may be slower, as against a raw libyaml loop).
struct Target: Codable {
    var minimumRatio: Double
    /// As the issue states it: "≥ 50x faster", "≤ 1.5x the raw time".
    var text: String

    static func faster(_ factor: Double) -> Target {
        Target(minimumRatio: factor, text: String(format: "≥ %gx faster", factor))
    }

    static func atMost(_ factor: Double, timesThe peer: String) -> Target {
        Target(minimumRatio: 1 / factor, text: String(format: "≤ %gx the %@ time", factor, peer))
    }
}

/// Peak resident memory of one streaming run in a child process.
struct MemoryRun: Codable {
    var name: String
    var elements: Int
    var peakMiB: Double
    /// Wall time of the child process, start-up included.
    var seconds: Double?
}


/// Keeps the optimizer from discarding a result.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Times Lodum and a peer on the same work, in the same run: one warm-up each, then
/// `runs` rounds that time Lodum and the peer back to back, so a stretch of load on this
/// noisy machine falls on both sides instead of on whichever happened to run then.
func compare(
    _ name: String, bytes: Int, runs: Int, peer: String, target: Target? = nil,
    lodum: () throws -> Void, against peerBody: () throws -> Void
) rethrows -> Comparison {
    try lodum()
    try peerBody()
    var lodumTimes: [Double] = []
    var peerTimes: [Double] = []
    for _ in 0..<runs {
        var start = ContinuousClock.now
        try lodum()
        lodumTimes.append(seconds(since: start))
        start = ContinuousClock.now
        try peerBody()
        peerTimes.append(seconds(since: start))
    }
    return Comparison(name: name, bytes: bytes, lodumSeconds: median(lodumTimes),
                      peer: peer, peerSeconds: median(peerTimes), target: target)
}

func median(_ times: [Double]) -> Double {
    let sorted = times.sorted()
    return sorted[sorted.count / 2]
}
