import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("JSON Schema of flattened structs and class hierarchies")
struct JSONSchemaHierarchyTests {
    @Test func aFlattenedStructsPropertiesStandBesideTheOwnersOwn() throws {
        let schema = try JSON.encodeString(JSONSchema.generate(for: FLStrict.self), options: JSONOptions(sortedKeys: true))
        let tree = try JSON.decode(Value.self, from: schema)
        #expect(tree["properties"]?.objectValue?.map(\.key).sorted() == ["city", "geo", "id", "street", "zip"])
        #expect(tree["required"]?.arrayValue?.compactMap(\.stringValue).sorted() == ["city", "geo", "id", "street"])
        #expect(tree["additionalProperties"] == .bool(false))
    }

    @Test func aSubclassSchemaHasItsAncestorsPropertiesFirst() throws {
        let tree = JSONSchema.generate(for: CHPuppy.self)
        #expect(tree["properties"]?.objectValue?.map(\.key) == ["name", "nickname", "breed", "age", "months"])
        #expect(tree["required"]?.arrayValue?.compactMap(\.stringValue) == ["name", "breed", "months"])
        #expect(tree["additionalProperties"] == .bool(false))
        #expect(tree["properties"]?["months"]?["maximum"] == .int(2))
        let animal = JSONSchema.generate(for: CHAnimal.self)
        #expect(animal["properties"]?.objectValue?.map(\.key) == ["name", "nickname"])
    }

    @Test func whatLodumWritesAndRejectsTheValidatorAgreesWith() throws {
        var validation = JSONSchemaValidation()
        try validation.expectValid([FlattenTests.user])
        try validation.expectValid([CHDog(name: "rex", breed: "lab", age: 3)])
        try validation.expectValid([CHPuppy(name: "bit", breed: "pug", months: 1)])
        try validation.expectInvalid(FLUser.self, #"{"name":"a","street":"s","geo":{"lat":1,"lon":2}}"#)
        try validation.expectInvalid(FLStrict.self, #"{"id":1,"street":"s","city":"c","extra":0,"geo":{"lat":1,"lon":2}}"#)
        try validation.expectInvalid(CHDog.self, #"{"breed":"lab"}"#)
        try validation.expectInvalid(CHPuppy.self, #"{"name":"a","breed":"b","months":7}"#)
        try validation.run()
    }
}
