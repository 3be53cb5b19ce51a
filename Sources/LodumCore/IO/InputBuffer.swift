/// A window onto the input that a reader scans in place.
///
/// Over memory (`decode`) the window is the caller's bytes, borrowed without a copy. Over
/// a ``ByteSource`` (`load`, `stream`) it is a fixed-size buffer refilled in chunks; it
/// grows only when a single token is longer than the buffer. The window counts the bytes
/// and lines it has discarded, so positions in errors are positions in the whole input.
public struct InputBuffer {
    /// The default size of a refillable window.
    public static let defaultCapacity = 64 * 1024

    @usableFromInline var storage: BufferStorage?
    /// The first byte of the window.
    public private(set) var base: UnsafePointer<UInt8>
    /// How many bytes of the window are valid.
    public private(set) var count: Int
    let source: (any ByteSource)?
    /// Whether the source has reported its end.
    public private(set) var isExhausted: Bool
    /// Bytes discarded from the front of the window so far.
    public private(set) var discardedBytes = 0
    private var discardedNewlines = 0
    /// Offset (in the whole input) of the first byte after the last discarded newline.
    private var discardedLineStart = 0
    private let maxTotalBytes: Int?
    /// Where the last position query ended, so successive queries scan only new bytes.
    private let lineCache = LineCache()

    /// Borrows `bytes` for the window; the caller keeps them alive while it is used.
    public init(borrowing bytes: UnsafeRawBufferPointer) {
        if let start = bytes.baseAddress, bytes.count > 0 {
            storage = nil
            base = start.assumingMemoryBound(to: UInt8.self)
            count = bytes.count
        } else {
            // Empty input still needs a valid address to point at.
            let empty = BufferStorage(capacity: 1)
            storage = empty
            base = UnsafePointer(empty.pointer)
            count = 0
        }
        source = nil
        isExhausted = true
        maxTotalBytes = nil
    }

    /// Reads from `source` in chunks; `maxTotalBytes` bounds the whole input (for `load`).
    public init(source: any ByteSource, capacity: Int = InputBuffer.defaultCapacity, maxTotalBytes: Int? = nil) {
        let storage = BufferStorage(capacity: max(capacity, 16))
        self.storage = storage
        self.base = UnsafePointer(storage.pointer)
        self.count = 0
        self.source = source
        self.isExhausted = false
        self.maxTotalBytes = maxTotalBytes
    }

    /// The current capacity of the window's buffer (0 when borrowing).
    public var capacity: Int { storage?.capacity ?? 0 }

    /// Discards the bytes before `keep`, moves the rest to the front and reads more.
    ///
    /// Returns how far the kept bytes moved (subtract it from indices into the window), or
    /// `nil` when the input has ended and nothing was added.
    public mutating func refill(keepingFrom keep: Int) throws -> Int? {
        guard let source, !isExhausted, let current = storage else { return nil }
        let kept = count - keep
        var target = current
        if keep == 0 && count == current.capacity {
            // One token fills the whole window: grow rather than fail.
            target = BufferStorage(capacity: current.capacity * 2)
        }
        countLines(before: keep)
        lineCache.reset()
        if kept > 0 { (target.pointer).update(from: current.pointer + keep, count: kept) }
        discardedBytes += keep
        storage = target
        base = UnsafePointer(target.pointer)
        count = kept
        let read = try readReportingFaults(from: source, into: UnsafeMutableRawBufferPointer(start: target.pointer + kept, count: target.capacity - kept))
        if read == 0 {
            isExhausted = true
            return keep == 0 ? nil : keep
        }
        count += read
        if let maxTotalBytes, discardedBytes + count > maxTotalBytes {
            throw LodumError(.limitExceeded(.inputSize(maxTotalBytes)), position: .binary(offset: maxTotalBytes))
        }
        return keep
    }

    /// Reads from the source; a failure becomes a ``LodumError`` at the offset the input had
    /// reached (the bytes before it were all delivered), so a reader reports where its input
    /// broke off. Cancellation passes through as it is.
    private func readReportingFaults(from source: any ByteSource, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        do {
            return try source.read(into: buffer)
        } catch var failure as LodumError {
            if failure.position == nil { failure.position = .binary(offset: discardedBytes + count) }
            throw failure
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            throw LodumError(
                .io("reading the input failed: \(error)"), position: .binary(offset: discardedBytes + count), underlyingError: error)
        }
    }

    private mutating func countLines(before end: Int) {
        for index in 0..<end where base[index] == 0x0A {
            discardedNewlines += 1
            discardedLineStart = discardedBytes + index + 1
        }
    }

    /// The byte offset, in the whole input, of window index `index`.
    public func offset(of index: Int) -> Int { discardedBytes + index }

    /// Line and column (1-based, in bytes) of window index `index`, for text formats.
    ///
    /// Queries usually move forward through the input, so each resumes where the last one
    /// stopped: the cost over a whole read is linear, not quadratic.
    public func textPosition(of index: Int) -> InputPosition {
        let end = min(max(index, 0), count)
        if lineCache.index > end || lineCache.isEmpty {
            lineCache.index = 0
            lineCache.line = discardedNewlines + 1
            lineCache.lineStart = discardedLineStart
            lineCache.isEmpty = false
        }
        var scan = lineCache.index
        var line = lineCache.line
        var lineStart = lineCache.lineStart
        while scan < end {
            if base[scan] == 0x0A {
                line += 1
                lineStart = discardedBytes + scan + 1
            }
            scan += 1
        }
        lineCache.index = scan
        lineCache.line = line
        lineCache.lineStart = lineStart
        let offset = discardedBytes + index
        return .text(line: line, column: offset - lineStart + 1, offset: offset)
    }
}

/// The progress of line counting through the current window.
private final class LineCache {
    var isEmpty = true
    var index = 0
    var line = 1
    var lineStart = 0

    func reset() { isEmpty = true }
}
