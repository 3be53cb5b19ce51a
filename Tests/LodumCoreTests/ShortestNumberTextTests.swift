import Lodum
import LodumTestSupport
import Testing

@Suite("Number text: the shortest round-trip text of a double, written without a String")
struct ShortestNumberTextTests {
    static func shortest(_ value: Double) -> String {
        NumberText.withShortestText(of: value) { String(decoding: $0, as: UTF8.self) }
    }

    static func shortest(_ value: Float) -> String {
        NumberText.withShortestText(of: value) { String(decoding: $0, as: UTF8.self) }
    }

    @Test func randomDoublesAreWrittenAsTheirDescription() {
        var generator = SeededGenerator(seed: 0x5_4017)
        var checked = 0
        while checked < 20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            checked += 1
            #expect(Self.shortest(value) == value.description)
        }
    }

    @Test func randomFloatsAreWrittenAsTheirDescription() {
        var generator = SeededGenerator(seed: 0xF_4017)
        var checked = 0
        while checked < 20_000 {
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            guard value.isFinite else { continue }
            checked += 1
            #expect(Self.shortest(value) == value.description)
        }
    }

    @Test(arguments: [
        (0.0, "0.0"), (-0.0, "-0.0"), (1, "1.0"), (-2, "-2.0"), (0.1, "0.1"), (1e16, "1e+16"),
        (9_007_199_254_740_991, "9007199254740991.0"), (-65.613616999999977, "-65.61361699999998"),
        (-2.2250738585072014e-308, "-2.2250738585072014e-308"), (.leastNonzeroMagnitude, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
    ] as [(Double, String)])
    func doubleIsWrittenShortest(_ value: Double, _ text: String) {
        #expect(Self.shortest(value) == text)
    }
}
