import LodumCore

/// Integer and floating-point text without allocation for the common cases.
@usableFromInline
enum JSONNumberFormatting {
    /// "00" "01" … "99": two digits per division halves the divisions.
    @usableFromInline static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Writes the decimal digits of `value` at `destination` (room for 20 bytes) and
    /// returns how many were written.
    @inlinable
    static func write(_ value: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        let length = digitCount(value)
        var remaining = value
        var position = length
        let pairs = digitPairs.utf8Start
        while remaining >= 100 {
            let pair = Int(remaining % 100) * 2
            remaining /= 100
            position -= 2
            destination[position] = pairs[pair]
            destination[position + 1] = pairs[pair + 1]
        }
        if remaining >= 10 {
            let pair = Int(remaining) * 2
            destination[0] = pairs[pair]
            destination[1] = pairs[pair + 1]
        } else {
            destination[0] = UInt8(ascii: "0") + UInt8(remaining)
        }
        return length
    }

    /// Writes `value` in decimal, with a leading minus when negative.
    @inlinable
    static func write(_ value: Int64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0 {
            destination[0] = UInt8(ascii: "-")
            return 1 + write(value.magnitude, to: destination + 1)
        }
        return write(UInt64(value), to: destination)
    }

    @inlinable
    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var remaining = value
        while remaining >= 10_000 {
            remaining /= 10_000
            count += 4
        }
        if remaining >= 1000 { return count + 3 }
        if remaining >= 100 { return count + 2 }
        if remaining >= 10 { return count + 1 }
        return count
    }

    /// Writes the shortest text that reads back as exactly `value` (finite).
    ///
    /// Integral values below 2^53 are written as integers with `.0` without allocating;
    /// others use Swift's shortest round-trip description, which is valid JSON.
    @inlinable
    static func write(_ value: Double, to output: inout OutputBuffer) throws {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992, !(value == 0 && value.sign == .minus) {
            try output.reserve(24)
            let written = write(Int64(value), to: output.nextFree)
            output.commitUnchecked(written)
            output.appendUnchecked(UInt8(ascii: "."))
            output.appendUnchecked(UInt8(ascii: "0"))
            return
        }
        var text = value.description
        try text.withUTF8 { try output.append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the shortest text that reads back as exactly `value` as a `Float`.
    @inlinable
    static func write(_ value: Float, to output: inout OutputBuffer) throws {
        var text = value.description
        try text.withUTF8 { try output.append(UnsafeRawBufferPointer($0)) }
    }
}
