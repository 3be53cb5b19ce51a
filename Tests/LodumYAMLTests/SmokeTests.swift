import Testing
import Lodum

@Lodum struct SmokePoint: Equatable {
    var x: Int
    var y: Double
    var name: String
    var tags: [String]
    var note: String?
}

@Test func smokeRoundTrip() throws {
    let value = SmokePoint(x: 1, y: 2.5, name: "yes", tags: ["a", "", "1.0", "multi\nline"], note: nil)
    let text = try YAML.encodeString(value)
    print(text)
    let back = try YAML.decode(SmokePoint.self, from: text)
    #expect(back == value)
}
