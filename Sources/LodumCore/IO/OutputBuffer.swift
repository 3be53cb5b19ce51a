/// A fixed-size byte buffer in front of a ``ByteSink``: writers append to contiguous
/// memory, and the buffer hands the sink one large chunk each time it fills.
///
/// The buffer never grows, so a streaming dump's memory is this buffer plus O(depth)
/// writer state, whatever the size of the output.
public struct OutputBuffer {
    /// The default size, large enough that a sink sees few, large writes.
    public static let defaultCapacity = 64 * 1024

    @usableFromInline let storage: BufferStorage
    /// Read through `storage` each time: a pointer cached on its own would not keep the
    /// allocation alive, and the optimizer may end an unused reference's life early.
    @inlinable var base: UnsafeMutablePointer<UInt8> { storage.pointer }
    @usableFromInline var count: Int
    /// The fixed size of the buffer, in bytes.
    public let capacity: Int
    /// The sink that receives each full buffer.
    public let sink: any ByteSink
    /// How many bytes have been handed to the sink so far.
    public private(set) var bytesFlushed: Int = 0

    /// Creates a buffer of `capacity` bytes in front of `sink`.
    public init(sink: any ByteSink, capacity: Int = OutputBuffer.defaultCapacity) {
        let size = max(capacity, 64)
        self.storage = BufferStorage(capacity: size)
        self.count = 0
        self.capacity = size
        self.sink = sink
    }

    /// Bytes written but not yet handed to the sink.
    public var pendingCount: Int { count }

    /// Hands the buffered bytes to the sink.
    public mutating func flush() throws {
        guard count > 0 else { return }
        let chunk = UnsafeRawBufferPointer(start: base, count: count)
        count = 0
        try sink.write(chunk)
        bytesFlushed += chunk.count
    }

    /// Makes room for at least `byteCount` more bytes (at most ``capacity``), flushing if
    /// needed, so the caller can then use the unchecked appends.
    @inlinable
    public mutating func reserve(_ byteCount: Int) throws {
        if capacity - count < byteCount { try flush() }
    }

    /// Appends one byte; the caller has reserved room.
    @inlinable
    public mutating func appendUnchecked(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// The next free byte, for writers that format in place; the caller has reserved room
    /// and reports what it wrote with ``commitUnchecked(_:)``.
    @inlinable
    public var nextFree: UnsafeMutablePointer<UInt8> { base + count }

    /// Records `byteCount` bytes written at ``nextFree``.
    @inlinable
    public mutating func commitUnchecked(_ byteCount: Int) {
        count &+= byteCount
    }

    /// Appends one byte.
    @inlinable
    public mutating func append(_ byte: UInt8) throws {
        if count == capacity { try flush() }
        base[count] = byte
        count &+= 1
    }

    /// Appends bytes of any length; a run longer than the free space is split across flushes.
    @inlinable
    public mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        if remaining <= 16 && capacity - count >= remaining {
            // Short runs (keys, small numbers) are cheaper copied inline than through memmove.
            for offset in 0..<remaining { base[count &+ offset] = source.load(fromByteOffset: offset, as: UInt8.self) }
            count &+= remaining
            return
        }
        while remaining > 0 {
            if count == capacity { try flush() }
            let chunk = min(remaining, capacity - count)
            (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: chunk)
            count &+= chunk
            source += chunk
            remaining -= chunk
        }
    }

    /// Appends the UTF-8 bytes of a static string.
    @inlinable
    public mutating func append(_ text: StaticString) throws {
        try append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
