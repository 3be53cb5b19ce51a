import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct FLGeo: Equatable, Sendable {
    var lat: Double
    var lon: Double
}

@Lodum struct FLAddress: Equatable, Sendable {
    var street: String
    @Field(aliases: ["town"]) var city: String
    @Field(skipIfNil: true) var zip: String?
    var geo: FLGeo
}

@Lodum struct FLUser: Equatable, Sendable {
    var name: String
    @Flatten var address: FLAddress
    @Field(skipIfNil: true) var email: String?
}

@Lodum(denyUnknownFields: true)
struct FLStrict: Equatable, Sendable {
    var id: Int
    @Flatten var address: FLAddress
}

@Suite("@Flatten: a nested struct's fields as the parent's, in every format")
struct FlattenTests {
    static let user = FLUser(
        name: "ada", address: FLAddress(street: "1 Main St", city: "Springfield", zip: nil, geo: FLGeo(lat: 1.5, lon: -2)),
        email: "a@b.c")

    @Test(arguments: Lodum.formats.map { $0.name })
    func flattenedFieldsRoundTrip(_ name: String) throws {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        try Self.roundTrip(format)
    }

    static func roundTrip<F: Format>(_ format: F.Type) throws {
        let tree = try F.decode(Value.self, from: F.encode(user))
        #expect(tree.objectValue?.map(\.key) == ["name", "email", "street", "city", "geo"])
        #expect(try F.decode(FLUser.self, from: F.encode(user)) == user)
        var zipped = user
        zipped.address.zip = "12345"
        zipped.email = nil
        #expect(try F.decode(FLUser.self, from: F.encode(zipped)) == zipped)
    }

    @Test func positionalLayoutsKeepEveryField() throws {
        let compact = try MsgPack.encode(Self.user, options: MsgPackOptions(structs: .arrays))
        #expect(try MsgPack.decode(Value.self, from: compact) == .array([
            "ada", "a@b.c", "1 Main St", "Springfield", .null, .array([1.5, -2.0]),
        ]))
        #expect(try MsgPack.decode(FLUser.self, from: compact) == Self.user)
    }

    @Test func fieldsComeInAnyOrderAndAliasesOfTheFlattenedTypeApply() throws {
        let json = #"{"geo":{"lon":-2,"lat":1.5},"town":"Springfield","name":"ada","street":"1 Main St","email":"a@b.c"}"#
        #expect(try JSON.decode(FLUser.self, from: json) == Self.user)
    }

    @Test func errorsNameTheFlattenedFieldAtTheParentsLevel() {
        let missing = expectLodumError { _ = try JSON.decode([FLUser].self, from: #"[{"name":"a","street":"s","geo":{"lat":1,"lon":2}}]"#) }
        #expect(missing?.kind == .missingField("city"))
        #expect(missing?.path.description == "[0].city")
        let wrong = expectLodumError { _ = try JSON.decode(FLUser.self, from: #"{"name":"a","street":"s","city":"c","geo":{"lat":"x","lon":2}}"#) }
        #expect(wrong?.path.description == "geo.lat")
        #expect(wrong?.position != nil)
        let ownWrong = expectLodumError { _ = try JSON.decode(FLUser.self, from: #"{"street":"s","name":5}"#) }
        #expect(ownWrong?.path.description == "name")
    }

    @Test func denyUnknownFieldsCoversTheFlattenedFieldsToo() throws {
        let good = #"{"id":1,"street":"s","city":"c","geo":{"lat":1,"lon":2}}"#
        #expect(try JSON.decode(FLStrict.self, from: good).id == 1)
        let error = expectLodumError { _ = try JSON.decode(FLStrict.self, from: #"{"id":1,"street":"s","city":"c","extra":0,"geo":{"lat":1,"lon":2}}"#) }
        #expect(error?.kind == .unknownField("extra"))
        #expect(error?.path.description == "extra")
    }

    @Test func readingStreamsTheInput() throws {
        // One pass with nothing held: every byte read once, in chunks of 3.
        let bytes = Array(try JSON.encode([Self.user, Self.user]))
        let source = CountingSource(bytes, chunkSize: 3)
        #expect(try JSON.load([FLUser].self, from: source) == [Self.user, Self.user])
    }
}

/// Types nested in an enclosing type, naming their siblings bare. The code `@Lodum`
/// generates lives in an extension at file scope, where a sibling is not found by its bare
/// name; it names them through aliases the macro declares in each type's body.
enum FLNamespace {
    @Lodum enum Kind: String, Equatable, Sendable { case home, work }

    @Lodum struct Address: Equatable, Sendable {
        var city: String
        var kind: Kind
    }

    @Lodum struct Person: Equatable, Sendable {
        var name: String
        @Flatten var address: Address
        var friend: Address?
        var kinds: [Kind] = []
    }

    @Lodum enum Contact: Equatable, Sendable {
        case postal(Address)
        case labeled(kind: Kind, city: String)
        case pair(Kind, Kind)
    }

    @Lodum final class Card {
        var owner: Person
        var contact: Contact!
        init(owner: Person, contact: Contact) {
            self.owner = owner
            self.contact = contact
        }
    }

    /// Named qualified, as the only way before the aliases: still works.
    @Lodum struct Qualified: Equatable, Sendable {
        var kind: FLNamespace.Kind
    }
}

@Suite("Flatten: nested types")
struct FlattenNestedTypeTests {
    @Test func siblingTypesNamedBareWork() throws {
        let person = FLNamespace.Person(name: "Ada", address: .init(city: "London", kind: .home), friend: nil, kinds: [.work])
        let json = try JSON.encodeString(person)
        #expect(json == #"{"name":"Ada","friend":null,"kinds":["work"],"city":"London","kind":"home"}"#)
        #expect(try JSON.decode(FLNamespace.Person.self, from: json) == person)
    }

    @Test func enumPayloadsAndClassPropertiesNameSiblingsBare() throws {
        let contacts: [FLNamespace.Contact] = [.postal(.init(city: "Paris", kind: .work)), .labeled(kind: .home, city: "Rome"), .pair(.home, .work)]
        #expect(try JSON.decode([FLNamespace.Contact].self, from: JSON.encode(contacts)) == contacts)
        let card = FLNamespace.Card(owner: .init(name: "Ada", address: .init(city: "London", kind: .home), friend: nil), contact: .pair(.work, .home))
        let decoded = try JSON.decode(FLNamespace.Card.self, from: JSON.encode(card))
        #expect(decoded.owner == card.owner)
        #expect(decoded.contact == card.contact)
        #expect(try JSON.decode(FLNamespace.Qualified.self, from: #"{"kind":"work"}"#) == FLNamespace.Qualified(kind: .work))
    }

    @Test func schemaNamesTheRealTypesNotTheAliases() throws {
        let schema = try JSON.encodeString(JSONSchema.generate(for: FLNamespace.Person.self))
        #expect(!schema.contains("_LodumTypes"))
        #expect(schema.contains("Address"))
    }
}
