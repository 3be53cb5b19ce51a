import Lodum
import LodumTestSupport
import Testing

@Suite("Number text: integers written eight digits at a time")
struct IntegerTextTests {
    /// The text `NumberText` writes, and whether it stayed inside its documented room.
    static func text(of value: Int64) -> (text: String, stayedInRoom: Bool) {
        written(value) { NumberText.write(value, to: $0) }
    }

    static func text(of value: UInt64) -> (text: String, stayedInRoom: Bool) {
        written(value) { NumberText.write(value, to: $0) }
    }

    /// Runs `write` on a buffer with a guard band after ``NumberText/maxIntegerLength``
    /// bytes: the writer may fill all of its room, but not a byte more.
    static func written<T>(_ value: T, _ write: (UnsafeMutablePointer<UInt8>) -> Int) -> (text: String, stayedInRoom: Bool) {
        let room = NumberText.maxIntegerLength
        let guardBand = 16
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room + guardBand) { buffer in
            buffer.initialize(repeating: 0xEE)
            guard let start = buffer.baseAddress else { return ("", false) }
            let length = write(start)
            let untouched = buffer[room...].allSatisfy { $0 == 0xEE }
            return (String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self), untouched)
        }
    }

    /// Every power of ten and its neighbours, where the digit count and the split into
    /// eight-digit blocks change.
    static let boundaries: [UInt64] = {
        var values: [UInt64] = [0, 1, 9, UInt64.max, UInt64.max - 1]
        var power: UInt64 = 10
        for _ in 1...19 {
            values += [power - 1, power, power + 1]
            if power <= UInt64.max / 10 { power *= 10 }
        }
        return values
    }()

    @Test("unsigned integers at every digit-count boundary", arguments: boundaries)
    func unsignedBoundary(_ value: UInt64) {
        let (text, stayedInRoom) = Self.text(of: value)
        #expect(text == String(value))
        #expect(stayedInRoom)
    }

    @Test("signed integers at every digit-count boundary, both signs", arguments: boundaries)
    func signedBoundary(_ magnitude: UInt64) {
        guard let positive = Int64(exactly: magnitude) else { return }
        for value in [positive, -positive] {
            let (text, stayedInRoom) = Self.text(of: value)
            #expect(text == String(value))
            #expect(stayedInRoom)
        }
    }

    @Test func extremesOfEveryWidth() {
        for value in [Int64.min, Int64.min + 1, Int64.max, -1, 0] {
            let (text, stayedInRoom) = Self.text(of: value)
            #expect(text == String(value))
            #expect(stayedInRoom)
        }
    }

    @Test func digitsInsideEightDigitBlocksAreNotDropped() {
        // Zeros inside and at the end of a block, and a block of all zeros after the first.
        let values: [UInt64] = [10_000_000, 100_000_001, 1_000_000_000_000_000, 12_000_000_000_000_034, 90_807_060_504_030_201]
        for value in values {
            #expect(Self.text(of: value).text == String(value))
        }
    }

    @Test func randomIntegersOfEveryLength() {
        var generator = SeededGenerator(seed: 0x1_7E47)
        for _ in 0..<50_000 {
            // A random bit width, so short numbers are as common as long ones.
            let width = Int(generator.next() % 64) + 1
            let unsigned = width == 64 ? generator.next() : generator.next() & (1 << UInt64(width) - 1)
            #expect(Self.text(of: unsigned).text == String(unsigned))
            let signed = Int64(bitPattern: unsigned)
            #expect(Self.text(of: signed).text == String(signed))
        }
    }
}
