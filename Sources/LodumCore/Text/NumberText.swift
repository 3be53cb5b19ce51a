/// Decimal text for numbers without allocation in the common cases, shared by the text
/// formats so that JSON and YAML write every number the same way.
public enum NumberText {
    /// The most bytes an integer's text takes: `-9223372036854775808` and `18446744073709551615`.
    public static let maxIntegerLength = 20

    /// Writes the decimal digits of `value` at `destination` (room for ``maxIntegerLength``
    /// bytes, all of which may be overwritten) and returns how many were written.
    ///
    /// Digits are made eight at a time in one 64-bit word, one digit per byte, by
    /// multiplying by reciprocals instead of dividing digit by digit, and stored with one
    /// unaligned 8-byte store; a shorter number is the same word shifted past its leading
    /// zeros. Bytes past the returned length may be overwritten.
    @inlinable @inline(__always)
    public static func write(_ value: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 100_000_000 {
            return writeUpToEightDigits(UInt32(truncatingIfNeeded: value), to: destination)
        }
        return writeMoreThanEightDigits(value, to: destination)
    }

    /// ``write(_:to:)-(UInt64,_)`` for a value of 10^8 or more, out of line so that the
    /// common short case inlines small.
    @inlinable @inline(never)
    static func writeMoreThanEightDigits(_ value: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let low = UInt32(truncatingIfNeeded: value % 100_000_000)
        let high = value / 100_000_000
        var length: Int
        if high < 100_000_000 {
            length = writeUpToEightDigits(UInt32(truncatingIfNeeded: high), to: destination)
        } else {
            // At most 1844: UInt64.max has 20 digits.
            length = writeUpToEightDigits(UInt32(truncatingIfNeeded: high / 100_000_000), to: destination)
            storeEightDigits(UInt32(truncatingIfNeeded: high % 100_000_000), at: destination + length)
            length += 8
        }
        storeEightDigits(low, at: destination + length)
        return length + 8
    }

    /// The eight decimal digits of `value` (below 10^8, leading zeros included), one per
    /// byte as numbers 0–9, the most significant in the lowest byte (the first in memory).
    ///
    /// The value is split into two halves of four digits (one per 32-bit lane), each half
    /// into two pairs (one per 16-bit lane), each pair into two digits (one per byte), with
    /// every split a multiply by a scaled reciprocal and a shift, exact for the lane's range:
    /// 10486 / 2^20 for a hundredth below 10^4, 103 / 2^10 for a tenth below 100.
    @inlinable
    static func digitBytes(_ value: UInt32) -> UInt64 {
        let halves = UInt64(value / 10_000) | UInt64(value % 10_000) << 32
        let hundreds = (halves &* 10_486) >> 20 & 0x0000_007F_0000_007F
        let pairs = (halves &- hundreds &* 100) << 16 | hundreds
        let tens = (pairs &* 103) >> 10 & 0x000F_000F_000F_000F
        return tens | (pairs &- tens &* 10) << 8
    }

    /// Stores exactly eight digits of `value` (below 10^8), with leading zeros.
    @inlinable
    static func storeEightDigits(_ value: UInt32, at destination: UnsafeMutablePointer<UInt8>) {
        let text = digitBytes(value) | 0x3030_3030_3030_3030
        UnsafeMutableRawPointer(destination).storeBytes(of: text.littleEndian, as: UInt64.self)
    }

    /// Writes `value` (below 10^8) without leading zeros, storing eight bytes, and returns
    /// the number of digits.
    @inlinable @inline(__always)
    static func writeUpToEightDigits(_ value: UInt32, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = digitBytes(value)
        // Leading zeros are the low zero bytes. The top bit, outside any digit, keeps zero's
        // last digit and spares the count its all-zero case.
        let leadingZeros = (digits | 1 << 63).trailingZeroBitCount &>> 3
        let text = digits &>> (leadingZeros &<< 3) | 0x3030_3030_3030_3030
        UnsafeMutableRawPointer(destination).storeBytes(of: text.littleEndian, as: UInt64.self)
        return 8 &- leadingZeros
    }

    /// Writes `value` in decimal, with a leading minus when negative, at `destination`
    /// (room for ``maxIntegerLength`` bytes) and returns how many bytes were written.
    @inlinable @inline(__always)
    public static func write(_ value: Int64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if value >= 0, value < 100_000_000 {
            return writeUpToEightDigits(UInt32(truncatingIfNeeded: value), to: destination)
        }
        return writeSignedSlowly(value, to: destination)
    }

    /// ``write(_:to:)-(Int64,_)`` for a negative value or one of 10^8 or more.
    @inlinable @inline(never)
    static func writeSignedSlowly(_ value: Int64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0 {
            destination[0] = UInt8(ascii: "-")
            return 1 + write(value.magnitude, to: destination + 1)
        }
        return write(UInt64(value), to: destination)
    }


    /// The most bytes ``writeShortest(_:to:)-(Double,_)`` writes. Swift's shortest text of a
    /// `Double` is at most 24 bytes (`-2.2250738585072014e-308`), of a `Float` 15.
    public static let maxShortestLength = 32

    /// Writes the shortest text that reads back as exactly `value` (finite) at
    /// `destination` (room for ``maxShortestLength`` bytes) and returns its length:
    /// `1.0`, `0.1`, `1e+20`. The text always has a `.` or an exponent, so it reads back as
    /// a floating-point number, never as an integer.
    ///
    /// Integral values below 2^53 are formatted with the integer digits; others take the
    /// standard library's shortest round-trip digits (the text of `description`), received
    /// through `TextOutputStream`'s `_writeASCII`, which hands over the formatted bytes
    /// without the `String` that `description` would allocate for text over 15 bytes.
    @inlinable
    public static func writeShortest(_ value: Double, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992, !(value == 0 && value.sign == .minus) {
            let length = write(Int64(value), to: destination)
            destination[length] = UInt8(ascii: ".")
            destination[length + 1] = UInt8(ascii: "0")
            return length + 2
        }
        var stream = BoundedASCIIStream(destination: destination, capacity: maxShortestLength)
        value.write(to: &stream)
        return stream.count
    }

    /// Writes the shortest text that reads back as exactly `value` as a `Float` at
    /// `destination` (room for ``maxShortestLength`` bytes) and returns its length.
    @inlinable
    public static func writeShortest(_ value: Float, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var stream = BoundedASCIIStream(destination: destination, capacity: maxShortestLength)
        value.write(to: &stream)
        return stream.count
    }

    /// Calls `body` with the shortest text that reads back as exactly `value` (finite), as
    /// ``writeShortest(_:to:)-(Double,_)`` writes it.
    @inlinable
    public static func withShortestText<R>(of value: Double, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxShortestLength) { buffer in
            // A temporary allocation of a nonzero count always has an address.
            guard let start = buffer.baseAddress else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeRawBufferPointer(start: start, count: writeShortest(value, to: start)))
        }
    }

    /// Calls `body` with the shortest text that reads back as exactly `value` as a `Float`.
    @inlinable
    public static func withShortestText<R>(of value: Float, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxShortestLength) { buffer in
            guard let start = buffer.baseAddress else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return try body(UnsafeRawBufferPointer(start: start, count: writeShortest(value, to: start)))
        }
    }
}

/// A `TextOutputStream` into a fixed run of memory, for the standard library's number
/// formatting: `Double.write(to:)` formats into a stack buffer and passes the bytes to
/// `_writeASCII`, so nothing is allocated. Writes past `capacity` are dropped rather than
/// overrun it (the texts written here are far shorter).
@usableFromInline
struct BoundedASCIIStream: TextOutputStream {
    @usableFromInline let destination: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int
    @usableFromInline var count = 0

    @inlinable
    init(destination: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.destination = destination
        self.capacity = capacity
    }

    @inlinable
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(buffer))
    }

    @inlinable
    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    @inlinable
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let length = min(bytes.count, capacity - count)
        guard length > 0, let source = bytes.baseAddress else { return }
        (destination + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: length)
        count += length
    }
}
