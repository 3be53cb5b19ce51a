import Foundation
import Lodum
import LodumTestSupport
import Testing

enum Weekday: Int, MapKey, Sendable {
    case monday = 1, tuesday, wednesday
}

enum Shade: String, MapKey, Sendable {
    case light, dark
}

@Suite("Map keys: strings, integers and raw-value enums, in text formats as their text")
struct MapKeyTests {
    @Test func integerKeysAreWrittenAsTheirDecimalTextInJSON() throws {
        let hours: [Int: String] = [-3: "minus", 12: "noon"]
        let text = try JSON.encodeString(hours, options: JSONOptions(sortedKeys: true))
        #expect(text == #"{"-3":"minus","12":"noon"}"#)
        #expect(try JSON.decode([Int: String].self, from: text) == hours)
        #expect(try JSON.decode([UInt8: Bool].self, from: #"{"255": true}"#) == [255: true])
        #expect(try JSON.decode([UInt64: Int].self, from: #"{"18446744073709551615": 1}"#) == [UInt64.max: 1])
    }

    @Test func enumKeysAreWrittenAsTheirRawValues() throws {
        let week: [Weekday: Int] = [.tuesday: 8]
        #expect(try JSON.encodeString(week) == #"{"2":8}"#)
        #expect(try JSON.decode([Weekday: Int].self, from: #"{"2": 8, "3": 1}"#) == [.tuesday: 8, .wednesday: 1])
        let shades: [Shade: Double] = [.dark: 0.9]
        #expect(try JSON.encodeString(shades) == #"{"dark":0.9}"#)
        #expect(try JSON.decode([Shade: Double].self, from: #"{"light": 0.1}"#) == [.light: 0.1])
    }

    @Test(arguments: [
        (#"{"1": 1, "x": 2}"#, "Int", #"["x"]"#),
        (#"{"1": 1, "256": 2}"#, "UInt8", #"["256"]"#),
        (#"{"1": 1, "9": 2}"#, "Weekday", #"["9"]"#),
    ])
    func aKeyThatIsNotOfTheKeyTypeIsAnErrorAtThatKey(_ json: String, _ type: String, _ path: String) {
        let error = expectLodumError {
            switch type {
            case "Int": _ = try JSON.decode([Int: Int].self, from: json)
            case "UInt8": _ = try JSON.decode([UInt8: Int].self, from: json)
            default: _ = try JSON.decode([Weekday: Int].self, from: json)
            }
        }
        #expect(error?.path.description == path)
        #expect(error?.reason.contains("a map key of type \(type)") == true, "\(String(describing: error))")
    }

    @Test func integerKeysRoundTripThroughYAMLAndValue() throws {
        let scores: [Int: [String]] = [1: ["a"], 20: []]
        #expect(try YAML.decode([Int: [String]].self, from: YAML.encodeString(scores)) == scores)
        let tree = try JSON.decode(Value.self, from: JSON.encode(scores))
        #expect(try JSON.decode([Int: [String]].self, from: JSON.encode(tree)) == scores)
    }
}
