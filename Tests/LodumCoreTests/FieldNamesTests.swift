import Lodum
import Testing

@Lodum struct Coordinates {
    var latitude: Double
    var longitude: Double
    var altitude: Double?
}

@Suite("FieldNames: matching key bytes against a type's fields")
struct FieldNamesTests {
    static let table: FieldNames = ["id", "name", "identifier", "", "é"]

    static func index(of key: String, hint: Int = 0) -> Int? {
        var key = key
        return key.withUTF8 { table.index(of: UnsafeRawBufferPointer($0), hint: hint) }
    }

    @Test func matchesEachFieldExactly() {
        #expect(Self.index(of: "id") == 0)
        #expect(Self.index(of: "name") == 1)
        #expect(Self.index(of: "identifier") == 2)
        #expect(Self.index(of: "") == 3)
        #expect(Self.index(of: "é") == 4)
    }

    @Test func prefixesAndExtensionsDoNotMatch() {
        #expect(Self.index(of: "i") == nil)
        #expect(Self.index(of: "ide") == nil)
        #expect(Self.index(of: "identifiers") == nil)
        #expect(Self.index(of: "Name") == nil)
        #expect(Self.index(of: "e\u{301}") == nil, "keys match by bytes, not by canonical equivalence")
    }

    @Test func everyHintFindsEveryField() {
        for hint in -1...7 {
            #expect(Self.index(of: "id", hint: hint) == 0)
            #expect(Self.index(of: "é", hint: hint) == 4)
            #expect(Self.index(of: "missing", hint: hint) == nil)
        }
    }

    @Test func stringLookupMatchesByteLookup() {
        #expect(Self.table.index(of: "name") == 1)
        #expect(Self.table.index(of: "nope") == nil)
        #expect(Self.table.count == 5)
    }

    @Test func emptyTableMatchesNothing() {
        let empty: FieldNames = []
        #expect(empty.index(of: "") == nil)
        #expect(empty.count == 0)
    }

    @Test func lodumTypeListsItsStoredPropertiesInDeclarationOrder() {
        #expect(Coordinates.lodumFields.names.map(\.description) == ["latitude", "longitude", "altitude"])
    }
}
