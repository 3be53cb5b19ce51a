import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct ByteHolder {
    var value: UInt8
}

@Suite("Integers: exact across the whole range, errors instead of traps")
struct IntegerEdgeTests {
    static let overflows: [Overflow] = [
        Overflow(input: "300", type: "UInt8") { _ = try JSON.decode(UInt8.self, from: $0) },
        Overflow(input: "256", type: "UInt8") { _ = try JSON.decode(UInt8.self, from: $0) },
        Overflow(input: "-1", type: "UInt8") { _ = try JSON.decode(UInt8.self, from: $0) },
        Overflow(input: "128", type: "Int8") { _ = try JSON.decode(Int8.self, from: $0) },
        Overflow(input: "-129", type: "Int8") { _ = try JSON.decode(Int8.self, from: $0) },
        Overflow(input: "65536", type: "UInt16") { _ = try JSON.decode(UInt16.self, from: $0) },
        Overflow(input: "32768", type: "Int16") { _ = try JSON.decode(Int16.self, from: $0) },
        Overflow(input: "-32769", type: "Int16") { _ = try JSON.decode(Int16.self, from: $0) },
        Overflow(input: "4294967296", type: "UInt32") { _ = try JSON.decode(UInt32.self, from: $0) },
        Overflow(input: "2147483648", type: "Int32") { _ = try JSON.decode(Int32.self, from: $0) },
        Overflow(input: "-2147483649", type: "Int32") { _ = try JSON.decode(Int32.self, from: $0) },
        Overflow(input: "-1", type: "UInt") { _ = try JSON.decode(UInt.self, from: $0) },
        Overflow(input: "-1", type: "UInt64") { _ = try JSON.decode(UInt64.self, from: $0) },
        Overflow(input: "18446744073709551616", type: "UInt64") { _ = try JSON.decode(UInt64.self, from: $0) },
        Overflow(input: "99999999999999999999999", type: "UInt64") { _ = try JSON.decode(UInt64.self, from: $0) },
        Overflow(input: "9223372036854775808", type: "Int64") { _ = try JSON.decode(Int64.self, from: $0) },
        Overflow(input: "9223372036854775808", type: "Int") { _ = try JSON.decode(Int.self, from: $0) },
        Overflow(input: "-9223372036854775809", type: "Int64") { _ = try JSON.decode(Int64.self, from: $0) },
        Overflow(input: "-18446744073709551616", type: "Int64") { _ = try JSON.decode(Int64.self, from: $0) },
        Overflow(input: "1e19", type: "Int64") { _ = try JSON.decode(Int64.self, from: $0) },
        Overflow(input: "1e300", type: "UInt64") { _ = try JSON.decode(UInt64.self, from: $0) },
        Overflow(input: "-1e300", type: "Int") { _ = try JSON.decode(Int.self, from: $0) },
    ]

    @Test(arguments: overflows)
    func integerThatDoesNotFitIsAnErrorNotATrap(_ overflow: Overflow) {
        let error = expectLodumError { try overflow.decode(overflow.input) }
        guard case .numberOutOfRange? = error?.kind else {
            Issue.record("expected numberOutOfRange, got \(String(describing: error))")
            return
        }
    }

    @Test func outOfRangeErrorNamesTheNumberTheTypeAndTheField() throws {
        let error = expectLodumError { _ = try JSON.decode([ByteHolder].self, from: #"[{"value":1},{"value":300}]"#) }
        #expect(error?.kind == .numberOutOfRange("300", type: "UInt8"))
        #expect(error?.path.description == "[1].value")
        #expect(error?.description.contains("300") == true)
        #expect(error?.description.contains("UInt8") == true)
    }

    @Test func outOfRangeErrorPointsAtTheNumberNotPastIt() throws {
        let compact = expectLodumError { _ = try JSON.decode([ByteHolder].self, from: #"[{"value":1},{"value":300}]"#) }
        #expect(compact?.position == .text(line: 1, column: 23, offset: 22))
        let pretty = "[\n  {\"value\": 300}\n]\n"
        let error = expectLodumError { _ = try JSON.decode([ByteHolder].self, from: pretty) }
        #expect(error?.position == .text(line: 2, column: 13, offset: 14))
        // Through a refilling window too: the start moves with the window.
        let padded = "[" + String(repeating: " ", count: 70_000) + #"{"value":300}]"#
        let loaded = expectLodumError { _ = try JSON.load([ByteHolder].self, from: MemorySource(Array(padded.utf8))) }
        #expect(loaded?.position?.offset == 70_010)
    }

    @Test func fractionalNumberIsNotAnInteger() throws {
        let error = expectLodumError { _ = try JSON.decode(Int.self, from: "1.5") }
        #expect(error?.description.contains("expected Int") == true)
    }

    @Test func integralNumberWrittenWithFractionOrExponentIsAcceptedForAnInteger() throws {
        #expect(try JSON.decode(Int.self, from: "1.0") == 1)
        #expect(try JSON.decode(Int.self, from: "1e3") == 1000)
        #expect(try JSON.decode(UInt8.self, from: "2.55e2") == 255)
    }

    @Test func extremesOfEverySixtyFourBitRangeAreExact() throws {
        #expect(try JSON.decode(Int64.self, from: "-9223372036854775808") == Int64.min)
        #expect(try JSON.decode(Int64.self, from: "9223372036854775807") == Int64.max)
        #expect(try JSON.decode(UInt64.self, from: "18446744073709551615") == UInt64.max)
        #expect(try JSON.decode(UInt64.self, from: "0") == 0)
        #expect(try JSON.decode(UInt64.self, from: "-0") == 0)
        #expect(try JSON.decode(Int.self, from: "-9223372036854775808") == Int.min)
        #expect(try JSON.decode(UInt.self, from: "18446744073709551615") == UInt.max)
    }

    @Test func randomSignedIntegersRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        var values: [Int64] = [.min, .min + 1, -1, 0, 1, .max - 1, .max]
        for _ in 0..<2000 {
            let bits = Int64(bitPattern: generator.next())
            values.append(bits >> Int64.random(in: 0..<64, using: &generator))
        }
        let text = try JSON.encodeString(values)
        #expect(text == "[" + values.map(String.init).joined(separator: ",") + "]")
        #expect(try JSON.decode([Int64].self, from: text) == values)
    }

    @Test func randomUnsignedIntegersRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0x5EED_0002)
        var values: [UInt64] = [0, 1, UInt64(Int64.max), UInt64(Int64.max) + 1, .max - 1, .max]
        for _ in 0..<2000 {
            values.append(generator.next() >> UInt64.random(in: 0..<64, using: &generator))
        }
        let text = try JSON.encodeString(values)
        #expect(text == "[" + values.map(String.init).joined(separator: ",") + "]")
        #expect(try JSON.decode([UInt64].self, from: text) == values)
    }

    @Test func integersAroundPowersOfTenRoundTrip() throws {
        var values: [UInt64] = []
        var power: UInt64 = 1
        for _ in 0..<19 {
            values += [power - 1, power, power + 1]
            power *= 10
        }
        values += [power - 1, power, .max]
        #expect(try JSON.decode([UInt64].self, from: JSON.encode(values)) == values)
        let negatives = values.filter { $0 <= UInt64(Int64.max) }.map { -Int64($0) }
        #expect(try JSON.decode([Int64].self, from: JSON.encode(negatives)) == negatives)
    }
}

@Suite("Floating point: exact round trips, no NaN or infinity on output")
struct FloatingPointEdgeTests {
    static let specialDoubles: [Double] = [
        0, -0.0, 0.1, 0.2, 0.3, 1e-7, Double("5e-324")!, -Double("5e-324")!, 2.2250738585072014e-308, Double("2.225073858507201e-308")!,
        .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .ulpOfOne, 1 + .ulpOfOne, 9007199254740991, 9007199254740992, 9007199254740994, -9007199254740992,
        1e15, 1e16, 1e21, 1e22, 1e23, 1.2345678901234568e20, 0.000001, 1.7976931348623157e308, Double("4.9406564584124654e-324")!,
        Double.pi, -Double.pi, 100, -1, 0.5, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 1e300,
    ]

    @Test(arguments: specialDoubles)
    func doubleRoundTripsBitForBit(_ value: Double) throws {
        let text = try JSON.encodeString(value)
        let back = try JSON.decode(Double.self, from: text)
        #expect(back.bitPattern == value.bitPattern, "\(value) was written as \(text) and read back as \(back)")
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let text = try JSON.encodeString(-0.0)
        #expect(text.hasPrefix("-"))
        #expect(try JSON.decode(Double.self, from: text).sign == .minus)
        #expect(try JSON.decode(Double.self, from: "-0").sign == .minus)
        #expect(try JSON.decode(Double.self, from: "-0.0e5").sign == .minus)
    }

    @Test func randomBitPatternDoublesRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0xD0_0B1E)
        var values: [Double] = []
        while values.count < 5000 {
            let candidate = Double(bitPattern: generator.next())
            if candidate.isFinite { values.append(candidate) }
        }
        let back = try JSON.decode([Double].self, from: JSON.encode(values))
        let mismatches = zip(values, back).filter { $0.bitPattern != $1.bitPattern }
        #expect(back.count == values.count)
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { "\($0) → \($1)" })")
    }

    @Test func randomSubnormalsRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0x5B_0000)
        let values = (0..<1000).map { _ in
            Double(sign: .plus, exponentBitPattern: 0, significandBitPattern: generator.next() & ((1 << 52) - 1))
        }
        let back = try JSON.decode([Double].self, from: JSON.encode(values))
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func randomDecimalFractionsRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0xDEC1_AA1)
        let values = (0..<3000).map { _ in
            Double(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / 1000
        }
        let back = try JSON.decode([Double].self, from: JSON.encode(values))
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func randomFloatsRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0xF10A7)
        var values: [Float] = [0.1, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .leastNormalMagnitude, 16777216, 16777215]
        while values.count < 5000 {
            let candidate = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            if candidate.isFinite { values.append(candidate) }
        }
        let back = try JSON.decode([Float].self, from: JSON.encode(values))
        let mismatches = zip(values, back).filter { $0.bitPattern != $1.bitPattern }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { "\($0) → \($1)" })")
    }

    @Test func shortDecimalsAreWrittenShortest() throws {
        #expect(try JSON.encodeString(0.1) == "0.1")
        #expect(try JSON.encodeString(1.5) == "1.5")
        #expect(try JSON.encodeString(-2.0) == "-2.0")
        #expect(try JSON.encodeString(Float(0.1)) == "0.1")
    }

    @Test func everyWrittenDoubleIsValidJSONNumberText() throws {
        var generator = SeededGenerator(seed: 0xAB)
        for _ in 0..<500 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = try JSON.encodeString(value)
            #expect(Self.isJSONNumber(text), "\(value) was written as \(text)")
        }
        for value in Self.specialDoubles {
            let text = try JSON.encodeString(value)
            #expect(Self.isJSONNumber(text), "\(value) was written as \(text)")
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
    }

    static let nonFinite: [Double] = [.nan, .infinity, -.infinity, .signalingNaN]

    @Test(arguments: nonFinite)
    func nonFiniteDoubleIsRefusedWithAClearError(_ value: Double) {
        let error = expectLodumError { _ = try JSON.encode(value) }
        guard case .unsupportedValue(let message)? = error?.kind else {
            Issue.record("expected unsupportedValue, got \(String(describing: error))")
            return
        }
        #expect(message.contains("JSON"))
    }

    @Test func nonFiniteFloatIsRefused() {
        _ = expectLodumError { _ = try JSON.encode(Float.nan) }
        _ = expectLodumError { _ = try JSON.encode(-Float.infinity) }
    }

    @Test func nanInsideAStructIsAnErrorNamingTheField() {
        let error = expectLodumError { _ = try JSON.encode(Box(value: [1.0, .nan])) }
        #expect(error?.path.description == "value[1]")
        #expect(error?.description.contains("nan") == true)
    }

    @Test func nanErrorNamesTheFieldWhenKeysAreSorted() {
        let error = expectLodumError {
            _ = try JSON.encode([Item(sku: "a", price: .nan, quantity: 1)], options: JSONOptions(sortedKeys: true))
        }
        #expect(error?.path.description == "[0].price")
    }

    @Test func numberTooLargeForADoubleIsAnError() {
        let error = expectLodumError { _ = try JSON.decode(Double.self, from: "1e400") }
        guard case .numberOutOfRange? = error?.kind else {
            Issue.record("expected numberOutOfRange, got \(String(describing: error))")
            return
        }
    }

    @Test func numberTooSmallForADoubleUnderflowsToZero() throws {
        #expect(try JSON.decode(Double.self, from: "1e-400") == 0)
    }

    @Test func integerTextIsReadAsADouble() throws {
        #expect(try JSON.decode(Double.self, from: "12345678901234567890") == 12345678901234567890.0)
        #expect(try JSON.decode(Double.self, from: "-3") == -3)
    }
}
