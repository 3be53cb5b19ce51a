/// Owns one heap allocation of bytes and frees it; buffers keep a raw pointer into it for
/// the hot path and a reference to it for its lifetime.
@usableFromInline
final class BufferStorage {
    @usableFromInline let pointer: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int

    @usableFromInline
    init(capacity: Int) {
        self.capacity = capacity
        self.pointer = .allocate(capacity: capacity)
    }

    deinit {
        pointer.deallocate()
    }
}
