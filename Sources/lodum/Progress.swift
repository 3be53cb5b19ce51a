import Foundation
import Lodum

/// Passes a source's bytes on, counting them: for the progress meter, and to refuse input
/// past `limit` bytes, which a stream cannot know up front.
final class CountingSource: ByteSource {
    let base: any ByteSource
    let meter: ProgressMeter?
    let limit: Int?
    private(set) var bytesRead = 0

    init(_ base: any ByteSource, meter: ProgressMeter? = nil, limit: Int? = nil) {
        self.base = base
        self.meter = meter
        self.limit = limit
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try base.read(into: buffer)
        bytesRead += count
        if let limit, bytesRead > limit {
            throw LodumError(.limitExceeded(.inputSize(limit)), position: .binary(offset: limit))
        }
        meter?.update(bytesRead: bytesRead)
        return count
    }
}

/// A one-line progress bar on standard error: bytes read of the total, rate and time left.
///
/// It draws only when standard error is a terminal, and only once the work has taken a
/// second, so quick conversions and scripts see nothing; it redraws at most ten times a
/// second, and clears its line when done.
final class ProgressMeter {
    let totalBytes: Int?
    let isTerminal = isatty(STDERR_FILENO) == 1
    let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var isShowing = false

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    func update(bytesRead: Int) {
        guard isTerminal else { return }
        let now = ContinuousClock.now
        let elapsed = Self.seconds(now - start)
        guard elapsed >= 1 else { return }
        if let lastDrawn, Self.seconds(now - lastDrawn) < 0.1 { return }
        lastDrawn = now
        isShowing = true
        FileHandle.standardError.write(Data(("\r" + Self.line(bytesRead: bytesRead, totalBytes: totalBytes, seconds: elapsed) + "\u{1B}[K").utf8))
    }

    /// Clears the bar, so what follows starts on a clean line.
    func finish() {
        guard isShowing else { return }
        isShowing = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `[########............]  40%  120.0 MB of 300.0 MB  85.0 MB/s  2s left`, or
    /// without a total (standard input) `120.0 MB  85.0 MB/s`.
    static func line(bytesRead: Int, totalBytes: Int?, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(bytesRead) / seconds : 0
        let speed = "\(megabytes(Int(rate)))/s"
        guard let totalBytes, totalBytes > 0 else { return "\(megabytes(bytesRead))  \(speed)" }
        let fraction = min(1, Double(bytesRead) / Double(totalBytes))
        let width = 20
        let filled = Int(fraction * Double(width))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        let remaining = rate > 0 ? Double(totalBytes - bytesRead) / rate : 0
        return "\(bar) \(String(format: "%3d%%", Int(fraction * 100)))  \(megabytes(bytesRead)) of \(megabytes(totalBytes))  \(speed)  \(Int(remaining.rounded(.up)))s left"
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
