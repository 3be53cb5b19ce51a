import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum class CHAnimal {
    var name: String
    @Field(skipIfNil: true) var nickname: String?

    init(name: String, nickname: String? = nil) {
        self.name = name
        self.nickname = nickname
    }
}

@LodumSubclass
class CHDog: CHAnimal {
    @Field(aliases: ["race"]) var breed: String
    var age: Int = 1

    init(name: String, breed: String, age: Int) {
        self.breed = breed
        self.age = age
        super.init(name: name)
    }
}

@LodumSubclass(denyUnknownFields: true)
final class CHPuppy: CHDog {
    @Field(validate: .range(0...2)) var months: Int

    init(name: String, breed: String, months: Int) {
        self.months = months
        super.init(name: name, breed: breed, age: 0)
    }
}

@Lodum struct CHKennel {
    var dogs: [CHDog]
    var puppy: CHPuppy
}

@Suite("Classes with inheritance: a subclass writes and reads its parent's fields")
struct ClassHierarchyTests {
    @Test(arguments: Lodum.formats.map { $0.name })
    func subclassesRoundTripWithEveryAncestorsFields(_ name: String) throws {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format named \(name)")) }
        try Self.roundTrip(format)
    }

    static func roundTrip<F: Format>(_ format: F.Type) throws {
        let kennel = CHKennel(
            dogs: [CHDog(name: "rex", breed: "lab", age: 3)],
            puppy: CHPuppy(name: "bit", breed: "pug", months: 2))
        kennel.dogs[0].nickname = "R"
        let tree = try F.decode(Value.self, from: F.encode(kennel))
        #expect(tree["dogs"]?[0]?.objectValue?.map(\.key) == ["name", "nickname", "breed", "age"])
        #expect(tree["puppy"]?.objectValue?.map(\.key) == ["name", "breed", "age", "months"])
        let back = try F.decode(CHKennel.self, from: F.encode(kennel))
        #expect(back.dogs[0].name == "rex" && back.dogs[0].nickname == "R" && back.dogs[0].breed == "lab" && back.dogs[0].age == 3)
        #expect(back.puppy.name == "bit" && back.puppy.breed == "pug" && back.puppy.age == 0 && back.puppy.months == 2)
        // Positional (MessagePack with structs as arrays): ancestors' fields come first.
        let compact = try MsgPack.encode(kennel.puppy, options: MsgPackOptions(structs: .arrays))
        #expect(try MsgPack.decode(Value.self, from: compact) == .array([.string("bit"), .null, .string("pug"), .int(0), .int(2)]))
        let fromCompact = try MsgPack.decode(CHPuppy.self, from: compact)
        #expect(fromCompact.name == "bit" && fromCompact.months == 2)
    }

    @Test func fieldsMayComeInAnyOrderAndAliasesApply() throws {
        let dog = try JSON.decode(CHDog.self, from: #"{"race":"lab","age":2,"name":"rex"}"#)
        #expect(dog.name == "rex" && dog.breed == "lab" && dog.age == 2 && dog.nickname == nil)
        let defaulted = try JSON.decode(CHDog.self, from: #"{"name":"a","breed":"b"}"#)
        #expect(defaulted.age == 1)
    }

    @Test func errorsInAnAncestorsFieldNameItsPath() {
        let missing = expectLodumError { _ = try JSON.decode([CHDog].self, from: #"[{"breed":"lab"}]"#) }
        #expect(missing?.kind == .missingField("name"))
        #expect(missing?.path.description == "[0].name")
        let wrong = expectLodumError { _ = try JSON.decode(CHDog.self, from: #"{"name":5,"breed":"lab"}"#) }
        #expect(wrong?.path.description == "name")
        #expect(wrong?.position != nil)
        let invalid = expectLodumError { _ = try JSON.decode(CHPuppy.self, from: #"{"name":"a","breed":"b","months":7}"#) }
        #expect(invalid?.kind == .validationFailed(rule: "in range 0...2", value: "7"))
        let unknown = expectLodumError { _ = try JSON.decode(CHPuppy.self, from: #"{"name":"a","breed":"b","months":1,"x":0}"#) }
        #expect(unknown?.kind == .unknownField("x"))
    }

    @Test func aDecodedSubclassIsItsOwnType() throws {
        let animals: [CHAnimal] = [try JSON.decode(CHDog.self, from: #"{"name":"a","breed":"b"}"#)]
        #expect(animals[0] is CHDog)
        #expect(try JSON.encodeString(animals[0]) == #"{"name":"a","breed":"b","age":1}"#)
    }
}
