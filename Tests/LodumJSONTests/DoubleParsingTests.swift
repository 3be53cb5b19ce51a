import Foundation
import Lodum
import LodumTestSupport
import Testing

/// The reader's number-to-`Double` conversion (Clinger's path, Eisel–Lemire, and the
/// standard library's parser for the rest) must give exactly what `Double(String)` gives.
@Suite("Reading doubles: correctly rounded, the same as Double(String)")
struct DoubleParsingTests {
    static let edgeCases: [String] = [
        "0", "-0", "0.0", "-0.0", "0e400", "-0e-400", "1", "-1", "0.1", "0.2", "0.3", "1e-7", "1.5",
        // More than 2^53, so past Clinger's path; ties between two doubles round to even.
        "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995", "9007199254740997",
        "18014398509481986", "18014398509481990", "18446744073709551615", "9999999999999999999",
        "10000000000000000000", "12345678901234567890", "123456789012345678901234567890",
        // canada.json's shape: 17 significant digits.
        "-65.613616999999977", "43.420273000000009", "-141.00002999999999", "60.306420000000003",
        // Past 10^22.
        "1e23", "8.98846567431158e307", "1.7976931348623157e308", "1.7976931348623158e308",
        "1e-23", "1e-300", "1e300", "2.2250738585072014e-308", "2.2250738585072011e-308",
        "2.2250738585072012e-308", "2.225073858507201e-308",
        // Subnormals and the bottom of the range.
        "4.9406564584124654e-324", "5e-324", "3e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
        "1e-320", "1e-330", "1e-400", "123456789e-330",
        // Exponents far outside the table, with digits that pull them back into range.
        "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001e400",
        "100000000000000000000000000000000000000000e-350",
        // More than 19 digits.
        "3.14159265358979323846264338327950288", "0.1000000000000000055511151231257827021181583404541015625",
        "2.00000000000000011102230246251565404236316680908203125",
        "2.00000000000000011102230246251565404236316680908203124",
        "2.00000000000000011102230246251565404236316680908203126",
        "7.3177701707893310e+15", "1.00000000000000011102230246251565404236316680908203125",
        "0.000001", "1e22", "1e21", "9.5367431640625e-7", "4503599627370496.5", "4503599627370497.5",
        "1090544144181609348671888949248", "1090544144181609348835077142190",
    ]

    @Test(arguments: edgeCases)
    func edgeCaseReadsAsDoubleFromStringDoes(_ text: String) throws {
        try Self.expectSameAsStandardLibrary(text)
    }

    @Test func tiesRoundToEven() throws {
        // Values exactly halfway between two doubles, with positive and negative powers of
        // ten: the only inputs where rounding up would be wrong (Lemire 2021, §6).
        var generator = SeededGenerator(seed: 0x7E_5EED)
        var texts: [String] = []
        for power in 1...23 {
            // t × 5^q between 2^53 and 2^54, odd: t × 10^q is halfway between two doubles.
            let powerOfFive = (0..<power).reduce(UInt64(1)) { product, _ in product * 5 }
            let low = (UInt64(1) << 53) / powerOfFive + 1
            let high = (UInt64(1) << 54) / powerOfFive
            guard low < high else { continue }
            for _ in 0..<20 {
                let odd = UInt64.random(in: low..<high, using: &generator) | 1
                if odd < high { texts.append("\(odd)e\(power)") }
            }
        }
        for places in 1...4 {
            // (2m + 1) × 5^k / 10^k = (2m + 1) / 2^k, where 2m + 1 has 54 bits.
            let powerOfFive = (0..<places).reduce(UInt64(1)) { product, _ in product * 5 }
            for _ in 0..<50 {
                let odd = UInt64.random(in: (1 << 53)..<(1 << 54), using: &generator) | 1
                let digits = String(odd * powerOfFive)
                texts.append("\(digits)e-\(places)")
                let point = digits.index(digits.endIndex, offsetBy: -places)
                texts.append(digits[..<point] + "." + digits[point...])
            }
        }
        for _ in 0..<200 {
            // Integers halfway between doubles above 2^53, and their neighbours.
            let odd = UInt64.random(in: (1 << 53)..<(1 << 54), using: &generator) | 1
            let shift = UInt64.random(in: 0...10, using: &generator)
            let halfway = odd << shift
            texts += [String(halfway), String(halfway - 1), String(halfway + 1)]
        }
        for text in texts { try Self.expectSameAsStandardLibrary(text) }
    }

    @Test func randomSignificandsAndExponentsReadAsDoubleFromStringDoes() throws {
        var generator = SeededGenerator(seed: 0xE15E1)
        for _ in 0..<20_000 {
            let digitCount = Int.random(in: 1...20, using: &generator)
            var digits = String(UInt64.random(in: 1...9, using: &generator))
            for _ in 1..<digitCount { digits.append(String(UInt64.random(in: 0...9, using: &generator))) }
            let exponent = Int.random(in: -360...320, using: &generator)
            let negative = Bool.random(using: &generator) ? "-" : ""
            let fractionDigits = Int.random(in: 0..<digitCount, using: &generator)
            let split = digits.index(digits.startIndex, offsetBy: digitCount - fractionDigits)
            let mantissa = fractionDigits == 0 ? digits : digits[..<split] + "." + digits[split...]
            try Self.expectSameAsStandardLibrary("\(negative)\(mantissa)e\(exponent)")
        }
    }

    @Test func shortestTextOfRandomDoublesReadsBackExactly() throws {
        // Shortest round-trip text has up to 17 digits: the shape of most real-world floats.
        var generator = SeededGenerator(seed: 0x5407)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            try Self.expectSameAsStandardLibrary(value.description.replacingOccurrences(of: "+", with: ""))
        }
    }

    @Test func eiselLemireAnswersMostNumbersAndNeverWrongly() {
        var generator = SeededGenerator(seed: 0x1E41)
        var answered = 0
        let trials = 20_000
        for _ in 0..<trials {
            let significand = generator.next() >> UInt64.random(in: 0...63, using: &generator)
            let exponent = Int.random(in: -300...300, using: &generator)
            guard let value = NumberText.double(significand: significand, exponent: exponent) else { continue }
            answered += 1
            let expected = Double("\(significand)e\(exponent)")
            #expect(value.bitPattern == expected?.bitPattern, "\(significand)e\(exponent): \(value), not \(String(describing: expected))")
        }
        // Only near-halfway products and subnormals are left to the complete parser.
        #expect(answered > trials * 99 / 100)
    }

    @Test func numberPastTheLargestDoubleIsOutOfRange() {
        let error = expectLodumError { _ = try JSON.decode(Double.self, from: "1.7976931348623159e308") }
        guard case .numberOutOfRange? = error?.kind else {
            Issue.record("expected numberOutOfRange, got \(String(describing: error))")
            return
        }
    }

    static func expectSameAsStandardLibrary(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let expected = Double(text) else {
            Issue.record("test input \(text) is not a Double", sourceLocation: sourceLocation)
            return
        }
        guard expected.isFinite else {
            // JSON has no infinity: a number past the largest double is an error.
            #expect(throws: LodumError.self, "\(text)", sourceLocation: sourceLocation) { try JSON.decode(Double.self, from: text) }
            return
        }
        let read = try JSON.decode(Double.self, from: text)
        #expect(read.bitPattern == expected.bitPattern, "\(text) read as \(read), not \(expected)", sourceLocation: sourceLocation)
    }
}

/// Digits are read eight at a time where eight are in the window: every length, every
/// split across refills, and a non-digit at every place must read as one digit at a time would.
@Suite("Reading numbers eight digits at a time")
struct DigitScanningTests {
    @Test func integersOfEveryLengthReadExactly() throws {
        var generator = SeededGenerator(seed: 0xD161_7500)
        var values: [UInt64] = [0, 9, 10, 99_999_999, 100_000_000, 1_844_674_407_370_955_161, .max, .max - 1]
        for length in 1...20 {
            for _ in 0..<20 {
                var digits = String(UInt64.random(in: 1...9, using: &generator))
                for _ in 1..<length { digits.append(String(UInt64.random(in: 0...9, using: &generator))) }
                if let value = UInt64(digits) { values.append(value) }
            }
        }
        let text = "[" + values.map(String.init).joined(separator: ",") + "]"
        #expect(try JSON.decode([UInt64].self, from: text) == values)
        for chunkSize in [1, 5, 8, 13] {
            #expect(try JSON.load([UInt64].self, from: CountingSource(Array(text.utf8), chunkSize: chunkSize)) == values)
        }
        let signed = values.compactMap { Int64(exactly: $0) }.map { -$0 }
        #expect(try JSON.decode([Int64].self, from: JSON.encode(signed)) == signed)
    }

    @Test func tooManyDigitsForSixtyFourBitsAreOutOfRange() {
        for text in ["18446744073709551616", "123456789012345678901234567890", "99999999999999999999"] {
            let error = expectLodumError { _ = try JSON.decode(UInt64.self, from: text) }
            guard case .numberOutOfRange? = error?.kind else {
                Issue.record("\(text): expected numberOutOfRange, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func aNonDigitAtEveryPlaceEndsTheNumberThere() throws {
        // "12345678912345678" (no zero, so no part has a leading one) with a separator, point, exponent or bad byte at each place.
        let digits = Array("12345678912345678".utf8)
        for place in 1..<digits.count {
            var comma = digits
            comma.insert(UInt8(ascii: ","), at: place)
            let pair = try JSON.decode([UInt64].self, from: Array("[".utf8) + comma + Array("]".utf8))
            #expect(pair == [UInt64(String(decoding: digits[..<place], as: UTF8.self)), UInt64(String(decoding: digits[place...], as: UTF8.self))])
            var point = digits
            point.insert(UInt8(ascii: "."), at: place)
            let text = String(decoding: point, as: UTF8.self)
            try DoubleParsingTests.expectSameAsStandardLibrary(text)
            var bad = digits
            bad.insert(UInt8(ascii: "a"), at: place)
            _ = expectLodumError { _ = try JSON.decode(Double.self, from: bad) }
        }
    }
}
