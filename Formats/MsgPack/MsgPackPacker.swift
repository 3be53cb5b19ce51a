import CMsgPackOutput
import LodumCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// msgpack-c's packing routines (instantiated in `CMsgPackOutput`), appending into a window
/// of memory: the output buffer's free space, or the buffer of a container whose length is
/// not known yet. Swift runs only when the window fills.
///
/// The prebuilt `msgpack_packer` calls a write callback through a function pointer once per
/// header and per value; as a Swift closure that cost more than the packing itself.
///
/// Its state opts out of dynamic exclusivity checks: it belongs to one writer, used by one
/// thread, and only the window's refill reaches it from inside a packer call.
@usableFromInline
final class MsgPackPacker {
    /// Where packed bytes go.
    @usableFromInline let window: UnsafeMutablePointer<lodum_mp_window>
    @exclusivity(unchecked) var output: OutputBuffer
    /// Containers of unknown length being written, innermost last.
    @exclusivity(unchecked) var pending: [PendingContainer] = []
    /// An error of the sink, raised while refilling the window.
    @usableFromInline @exclusivity(unchecked) var sinkFailure: (any Error)?

    struct PendingContainer {
        /// The window of the enclosing output, restored when this container closes.
        let enclosing: lodum_mp_window
        /// How many elements (or entries) it holds so far.
        var count = 0
        let isMap: Bool
        /// The writer's nesting level inside this container, where its elements are.
        let level: Int
    }

    init(output: OutputBuffer) {
        self.output = output
        window = .allocate(capacity: 1)
        window.initialize(to: lodum_mp_window(
            base: output.nextFree, count: 0, capacity: output.capacity - output.pendingCount,
            refill: { window in
                guard let window, let context = window.pointee.context else { return -1 }
                return Unmanaged<MsgPackPacker>.fromOpaque(context).takeUnretainedValue().refill()
            },
            context: nil))
        window.pointee.context = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        // A failed dump can leave containers open: free their buffers.
        while !pending.isEmpty { free(closePending().bytes.baseAddress) }
        window.deallocate()
    }

    /// Makes room in a full window: the output's goes to the sink, a pending container's
    /// doubles. 0 on success, -1 on failure.
    private func refill() -> Int32 {
        if pending.isEmpty {
            do {
                try flush()
                return 0
            } catch {
                sinkFailure = error
                return -1
            }
        }
        let capacity = window.pointee.capacity * 2
        guard let grown = realloc(window.pointee.base, capacity) else { return -1 }
        window.pointee.base = grown.assumingMemoryBound(to: UInt8.self)
        window.pointee.capacity = capacity
        return 0
    }

    /// Hands the output window's bytes to the sink and points the window at the emptied
    /// output buffer.
    func flush() throws {
        output.commitUnchecked(window.pointee.count)
        window.pointee.count = 0
        try output.flush()
        window.pointee.base = output.nextFree
        window.pointee.capacity = output.capacity
    }

    /// Runs one packing call, turning its failure into the sink's error.
    @inlinable @inline(__always)
    func pack(_ call: (UnsafeMutablePointer<lodum_mp_window>) -> Int32) throws {
        guard call(window) == 0 else {
            throw sinkFailure ?? LodumError(.io("msgpack-c's packer ran out of memory"))
        }
    }

    /// Copies bytes that are already MessagePack into the window.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        try pack { lodum_mp_window_append($0, base, bytes.count) }
    }

    /// Writes a field name as a fixstr (under 32 bytes, the header `0xa0 | length` then the
    /// bytes: what `lodum_mp_pack_str` and `lodum_mp_pack_str_body` write) in one copy, when
    /// the window has room; `false` leaves it to the packer.
    @inlinable @inline(__always)
    func appendFixStr(_ text: UnsafeRawBufferPointer) -> Bool {
        let length = text.count
        let count = window.pointee.count
        guard length < 32, window.pointee.capacity - count > length, let source = text.baseAddress else { return false }
        let destination = window.pointee.base + count
        destination[0] = 0xA0 | UInt8(length)
        // Field names are a few bytes: a loop beats a call to memmove.
        let bytes = source.assumingMemoryBound(to: UInt8.self)
        var index = 0
        while index < length {
            destination[index + 1] = bytes[index]
            index += 1
        }
        window.pointee.count = count + length + 1
        return true
    }

    /// Writes a one-byte header (a fixmap or fixarray) when the window has room; `false`
    /// leaves it to the packer.
    @inlinable @inline(__always)
    func appendByte(_ byte: UInt8) -> Bool {
        let count = window.pointee.count
        guard count < window.pointee.capacity else { return false }
        window.pointee.base[count] = byte
        window.pointee.count = count + 1
        return true
    }

    /// Counts a value (or, in a map, an entry) toward the innermost pending container.
    @usableFromInline
    func countPending(isKey: Bool) {
        let last = pending.count - 1
        guard last >= 0, pending[last].isMap == isKey else { return }
        pending[last].count += 1
    }

    /// Sends what follows to a buffer of its own, for a container of unknown length.
    func openPending(isMap: Bool, level: Int) throws {
        let capacity = 256
        guard let buffer = malloc(capacity) else { throw LodumError(.io("out of memory buffering a container")) }
        pending.append(PendingContainer(enclosing: window.pointee, isMap: isMap, level: level))
        window.pointee.base = buffer.assumingMemoryBound(to: UInt8.self)
        window.pointee.count = 0
        window.pointee.capacity = capacity
    }

    /// Ends the innermost pending container: restores the enclosing window and returns the
    /// container with its bytes, which the caller writes and then frees.
    func closePending() -> (container: PendingContainer, bytes: UnsafeMutableRawBufferPointer) {
        let container = pending.removeLast()
        let bytes = UnsafeMutableRawBufferPointer(start: window.pointee.base, count: window.pointee.count)
        window.pointee = container.enclosing
        return (container, bytes)
    }
}
