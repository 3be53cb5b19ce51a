import Foundation
import Lodum
import LodumTestSupport

// The JSON suites' own fixtures; the shared ones are in Tests/Support (LodumTestSupport).

extension Fixtures {
    /// `count` records as a compact JSON array: `[{"id":0,"name":"record-0"},…]`.
    static func recordArray(count: Int) -> [UInt8] {
        var text = "["
        for index in 0..<count {
            if index > 0 { text += "," }
            text += #"{"id":\#(index),"name":"record-\#(index)"}"#
        }
        return bytes(text + "]")
    }

    /// `count` records as JSON Lines.
    static func recordLines(count: Int) -> [UInt8] {
        var text = ""
        for index in 0..<count {
            text += #"{"id":\#(index),"name":"record-\#(index)"}"# + "\n"
        }
        return bytes(text)
    }
}
