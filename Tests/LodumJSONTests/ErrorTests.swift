import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("Errors: one type, with the coding path, the position, what was expected and found")
struct ErrorTests {
    static let badDataset = #"{"points":[{"x":1,"y":2},{"x":3,"y":4},{"x":"abc","y":5}]}"#

    /// The 1-based column of the first occurrence of `needle` in one-line `text`.
    static func column(of needle: String, in text: String) -> Int {
        let range = text.range(of: needle)!
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
    }

    @Test func typeMismatchDescribesPathPositionExpectedAndFound() {
        let error = expectLodumError { _ = try JSON.decode(Dataset.self, from: Self.badDataset) }
        let column = Self.column(of: #""abc""#, in: Self.badDataset)
        let description = error?.description ?? ""
        #expect(description.contains("points[2].x"))
        #expect(description.contains("line 1, column \(column)"), "\(description)")
        #expect(description.contains("expected Int"))
        #expect(description.contains(#"found String "abc""#))
        #expect(description == #"Error at points[2].x (line 1, column \#(column)): expected Int, found String "abc""#)
    }

    @Test func typeMismatchCarriesStructuredFields() {
        let error = expectLodumError { _ = try JSON.decode(Dataset.self, from: Self.badDataset) }
        #expect(error?.kind == .typeMismatch(expected: "Int", found: #"String "abc""#))
        #expect(error?.path == CodingPath([.field("points"), .index(2), .field("x")]))
        let offset = Self.column(of: #""abc""#, in: Self.badDataset) - 1
        #expect(error?.position == .text(line: 1, column: offset + 1, offset: offset))
        #expect(error?.position?.offset == offset)
    }

    @Test func multiLineInputReportsTheLineAndColumnOfTheBadValue() {
        let input = """
            {
              "points": [
                {"x": 1, "y": 2},
                {"x": 3, "y": 4},
                {"x": 5,
                 "y": true}
              ]
            }
            """
        let error = expectLodumError { _ = try JSON.decode(Dataset.self, from: input) }
        #expect(error?.path.description == "points[2].y")
        #expect(error?.kind == .typeMismatch(expected: "Int", found: "Bool true"))
        let line = input.split(separator: "\n", omittingEmptySubsequences: false)[5]
        let column = Self.column(of: "true", in: String(line))
        #expect(error?.position == .text(line: 6, column: column, offset: input.utf8.count - "true}\n  ]\n}".utf8.count))
        #expect(error?.description.contains("line 6, column \(column)") == true)
    }

    @Test func windowsLineEndingsCountAsOneLineEach() {
        let input = "{\r\n\"x\": 1,\r\n\"y\": null\r\n}"
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: input) }
        #expect(error?.description.contains("line 3, column 6") == true, "\(String(describing: error))")
    }

    @Test func positionIsRightWhenTheInputArrivesInSmallChunks() throws {
        var lines = ["["]
        for index in 0..<300 { lines.append(#"  {"id": \#(index), "name": "n\#(index)"},"#) }
        lines.append(#"  {"id": "late", "name": "bad"}"#)
        lines.append("]")
        let input = lines.joined(separator: "\n")
        let source = CountingSource(Array(input.utf8), chunkSize: 7)
        var records = JSON.stream(Record.self, from: source)
        var count = 0
        let error = expectLodumError {
            while try records.next() != nil { count += 1 }
        }
        #expect(count == 300)
        #expect(error?.path.description == "[300].id")
        #expect(error?.description.contains("line 302, column 10") == true, "\(String(describing: error))")
        #expect(error?.position?.offset == input.utf8.count - #""late", "name": "bad"}"#.utf8.count - 2)
    }

    @Test func syntaxErrorReportsWhereTheInputWentWrong() {
        let input = "{\"x\": 1,\n \"y\": 2,\n}"
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: input) }
        guard case .syntax(let message)? = error?.kind else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("trailing comma"))
        #expect(error?.description.contains("line 3, column 1") == true, "\(String(describing: error))")
    }

    @Test func foundValueIsDescribedByItsKind() {
        let cases: [(input: String, found: String)] = [
            (#"{"x":null,"y":1}"#, "null"),
            (#"{"x":false,"y":1}"#, "Bool false"),
            (#"{"x":[1],"y":1}"#, "Array"),
            (#"{"x":{"a":1},"y":1}"#, "Object"),
            (#"{"x":1.5,"y":1}"#, "Number 1.5"),
        ]
        for (input, found) in cases {
            let error = expectLodumError { _ = try JSON.decode(Point.self, from: input) }
            #expect(error?.kind == .typeMismatch(expected: "Int", found: found), "\(input)")
        }
    }

    @Test func foundStringWithEscapesIsShownUnescaped() {
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: #"{"x":"tab\there \u00e9","y":1}"#) }
        #expect(error?.kind == .typeMismatch(expected: "Int", found: #"String "tab\there é""#))
    }

    @Test func longFoundStringIsShortened() {
        let long = String(repeating: "a", count: 500)
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: #"{"x":"\#(long)","y":1}"#) }
        let description = error?.description ?? ""
        #expect(description.contains("found String"))
        #expect(description.count < 200, "\(description)")
    }

    @Test func expectingAStructButFindingAnArrayIsATypeMismatch() {
        let error = expectLodumError { _ = try JSON.decode(Point.self, from: "[1,2]") }
        #expect(error?.kind == .typeMismatch(expected: "Object", found: "Array"))
        #expect(error?.path == .root)
        #expect(error?.description.hasPrefix("Error at <root> (line 1, column 1)") == true)
    }

    @Test func errorInsideADictionaryNamesTheKey() {
        let error = expectLodumError { _ = try JSON.decode([String: Point].self, from: #"{"a":{"x":1,"y":2},"b c":{"x":1,"y":"2"}}"#) }
        #expect(error?.path == CodingPath([.key("b c"), .field("y")]))
        #expect(error?.path.description == #"["b c"].y"#)
    }

    @Test func everyFailureIsALodumError() {
        let inputs = ["", "{", #"{"x":}"#, "[1,]", "nul", #"{"x":1,"y":2"#, "\u{1}", "{\"x\":1 \"y\":2}"]
        for input in inputs {
            _ = expectLodumError("\(input.debugDescription)") { _ = try JSON.decode(Point.self, from: input) }
            _ = expectLodumError("\(input.debugDescription)") { _ = try JSON.decode(Value.self, from: input) }
        }
    }
}

@Suite("Truncated input always throws, never crashes")
struct TruncationTests {
    static let document = """
        {"owner":{"name":"Ada \\u00e9\\ud83d\\ude00","age":36},"items":[{"sku":"a-1","price":9.99,"quantity":3},\
        {"sku":"b\\"2","price":-1.5e-3,"quantity":65535}],"tags":["x",""],"counts":{"a":1,"b":-2},\
        "itemsByName":{},"note":null,"missingNote":"t","matrix":[[1.0,2],[]],"sparse":[null,1],\
        "section":{"title":"T","pages":[1,2,3]},"flags":[true,false]}
        """

    @Test func sampleDocumentDecodesWhole() throws {
        let inventory = try JSON.decode(Inventory.self, from: Self.document)
        #expect(inventory.owner.name == "Ada é😀")
        #expect(inventory.items[1].sku == "b\"2")
        _ = try JSON.decode(Value.self, from: Self.document)
    }

    @Test func everyProperPrefixIsRejectedWhenDecoded() {
        let bytes = Array(Self.document.utf8)
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            _ = expectLodumError("prefix of \(length) bytes") { _ = try JSON.decode(Inventory.self, from: prefix) }
            _ = expectLodumError("prefix of \(length) bytes") { _ = try JSON.decode(Value.self, from: prefix) }
        }
    }

    @Test func everyProperPrefixIsRejectedWhenLoadedInSmallChunks() {
        let bytes = Array(Self.document.utf8)
        for length in stride(from: 0, to: bytes.count, by: 3) {
            let source = CountingSource(Array(bytes[..<length]), chunkSize: 5)
            _ = expectLodumError("prefix of \(length) bytes") { _ = try JSON.load(Value.self, from: source) }
        }
    }

    @Test func everyProperPrefixOfAStreamEndsInAnError() {
        let bytes = Fixtures.recordArray(count: 4)
        for length in 0..<bytes.count {
            var records = JSON.stream(Record.self, from: Array(bytes[..<length]))
            _ = expectLodumError("prefix of \(length) bytes") {
                while try records.next() != nil {}
            }
        }
    }
}
