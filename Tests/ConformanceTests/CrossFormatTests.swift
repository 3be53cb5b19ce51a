import Foundation
import Lodum
import LodumConformance
import Testing

/// Every ordered pair of registered formats.
let formatPairs: [(String, String)] = Lodum.formats.flatMap { input in Lodum.formats.map { (input.name, $0.name) } }

@Suite("Conformance: the same value through every pair of formats")
struct CrossFormatTests {
    static func format(_ name: String) throws -> any Format.Type {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        return format
    }

    @Test(arguments: formatPairs)
    func aValueReadAsValueInOneFormatAndWrittenInAnotherReadsBackEqual(_ input: String, _ output: String) throws {
        let from = try Self.format(input)
        let to = try Self.format(output)
        try Self.throughValue(from, to)
    }

    static func throughValue<A: Format, B: Format>(_ input: A.Type, _ output: B.Type) throws {
        let model = ConformanceModel()
        let tree = try A.decode(Value.self, from: A.encode(model))
        let back = try B.decode(ConformanceModel.self, from: B.encode(tree))
        #expect(back == model, "\(A.name) → Value → \(B.name)")
    }

    @Test(arguments: formatPairs)
    func aDocumentTranscodedFromOneFormatToAnotherReadsBackEqual(_ input: String, _ output: String) throws {
        let from = try Self.format(input)
        let to = try Self.format(output)
        try Self.throughTranscoding(from, to)
    }

    static func throughTranscoding<A: Format, B: Format>(_ input: A.Type, _ output: B.Type) throws {
        let model = ConformanceModel()
        let transcoded = try A.transcode(from: A.encode(model), to: B.self)
        #expect(try B.decode(ConformanceModel.self, from: transcoded) == model, "\(A.name) → \(B.name), event by event")
    }
}
