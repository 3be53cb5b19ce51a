import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct KnownField {
    var known: Int
}

/// The reader and the writer look at strings eight bytes at a time; these tests put each
/// kind of byte that needs attention at every position in and around a word, and split the
/// input across refills.
@Suite("Strings read and written a word at a time")
struct StringScanningTests {
    /// What goes in the middle of the plain text, and how JSON writes it.
    static let specials: [(text: String, json: String)] = [
        ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{01}", #"\u0001"#), ("\u{1F}", #"\u001f"#),
        ("é", "é"), ("😀", "😀"), ("\u{7F}", "\u{7F}"), (" ", " "), ("/", "/"),
    ]

    static func text(_ special: String, at position: Int, length: Int = 24) -> String {
        String(repeating: "a", count: position) + special + String(repeating: "b", count: length - position)
    }

    @Test func everySpecialByteAtEveryPositionIsWrittenAndReadBack() throws {
        for special in Self.specials {
            for position in 0...20 {
                let value = Self.text(special.text, at: position)
                let expected = "\"" + Self.text(special.json, at: position) + "\""
                let written = try JSON.encodeString(value)
                #expect(written == expected)
                #expect(try JSON.decode(String.self, from: written) == value)
            }
        }
    }

    @Test func escapedInputAtEveryPositionIsReadFromSmallChunks() throws {
        for special in Self.specials {
            for position in 0...20 {
                let value = Self.text(special.text, at: position)
                // Escaped in the input too: `\u00e9` for é, so the read must encode it.
                let escaped = special.text.unicodeScalars.allSatisfy { $0.isASCII } ? special.json
                    : special.text.utf16.map { String(format: "\\u%04x", $0) }.joined()
                let input = Array(("[\"" + Self.text(escaped, at: position) + "\", \"" + Self.text(special.json, at: position) + "\"]").utf8)
                for chunkSize in [1, 3, 7, 8, 9] {
                    let read = try JSON.load([String].self, from: CountingSource(input, chunkSize: chunkSize))
                    #expect(read == [value, value], "chunks of \(chunkSize)")
                }
            }
        }
    }

    @Test func rawControlCharacterAtEveryPositionIsAnError() {
        for position in 0...20 {
            var input = Array("\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 24) + Array("\"".utf8)
            input[1 + position] = 0x0A
            let error = expectLodumError { _ = try JSON.decode(String.self, from: input) }
            #expect(error?.description.contains("control character") == true, "\(String(describing: error))")
        }
    }

    @Test func invalidUTF8AtEveryPositionIsAnErrorReadOrSkipped() {
        for invalid: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            for position in 0...20 {
                var text = Array(repeating: UInt8(ascii: "a"), count: 24)
                text.insert(contentsOf: invalid, at: position)
                let string = Array("\"".utf8) + text + Array("\"".utf8)
                let read = expectLodumError { _ = try JSON.decode(String.self, from: string) }
                #expect(read?.description.contains("invalid UTF-8") == true, "\(String(describing: read))")
                let object = Array(#"{"known": 1, "skipped": "#.utf8) + string + Array("}".utf8)
                let skipped = expectLodumError { _ = try JSON.decode(KnownField.self, from: object) }
                #expect(skipped?.description.contains("invalid UTF-8") == true, "\(String(describing: skipped))")
                let key = Array("{".utf8) + string + Array(#": 1, "known": 1}"#.utf8)
                let unknownKey = expectLodumError { _ = try JSON.decode(KnownField.self, from: key) }
                #expect(unknownKey?.description.contains("invalid UTF-8") == true, "\(String(describing: unknownKey))")
            }
        }
    }

    @Test func longStringsAreWrittenWholeAcrossBufferFlushes() throws {
        // Longer than the 64 KiB output buffer, and with an escape near the end.
        let long = String(repeating: "0123456789", count: 10_000)
        for value in [long, long + "\"", "é" + long] {
            let written = try JSON.encode(value)
            #expect(try JSON.decode(String.self, from: written) == value)
        }
    }

    @Test func indentationIsSkippedAtEveryLength() throws {
        for spaces in 0...20 {
            let indent = String(repeating: " ", count: spaces)
            let input = "{\n" + indent + "\"known\":" + indent + "1" + indent + "\n" + indent + "}"
            #expect(try JSON.decode(KnownField.self, from: input).known == 1)
            let chunked = try JSON.load(KnownField.self, from: CountingSource(Array(input.utf8), chunkSize: 5))
            #expect(chunked.known == 1)
        }
    }
}
