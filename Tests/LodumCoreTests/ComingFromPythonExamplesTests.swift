// The examples of Docs/ComingFromPython.md, compiled and run; the page's Swift blocks are
// excerpts of this file (checked below).

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum
struct User {
    @Field(rename: "id") var userID: Int = 0
    var email: String
    @Field(skip: true) var passwordHash: String = ""
    var prefs: [String: String] = [:]
    @Field(validate: { (age: Int) in age >= 0 }) var age: Int = 0
}

@Lodum
struct Product {
    @Field(validate: .length(3...50)) var name: String
    @Field(validate: .range(0.0...)) var price: Double
    @Field(validate: .oneOf(["electronics", "books"])) var category: String
    @Field(validate: .match(/[A-Z]{3}-[0-9]{4}/)) var sku: String
}

@Lodum(tag: "type")
enum Shape: Equatable {
    case circle(radius: Double)
    case square(side: Double)
}

@Suite("Coming from Python lodum: the page's examples")
struct ComingFromPythonExamplesTests {
    @Test func theUserExampleBehavesAsThePageSays() throws {
        let user = User(userID: 123, email: "ada@example.com", passwordHash: "secret")
        let json = try JSON.encodeString(user)
        // {"id":123,"email":"ada@example.com","prefs":{},"age":0}
        let read = try JSON.decode(User.self, from: #"{"id": 456, "email": "grace@example.com"}"#)
        // read.userID == 456, read.prefs == [:]

        #expect(json == #"{"id":123,"email":"ada@example.com","prefs":{},"age":0}"#)
        #expect(read.userID == 456 && read.prefs == [:] && read.passwordHash == "")
    }

    @Test func theVerbsWork() async throws {
        let user = User(email: "ada@example.com")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("users.json")

        let data = try JSON.encode(user)                              // json.dump(user)
        try JSON.dump([user, user], to: url)                          // json.dump(users, Path("users.json"))
        let back = try JSON.decode(User.self, from: data)             // json.load(User, data)
        let users = try JSON.load([User].self, from: url)             // json.load(list[User], Path(...))
        for try await each in JSON.stream(User.self, from: url) {     // json.stream(User, f)
            print(each.email)
        }
        let tree = try Value(from: user)                              // asdict(user)
        let again = try User(from: tree)                              // fromdict(User, d)
        let schema = JSONSchema.generate(for: User.self)              // schema(User)

        #expect(back.email == user.email && users.count == 2 && again.email == user.email)
        #expect(tree["email"] == "ada@example.com" && schema["type"] == "object")
    }

    @Test func theValidatorsRefuseWhatThePageSays() throws {
        let valid = #"{"name": "Lamp", "price": 19.5, "category": "electronics", "sku": "LMP-0001"}"#
        #expect(try JSON.decode(Product.self, from: valid).name == "Lamp")
        let error = expectLodumError {
            _ = try JSON.decode(Product.self, from: #"{"name": "Lamp", "price": -1, "category": "books", "sku": "LMP-0001"}"#)
        }
        #expect(error?.path.description == "price")
    }

    @Test func aTaggedEnumIsAUnionOfTaggedClasses() throws {
        #expect(try JSON.encodeString(Shape.circle(radius: 1.5)) == #"{"type":"circle","radius":1.5}"#)
        #expect(try JSON.decode(Shape.self, from: #"{"type":"square","side":2}"#) == .square(side: 2))
    }

    @Test func errorsCarryAPathAndAPosition() {
        let error = expectLodumError {
            _ = try JSON.decode([User].self, from: #"[{"email": "a"}, {"email": 7}]"#)
        }
        // error?.path: [1].email, error?.position: line 1, column 28
        #expect(error?.path.description == "[1].email")
        #expect(error?.position?.description == "line 1, column 28")
        #expect(error?.description == "Error at [1].email (line 1, column 28): expected String, found Number 7")
    }

    @Test func everySwiftBlockOfThePageIsAnExcerptOfThisFile() throws {
        let page = try DocumentationPage("ComingFromPython.md")
        #expect(page.swiftBlocks.count >= 3)
        for problem in try page.uncompiledBlocks(in: ["Tests/LodumCoreTests"], excluding: []) {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
