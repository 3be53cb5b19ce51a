import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Text that is not Unicode: invalid UTF-8 bytes and lone surrogates, as each format can
/// carry them, in a value and in a key, read as `Value`, as `String` and as a dictionary.
@Suite("Hostile text: invalid UTF-8 and lone surrogates are errors in every format")
struct HostileTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let format: String
        let name: String
        let bytes: [UInt8]
        var testDescription: String { "\(format): \(name)" }
    }

    /// `ED A0 80` is U+D800 spelled in UTF-8, which UTF-8 forbids (RFC 3629 §3); `C0 AF` an
    /// overlong `/`; `FF` never appears in UTF-8.
    static let cases: [Case] = [
        Case(format: "json", name: "a lone high surrogate escape", bytes: Array(#"{"k":"\ud800"}"#.utf8)),
        Case(format: "json", name: "a lone low surrogate escape in a key", bytes: Array(#"{"\udc00":"v"}"#.utf8)),
        Case(format: "json", name: "a surrogate in UTF-8", bytes: Array(#"{"k":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8)),
        Case(format: "json", name: "an overlong slash", bytes: Array(#"{"k":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)),
        Case(format: "json", name: "a byte FF in a key", bytes: Array(#"{""#.utf8) + [0xFF] + Array(#"":"v"}"#.utf8)),
        Case(format: "yaml", name: "a lone surrogate escape", bytes: Array(#"k: "\uD800""#.utf8) + [0x0A]),
        Case(format: "yaml", name: "a surrogate in UTF-8", bytes: Array("k: ".utf8) + [0xED, 0xA0, 0x80] + [0x0A]),
        Case(format: "yaml", name: "an overlong slash in a key", bytes: [0xC0, 0xAF] + Array(": v\n".utf8)),
        Case(format: "yaml", name: "a byte FF", bytes: Array("k: ".utf8) + [0xFF] + [0x0A]),
        Case(format: "msgpack", name: "a surrogate in UTF-8", bytes: [0x81, 0xA1, 0x6B, 0xA3, 0xED, 0xA0, 0x80]),
        Case(format: "msgpack", name: "an overlong slash in a key", bytes: [0x81, 0xA2, 0xC0, 0xAF, 0xA1, 0x76]),
        Case(format: "msgpack", name: "a byte FF", bytes: [0x81, 0xA1, 0x6B, 0xA1, 0xFF]),
    ]

    @Test(arguments: cases)
    func isAnErrorAsAValueAsStringsAndThroughTranscoding(_ hostile: Case) throws {
        let format = try #require(Lodum.format(named: hostile.format))
        try Self.check(format, hostile.bytes)
    }

    static func check<F: Format>(_ format: F.Type, _ bytes: [UInt8]) throws {
        for (what, read) in [
            ("Value", { _ = try F.decode(Value.self, from: bytes) }),
            ("[String: String]", { _ = try F.decode([String: String].self, from: bytes) }),
            ("a stream", { _ = try F.load(Value.self, from: CountingSource(bytes, chunkSize: 1)) }),
            ("transcoding to JSON", { _ = try F.transcode(from: bytes, to: JSON.self) }),
        ] as [(String, () throws -> Void)] {
            let error = expectLodumError("\(F.name) read as \(what)") { try read() }
            #expect(error?.position != nil, "\(F.name) read as \(what): \(String(describing: error)) has no position")
        }
    }
}
