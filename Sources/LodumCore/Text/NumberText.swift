/// Decimal text for numbers without allocation in the common cases, shared by the text
/// formats so that JSON and YAML write every number the same way.
public enum NumberText {
    /// The most bytes an integer's text takes: `-9223372036854775808` and `18446744073709551615`.
    public static let maxIntegerLength = 20

    /// "00" "01" … "99": two digits per division halves the divisions.
    @usableFromInline static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Writes the decimal digits of `value` at `destination` (room for ``maxIntegerLength``
    /// bytes) and returns how many were written.
    @inlinable
    public static func write(_ value: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
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

    /// Writes `value` in decimal, with a leading minus when negative, at `destination`
    /// (room for ``maxIntegerLength`` bytes) and returns how many bytes were written.
    @inlinable
    public static func write(_ value: Int64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
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

    /// Calls `body` with the shortest text that reads back as exactly `value` (finite):
    /// `1.0`, `0.1`, `1e+20`. The text always has a `.` or an exponent, so it reads back
    /// as a floating-point number, never as an integer.
    ///
    /// Integral values below 2^53 are formatted on the stack; others use Swift's shortest
    /// round-trip description.
    @inlinable
    public static func withShortestText<R>(of value: Double, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992, !(value == 0 && value.sign == .minus) {
            let formatted: R? = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
                guard let start = buffer.baseAddress else { return nil }
                var length = write(Int64(value), to: start)
                start[length] = UInt8(ascii: ".")
                start[length + 1] = UInt8(ascii: "0")
                length += 2
                return try body(UnsafeRawBufferPointer(start: start, count: length))
            }
            if let formatted { return formatted }
        }
        var text = value.description
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Calls `body` with the shortest text that reads back as exactly `value` as a `Float`.
    @inlinable
    public static func withShortestText<R>(of value: Float, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var text = value.description
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}
