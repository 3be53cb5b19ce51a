import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct YByteHolder: Equatable {
    var value: UInt8
}

@Lodum struct YTextHolder: Equatable {
    var text: String
    var after: Int
}

/// Bytes as the data model's bytes (`write(bytes:)`, `readBytes()`): what `Value.bytes` holds,
/// written directly rather than through `[UInt8]`'s own conformance.
struct YBytes: Serializable, Deserializable, Equatable, Sendable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(bytes: bytes)
    }

    init<D: Deserializer>(from deserializer: inout D) throws {
        bytes = try deserializer.readBytes()
    }
}

@Lodum struct YBlob: Equatable {
    var name: String
    var data: YBytes
}

@Lodum struct YByteArray: Equatable {
    var data: [UInt8]
}

@Suite("YAML integers: exact across every width, errors instead of traps")
struct YAMLIntegerTests {
    @Test func everyWidthRoundTripsAtItsExtremes() throws {
        #expect(try YAML.decode([Int8].self, from: YAML.encode([Int8.min, -1, 0, 1, Int8.max])) == [.min, -1, 0, 1, .max])
        #expect(try YAML.decode([Int16].self, from: YAML.encode([Int16.min, Int16.max])) == [.min, .max])
        #expect(try YAML.decode([Int32].self, from: YAML.encode([Int32.min, Int32.max])) == [.min, .max])
        #expect(try YAML.decode([Int64].self, from: YAML.encode([Int64.min, Int64.max])) == [.min, .max])
        #expect(try YAML.decode([Int].self, from: YAML.encode([Int.min, Int.max])) == [.min, .max])
        #expect(try YAML.decode([UInt8].self, from: "[0, 255]") == [0, 255])
        #expect(try YAML.decode([UInt16].self, from: YAML.encode([UInt16.min, UInt16.max])) == [.min, .max])
        #expect(try YAML.decode([UInt32].self, from: YAML.encode([UInt32.min, UInt32.max])) == [.min, .max])
        #expect(try YAML.decode([UInt64].self, from: YAML.encode([UInt64.min, UInt64.max])) == [.min, .max])
        #expect(try YAML.decode([UInt].self, from: YAML.encode([UInt.min, UInt.max])) == [.min, .max])
    }

    @Test func randomIntegersRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0x7A_0001)
        var signed: [Int64] = [.min, .min + 1, -1, 0, 1, .max - 1, .max]
        var unsigned: [UInt64] = [0, 1, UInt64(Int64.max), UInt64(Int64.max) + 1, .max - 1, .max]
        for _ in 0..<1000 {
            signed.append(Int64(bitPattern: generator.next()) >> Int64.random(in: 0..<64, using: &generator))
            unsigned.append(generator.next() >> UInt64.random(in: 0..<64, using: &generator))
        }
        #expect(try YAML.decode([Int64].self, from: YAML.encode(signed)) == signed)
        #expect(try YAML.decode([UInt64].self, from: YAML.encode(unsigned)) == unsigned)
    }

    static let overflows: [Overflow] = [
        Overflow(input: "256", type: "UInt8") { _ = try YAML.decode(UInt8.self, from: $0) },
        Overflow(input: "-1", type: "UInt8") { _ = try YAML.decode(UInt8.self, from: $0) },
        Overflow(input: "128", type: "Int8") { _ = try YAML.decode(Int8.self, from: $0) },
        Overflow(input: "-129", type: "Int8") { _ = try YAML.decode(Int8.self, from: $0) },
        Overflow(input: "0x10000", type: "UInt16") { _ = try YAML.decode(UInt16.self, from: $0) },
        Overflow(input: "2147483648", type: "Int32") { _ = try YAML.decode(Int32.self, from: $0) },
        Overflow(input: "-1", type: "UInt64") { _ = try YAML.decode(UInt64.self, from: $0) },
        Overflow(input: "18446744073709551616", type: "UInt64") { _ = try YAML.decode(UInt64.self, from: $0) },
        Overflow(input: "0x1FFFFFFFFFFFFFFFF", type: "UInt64") { _ = try YAML.decode(UInt64.self, from: $0) },
        Overflow(input: "9223372036854775808", type: "Int64") { _ = try YAML.decode(Int64.self, from: $0) },
        Overflow(input: "-9223372036854775809", type: "Int64") { _ = try YAML.decode(Int64.self, from: $0) },
        Overflow(input: "99999999999999999999999", type: "Int") { _ = try YAML.decode(Int.self, from: $0) },
        Overflow(input: "1e19", type: "Int64") { _ = try YAML.decode(Int64.self, from: $0) },
        Overflow(input: ".inf", type: "Int") { _ = try YAML.decode(Int.self, from: $0) },
    ]

    @Test(arguments: overflows)
    func integerThatDoesNotFitIsAnErrorNotATrap(_ overflow: Overflow) {
        let error = expectLodumError { try overflow.decode(overflow.input) }
        guard case .numberOutOfRange? = error?.kind else {
            Issue.record("expected numberOutOfRange, got \(String(describing: error))")
            return
        }
    }

    @Test func outOfRangeErrorNamesTheNumberTheTypeAndTheField() {
        let error = expectLodumError { _ = try YAML.decode([YByteHolder].self, from: "- value: 1\n- value: 300\n") }
        #expect(error?.kind == .numberOutOfRange("300", type: "UInt8"))
        #expect(error?.path.description == "[1].value")
        #expect(error?.description.contains("line 2, column 10") == true, "\(String(describing: error?.description))")
    }

    @Test func fractionalNumberIsNotAnInteger() {
        let error = expectLodumError { _ = try YAML.decode(Int.self, from: "1.5") }
        #expect(error?.description.contains("expected Int") == true)
        _ = expectLodumError { _ = try YAML.decode(Int.self, from: ".nan") }
    }

    @Test func integralFloatIsAcceptedForAnInteger() throws {
        #expect(try YAML.decode(Int.self, from: "1.0") == 1)
        #expect(try YAML.decode(Int.self, from: "1e3") == 1000)
        #expect(try YAML.decode(UInt8.self, from: "2.55e2") == 255)
    }

    @Test func hexadecimalAndOctalIntegersAreRead() throws {
        #expect(try YAML.decode([Int].self, from: "[0x1F, 0xff, 0o17, 0o0, 0x0, +12, -0]") == [31, 255, 15, 0, 0, 12, 0])
        #expect(try YAML.decode(UInt64.self, from: "0xFFFFFFFFFFFFFFFF") == .max)
    }
}

@Suite("YAML floating point: exact round trips, including NaN and the infinities")
struct YAMLFloatingPointTests {
    static let doubles: [Double] = [
        0, -0.0, 0.1, 0.2, 0.3, 1e-7, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
        Double.leastNormalMagnitude.nextDown, .leastNonzeroMagnitude * 100, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .ulpOfOne, 1 + .ulpOfOne,
        9007199254740994, 1e15, 1e16, 1e21, 1e22, 1e23, 1e300, 1e-300, .pi, -.pi, 100, -1, 1.0 / 3.0,
        .infinity, -.infinity,
    ]

    @Test(arguments: doubles)
    func doubleRoundTripsBitForBit(_ value: Double) throws {
        let text = try YAML.encodeString(value)
        let back = try YAML.decode(Double.self, from: text)
        #expect(back.bitPattern == value.bitPattern, "\(value) was written as \(text) and read back as \(back)")
        let inStruct = try YAML.decode(Box<Double>.self, from: YAML.encode(Box(value: value)))
        #expect(inStruct.value.bitPattern == value.bitPattern)
        // Read as a Value it is a double, not an integer or a string.
        #expect(try YAML.decode(Value.self, from: text).kind == .double, "\(text)")
    }

    @Test func nanAndInfinitiesAreWrittenInYAMLSpelling() throws {
        #expect(try YAML.encodeString([Double.nan, .infinity, -.infinity]) == "- .nan\n- .inf\n- -.inf\n")
        #expect(try YAML.decode(Double.self, from: ".nan").isNaN)
        #expect(try YAML.decode(Double.self, from: YAML.encode(Double.signalingNaN)).isNaN)
        #expect(try YAML.decode([Double].self, from: "[.inf, .Inf, .INF, +.inf, -.inf, -.Inf, -.INF]") == [.infinity, .infinity, .infinity, .infinity, -.infinity, -.infinity, -.infinity])
        #expect(try YAML.decode([Double].self, from: "[.nan, .NaN, .NAN]").allSatisfy(\.isNaN))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let text = try YAML.encodeString(-0.0)
        #expect(text.hasPrefix("-"))
        #expect(try YAML.decode(Double.self, from: text).sign == .minus)
        #expect(try YAML.decode(Double.self, from: "-0.0").sign == .minus)
    }

    @Test func randomBitPatternDoublesRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0xD0_0B1E)
        var values: [Double] = []
        while values.count < 2000 {
            let candidate = Double(bitPattern: generator.next())
            if !candidate.isNaN { values.append(candidate) }
        }
        for _ in 0..<300 {
            values.append(Double(sign: .plus, exponentBitPattern: 0, significandBitPattern: generator.next() & ((1 << 52) - 1)))
        }
        let back = try YAML.decode([Double].self, from: YAML.encode(values))
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func floatsRoundTripExactly() throws {
        var generator = SeededGenerator(seed: 0xF10A7)
        var values: [Float] = [0.1, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                               -.greatestFiniteMagnitude, 16777216, 16777215, .infinity, -.infinity]
        while values.count < 2000 {
            let candidate = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            if !candidate.isNaN { values.append(candidate) }
        }
        let back = try YAML.decode([Float].self, from: YAML.encode(values))
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(try YAML.decode(Float.self, from: YAML.encode(Float.nan)).isNaN)
        #expect(try YAML.encodeString(Float(0.1)) == "0.1\n")
    }

    @Test func integerTextIsReadAsADouble() throws {
        #expect(try YAML.decode(Double.self, from: "12345678901234567890") == 12345678901234567890.0)
        #expect(try YAML.decode(Double.self, from: "-3") == -3)
        #expect(try YAML.decode(Double.self, from: "0x10") == 16)
    }

    @Test func doubleIsWrittenAsNumberTextTheCoreSchemaReadsAsAFloat() throws {
        for value in Self.doubles where value.isFinite {
            let text = try YAML.encodeString(value).trimmingCharacters(in: .newlines)
            #expect(text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, "\(value) → \(text)")
        }
    }
}

@Suite("YAML strings: every string comes back as written")
struct YAMLStringTests {
    static let strings: [String] = [
        "", " ", "  ", "a", "hello world", String(repeating: "long text with spaces ", count: 200),
        String(repeating: "x", count: 100_000),
        "é", "ünïcödé ✓", "日本語のテキスト", "𝄞 music", "😀", "👩‍👩‍👧‍👦", "🇫🇷", "e\u{301}", "\u{301}leading combining",
        "a\u{200B}b", "\u{FEFF}bom", "\u{FFFD}", "\u{10FFFF}", "\u{E000}", "\u{FFFE}", "\u{85}nel", "line\u{2028}separator",
        "para\u{2029}graph", "\u{A0}nbsp", "\0", "nul\0inside", "\u{1}\u{2}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{1F}\u{7F}",
        "\r", "\r\n", "cr\rlf\n", "tab\there", "\t", "\ttab lead", "trail\t", "back\\slash", "\"quoted\"", "'single'",
        "it's", "multi\nline", "\n", "\n\n", "trailing\n", "trailing\n\n", "\nleading", "\n\nleading", " \nspace then break",
        "break then space\n ", "  indented\nlines", "a\n  b\n    c", "ends with space \nnext", "x\n\n\ny",
        "# not a comment", "a # b", "key: value", "- item", "---", "...", "--- x", "... x", "|", ">", "|-\n", "> folded",
        "%YAML", "!tag", "&anchor", "*alias", "@at", "`tick", "{a: 1}", "[1, 2]", ",", "a,b", "a]b", "?", ":", "-", "<<", "=",
        "true", "yes", "No", "null", "~", "1", "0.5", "1e3", "0x1F", ".inf", "-.inf", ".nan", "2001-12-14", "12:30:45", "0b101",
        "1_000", "+1", "-0", "007", "1.2.3", "y", "n", "NaN", "inf",
    ]

    @Test(arguments: strings)
    func stringRoundTripsAsAString(_ string: String) throws {
        let text = try YAML.encodeString(string)
        #expect(try YAML.decode(String.self, from: text) == string, "written as \(text.debugDescription)")
        #expect(try YAML.decode(Value.self, from: text) == .string(string), "written as \(text.debugDescription)")
        let holder = YTextHolder(text: string, after: 1)
        for options in [YAMLOptions(), YAMLOptions(style: .flow), YAMLOptions(indent: 5, lineWidth: 20)] {
            let encoded = try YAML.encodeString(holder, options: options)
            #expect(try YAML.decode(YTextHolder.self, from: encoded) == holder, "written as \(encoded.debugDescription)")
            let keyed = try YAML.encodeString([string: 1], options: options)
            #expect(try YAML.decode([String: Int].self, from: keyed) == [string: 1], "written as \(keyed.debugDescription)")
            let listed = try YAML.encodeString([string, "next"], options: options)
            #expect(try YAML.decode([String].self, from: listed) == [string, "next"], "written as \(listed.debugDescription)")
        }
    }

    @Test func randomStringsOfAwkwardCharactersRoundTrip() throws {
        let alphabet: [Character] = [
            "a", "b", " ", " ", "\n", "\t", ":", "#", "-", "?", "'", "\"", "\\", ",", "[", "]", "{", "}", "&", "*", "!",
            "|", ">", "%", "@", "`", "0", "1", ".", "é", "😀", "\u{85}", "\u{2028}", "\r", "\0", "~", "<", "=",
        ]
        var generator = SeededGenerator(seed: 0x57_1265)
        var strings: [String] = []
        for _ in 0..<1500 {
            let length = Int.random(in: 0..<12, using: &generator)
            strings.append(String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }))
        }
        for options in [YAMLOptions(), YAMLOptions(style: .flow), YAMLOptions(lineWidth: 8)] {
            let back = try YAML.decode([String].self, from: YAML.encode(strings, options: options))
            let mismatches = zip(strings, back).filter { $0 != $1 }
            #expect(back.count == strings.count)
            #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { "\($0.debugDescription) → \($1.debugDescription)" })")
            let map = Dictionary(strings.map { ($0, $0.count) }, uniquingKeysWith: { first, _ in first })
            #expect(try YAML.decode([String: Int].self, from: YAML.encode(map, options: options)) == map)
        }
    }

    @Test func longStringsWrapAtTheLineWidthAndReadBackWhole() throws {
        let words = (0..<200).map { "word\($0)" }.joined(separator: " ")
        let text = try YAML.encodeString(YTextHolder(text: words, after: 2))
        #expect(text.split(separator: "\n").count > 10)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 90 })
        #expect(try YAML.decode(YTextHolder.self, from: text).text == words)
    }

    @Test func multiLineTextIsWrittenAsALiteralBlock() throws {
        #expect(try YAML.encodeString(YTextHolder(text: "first\nsecond", after: 1)) == "text: |-\n  first\n  second\nafter: 1\n")
        #expect(try YAML.encodeString(YTextHolder(text: "first\nsecond\n", after: 1)) == "text: |\n  first\n  second\nafter: 1\n")
    }

    @Test func plainLookingStringsStayUnquoted() throws {
        #expect(try YAML.encodeString("hello") == "hello\n")
        #expect(try YAML.encodeString(["hello", "hello world", "a:b", "café", "snake_case", "x-1"]) == "- hello\n- hello world\n- a:b\n- café\n- snake_case\n- x-1\n")
        #expect(try YAML.encodeString(Record(id: 1, name: "plain")) == "id: 1\nname: plain\n")
    }
}

@Suite("YAML bytes: !!binary base64")
struct YAMLBytesTests {
    static let samples: [[UInt8]] = [[], [0], [0xFF], [1, 2, 3], Array(0...255), (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }]

    @Test(arguments: samples)
    func bytesRoundTripAsBinary(_ bytes: [UInt8]) throws {
        let blob = YBlob(name: "b", data: YBytes(bytes))
        for options in [YAMLOptions(), YAMLOptions(style: .flow)] {
            let text = try YAML.encodeString(blob, options: options)
            #expect(text.contains("!!binary"), "\(text)")
            #expect(try YAML.decode(YBlob.self, from: text) == blob, "\(text)")
            #expect(try YAML.decode(Value.self, from: YAML.encode(Value.bytes(bytes), options: options)) == .bytes(bytes))
        }
    }

    @Test func binaryIsWrittenWithItsTag() throws {
        #expect(try YAML.encodeString(YBlob(name: "b", data: YBytes([104, 105]))) == "name: b\ndata: !!binary aGk=\n")
        #expect(try YAML.encodeString(Value.bytes([104, 105])) == "!!binary aGk=\n")
    }

    /// `[UInt8]` is bytes, and a sequence of integers (as other tools write byte arrays)
    /// still reads as one.
    @Test func byteArrayIsWrittenAsBinaryAndReadFromEitherForm() throws {
        let array = YByteArray(data: [0, 1, 255])
        let text = try YAML.encodeString(array)
        #expect(text == "data: !!binary AAH/\n")
        #expect(try YAML.decode(YByteArray.self, from: text) == array)
        #expect(try YAML.decode(YByteArray.self, from: "data:\n- 0\n- 1\n- 255\n") == array)
    }

    @Test func binaryBlockScalarWithLineBreaksIsRead() throws {
        let input = "name: b\ndata: !!binary |\n  AAECAwQF\n  BgcICQ==\n"
        #expect(try YAML.decode(YBlob.self, from: input) == YBlob(name: "b", data: YBytes(Array(0...9))))
    }

    @Test func untaggedBase64StringIsReadAsBytesButNotAsAnInteger() throws {
        #expect(try YAML.decode(YBlob.self, from: "name: b\ndata: aGk=\n").data == YBytes([104, 105]))
        _ = expectLodumError { _ = try YAML.decode(YBlob.self, from: "name: b\ndata: 12\n") }
        _ = expectLodumError { _ = try YAML.decode(YBlob.self, from: "name: b\ndata: '%%%'\n") }
    }

    @Test func binaryIsNotAString() {
        let error = expectLodumError { _ = try YAML.decode(String.self, from: "!!binary aGk=") }
        guard case .typeMismatch(let expected, _)? = error?.kind else {
            Issue.record("expected a type mismatch, got \(String(describing: error))")
            return
        }
        #expect(expected == "String")
    }
}
