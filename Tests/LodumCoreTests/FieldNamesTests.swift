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

    /// Names of every length from 1 to 40, compared a word at a time: a key that differs
    /// from one in a single byte, at any position, must not match it.
    static let longNames = FieldNames(alphabetPrefixes)
    /// The prefixes of one alphabet, as literals (a `StaticString` cannot be made otherwise).
    static let alphabetPrefixes: [StaticString] = [
        "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij",
        "abcdefghijk", "abcdefghijkl", "abcdefghijklm", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop",
        "abcdefghijklmnopq", "abcdefghijklmnopqr", "abcdefghijklmnopqrs", "abcdefghijklmnopqrst",
        "abcdefghijklmnopqrstu", "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwx",
        "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz0",
        "abcdefghijklmnopqrstuvwxyz01", "abcdefghijklmnopqrstuvwxyz012", "abcdefghijklmnopqrstuvwxyz0123",
        "abcdefghijklmnopqrstuvwxyz01234", "abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz0123456",
        "abcdefghijklmnopqrstuvwxyz01234567", "abcdefghijklmnopqrstuvwxyz012345678", "abcdefghijklmnopqrstuvwxyz0123456789",
        "abcdefghijklmnopqrstuvwxyz0123456789A", "abcdefghijklmnopqrstuvwxyz0123456789AB",
        "abcdefghijklmnopqrstuvwxyz0123456789ABC", "abcdefghijklmnopqrstuvwxyz0123456789ABCD",
    ]

    @Test func keysOfEveryLengthMatchOnlyWhenEveryByteIsEqual() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCD".utf8)
        for length in 1...40 {
            let key = Array(alphabet[0..<length])
            let found = key.withUnsafeBytes { Self.longNames.index(of: $0, hint: 0) }
            #expect(found == length - 1, "length \(length)")
            for position in 0..<length {
                var changed = key
                changed[position] = UInt8(ascii: "_")
                let wrongly = changed.withUnsafeBytes { Self.longNames.index(of: $0, hint: length - 1) }
                #expect(wrongly == nil, "length \(length), byte \(position) changed")
            }
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
