import LodumCore

/// A string token just scanned: its bytes are in the input window (no escapes) or in the
/// reader's scratch buffer (unescaped), valid until the reader moves on.
@usableFromInline
struct StringToken {
    @usableFromInline let start: Int
    @usableFromInline let count: Int
    @usableFromInline let isUnescapedInScratch: Bool
    /// Whether the string is known to be well-formed UTF-8 without a check: its input bytes
    /// were all ASCII (any other bytes came from `\u` escapes, which the reader encodes).
    @usableFromInline let isKnownValid: Bool

    @inlinable
    init(start: Int, count: Int, isUnescapedInScratch: Bool, isKnownValid: Bool) {
        self.start = start
        self.count = count
        self.isUnescapedInScratch = isUnescapedInScratch
        self.isKnownValid = isKnownValid
    }
}

/// A number token just scanned and validated against RFC 8259 §6, with its decimal
/// significand accumulated on the way so most numbers convert without a second pass.
@usableFromInline
struct JSONNumber {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    @usableFromInline var isNegative = false
    /// The digits without the decimal point, while they fit in 64 bits.
    @usableFromInline var significand: UInt64 = 0
    @usableFromInline var significandOverflowed = false
    /// Below this, ten times the significand plus a digit fits in 64 bits: ⌊(2^64 − 1) / 10⌋.
    @inlinable static var significandBound: UInt64 { 1_844_674_407_370_955_161 }
    /// Below this, the significand times 10^8 plus eight digits fits in 64 bits.
    @inlinable static var eightDigitBound: UInt64 { 184_467_440_737 }

    /// The high bit of each byte of `word` (first byte lowest) that is not an ASCII digit,
    /// exact up to the first such byte: adding 0x46 carries into the high bit for bytes
    /// above '9', subtracting 0x30 borrows into it for bytes below '0' (Lemire's fast_float,
    /// `is_made_of_eight_digits_fast`).
    @inlinable
    static func nonDigitBytes(_ word: UInt64) -> UInt64 {
        ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080
    }

    /// 10^`exponent` for 1...7.
    @inlinable
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        default: 10_000_000
        }
    }

    /// The value of eight ASCII digits (first byte lowest, most significant digit): pairs,
    /// then fours, then the eight, by three multiplications (fast_float's
    /// `parse_eight_digits_unrolled`).
    @inlinable
    static func valueOfEightDigits(_ word: UInt64) -> UInt64 {
        var value = word &- 0x3030_3030_3030_3030
        value = value &* 10 &+ (value >> 8)
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        value = ((value & mask) &* 0x000F_4240_0000_0064 &+ ((value >> 16) & mask) &* 0x0000_2710_0000_0001) >> 32
        return value & 0xFFFF_FFFF
    }

    /// No fraction and no exponent.
    @usableFromInline var isInteger = true
    /// The power of ten to scale the significand by.
    @usableFromInline var exponent = 0

    @inlinable
    init(start: Int) {
        self.start = start
        self.end = start
    }

    @inlinable
    var int64: Int64? {
        guard isInteger, !significandOverflowed else { return nil }
        if isNegative {
            if significand == UInt64(Int64.max) + 1 { return Int64.min }
            guard significand <= UInt64(Int64.max) else { return nil }
            return -Int64(significand)
        }
        guard significand <= UInt64(Int64.max) else { return nil }
        return Int64(significand)
    }

    @inlinable
    var uint64: UInt64? {
        guard isInteger, !significandOverflowed, !isNegative || significand == 0 else { return nil }
        return significand
    }

    /// The number as written, for messages and the slow path of ``double(in:)``.
    @usableFromInline
    func text(in bytes: UnsafePointer<UInt8>) -> String {
        String(decoding: UnsafeRawBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    }

    /// Exact powers of ten that a `Double` represents without rounding.
    @usableFromInline static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The correctly rounded `Double`, or `nil` when the number overflows to infinity.
    ///
    /// A significand below 2^53 scaled by a power of ten up to 10^22 is exact in one
    /// operation (Clinger's fast path); other significands of up to 19 digits go through
    /// the Eisel–Lemire algorithm (``NumberText/double(significand:exponent:)``); what that
    /// cannot decide (more digits, subnormals, rare near-halfway cases) goes to the standard
    /// library's correctly rounded parser, which needs a `String`.
    @inlinable
    func double(in bytes: UnsafePointer<UInt8>) -> Double? {
        if !significandOverflowed {
            if significand <= 1 << 53, exponent >= -22, exponent <= 22 {
                var value = Double(significand)
                if exponent >= 0 {
                    value *= Self.exactPowersOfTen[exponent]
                } else {
                    value /= Self.exactPowersOfTen[-exponent]
                }
                return isNegative ? -value : value
            }
            if let value = NumberText.double(significand: significand, exponent: exponent) {
                guard value.isFinite else { return nil }
                return isNegative ? -value : value
            }
        }
        return slowDouble(in: bytes)
    }

    /// The standard library's parse of the number's text, kept out of line: it is rare.
    @usableFromInline
    func slowDouble(in bytes: UnsafePointer<UInt8>) -> Double? {
        guard let value = Double(text(in: bytes)), value.isFinite else { return nil }
        return value
    }
}

extension JSONReader {
    @inlinable
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The byte at the cursor, refilling while keeping the token that began at `start`
    /// (moved along with the window); `nil` at the end of the input.
    @inlinable
    mutating func byteAtCursor(keeping start: inout Int) throws -> UInt8? {
        while cursor >= end {
            guard let shift = try refill(keepingFrom: start) else { return nil }
            start -= shift
        }
        return bytes[cursor]
    }

    /// Scans a number per RFC 8259 §6 (no leading zeros, digits on both sides of the point).
    @inlinable
    mutating func scanNumber() throws -> JSONNumber {
        if let peeked = peekedNumber {
            peekedNumber = nil
            if peeked.start == cursor {
                cursor = peeked.end
                return peeked
            }
        }
        var start = cursor
        var number = JSONNumber(start: start)
        var byte = try byteAtCursor(keeping: &start)
        if byte == UInt8(ascii: "-") {
            number.isNegative = true
            cursor &+= 1
            byte = try byteAtCursor(keeping: &start)
        }
        guard let first = byte, Self.isDigit(first) else {
            throw syntaxError("expected a digit in a number")
        }
        if first == UInt8(ascii: "0") {
            cursor &+= 1
            byte = try byteAtCursor(keeping: &start)
            if let next = byte, Self.isDigit(next) { throw syntaxError("leading zeros are not allowed in a number") }
        } else {
            byte = try scanDigits(into: &number, keeping: &start, isFraction: false)
        }
        if byte == UInt8(ascii: ".") {
            number.isInteger = false
            cursor &+= 1
            byte = try byteAtCursor(keeping: &start)
            guard let digit = byte, Self.isDigit(digit) else { throw syntaxError("expected a digit after the decimal point") }
            byte = try scanDigits(into: &number, keeping: &start, isFraction: true)
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            number.isInteger = false
            cursor &+= 1
            byte = try byteAtCursor(keeping: &start)
            var exponentIsNegative = false
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                exponentIsNegative = byte == UInt8(ascii: "-")
                cursor &+= 1
                byte = try byteAtCursor(keeping: &start)
            }
            guard let digit = byte, Self.isDigit(digit) else { throw syntaxError("expected a digit in the exponent") }
            var explicit = 0
            while let digit = byte, Self.isDigit(digit) {
                explicit = min(explicit * 10 + Int(digit &- UInt8(ascii: "0")), 1_000_000)
                cursor &+= 1
                byte = try byteAtCursor(keeping: &start)
            }
            number.exponent += exponentIsNegative ? -explicit : explicit
        }
        number.start = start
        number.end = cursor
        return number
    }

    /// Reads an integer of at most 15 digits (what most integers in JSON are: counts, ids,
    /// coordinates) straight into its value, without a ``JSONNumber``: two eight-byte words
    /// give the digits. `nil` leaves the cursor where it was, for ``scanNumber()``: near the
    /// end of the window, for a number with a fraction or an exponent, with more digits,
    /// with a leading zero or malformed, and after a number was peeked.
    @inlinable
    mutating func scanShortInteger() -> (magnitude: UInt64, isNegative: Bool)? {
        var index = cursor
        guard peekedNumber == nil, end &- index >= 24 else { return nil }
        let isNegative = bytes[index] == UInt8(ascii: "-")
        if isNegative { index &+= 1 }
        let first = Self.word(at: bytes + index)
        let firstOthers = JSONNumber.nonDigitBytes(first)
        var magnitude: UInt64
        if firstOthers != 0 {
            let count = firstOthers.trailingZeroBitCount >> 3
            // No digit, or a leading zero: the general path says what is wrong.
            guard count > 0, count == 1 || bytes[index] != UInt8(ascii: "0") else { return nil }
            magnitude = JSONNumber.valueOfEightDigits(Self.padded(first, digits: count))
            index &+= count
        } else {
            guard bytes[index] != UInt8(ascii: "0") else { return nil }
            let second = Self.word(at: bytes + (index &+ 8))
            let secondOthers = JSONNumber.nonDigitBytes(second)
            // Sixteen digits or more may not fit: the general path counts them.
            guard secondOthers != 0 else { return nil }
            magnitude = JSONNumber.valueOfEightDigits(first)
            let count = secondOthers.trailingZeroBitCount >> 3
            if count > 0 {
                magnitude = magnitude &* JSONNumber.powerOfTen(count) &+ JSONNumber.valueOfEightDigits(Self.padded(second, digits: count))
            }
            index &+= 8 &+ count
        }
        let next = bytes[index]
        guard next != UInt8(ascii: "."), next | 0x20 != UInt8(ascii: "e") else { return nil }
        lastValueStart = cursor
        cursor = index
        return (magnitude, isNegative)
    }

    /// Reads a decimal of at most 19 digits without an exponent, such as a coordinate
    /// (`-65.613616999999977`), into a ``JSONNumber`` from three eight-byte words: up to 7
    /// integer digits and up to 16 fraction digits. `nil` leaves the cursor where it was,
    /// for ``scanNumber()``, in the cases it does not take (as ``scanShortInteger()``).
    @inlinable
    mutating func scanShortDecimal() -> JSONNumber? {
        var index = cursor
        guard peekedNumber == nil, end &- index >= 32 else { return nil }
        var number = JSONNumber(start: index)
        if bytes[index] == UInt8(ascii: "-") {
            number.isNegative = true
            index &+= 1
        }
        let whole = Self.word(at: bytes + index)
        let wholeOthers = JSONNumber.nonDigitBytes(whole)
        guard wholeOthers != 0 else { return nil }
        let wholeCount = wholeOthers.trailingZeroBitCount >> 3
        guard wholeCount > 0, wholeCount == 1 || bytes[index] != UInt8(ascii: "0") else { return nil }
        var significand = JSONNumber.valueOfEightDigits(Self.padded(whole, digits: wholeCount))
        index &+= wholeCount
        if bytes[index] == UInt8(ascii: ".") {
            index &+= 1
            number.isInteger = false
            let first = Self.word(at: bytes + index)
            let firstOthers = JSONNumber.nonDigitBytes(first)
            if firstOthers != 0 {
                let count = firstOthers.trailingZeroBitCount >> 3
                guard count > 0 else { return nil }
                significand = significand &* JSONNumber.powerOfTen(count) &+ JSONNumber.valueOfEightDigits(Self.padded(first, digits: count))
                index &+= count
                number.exponent = -count
            } else {
                significand = significand &* 100_000_000 &+ JSONNumber.valueOfEightDigits(first)
                index &+= 8
                let second = Self.word(at: bytes + index)
                let secondOthers = JSONNumber.nonDigitBytes(second)
                guard secondOthers != 0 else { return nil }
                let count = secondOthers.trailingZeroBitCount >> 3
                // At most 19 digits in all, so the significand fits in 64 bits.
                guard wholeCount &+ 8 &+ count <= 19 else { return nil }
                if count > 0 {
                    significand = significand &* JSONNumber.powerOfTen(count) &+ JSONNumber.valueOfEightDigits(Self.padded(second, digits: count))
                }
                index &+= count
                number.exponent = -(8 &+ count)
            }
        }
        guard bytes[index] | 0x20 != UInt8(ascii: "e") else { return nil }
        number.significand = significand
        number.end = index
        cursor = index
        return number
    }

    /// Eight input bytes at `pointer`, the first lowest.
    @inlinable @inline(__always)
    static func word(at pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The first `digits` (1...7) bytes of `word`, left-padded with '0's to eight digits.
    @inlinable @inline(__always)
    static func padded(_ word: UInt64, digits: Int) -> UInt64 {
        word << UInt64(64 &- 8 &* digits) | 0x3030_3030_3030_3030 >> UInt64(8 &* digits)
    }

    /// Accumulates a run of digits into `number` and returns the byte after it (`nil` at
    /// the end of the input). The run is scanned in a tight loop over the window, with the
    /// significand in a register; the window is refilled only when the run reaches its end.
    @inlinable
    mutating func scanDigits(into number: inout JSONNumber, keeping start: inout Int, isFraction: Bool) throws -> UInt8? {
        while true {
            var index = cursor
            let limit = end
            var significand = number.significand
            var overflowed = number.significandOverflowed
            // Eight digits at a time while they fit, then the digits that end the run from the
            // same word: a 17-digit coordinate in three steps.
            while limit &- index >= 8, significand < JSONNumber.eightDigitBound {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                let others = JSONNumber.nonDigitBytes(word)
                if others == 0 {
                    significand = significand &* 100_000_000 &+ JSONNumber.valueOfEightDigits(word)
                    index &+= 8
                    continue
                }
                // The bytes before the first non-digit are digits (carries and borrows only
                // move upwards, from bytes that are digits); left-pad them with '0's.
                let count = others.trailingZeroBitCount >> 3
                if count > 0 {
                    significand = significand &* JSONNumber.powerOfTen(count) &+ JSONNumber.valueOfEightDigits(Self.padded(word, digits: count))
                    index &+= count
                }
                break
            }
            while index < limit {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                if significand < JSONNumber.significandBound {
                    // Ten times it plus a digit still fits in 64 bits.
                    significand = significand &* 10 &+ UInt64(digit)
                } else if !overflowed {
                    let (times10, carry) = significand.multipliedReportingOverflow(by: 10)
                    let (sum, carry2) = times10.addingReportingOverflow(UInt64(digit))
                    if carry || carry2 { overflowed = true } else { significand = sum }
                }
                index &+= 1
            }
            if isFraction { number.exponent -= index - cursor }
            number.significand = significand
            number.significandOverflowed = overflowed
            cursor = index
            if index < limit { return bytes[index] }
            guard let shift = try refill(keepingFrom: start) else { return nil }
            start -= shift
        }
    }

    /// Scans a string per RFC 8259 §7; the cursor is at its opening quote.
    ///
    /// Strings without escapes are left in place in the window; others are unescaped into
    /// the scratch buffer. UTF-8 validity is checked when a `String` is made, unless every
    /// byte was ASCII. Runs of plain bytes are skipped a word at a time.
    @inlinable
    mutating func scanString() throws -> StringToken {
        cursor &+= 1
        var start = cursor
        var hasEscapes = false
        // Every byte scanned, or-ed together: its high bits say whether any was not ASCII.
        var seen: UInt64 = 0
        scan: while true {
            // The cursor and the window in locals, written back before anything reads them:
            // as the reader's own properties, the cursor was stored after every word.
            let window = bytes
            let limit = end
            var position = cursor
            while position < limit {
                if limit &- position >= 8 {
                    // First byte lowest, so the lowest flagged byte is the first to look at.
                    let word = UInt64(littleEndian: UnsafeRawPointer(window + position).loadUnaligned(as: UInt64.self))
                    let special = JSONStringBytes.specialBytes(word)
                    if special == 0 {
                        seen |= word
                        position &+= 8
                        continue
                    }
                    // Step over the plain bytes before it (fewer than eight).
                    let plainBits = UInt64(special.trailingZeroBitCount & ~7)
                    seen |= word & ((1 << plainBits) &- 1)
                    position &+= Int(plainBits >> 3)
                }
                let byte = window[position]
                seen |= UInt64(byte)
                if byte == UInt8(ascii: "\"") {
                    cursor = position
                    break scan
                }
                if byte == UInt8(ascii: "\\") {
                    hasEscapes = true
                    position &+= 2
                    continue
                }
                if byte < 0x20 {
                    cursor = position
                    throw syntaxError("control character \(Self.describe(byte)) must be escaped in a string")
                }
                position &+= 1
            }
            cursor = position
            // The opening quote stays in the window too: it is where the string's value
            // starts (``JSONReader/positionOfLastValue``).
            guard let shift = try refill(keepingFrom: start - 1) else {
                throw syntaxError("unterminated string")
            }
            start -= shift
        }
        let count = cursor - start
        cursor &+= 1
        let isASCII = seen & JSONStringBytes.highBits == 0
        guard hasEscapes else { return StringToken(start: start, count: count, isUnescapedInScratch: false, isKnownValid: isASCII) }
        try unescape(start: start, count: count)
        return StringToken(start: 0, count: scratch.count, isUnescapedInScratch: true, isKnownValid: isASCII)
    }

    /// Calls `body` with the bytes of a scanned string.
    @inlinable
    func withBytes<R>(of token: StringToken, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if token.isUnescapedInScratch { return try scratch.withUnsafeBytes(body) }
        return try body(UnsafeRawBufferPointer(start: bytes + token.start, count: token.count))
    }

    /// Decodes the escapes of the string at `start` into the scratch buffer (RFC 8259 §7),
    /// joining `\u` surrogate pairs and refusing lone surrogates.
    @usableFromInline
    mutating func unescape(start: Int, count: Int) throws {
        scratch.removeAll(keepingCapacity: true)
        let stop = start + count
        var index = start
        var runStart = start
        while index < stop {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: index - runStart))
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad(at: index, stop: stop)
                index += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard index + 6 <= stop, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw syntaxError("lone high surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
                    }
                    let low = try hexQuad(at: index + 2, stop: stop)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw syntaxError("high surrogate not followed by a low surrogate in a string")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw syntaxError("lone low surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in a string")
                }
                appendUTF8(scalar)
            default:
                throw syntaxError("invalid escape \\\(Self.describe(escape)) in a string")
            }
            runStart = index
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: stop - runStart))
    }

    @usableFromInline
    func hexQuad(at index: Int, stop: Int) throws -> UInt32 {
        guard index + 4 <= stop else { throw syntaxError("\\u must be followed by four hex digits") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("\\u must be followed by four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    @usableFromInline
    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case ..<0x80:
            scratch.append(UInt8(scalar))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
