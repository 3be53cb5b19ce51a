// The examples of Docs/Migrating.md, compiled and run; the page's Swift blocks are
// excerpts of this file (checked below).

import Foundation
import Lodum
import LodumTestSupport
import Testing

struct Order: Codable, Equatable {
    var id: Int
    var customerName: String
    var placedAt: Date
    var items: [String]
}

@Lodum(renameAll: .snakeCase)
struct FastOrder: Codable, Equatable {
    var id: Int
    var customerName: String
    var placedAt: Date
    var items: [String]
}

@Lodum
struct Account: Equatable {
    @Field(rename: "account_id") var id: Int
    @Field(using: EpochSeconds.self) var createdAt: Date
    var balance: Decimal
}

@Suite("Migrating from Codable and Yams: the page's examples")
struct MigratingExamplesTests {
    static let order = Order(id: 1, customerName: "Ada", placedAt: Date(timeIntervalSince1970: 1_514_862_245), items: ["tea"])

    @Test func codableTypesWorkAsTheyAre() throws {
        let order = Self.order
        // Before: JSONEncoder().encode(order) and JSONDecoder().decode(Order.self, from: data)
        let data = try JSON.encode(order)
        let back = try JSON.decode(Order.self, from: data)
        let yaml = try YAML.encodeString(order)
        let packed = try MsgPack.encode(order)

        #expect(back == order)
        #expect(String(decoding: data, as: UTF8.self) == #"{"id":1,"customerName":"Ada","placedAt":"2018-01-02T03:04:05Z","items":["tea"]}"#)
        #expect(try YAML.decode(Order.self, from: yaml) == order)
        #expect(try MsgPack.decode(Order.self, from: packed) == order)
    }

    @Test func foundationsDefaultDatesAreNumbersLodumRefusesClearly() throws {
        let foundation = try JSONEncoder().encode(Self.order)
        let error = expectLodumError { _ = try JSON.decode(Order.self, from: foundation) }
        #expect(error?.path.description == "placedAt")
        let iso = JSONEncoder()
        iso.dateEncodingStrategy = .iso8601
        #expect(try JSON.decode(Order.self, from: iso.encode(Self.order)) == Self.order)
    }

    @Test func theLodumTypeWritesSnakeCaseKeys() throws {
        let fast = FastOrder(id: 1, customerName: "Ada", placedAt: Date(timeIntervalSince1970: 0), items: [])
        #expect(try JSON.encodeString(fast) == #"{"id":1,"customer_name":"Ada","placed_at":"1970-01-01T00:00:00Z","items":[]}"#)
    }

    @Test func strategiesBecomeFieldOptions() throws {
        let account = Account(id: 7, createdAt: Date(timeIntervalSince1970: 1_700_000_000), balance: Decimal(string: "10.25") ?? 0)
        let text = try JSON.encodeString(account, options: JSONOptions(indent: 2, sortedKeys: true))
        #expect(text == """
            {
              "account_id": 7,
              "balance": 10.25,
              "createdAt": 1700000000
            }
            """)
        #expect(try JSON.decode(Account.self, from: text) == account)
    }

    @Test func yamsCallsHaveTheirCounterparts() throws {
        let text = """
            name: orders
            ports: [8080, 8443]
            ---
            name: billing
            ports: []
            """
        // Before: Yams.load_all(yaml: text)
        var documents = YAML.documents(Value.self, from: Data(text.utf8))
        var names: [String] = []
        while let document = try documents.next() {
            names.append(document["name"]?.stringValue ?? "")
        }
        // Before: try YAMLDecoder().decode(Order.self, from: text)
        let first = try YAML.decode(Value.self, from: "name: orders\nports: [8080, 8443]\n")

        #expect(names == ["orders", "billing"])
        #expect(first["ports"]?[1] == 8443)
    }

    @Test func everySwiftBlockOfThePageIsAnExcerptOfThisFile() throws {
        let page = try DocumentationPage("Migrating.md")
        #expect(page.swiftBlocks.count >= 3)
        for problem in try page.uncompiledBlocks(in: ["Tests/LodumCoreTests"]) {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
