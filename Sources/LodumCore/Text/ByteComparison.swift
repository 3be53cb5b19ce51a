extension UnsafeRawBufferPointer {
    /// Whether `other` holds exactly these bytes, compared a word at a time
    /// (``UnsafeRawPointer/hasSameBytes(as:count:)``).
    @inlinable @inline(__always)
    func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        let count = self.count
        guard count == other.count else { return false }
        guard count > 0, let base = baseAddress, let otherBase = other.baseAddress else { return true }
        return base.hasSameBytes(as: otherBase, count: count)
    }
}

extension UnsafeRawPointer {
    /// Whether the `count` bytes here and at `other` are the same, compared a word at a time.
    ///
    /// Keys and short strings are what readers compare (a field's key against the type's
    /// table, a key against the keys already made, a `String` against its input), so the
    /// tail is not a byte loop: the last eight bytes are one word overlapping the one before,
    /// and a run of four to seven bytes is two overlapping 32-bit words. Always inlined: a
    /// call costs as much as comparing a short key.
    @inlinable @inline(__always)
    func hasSameBytes(as other: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset < count &- 8 {
                if loadUnaligned(fromByteOffset: offset, as: UInt64.self) != other.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset &+= 8
            }
            return loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                == other.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
        if count >= 4 {
            return loadUnaligned(as: UInt32.self) == other.loadUnaligned(as: UInt32.self)
                && loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
                == other.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
        }
        for offset in 0..<count where load(fromByteOffset: offset, as: UInt8.self) != other.load(fromByteOffset: offset, as: UInt8.self) {
            return false
        }
        return true
    }
}
