import Foundation
import Lodum
import Testing

/// Values of the catalogue's types, written by Lodum and checked against their schemas:
/// each option's every state (present, nil, defaulted), each case of each enum, and the
/// edges of the standard types.
enum JSSamples {
    static var users: [JSUser] {
        [
            JSUser(
                identifier: 1, displayName: "Ada Lovelace", nickname: nil, session: "s", age: 36,
                joined: Date(timeIntervalSince1970: 1_514_862_245), name: "Ada", country: "GB", favouriteColor: "red",
                region: "EU-West", rank: 9, tags: ["math"]),
            JSUser(
                identifier: -7, displayName: "", nickname: "Countess", age: 150,
                joined: Date(timeIntervalSince1970: -1), name: String(repeating: "x", count: 50), country: "ZZ",
                favouriteColor: nil, region: "EU-", tags: ["a", "b", "c"]),
        ]
    }

    static var contacts: [JSContact] {
        [
            JSContact(),
            JSContact(
                email: "ada@example.com", floor: 1, handle: "ada", labels: ["a": 1, "b": 2], score: 1, pairs: -4,
                seen: Date(timeIntervalSince1970: 1_514_862_245.5), phone: "+44", languages: ["de", "en", "fr"]),
        ]
    }

    static func standard() throws -> [JSStandard] {
        let id = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        let amount = try #require(Decimal(string: "123456789012345678901234567890.5"))
        return [
            JSStandard(
                flag: true, small: -128, large: .max, ratio: 0.1, single: 1.5, amount: amount,
                at: Date(timeIntervalSince1970: 1_514_862_245.678), stamp: Timestamp(seconds: 0), id: id,
                link: try #require(URL(string: "docs/a.html")), blob: Data([1, 2, 3]), bytes: [0, 255],
                anything: ["any": [1, nil, "x"]], tagged: ExtensionValue(type: 5, data: [1, 2]), byName: ["a": 1],
                byNumber: [1: "one", -2: "minus two"], byUnsigned: [255: "max"], byID: [id: true],
                byColor: [.deepBlue: 3], byLevel: [.high: 10], tags: ["x", "y"], matrix: [[1], []], maybe: .some(nil),
                legacy: JSLegacy(code: 7), color: .green, level: nil),
            JSStandard(
                flag: false, small: 127, large: 0, ratio: -2.5e300, single: -0, amount: Decimal(-12),
                at: Date(timeIntervalSince1970: 0), stamp: Timestamp(seconds: 1_514_862_245), id: UUID(),
                link: try #require(URL(string: "https://example.com/a?b=c#d")), blob: Data(), bytes: [],
                anything: nil, tagged: ExtensionValue(type: -128, data: []), byName: [:], byNumber: [:],
                byUnsigned: [:], byID: [:], byColor: [:], byLevel: [:], tags: [], matrix: [], maybe: 5,
                legacy: JSLegacy(code: 0), color: .deepBlue, level: .low),
        ]
    }

    static var shapes: [JSShape] { [.circle(radius: 1.5), .rectangle(width: 2, height: 3), .point(1, -2), .label("hi"), .none] }
    static var events: [JSEvent] { [.userJoined(name: "Ada", at: 5), .userJoined(name: "Bob", at: nil), .userLeft(name: "Ada"), .heartbeat] }
    static var messages: [JSMessage] { [.text("hi"), .pair(1, 2), .move(dx: 1, dy: -1), .ping] }
    static var loose: [JSLoose] { [.number(5), .real(2.5), .pair(1, 2), .named(name: "x"), .nothing] }
    static var expressions: [JSExpression] { [.number(1), .sum(.number(1), .negate(of: .sum(.number(2), .number(3))))] }
    static var trees: [JSTree] {
        [JSTree(value: 1, children: []), JSTree(value: 1, children: [JSTree(value: 2, children: [JSTree(value: 3, children: [])])])]
    }
    static var nodes: [JSNode] { [JSNode(name: "root", parent: nil), JSNode(name: "leaf", parent: JSNode(name: "root", parent: nil))] }

    static func library() throws -> JSLibrary {
        JSLibrary(
            shapes: JSPage(items: shapes, next: 2), numbers: JSPage(items: [1, 2], next: nil), events: events,
            messages: messages, loose: loose, expression: expressions[1], tree: trees[1], node: nodes[1])
    }
}
