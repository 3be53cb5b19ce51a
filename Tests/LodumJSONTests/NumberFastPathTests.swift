import Foundation
import Lodum
import LodumTestSupport
import Testing

/// The readers of `Int` and `Double` take short numbers from whole words when the window
/// holds at least 32 more bytes, and fall back to the digit-by-digit scanner otherwise.
/// Each number here is read both ways (followed by padding, and last in a short input),
/// and both must agree with the standard library and with each other.
@Suite("JSON numbers: the word-at-a-time readers agree with the scanner")
struct NumberFastPathTests {
    static let padding = String(repeating: ",0", count: 40)

    static let integers = [
        "0", "-0", "7", "-7", "10", "99999999", "12345678", "-12345678", "123456789", "100000000",
        "123456789012345", "-123456789012345", "1234567890123456", "9223372036854775807",
        "-9223372036854775808", "18446744073709551615",
    ]

    @Test(arguments: integers)
    func integersReadTheSameEitherWay(_ text: String) throws {
        let padded = try? JSON.decode([Int64?].self, from: "[\(text)\(Self.padding.replacingOccurrences(of: "0", with: "null"))]")
        let short = try? JSON.decode(Int64.self, from: text)
        let fast = try? JSON.decode([Int64].self, from: "[\(text)\(Self.padding)]").first
        #expect(fast == Int64(text))
        #expect(short == Int64(text))
        #expect(padded?.first ?? nil == Int64(text))
        let unsignedFast = try? JSON.decode([UInt64].self, from: "[\(text)\(Self.padding)]").first
        #expect(unsignedFast == UInt64(text) ?? (text == "-0" ? 0 : nil))
    }

    static let decimals = [
        "0", "-0", "0.0", "-0.0", "1.5", "-65.613616999999977", "0.000001", "3.141592653589793",
        "1234567.1234567890123", "12345678.5", "123.4567890123456789", "0.1", "-1234567",
        "9007199254740993", "1e5", "1E-5", "-2.5e+3", "4.9e-324", "1.7976931348623157e308",
        "0.30000000000000004", "7.0000000000000001",
    ]

    @Test(arguments: decimals)
    func decimalsReadTheSameEitherWay(_ text: String) throws {
        let expected = try #require(Double(text))
        let fast = try JSON.decode([Double].self, from: "[\(text)\(Self.padding)]").first
        let short = try JSON.decode(Double.self, from: text)
        #expect(fast?.bitPattern == expected.bitPattern, "\(text): \(String(describing: fast))")
        #expect(short.bitPattern == expected.bitPattern)
    }

    static let malformed = ["01", "-", "-01", "1.", ".5", "1.e5", "00", "-a", "1.5.5", "0x10"]

    @Test(arguments: malformed)
    func malformedNumbersAreSyntaxErrorsEitherWay(_ text: String) {
        for input in ["[\(text)\(Self.padding)]", text] {
            let asInt = expectLodumError("\(input) as Int") { _ = try JSON.decode([Int64].self, from: input.hasPrefix("[") ? input : "[\(input)]") }
            let asDouble = expectLodumError("\(input) as Double") { _ = try JSON.decode([Double].self, from: input.hasPrefix("[") ? input : "[\(input)]") }
            #expect(asInt?.position != nil && asDouble?.position != nil)
        }
    }

    @Test func aNumberFollowedByAFractionOrExponentIsNotTakenForAnInteger() throws {
        #expect(try JSON.decode([Double].self, from: "[12\(Self.padding)]").first == 12)
        let error = expectLodumError { _ = try JSON.decode([Int64].self, from: "[1.5\(Self.padding)]") }
        #expect(error?.description.contains("1.5") == true)
        #expect(try JSON.decode([Int64].self, from: "[2e3\(Self.padding)]").first == 2000)
    }
}
