// Tokens' own corners, which the conformance suite cannot know: lengths that lie, nesting
// that only skipValue sees, bytes that start no value. Each must be a LodumError.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("Tokens: hostile input is an error, never a crash")
struct TokensHostileInputTests {
    static func expectLodumError(_ input: [UInt8], _ reason: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: LodumError.self, sourceLocation: sourceLocation) {
            _ = try Tokens.decode(Value.self, from: input)
        }
        if let reason { #expect(error?.reason == reason, sourceLocation: sourceLocation) }
    }

    @Test func aLengthLongerThanTheInputEndsTheInput() {
        Self.expectLodumError(Array("s99999999999:abc".utf8), "unexpected end of input")
        Self.expectLodumError(Array("b9223372036854775807:".utf8), "unexpected end of input")
        Self.expectLodumError(Array("s99999999999999999999:".utf8), "a length is not a number")
        Self.expectLodumError(Array("s-1:".utf8), "a length is not a number")
    }

    @Test func aLengthThatLiesOverAChunkedSourceIsAnErrorToo() {
        let input = Array("[s99999999:abc]".utf8)
        var stream = Tokens.stream(Value.self, from: MemorySource(input))
        #expect(throws: LodumError.self) { _ = try stream.next() }
    }

    /// A million levels of each kind of container, by name: a test argument is described in
    /// the test's identity, which megabytes of input should not be.
    static let levels = 1_000_000
    static let deepInputs: [String: [UInt8]] = [
        "arrays": nested(open: "[", innermost: "n", close: "]"),
        "maps": nested(open: "{s1:a", innermost: "n", close: "}"),
        "struct children": nested(open: "{s8:children[", innermost: "", close: "]}"),
    ]

    static func nested(open: String, innermost: String, close: String) -> [UInt8] {
        Array((String(repeating: open, count: levels) + innermost + String(repeating: close, count: levels)).utf8)
    }

    static func expectDepthLimit(_ error: LodumError?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.kind == .limitExceeded(.depth(100)), "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["arrays", "maps", "struct children"])
    func nestingAMillionDeepStopsAtTheDepthLimit(_ kind: String) throws {
        let bytes = Self.deepInputs[kind] ?? []
        // The struct children take 15 MB, past the default 10 MiB size limit.
        let limits = Limits(maxInputSize: 16 << 20)
        Self.expectDepthLimit(#expect(throws: LodumError.self) { _ = try Tokens.decode(Value.self, from: bytes, limits: limits) })
        Self.expectDepthLimit(#expect(throws: LodumError.self) { _ = try Tokens.load(Value.self, from: CountingSource(bytes, chunkSize: 4096)) })
        // Nesting that only skipValue sees.
        let skipped = Array("{s1:z".utf8) + bytes + Array("}".utf8)
        Self.expectDepthLimit(#expect(throws: LodumError.self) { _ = try Tokens.decode(DeclaresNoKey.self, from: skipped, limits: limits) })
        var values = Tokens.stream(Value.self, from: CountingSource(Array("[i1;".utf8) + bytes + Array("]".utf8), chunkSize: 4096))
        #expect(try values.next() == .int(1))
        Self.expectDepthLimit(#expect(throws: LodumError.self) { _ = try values.next() })
    }

    @Test func unterminatedNumbersAndStrayBytesAreErrors() {
        Self.expectLodumError(Array("i12".utf8), "unexpected end of input")
        Self.expectLodumError(Array(("i" + String(repeating: "1", count: 100) + ";").utf8), "a number is not terminated")
        Self.expectLodumError(Array("x".utf8), "unexpected byte 120")
        Self.expectLodumError(Array("]".utf8), "unexpected byte 93")
        Self.expectLodumError([UInt8(ascii: "s"), UInt8(ascii: "1"), UInt8(ascii: ":"), 0xFF], "text is not UTF-8")
    }

    /// Random mutations of a valid document: any outcome but a crash or a foreign error.
    @Test func mutatedDocumentsThrowOnlyLodumErrors() throws {
        let valid = Array(try Tokens.encode(Value.object([
            Value.Member(key: "a", value: [1, -2.5, "three", nil, true]),
            Value.Member(key: "b", value: .bytes([0, 1, 255])),
            Value.Member(key: "c", value: ["d": ["e": .uint(.max)]]),
        ])))
        var generator = SplitMix64(seed: 0x70CE45)
        for _ in 0..<3_000 {
            var input = valid
            for _ in 0...(generator.next() % 4) {
                let index = Int(generator.next() % UInt64(input.count))
                switch generator.next() % 3 {
                case 0: input[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: input.remove(at: index)
                default: input.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
                if input.isEmpty { input = [0] }
            }
            do {
                _ = try Tokens.decode(Value.self, from: input)
            } catch is LodumError {
            } catch {
                Issue.record("\(input): \(error)")
            }
        }
    }
}

/// A struct that does not declare the input's key, so its value is skipped.
@Lodum struct DeclaresNoKey: Sendable {
    var x: Int = 0
}

/// A small deterministic generator, so a failure repeats.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
