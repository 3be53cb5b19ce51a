import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct Profile: Equatable {
    var name: String
    @Field(skipIfNil: true) var nickname: String?
    var email: String?
}

@Suite("@Field options")
struct FieldOptionsTests {
    @Test func skipIfNilLeavesANilFieldOutAndOthersWriteNull() throws {
        let text = try JSON.encodeString(Profile(name: "ada", nickname: nil, email: nil))
        #expect(text == #"{"name":"ada","email":null}"#)
    }

    @Test func skipIfNilWritesAPresentValue() throws {
        let text = try JSON.encodeString(Profile(name: "ada", nickname: "countess", email: nil))
        #expect(text == #"{"name":"ada","nickname":"countess","email":null}"#)
    }

    @Test func skippedFieldReadsBackAsNil() throws {
        let profile = Profile(name: "ada", nickname: nil, email: "a@b.c")
        #expect(try JSON.decode(Profile.self, from: JSON.encode(profile)) == profile)
    }

    @Test func skippedFieldsKeepPrettyOutputWellFormed() throws {
        let text = try JSON.encodeString(Profile(name: "ada", nickname: nil, email: nil), options: JSONOptions(indent: 2))
        #expect(text == "{\n  \"name\": \"ada\",\n  \"email\": null\n}")
    }
}
