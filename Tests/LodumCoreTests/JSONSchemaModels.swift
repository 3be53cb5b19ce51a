import Foundation
import Lodum

// The catalogue the JSON Schema tests check: every field option, the validators, each
// enum tagging, recursion, generics and the standard types.

@Lodum(renameAll: .snakeCase, denyUnknownFields: true)
struct JSUser: Sendable {
    @Field(rename: "id", aliases: ["userId"]) var identifier: Int
    var displayName: String
    @Field(skipIfNil: true) var nickname: String?
    @Field(skip: true) var session: String? = nil
    @Field(default: 18, validate: .range(0...150)) var age: Int
    @Field(using: EpochSeconds.self) var joined: Date
    @Field(validate: .length(3...50)) var name: String
    @Field(validate: .match(#/^[A-Z]{2}$/#)) var country: String
    @Field(validate: .oneOf(["red", "green"])) var favouriteColor: String?
    @Field(validate: { (code: String) in code.hasPrefix("EU-") }) var region: String
    @Field(validate: .range(0..<10)) var rank: Int = 0
    @Field(validate: .length(1...3)) var tags: [String]
    let version = 2
}

@Lodum(omitNil: true)
struct JSContact: Sendable {
    var email: String?
    @Field(validate: .range(1...)) var floor: Int?
    @Field(validate: .match("[a-z]+")) var handle: String?
    @Field(validate: .length(...2)) var labels: [String: Int] = [:]
    @Field(validate: .range(0.0...1.0)) var score: Double = 0.5
    @Field(validate: .even) var pairs: Int = 0
    @Field(using: EpochMilliseconds.self) var seen: Date?
    @Field(validate: .match(#/\+[0-9]+/#)) var phone: String?
    @Field(validate: .length(2...)) var languages: Set<String> = ["en", "fr"]
}

extension Validator where Value == Int {
    /// A custom rule with its own JSON Schema keywords.
    static var even: Validator { Validator("even", jsonSchema: ["multipleOf": 2]) { $0 % 2 == 0 } }
}

@Lodum enum JSColor: String, MapKey, Sendable { case red, green, deepBlue = "deep-blue" }
@Lodum enum JSLevel: Int, MapKey, Sendable { case low = 1, high = 10 }

/// A type only `Codable` knows: its schema is `{}`.
struct JSLegacy: Codable, Sendable { var code: Int }

@Lodum struct JSStandard: Sendable {
    var flag: Bool
    var small: Int8
    var large: UInt64
    var ratio: Double
    var single: Float
    var amount: Decimal
    var at: Date
    var stamp: Timestamp
    var id: UUID
    var link: URL
    var blob: Data
    var bytes: [UInt8]
    var anything: Value
    var tagged: ExtensionValue
    var byName: [String: Int]
    var byNumber: [Int: String]
    var byUnsigned: [UInt8: String]
    var byID: [UUID: Bool]
    var byColor: [JSColor: Int]
    var byLevel: [JSLevel: Int]
    var tags: Set<String>
    var matrix: [[Int]]
    var maybe: Int??
    var legacy: JSLegacy
    var color: JSColor
    var level: JSLevel?
}

@Lodum enum JSShape: Sendable {
    case circle(radius: Double)
    case rectangle(width: Double, height: Double)
    case point(Int, Int)
    case label(String)
    case none
}

@Lodum(renameAll: .snakeCase, tag: "type")
enum JSEvent: Sendable {
    case userJoined(name: String, at: Int?)
    @Field(rename: "bye") case userLeft(name: String)
    case heartbeat
}

@Lodum(tag: "t", content: "c")
enum JSMessage: Sendable {
    case text(String)
    case pair(Int, Int)
    case move(dx: Int, dy: Int)
    case ping
}

@Lodum(untagged: true)
enum JSLoose: Sendable {
    case number(Int)
    case real(Double)
    case pair(Int, Int)
    case named(name: String)
    case nothing
}

@Lodum indirect enum JSExpression: Sendable {
    case number(Double)
    case sum(JSExpression, JSExpression)
    case negate(of: JSExpression)
}

@Lodum struct JSTree: Sendable {
    var value: Int
    var children: [Self]
}

@Lodum final class JSNode: @unchecked Sendable {
    var name: String
    var parent: JSNode?
    let kind = "node"

    init(name: String, parent: JSNode?) {
        self.name = name
        self.parent = parent
    }
}

@Lodum struct JSPage<Item: Serializable & Deserializable & Sendable>: Sendable {
    var items: [Item]
    var next: Int?
    let kind = "page"
}

@Lodum struct JSLibrary: Sendable {
    var shapes: JSPage<JSShape>
    var numbers: JSPage<Int>
    var events: [JSEvent]
    var messages: [JSMessage]
    var loose: [JSLoose]
    var expression: JSExpression
    var tree: JSTree
    var node: JSNode
}
