// The examples of Docs/DescribingTypes.md, compiled and run; the page's Swift blocks are
// excerpts of this file, and the results its comments claim are checked here.

import Foundation
import LodumTestSupport
import Testing
// Last, so that it and the declaration below read as the page's first block.
import Lodum

@Lodum(renameAll: .snakeCase)
struct Customer {
    @Field(rename: "id", aliases: ["userId"]) var identifier: Int
    var displayName: String                                   // "display_name"
    @Field(skipIfNil: true) var nickname: String?             // left out when nil
    @Field(skip: true) var session: String? = nil             // never written or read
    @Field(default: 18) var age: Int                          // 18 when "age" is missing
    @Field(using: EpochMilliseconds.self) var joined: Date    // 1514862245500
    @Field(validate: .length(3...50)) var name: String        // checked on decode
}

enum Cents: FieldCoding {
    static func encode(_ value: Decimal) throws -> Int { NSDecimalNumber(decimal: value * 100).intValue }
    static func decode(_ cents: Int) throws -> Decimal { Decimal(cents) / 100 }
}

@Lodum struct Price {
    @Field(using: Cents.self) var amount: Decimal   // 1999, not 19.99
}

@Suite("Describing your types: the documentation's examples")
struct DescribingTypesExamplesTests {
    @Test func theUserExampleWritesTheKeysTheCommentsName() throws {
        let user = Customer(
            identifier: 1, displayName: "Ada", nickname: nil, session: "s", age: 36,
            joined: Date(timeIntervalSince1970: 1_514_862_245.5), name: "Ada")
        #expect(try JSON.encodeString(user) == #"{"id":1,"display_name":"Ada","age":36,"joined":1514862245500,"name":"Ada"}"#)
        let read = try JSON.decode(Customer.self, from: #"{"userId":1,"display_name":"Ada","joined":1514862245500,"name":"Ada"}"#)
        #expect(read.age == 18 && read.session == nil && read.identifier == 1)
        let withSession = try JSON.decode(Customer.self, from: #"{"id":1,"display_name":"Ada","joined":0,"name":"Ada","session":"s"}"#)
        #expect(withSession.session == nil)
    }

    @Test func theValidationErrorReadsAsDocumented() {
        let error = expectLodumError {
            _ = try JSON.decode(Customer.self, from: #"{"name":"Al","id":1,"display_name":"x","joined":0}"#)
        }
        #expect(error?.description == #"Error at name (line 1, column 9): "Al" fails validation: length in 3...50"#)
    }

    @Test func theUnknownFieldErrorNamesTheKey() {
        let error = expectLodumError { _ = try JSON.decode(FOHolder.self, from: #"{"items": [{"name": "a"}, {"name": "b", "colour": "red"}]}"#) }
        #expect(error?.reason == #"unknown field "colour""#)
        #expect(error?.path.description == "items[1].colour")
    }

    @Test func theCentsCodingWritesAnInteger() throws {
        #expect(try JSON.encodeString(Price(amount: Decimal(string: "19.99") ?? 0)) == #"{"amount":1999}"#)
        #expect(try JSON.decode(Price.self, from: #"{"amount":1999}"#).amount == Decimal(string: "19.99"))
    }
}

@Lodum enum Color: String { case red, green, deepBlue = "deep-blue" }
// "deep-blue"; reading "purple": expected one of "red", "green", "deep-blue", found "purple"

@Lodum(renameAll: .snakeCase, tag: "type")
enum Event {
    case userJoined(name: String, at: Date)    // {"type": "user_joined", "name": …, "at": …}
    @Field(rename: "bye") case userLeft(name: String)
    case heartbeat
}

@Lodum indirect enum Expression {             // recursive enums work as they are
    case number(Int)
    case sum(Expression, Expression)
}

extension Event: Equatable {}
extension Expression: Equatable {}

@Suite("Describing your types: the enum examples")
struct DescribingEnumsExamplesTests {
    @Test func rawValuesAndTheirError() {
        #expect((try? JSON.encodeString(Color.deepBlue)) == #""deep-blue""#)
        let error = expectLodumError { _ = try JSON.decode(Color.self, from: #""purple""#) }
        #expect(error?.reason == #"expected one of "red", "green", "deep-blue", found "purple""#)
    }

    @Test func taggedEventsAndRecursiveExpressions() throws {
        let joined = Event.userJoined(name: "ada", at: Date(timeIntervalSince1970: 0))
        #expect(try JSON.encodeString(joined) == #"{"type":"user_joined","name":"ada","at":"1970-01-01T00:00:00Z"}"#)
        #expect(try JSON.encodeString(Event.userLeft(name: "b")) == #"{"type":"bye","name":"b"}"#)
        #expect(try JSON.decode(Event.self, from: #"{"type":"heartbeat"}"#) == .heartbeat)
        let sum = Expression.sum(.number(1), .number(2))
        #expect(try JSON.encodeString(sum) == #"{"sum":[{"number":1},{"number":2}]}"#)
        #expect(try JSON.decode(Expression.self, from: JSON.encode(sum)) == sum)
    }
}

@Lodum class Animal {
    var name: String
    init(name: String) { self.name = name }
}

@LodumSubclass class Dog: Animal {
    var breed: String
    init(name: String, breed: String) { self.breed = breed; super.init(name: name) }
}
// {"name": "rex", "breed": "lab"}

@Suite("Describing your types: the class example")
struct DescribingClassesExamplesTests {
    @Test func aSubclassWritesItsParentsFieldsFirst() throws {
        #expect(try JSON.encodeString(Dog(name: "rex", breed: "lab")) == #"{"name":"rex","breed":"lab"}"#)
        let dog = try JSON.decode(Dog.self, from: #"{"breed":"lab","name":"rex"}"#)
        #expect(dog.name == "rex" && dog.breed == "lab")
    }
}

@Lodum struct Address { var street: String; var city: String }

@Lodum struct Contact {
    var name: String
    @Flatten var address: Address
}
// {"name": "ada", "street": "1 Main St", "city": "Springfield"}

@Suite("Describing your types: the flatten example")
struct DescribingFlattenExamplesTests {
    @Test func theAddressFieldsStandBesideTheName() throws {
        let contact = Contact(name: "ada", address: Address(street: "1 Main St", city: "Springfield"))
        #expect(try JSON.encodeString(contact) == #"{"name":"ada","street":"1 Main St","city":"Springfield"}"#)
        let back = try JSON.decode(Contact.self, from: #"{"city": "Springfield", "name": "ada", "street": "1 Main St"}"#)
        #expect(back.name == "ada" && back.address.street == "1 Main St" && back.address.city == "Springfield")
    }
}
