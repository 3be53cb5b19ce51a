import Lodum
import LodumTestSupport
import Testing

@Suite("UTF-8 validation: the same answer as the standard library, ASCII eight bytes at a time")
struct UTF8ValidationTests {
    /// Whether both checks (skipping, and making a `String`) give the standard library's
    /// answer, and the `String` made is the standard library's.
    static func agrees(_ bytes: [UInt8]) -> Bool {
        let expected = String(validating: bytes, as: UTF8.self)
        let isValid = bytes.withUnsafeBytes { UTF8Validation.isValid($0) }
        let made = bytes.withUnsafeBytes { UTF8Validation.string(from: $0) }
        return isValid == (expected != nil) && made == expected
    }

    @Test func truncatedSequencesReplacedByOneCharacterOfTheSameLengthAreRefused() {
        // `String(decoding:)` replaces each of these three-byte runs by U+FFFD, three bytes
        // too: the same length, different bytes.
        for truncated: [UInt8] in [[0xF0, 0x9F, 0x98], [0xF4, 0x8F, 0xBF], [0xE2, 0x82, 0x41]] {
            #expect(truncated.withUnsafeBytes { UTF8Validation.string(from: $0) } == nil, "\(truncated)")
            #expect(Self.agrees(truncated + Array("abc".utf8)))
        }
        #expect(Array("\u{FFFD}".utf8).withUnsafeBytes { UTF8Validation.string(from: $0) } == "\u{FFFD}")
    }

    @Test func eachBadSequenceAtEveryPositionOfAnASCIIRun() {
        let bad: [[UInt8]] = [[0xFF], [0x80], [0xC0, 0x80], [0xC2], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82],
                              [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98]]
        let good: [[UInt8]] = [Array("é".utf8), Array("語".utf8), Array("😀".utf8), Array("\u{7F}".utf8)]
        for sequence in bad + good {
            for position in 0...20 {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: 20)
                bytes.insert(contentsOf: sequence, at: position)
                #expect(Self.agrees(bytes), "\(sequence) at \(position)")
            }
        }
    }

    @Test func randomMostlyASCIIBytes() {
        var generator = SeededGenerator(seed: 0x07F8)
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? UInt8.random(in: 0x80...0xFF, using: &generator)
                    : UInt8.random(in: 0..<0x80, using: &generator)
            }
            #expect(Self.agrees(bytes), "\(bytes)")
        }
    }
}
