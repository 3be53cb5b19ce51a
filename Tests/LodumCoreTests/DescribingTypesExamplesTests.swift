// The examples of Docs/DescribingTypes.md, compiled and run so they cannot rot.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum(renameAll: .snakeCase)
struct DTUser: Equatable {
    @Field(rename: "id", aliases: ["userId"]) var identifier: Int
    var displayName: String
    @Field(skipIfNil: true) var nickname: String?
    @Field(skip: true) var session: String? = nil
    @Field(default: 18) var age: Int
    @Field(using: EpochMilliseconds.self) var joined: Date
    @Field(validate: .length(3...50)) var name: String
}

enum DTCents: FieldCoding {
    static func encode(_ value: Decimal) throws -> Int { NSDecimalNumber(decimal: value * 100).intValue }
    static func decode(_ cents: Int) throws -> Decimal { Decimal(cents) / 100 }
}

@Lodum struct DTPrice: Equatable {
    @Field(using: DTCents.self) var amount: Decimal
}

@Suite("Describing your types: the documentation's examples")
struct DescribingTypesExamplesTests {
    @Test func theUserExampleWritesTheKeysTheCommentsName() throws {
        let user = DTUser(
            identifier: 1, displayName: "Ada", nickname: nil, session: "s", age: 36,
            joined: Date(timeIntervalSince1970: 1_514_862_245.5), name: "Ada")
        #expect(try JSON.encodeString(user) == #"{"id":1,"display_name":"Ada","age":36,"joined":1514862245500,"name":"Ada"}"#)
        let read = try JSON.decode(DTUser.self, from: #"{"userId":1,"display_name":"Ada","joined":1514862245500,"name":"Ada"}"#)
        #expect(read.age == 18 && read.session == nil && read.identifier == 1)
    }

    @Test func theValidationErrorReadsAsDocumented() {
        let error = expectLodumError {
            _ = try JSON.decode(DTUser.self, from: #"{"name":"Al","id":1,"display_name":"x","joined":0}"#)
        }
        #expect(error?.description == #"Error at name (line 1, column 9): "Al" fails validation: length in 3...50"#)
    }

    @Test func theUnknownFieldErrorNamesTheKey() {
        let error = expectLodumError { _ = try JSON.decode(FOHolder.self, from: #"{"items": [{"name": "a"}, {"name": "b", "colour": "red"}]}"#) }
        #expect(error?.reason == #"unknown field "colour""#)
        #expect(error?.path.description == "items[1].colour")
    }

    @Test func theCentsCodingWritesAnInteger() throws {
        #expect(try JSON.encodeString(DTPrice(amount: Decimal(string: "19.99") ?? 0)) == #"{"amount":1999}"#)
        #expect(try JSON.decode(DTPrice.self, from: #"{"amount":1999}"#).amount == Decimal(string: "19.99"))
    }
}

@Lodum enum DTColor: String, Sendable { case red, green, deepBlue = "deep-blue" }

@Lodum(renameAll: .snakeCase, tag: "type")
enum DTEvent: Equatable, Sendable {
    case userJoined(name: String, at: Date)
    @Field(rename: "bye") case userLeft(name: String)
    case heartbeat
}

@Lodum indirect enum DTExpression: Equatable, Sendable {
    case number(Int)
    case sum(DTExpression, DTExpression)
}

@Suite("Describing your types: the enum examples")
struct DescribingEnumsExamplesTests {
    @Test func rawValuesAndTheirError() {
        #expect((try? JSON.encodeString(DTColor.deepBlue)) == #""deep-blue""#)
        let error = expectLodumError { _ = try JSON.decode(DTColor.self, from: #""purple""#) }
        #expect(error?.reason == #"expected one of "red", "green", "deep-blue", found "purple""#)
    }

    @Test func taggedEventsAndRecursiveExpressions() throws {
        let joined = DTEvent.userJoined(name: "ada", at: Date(timeIntervalSince1970: 0))
        #expect(try JSON.encodeString(joined) == #"{"type":"user_joined","name":"ada","at":"1970-01-01T00:00:00Z"}"#)
        #expect(try JSON.encodeString(DTEvent.userLeft(name: "b")) == #"{"type":"bye","name":"b"}"#)
        #expect(try JSON.decode(DTEvent.self, from: #"{"type":"heartbeat"}"#) == .heartbeat)
        let sum = DTExpression.sum(.number(1), .number(2))
        #expect(try JSON.encodeString(sum) == #"{"sum":[{"number":1},{"number":2}]}"#)
        #expect(try JSON.decode(DTExpression.self, from: JSON.encode(sum)) == sum)
    }
}

@Lodum class DTAnimal {
    var name: String
    init(name: String) { self.name = name }
}

@LodumSubclass class DTDog: DTAnimal {
    var breed: String
    init(name: String, breed: String) { self.breed = breed; super.init(name: name) }
}

@Suite("Describing your types: the class example")
struct DescribingClassesExamplesTests {
    @Test func aSubclassWritesItsParentsFieldsFirst() throws {
        #expect(try JSON.encodeString(DTDog(name: "rex", breed: "lab")) == #"{"name":"rex","breed":"lab"}"#)
        let dog = try JSON.decode(DTDog.self, from: #"{"breed":"lab","name":"rex"}"#)
        #expect(dog.name == "rex" && dog.breed == "lab")
    }
}

@Lodum struct DTAddress: Equatable, Sendable { var street: String; var city: String }

@Lodum struct DTFlatUser: Equatable, Sendable {
    var name: String
    @Flatten var address: DTAddress
}

@Suite("Describing your types: the flatten example")
struct DescribingFlattenExamplesTests {
    @Test func theAddressFieldsStandBesideTheName() throws {
        let user = DTFlatUser(name: "ada", address: DTAddress(street: "1 Main St", city: "Springfield"))
        #expect(try JSON.encodeString(user) == #"{"name":"ada","street":"1 Main St","city":"Springfield"}"#)
        #expect(try JSON.decode(DTFlatUser.self, from: JSON.encode(user)) == user)
    }
}
