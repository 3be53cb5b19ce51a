import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum(renameAll: .snakeCase)
struct FOAccount: Equatable {
    @Field(rename: "id", aliases: ["userId", "account-id"]) var identifier: Int
    var displayName: String
    var htmlURL: String?
    @Field(skipIfNil: true) var nickname: String?
    @Field(skip: true) var cache: [String: Int] = [:]
    @Field(default: 18) var age: Int
    @Field(using: EpochMilliseconds.self) var joined: Date
    @Field(validate: .length(3...50)) var name: String
    @Field(validate: { (code: String) in code.hasPrefix("EU-") }) var region: String
    @Field(validate: .range(0...150)) var score: Int?
}

@Lodum(omitNil: true, denyUnknownFields: true)
struct FOStrict: Equatable {
    var name: String
    var note: String?
    var tags: [String] = []
}

@Lodum struct FOHolder: Equatable {
    var items: [FOStrict]
}

/// Reading throws a validator's error: its message becomes the rule.
struct FOEvenError: Error, CustomStringConvertible {
    var description: String { "must be even" }
}

@Lodum struct FOValidated: Equatable {
    @Field(validate: .match(#/^[A-Z]{2}-\d{4}$/#)) var code: String = "AB-1234"
    @Field(validate: .oneOf(["red", "green"])) var color: String = "red"
    @Field(validate: { (number: Int) in
        guard number % 2 == 0 else { throw FOEvenError() }
        return true
    }) var even: Int = 2
    @Field(using: EpochSeconds.self, validate: .range(Date(timeIntervalSince1970: 0)...)) var since: Date = Date(timeIntervalSince1970: 0)
    @Field(using: EpochSeconds.self) var until: Date?
    @Field(validate: { (word: String) throws -> Bool in
        if word.contains(" ") { throw FOSpaceError() }
        return true
    }) var word: String = "one"
}

struct FOSpaceError: Error, CustomStringConvertible {
    var description: String { "must be one word" }
}

@Suite("Field and type options, in every format")
struct FieldOptionTests {
    static let formats = Lodum.formats.map { $0.name }

    static func format(_ name: String) throws -> any Format.Type {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        return format
    }

    static let account = FOAccount(
        identifier: 7, displayName: "Ada L.", htmlURL: nil, nickname: nil, cache: ["x": 1], age: 36,
        joined: Date(timeIntervalSince1970: 1_514_862_245.5), name: "Ada", region: "EU-West", score: 99)

    /// An input in `format` holding `value`'s members, written through `Value`.
    static func input<F: Format>(_ format: F.Type, _ members: KeyValuePairs<String, Value>) throws -> Data {
        try format.encode(Value.object(members.map { Value.Member(key: $0.key, value: $0.value) }))
    }

    @Test(arguments: formats)
    func keysFollowRenamesAndSkippedFieldsAreLeftOut(_ name: String) throws {
        let format = try Self.format(name)
        try Self.keysFollowRenamesAndSkippedFieldsAreLeftOut(format)
    }

    static func keysFollowRenamesAndSkippedFieldsAreLeftOut<F: Format>(_ format: F.Type) throws {
        let tree = try format.decode(Value.self, from: format.encode(Self.account))
        guard case .object(let members) = tree else {
            Issue.record("not an object: \(tree)")
            return
        }
        #expect(members.map(\.key) == ["id", "display_name", "html_url", "age", "joined", "name", "region", "score"])
        #expect(tree["joined"] == .int(1_514_862_245_500))
        #expect(tree["html_url"] == .null)
    }

    @Test(arguments: formats)
    func roundTripsWithSkippedPropertiesAtTheirInitialValue(_ name: String) throws {
        let format = try Self.format(name)
        try Self.roundTripsWithSkippedPropertiesAtTheirInitialValue(format)
    }

    static func roundTripsWithSkippedPropertiesAtTheirInitialValue<F: Format>(_ format: F.Type) throws {
        var expected = Self.account
        expected.cache = [:]
        #expect(try format.decode(FOAccount.self, from: format.encode(Self.account)) == expected)
    }

    @Test(arguments: formats)
    func aliasesDefaultsAndSkippedKeysOnRead(_ name: String) throws {
        let format = try Self.format(name)
        try Self.aliasesDefaultsAndSkippedKeysOnRead(format)
    }

    static func aliasesDefaultsAndSkippedKeysOnRead<F: Format>(_ format: F.Type) throws {
        for key in ["userId", "account-id"] {
            let bytes = try Self.input(format, [
                key: .int(9), "display_name": .string("x"), "joined": .int(0), "name": .string("Bob"), "region": .string("EU-1"),
                "cache": .object([]),
            ])
            let account = try format.decode(FOAccount.self, from: bytes)
            #expect(account.identifier == 9, "\(key)")
            #expect(account.age == 18)
            #expect(account.cache == [:])
            #expect(account.nickname == nil && account.score == nil && account.htmlURL == nil)
        }
    }

    @Test(arguments: formats)
    func failedValidatorsAreErrorsNamingTheRuleAndTheValue(_ name: String) throws {
        let format = try Self.format(name)
        try Self.failedValidatorsAreErrorsNamingTheRuleAndTheValue(format)
    }

    static func failedValidatorsAreErrorsNamingTheRuleAndTheValue<F: Format>(_ format: F.Type) throws {
        let base: [(String, Value)] = [
            ("id", .int(1)), ("display_name", .string("x")), ("joined", .int(0)), ("name", .string("Bob")), ("region", .string("EU-1")),
        ]
        func decode(replacing key: String, with value: Value) -> LodumError? {
            let members = base.filter { $0.0 != key }.map { Value.Member(key: $0.0, value: $0.1) } + [Value.Member(key: key, value: value)]
            return expectLodumError("\(F.name) \(key)") { _ = try format.decode(FOAccount.self, from: format.encode(Value.object(members))) }
        }
        let short = decode(replacing: "name", with: .string("Al"))
        #expect(short?.kind == .validationFailed(rule: "length in 3...50", value: #""Al""#))
        #expect(short?.path.description == "name")
        #expect(short?.position != nil)
        #expect(short?.reason == #""Al" fails validation: length in 3...50"#)
        let region = decode(replacing: "region", with: .string("US-East"))
        #expect(region?.kind == .validationFailed(rule: #"{ (code: String) in code.hasPrefix("EU-") }"#, value: #""US-East""#))
        let score = decode(replacing: "score", with: .int(151))
        #expect(score?.kind == .validationFailed(rule: "in range 0...150", value: "151"))
        #expect(score?.path.description == "score")
        // Optional: a null is not validated.
        let members = base.map { Value.Member(key: $0.0, value: $0.1) } + [Value.Member(key: "score", value: .null)]
        #expect(try format.decode(FOAccount.self, from: format.encode(Value.object(members))).score == nil)
    }

    @Test(arguments: formats)
    func validatorsOfEveryKind(_ name: String) throws {
        let format = try Self.format(name)
        try Self.validatorsOfEveryKind(format)
    }

    static func validatorsOfEveryKind<F: Format>(_ format: F.Type) throws {
        #expect(try format.decode(FOValidated.self, from: format.encode(FOValidated())) == FOValidated())
        let cases: [(String, Value, String)] = [
            ("code", .string("ab-1234"), "matching the pattern"),
            ("color", .string("blue"), #"one of "red", "green""#),
            ("even", .int(3), "must be even"),
            ("since", .int(-5), "at least 1970-01-01 00:00:00 +0000"),
            ("word", .string("two words"), "must be one word"),
        ]
        for (key, value, rule) in cases {
            let error = expectLodumError("\(F.name) \(key)") {
                _ = try format.decode(FOValidated.self, from: Self.input(format, [key: value]))
            }
            guard case .validationFailed(let reported, _)? = error?.kind else {
                Issue.record("\(F.name) \(key): \(String(describing: error))")
                continue
            }
            #expect(reported == rule, "\(F.name) \(key)")
            #expect(error?.path.description == key)
        }
    }

    @Test(arguments: formats)
    func epochCodingsWriteIntegersAndReadAnyNumber(_ name: String) throws {
        let format = try Self.format(name)
        try Self.epochCodingsWriteIntegersAndReadAnyNumber(format)
    }

    static func epochCodingsWriteIntegersAndReadAnyNumber<F: Format>(_ format: F.Type) throws {
        let value = FOValidated(until: Date(timeIntervalSince1970: 1_000))
        let tree = try format.decode(Value.self, from: format.encode(value))
        #expect(tree["since"] == .int(0))
        #expect(tree["until"] == .int(1_000))
        #expect(try format.decode(FOValidated.self, from: Self.input(format, ["until": .double(1.5)])).until == Date(timeIntervalSince1970: 1.5))
        #expect(try format.decode(FOValidated.self, from: Self.input(format, ["until": .null])).until == nil)
    }

    @Test(arguments: formats)
    func omitNilLeavesEveryNilOptionalOut(_ name: String) throws {
        let format = try Self.format(name)
        try Self.omitNilLeavesEveryNilOptionalOut(format)
    }

    static func omitNilLeavesEveryNilOptionalOut<F: Format>(_ format: F.Type) throws {
        let tree = try format.decode(Value.self, from: format.encode(FOStrict(name: "a", note: nil)))
        #expect(tree == .object([Value.Member(key: "name", value: .string("a")), Value.Member(key: "tags", value: .array([]))]))
        let noted = FOStrict(name: "a", note: "b", tags: ["t"])
        #expect(try format.decode(FOStrict.self, from: format.encode(noted)) == noted)
    }

    @Test(arguments: formats)
    func denyUnknownFieldsNamesTheKeyAndWhereItIs(_ name: String) throws {
        let format = try Self.format(name)
        try Self.denyUnknownFieldsNamesTheKeyAndWhereItIs(format)
    }

    static func denyUnknownFieldsNamesTheKeyAndWhereItIs<F: Format>(_ format: F.Type) throws {
        let bytes = try format.encode(Value.object([
            Value.Member(key: "items", value: .array([
                .object([Value.Member(key: "name", value: .string("a"))]),
                .object([Value.Member(key: "name", value: .string("b")), Value.Member(key: "colour", value: .string("red"))]),
            ])),
        ]))
        let error = expectLodumError(Comment(rawValue: F.name)) { _ = try format.decode(FOHolder.self, from: bytes) }
        #expect(error?.kind == .unknownField("colour"))
        #expect(error?.path.description == "items[1].colour")
        #expect(error?.position != nil)
        #expect(error?.reason == #"unknown field "colour""#)
        // A type that does not deny them still skips unknown keys.
        #expect(try format.decode(FOValidated.self, from: Self.input(format, ["colour": .string("red")])) == FOValidated())
    }

    @Test func denyUnknownFieldsAlsoAppliesToValueTrees() throws {
        let tree = Value.object([Value.Member(key: "name", value: .string("a")), Value.Member(key: "extra", value: .int(1))])
        let error = expectLodumError { _ = try JSON.decode(FOStrict.self, from: JSON.encode(tree)) }
        #expect(error?.kind == .unknownField("extra"))
    }
}
