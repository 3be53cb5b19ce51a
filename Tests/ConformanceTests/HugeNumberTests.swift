import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Numbers too large for any Swift number type, in the formats whose numbers are text:
/// a clear `numberOutOfRange` error at the value, never infinity, a wrapped integer or a
/// slow crawl through the digits.
@Suite("Huge numbers: too large for the type asked for is an error, not infinity")
struct HugeNumberTests {
    static let tenThousandNines = String(repeating: "9", count: 10_000)

    static let cases: [(format: String, text: String)] = [
        ("json", tenThousandNines), ("json", "-" + tenThousandNines), ("json", "1e400"), ("json", "-1e400"),
        ("json", tenThousandNines + ".5"),
        ("yaml", tenThousandNines), ("yaml", "-" + tenThousandNines), ("yaml", "1e400"), ("yaml", "-1e400"),
        ("yaml", tenThousandNines + ".5"),
    ]

    @Test(arguments: cases.indices)
    func isNumberOutOfRangeForIntegersDoublesAndValues(_ index: Int) throws {
        let (name, text) = Self.cases[index]
        let format = try #require(Lodum.format(named: name))
        try Self.check(format, text)
    }

    /// A `Double` beyond `Float`'s range read as a `Float` is an error too, in every
    /// format (MessagePack's as a float 64), while infinity itself stays infinity.
    @Test(arguments: ["json", "yaml", "msgpack"])
    func aDoubleBeyondFloatIsNumberOutOfRangeAsAFloat(_ name: String) throws {
        let format = try #require(Lodum.format(named: name))
        try Self.checkFloat(format)
    }

    static func checkFloat<F: Format>(_ format: F.Type) throws {
        let input = try F.encode(["n": 1e300] as [String: Double])
        let error = expectLodumError("\(F.name): 1e300 as Float") { _ = try F.decode([String: Float].self, from: input) }
        #expect(error?.kind == .numberOutOfRange("1e+300", type: "Float"), "\(String(describing: error))")
        #expect(try F.decode([String: Float].self, from: F.encode(["n": 3.0e38] as [String: Double]))["n"] == Float(3.0e38))
        if F.self != JSON.self {
            #expect(try F.decode([String: Float].self, from: F.encode(["n": -Double.infinity] as [String: Double]))["n"] == -.infinity)
        }
    }

    static func check<F: Format>(_ format: F.Type, _ text: String) throws {
        let document = F.self == YAML.self ? "n: \(text)\n" : #"{"n":\#(text)}"#
        let shown = text.count > 12 ? String(text.prefix(12)) + "…" : text
        for (what, read) in [
            ("Int64", { _ = try F.decode([String: Int64].self, from: document) }),
            ("UInt64", { _ = try F.decode([String: UInt64].self, from: document) }),
            ("Double", { _ = try F.decode([String: Double].self, from: document) }),
            ("Value", { _ = try F.decode(Value.self, from: document) }),
        ] as [(String, () throws -> Void)] {
            let error = expectLodumError("\(F.name): \(shown) as \(what)") { try read() }
            guard let error else { continue }
            guard case .numberOutOfRange = error.kind else {
                Issue.record("\(F.name): \(shown) as \(what): \(error)")
                continue
            }
            #expect(error.position != nil, "\(F.name): \(shown) as \(what): \(error)")
        }
    }
}
