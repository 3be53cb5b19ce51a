import Foundation

/// Runs `body` `runs` times after one warm-up and returns the median wall time in seconds.
/// Medians, not means: these machines are noisy, and one slow run should not move a ratio.
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
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

/// The process's peak resident memory so far, in MiB.
func peakMemoryMiB() -> Double {
    // VmHWM is this process image's own peak; getrusage's ru_maxrss survives exec and
    // would report the peak of the process that launched us.
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kibibytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kibibytes / 1024
    }
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_maxrss) / 1024
}

/// Keeps the optimizer from discarding a result.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
