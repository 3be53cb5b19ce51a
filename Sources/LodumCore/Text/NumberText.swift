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
