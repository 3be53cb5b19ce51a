import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("JSON input is strict RFC 8259")
struct StrictInputTests {
    static let malformed: [String] = [
        "[1,2,]",
        #"{"a":1,}"#,
        "[,1]",
        "[1,,2]",
        #"{"a":1,,"b":2}"#,
        "[1] // comment",
        "/* comment */ [1]",
        "[1, /* inline */ 2]",
        "# hash\n[1]",
        "[01]",
        "[-01]",
        "[00]",
        "[1.]",
        "[.5]",
        "[1e]",
        "[1e+]",
        "[+1]",
        "[0x10]",
        "[NaN]",
        "[Infinity]",
        "[-Infinity]",
        "['single']",
        "{a:1}",
        #"{"a" 1}"#,
        #"{"a":1 "b":2}"#,
        "[TRUE]",
        "[nul]",
        "[True]",
        "[\"tab\tinside\"]",
        "[\"new\nline\"]",
        #"["\x"]"#,
        #"["\u12"]"#,
        #"["\uZZZZ"]"#,
        #"["unterminated]"#,
        "[\"\\\"]",
        "[1 2]",
        "[1]]",
        "{}}",
        "[\u{0}]",
    ]

    @Test(arguments: malformed)
    func malformedInputIsRejected(_ input: String) {
        _ = expectLodumError { _ = try JSON.decode(Value.self, from: input) }
    }

    static let loneSurrogates: [String] = [
        #"["\uD800"]"#,
        #"["\uDBFF"]"#,
        #"["\uDC00"]"#,
        #"["\uDFFF"]"#,
        #"["\uD800x"]"#,
        #"["\uD800\n"]"#,
        #"["\uD800\u0041"]"#,
        #"["\uDC00\uD800"]"#,
        #"["\uD800\uD800"]"#,
    ]

    @Test(arguments: loneSurrogates)
    func loneSurrogateEscapeIsRejected(_ input: String) {
        _ = expectLodumError { _ = try JSON.decode(Value.self, from: input) }
        _ = expectLodumError { _ = try JSON.decode([String].self, from: input) }
    }

    static let invalidUTF8: [[UInt8]] = [
        [0xFF],
        [0xC3],
        [0x80],
        [0xC0, 0xAF],
        [0xE0, 0x80, 0xAF],
        [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xE2, 0x82],
        [0x61, 0xE9, 0x62],
    ]

    @Test(arguments: invalidUTF8)
    func invalidUTF8InAStringIsRejected(_ bad: [UInt8]) {
        let input = Array(#"[""#.utf8) + bad + Array(#""]"#.utf8)
        _ = expectLodumError { _ = try JSON.decode([String].self, from: input) }
        _ = expectLodumError { _ = try JSON.decode(Value.self, from: input) }
    }

    @Test(arguments: invalidUTF8)
    func invalidUTF8InAKeyIsRejected(_ bad: [UInt8]) {
        let input = Array(#"{""#.utf8) + bad + Array(#"":1}"#.utf8)
        _ = expectLodumError { _ = try JSON.decode([String: Int].self, from: input) }
    }

    @Test(arguments: invalidUTF8)
    func invalidUTF8InASkippedValueIsRejected(_ bad: [UInt8]) {
        let input = Array(#"{"x":1,"y":2,"unknown":""#.utf8) + bad + Array(#""}"#.utf8)
        _ = expectLodumError { _ = try JSON.decode(Point.self, from: input) }
    }

    @Test(arguments: invalidUTF8)
    func invalidUTF8InAnUnknownKeyIsRejected(_ bad: [UInt8]) {
        let input = Array(#"{"x":1,"y":2,""#.utf8) + bad + Array(#"":0}"#.utf8)
        _ = expectLodumError { _ = try JSON.decode(Point.self, from: input) }
    }

    @Test func invalidUTF8OutsideStringsIsRejected() {
        _ = expectLodumError { _ = try JSON.decode(Value.self, from: [0x5B, 0xFF, 0x5D]) }
    }

    @Test func malformedUnknownValueIsRejectedEvenThoughItIsSkipped() {
        let inputs = [
            #"{"x":1,"y":2,"skip":[1,]}"#,
            #"{"x":1,"y":2,"skip":01}"#,
            #"{"x":1,"y":2,"skip":{"a"}}"#,
            #"{"x":1,"y":2,"skip":tru}"#,
            #"{"x":1,"y":2,"skip":"\uD800"}"#,
            #"{"x":1,"y":2,"skip":"\q"}"#,
        ]
        for input in inputs {
            _ = expectLodumError("\(input)") { _ = try JSON.decode(Point.self, from: input) }
        }
    }
}

@Suite("Strings are escaped and unescaped both ways")
struct StringEscapingTests {
    @Test func quoteBackslashAndNamedControlCharactersUseShortEscapes() throws {
        let text = try JSON.encodeString("quote\" backslash\\ newline\n return\r tab\t backspace\u{8} formfeed\u{C}")
        #expect(text == #""quote\" backslash\\ newline\n return\r tab\t backspace\b formfeed\f""#)
    }

    @Test func otherControlCharactersUseUnicodeEscapes() throws {
        let text = try JSON.encodeString("\u{0}\u{1}\u{1F}\u{B}")
        #expect(text == #""\u0000\u0001\u001f\u000b""#)
    }

    @Test func everyControlCharacterRoundTrips() throws {
        let all = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let text = try JSON.encodeString(all)
        #expect(!text.utf8.dropFirst().dropLast().contains { $0 < 0x20 }, "a raw control character was written")
        #expect(try JSON.decode(String.self, from: text) == all)
    }

    @Test func nonASCIITextIsWrittenAsUTF8AndSlashIsNotEscaped() throws {
        let value = "é ü 中文 😀 a/b \u{7F}"
        let text = try JSON.encodeString(value)
        #expect(text == "\"" + value + "\"")
        #expect(try JSON.decode(String.self, from: text) == value)
    }

    @Test func surrogatePairEscapeDecodesToOneScalar() throws {
        #expect(try JSON.decode(String.self, from: #""\uD83D\uDE00""#) == "😀")
        #expect(try JSON.decode(String.self, from: #""\ud834\udd1e""#) == "𝄞")
        #expect(try JSON.decode(String.self, from: #""\uDBFF\uDFFF""#) == "\u{10FFFF}")
        #expect(try JSON.decode(String.self, from: #""a\uD800\uDC00b""#) == "a\u{10000}b")
    }

    @Test func everyShortEscapeDecodes() throws {
        let text = try JSON.decode(String.self, from: #""\"\\\/\b\f\n\r\t""#)
        #expect(text == "\"\\/\u{8}\u{C}\n\r\t")
    }

    @Test func unicodeEscapesDecodeInEitherCase() throws {
        #expect(try JSON.decode(String.self, from: #""\u00e9\u00E9\u0041\u0000""#) == "ééA\u{0}")
        #expect(try JSON.decode(String.self, from: #""\u4e2D""#) == "中")
    }

    @Test func escapedKeysMatchFields() throws {
        #expect(try JSON.decode(Point.self, from: #"{"\u0078":1,"\u0079":2}"#) == Point(x: 1, y: 2))
    }

    @Test func randomUnicodeStringsRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x57_21_96)
        var strings: [String] = []
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                let plane = Int.random(in: 0..<4, using: &generator)
                let limit: UInt32 = plane == 0 ? 0x80 : plane == 1 ? 0x800 : plane == 2 ? 0x10000 : 0x110000
                var scalar: Unicode.Scalar?
                while scalar == nil { scalar = Unicode.Scalar(UInt32.random(in: 0..<limit, using: &generator)) }
                scalars.append(scalar!)
            }
            strings.append(String(scalars))
        }
        #expect(try JSON.decode([String].self, from: JSON.encode(strings)) == strings)
    }

    @Test func longStringWithEscapesRoundTrips() throws {
        let value = String(repeating: "line \"one\"\n\ttab\\ é 😀 ", count: 10_000)
        #expect(try JSON.decode(String.self, from: JSON.encode(value)) == value)
    }
}
