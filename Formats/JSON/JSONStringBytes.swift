/// The bytes a JSON string cannot hold as they are (RFC 8259 §7: the quote, the backslash
/// and the control characters below U+0020), found eight at a time.
///
/// Strings are most of the bytes of real documents (twitter.json), and most of their bytes
/// need nothing, so the reader and the writer test a 64-bit word at once with the
/// "has a byte less than n" and "has a zero byte" tricks: exact as yes-or-no answers, which
/// is all they are used for. A word that has such a byte is then looked at byte by byte.
@usableFromInline
enum JSONStringBytes {
    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The high bit of each byte of `word` that is `"`, `\` or below 0x20, exact up to the
    /// lowest such byte (borrows only move upwards, and the bytes below it cause none).
    @inlinable
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let below20 = (word &- ones &* 0x20) & ~word
        let quoteFound = (quotes &- ones) & ~quotes
        let backslashFound = (backslashes &- ones) & ~backslashes
        return (below20 | quoteFound | backslashFound) & highBits
    }

    /// Whether any byte of `word` is `"`, `\` or below 0x20.
    @inlinable
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        specialBytes(word) != 0
    }

    /// Whether any byte of `count` bytes at `bytes` is `"`, `\` or below 0x20.
    ///
    /// Always inlined: the writer asks it of every field name, most of a few bytes, where a
    /// call (as the optimizer left it) cost more than the check.
    @inline(__always) @inlinable
    static func needsEscaping(_ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while count - offset >= 8 {
            if hasSpecialByte(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset &+= 8
        }
        while offset < count {
            let byte = bytes.load(fromByteOffset: offset, as: UInt8.self)
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset &+= 1
        }
        return false
    }
}
