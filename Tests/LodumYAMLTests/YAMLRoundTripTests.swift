import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("YAML round trips of @Lodum, Codable and Value data")
struct YAMLRoundTripTests {
    static let inventory = Inventory(
        owner: Person(name: "Ada", age: 36),
        items: [Item(sku: "a-1", price: 9.99, quantity: 3), Item(sku: "b-2", price: 0.5, quantity: 65535)],
        tags: ["new", "", "ünïcödé ✓", "yes", "1.0"],
        counts: ["apples": 3, "pears": -1, "null": 0, "": 7],
        itemsByName: ["first": Item(sku: "c-3", price: 1e-3, quantity: 0)],
        note: "fragile",
        missingNote: nil,
        matrix: [[1.5, -2.25], [], [0.1]],
        sparse: [1, nil, 3],
        section: Catalog.Section(title: "Intro", pages: [1, 2, 3]),
        flags: [true, false])

    @Test func structWithNestedTypesOptionalsArraysAndDictionariesRoundTrips() throws {
        let data = try YAML.encode(Self.inventory)
        #expect(try YAML.decode(Inventory.self, from: data) == Self.inventory)
    }

    @Test func roundTripsInFlowStyleToo() throws {
        let text = try YAML.encodeString(Self.inventory, options: YAMLOptions(style: .flow))
        #expect(text.hasPrefix("{"))
        #expect(try YAML.decode(Inventory.self, from: text) == Self.inventory)
    }

    @Test func structIsWrittenAsABlockMappingInDeclarationOrder() throws {
        #expect(try YAML.encodeString(Person(name: "Ada", age: 36)) == "name: Ada\nage: 36\n")
        #expect(try YAML.encodeString(Box(value: [Point(x: 1, y: 2)])) == "value:\n- x: 1\n  y: 2\n")
    }

    @Test func nilOptionalIsWrittenAsNullAndReadBackAsNil() throws {
        let text = try YAML.encodeString(YSettings(name: "n", timeout: nil))
        #expect(text == "name: n\nretries: 3\ntimeout: null\ncomment: null\n")
        let back = try YAML.decode(YSettings.self, from: text)
        #expect(back.timeout == nil)
        #expect(back.comment == nil)
    }

    @Test func missingKeyTakesTheDefaultWhileNullIsNil() throws {
        let missing = try YAML.decode(YSettings.self, from: "name: x\n")
        #expect(missing == YSettings(name: "x", retries: 3, timeout: 1.5, comment: nil))
        for null in ["null", "~", "", "Null", "NULL", "!!null ''"] {
            let explicit = try YAML.decode(YSettings.self, from: "name: x\ntimeout: \(null)\n")
            #expect(explicit.timeout == nil, "timeout: \(null)")
        }
    }

    @Test func missingKeyWithoutDefaultIsAnErrorNamingTheField() {
        let error = expectLodumError { _ = try YAML.decode(Point.self, from: "x: 1\n") }
        #expect(error?.kind == .missingField("y"))
        #expect(error?.path.description == "y")
    }

    @Test func unknownKeysAreSkippedWhateverTheirValues() throws {
        let input = """
            extra: 1
            x: 10
            nested: {a: [1, {b: null}], c: "}"}
            block:
              - - deep
                - [x, {y: z}]
              - key: value
            ? [complex, key]
            : value
            anchored: &a {q: 1}
            aliased: *a
            y: 20
            """
        #expect(try YAML.decode(Point.self, from: input) == Point(x: 10, y: 20))
    }

    @Test func finalClassRoundTripsWithItsChildren() throws {
        let tree = Tree(name: "root", weight: 2.5, children: [Tree(name: "left", parentName: "root"), Tree(name: "right")])
        let back = try YAML.decode(Tree.self, from: YAML.encode(tree))
        #expect(back.name == "root")
        #expect(back.weight == 2.5)
        #expect(back.children.map(\.name) == ["left", "right"])
        #expect(back.children[0].parentName == "root")
        #expect(back.children[1].parentName == nil)
    }

    @Test func everyScalarTypeRoundTripsAtItsMinimum() throws {
        #expect(try YAML.decode(AllScalars.self, from: YAML.encode(AllScalars.minimums)) == AllScalars.minimums)
    }

    @Test func everyScalarTypeRoundTripsAtItsMaximum() throws {
        #expect(try YAML.decode(AllScalars.self, from: YAML.encode(AllScalars.maximums)) == AllScalars.maximums)
    }

    @Test func integerExtremesAreWrittenAsPlainDecimalText() throws {
        let maximums = try YAML.encodeString(AllScalars.maximums)
        #expect(maximums.contains("\nint64: 9223372036854775807\n"))
        #expect(maximums.contains("\nuint64: 18446744073709551615\n"))
        #expect(maximums.contains("\nint8: 127\n"))
        #expect(maximums.contains("\nuint8: 255\n"))
        let minimums = try YAML.encodeString(AllScalars.minimums)
        #expect(minimums.contains("\nint64: -9223372036854775808\n"))
        #expect(minimums.contains("\nint8: -128\n"))
        #expect(minimums.contains("\nint16: -32768\n"))
        #expect(minimums.contains("\nint32: -2147483648\n"))
        #expect(minimums.contains("\nstring: ''\n"))
    }

    @Test func uint64MaxRoundTripsAtTheTopLevel() throws {
        #expect(try YAML.encodeString(UInt64.max) == "18446744073709551615\n")
        #expect(try YAML.decode(UInt64.self, from: YAML.encode(UInt64.max)) == .max)
        #expect(try YAML.decode(Value.self, from: "18446744073709551615") == .uint(.max))
        #expect(try YAML.decode(Int64.self, from: "-9223372036854775808") == .min)
    }

    @Test func genericStructRoundTrips() throws {
        let box = Box(value: [Point(x: 1, y: 2)])
        #expect(try YAML.decode(Box<[Point]>.self, from: YAML.encode(box)) == box)
    }

    @Test func emptyCollectionsRoundTrip() throws {
        let box = Box(value: [String: [Int]]())
        #expect(try YAML.encodeString(box) == "value: {}\n")
        #expect(try YAML.decode(Box<[String: [Int]]>.self, from: "value: {}") == box)
        #expect(try YAML.encodeString([Int]()) == "[]\n")
        #expect(try YAML.decode([Point].self, from: "[]") == [])
        #expect(try YAML.decode([[Int]].self, from: YAML.encode([[Int]](arrayLiteral: [], [1], []))) == [[], [1], []])
    }

    @Test func dictionariesWithAwkwardKeysRoundTrip() throws {
        let map = [
            "quote\"": 1, "tab\t": 2, "slash\\": 3, "": 4, "é": 5, "yes": 6, "1": 7, "null": 8, "a: b": 9,
            "- x": 10, "#c": 11, "multi\nline": 12, String(repeating: "k", count: 300): 13, "[x]": 14, "?": 15,
        ]
        #expect(try YAML.decode([String: Int].self, from: YAML.encode(map)) == map)
        #expect(try YAML.decode([String: Int].self, from: YAML.encode(map, options: YAMLOptions(style: .flow))) == map)
    }

    @Test func topLevelScalarsAndOptionalsRoundTrip() throws {
        #expect(try YAML.decode(Int.self, from: YAML.encode(42)) == 42)
        #expect(try YAML.decode(String.self, from: YAML.encode("text")) == "text")
        #expect(try YAML.decode(Bool.self, from: YAML.encode(true)) == true)
        #expect(try YAML.decode(Int?.self, from: YAML.encode(Int?.none)) == nil)
        #expect(try YAML.decode(String?.self, from: YAML.encode(String?.some("null"))) == "null")
        #expect(try YAML.decode(Int?.self, from: "7") == 7)
        #expect(try YAML.decode(Int?.self, from: "---\n") == nil)
        #expect(try YAML.decode(Int?.self, from: "~") == nil)
        // No document at all is not a null document.
        #expect(expectLodumError { _ = try YAML.decode(Int?.self, from: "") }?.kind == .unexpectedEndOfInput)
        #expect(expectLodumError { _ = try YAML.decode(Int?.self, from: "# only a comment\n") }?.kind == .unexpectedEndOfInput)
    }

    @Test func decodeReadsFromDataBytesStringAndSubstring() throws {
        let text = "x: 1\ny: 2\n"
        let expected = Point(x: 1, y: 2)
        #expect(try YAML.decode(Point.self, from: Data(text.utf8)) == expected)
        #expect(try YAML.decode(Point.self, from: Array(text.utf8)) == expected)
        #expect(try YAML.decode(Point.self, from: Array(("#" + text).utf8)[1...]) == expected)
        #expect(try YAML.decode(Point.self, from: ("[" + text + "]").dropFirst().dropLast()) == expected)
    }

    @Test func byteOrderMarksCarriageReturnsAndUTF16AreRead() throws {
        let point = Point(x: 1, y: 2)
        #expect(try YAML.decode(Point.self, from: [0xEF, 0xBB, 0xBF] + Array("x: 1\ny: 2\n".utf8)) == point)
        #expect(try YAML.decode(Point.self, from: "x: 1\r\ny: 2\r\n") == point)
        #expect(try YAML.decode([String: String].self, from: "a: |\r\n  one\r\n  two\r\n") == ["a": "one\ntwo\n"])
        let utf16: [UInt8] = [0xFF, 0xFE] + "x: 1\ny: 2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try YAML.decode(Point.self, from: utf16) == point)
        #expect(try YAML.load(Point.self, from: CountingSource(utf16, chunkSize: 3)) == point)
    }

    @Test func scalarLongerThanTheInputWindowLoadsThroughASmallChunkedSource() throws {
        let long = String(repeating: "0123456789 abcdef ", count: InputBuffer.defaultCapacity / 6)
        let bytes = [UInt8](try YAML.encode([YLabel(label: long), YLabel(label: "short")]))
        let labels = try YAML.load([YLabel].self, from: CountingSource(bytes, chunkSize: 1000))
        #expect(labels.map(\.label) == [long, "short"])
        var stream = YAML.stream(YLabel.self, from: CountingSource(bytes, chunkSize: 4096))
        #expect(try stream.next()?.label == long)
        #expect(try stream.next()?.label == "short")
        #expect(try stream.next() == nil)
    }



    @Test(arguments: [1, 7, 4096])
    func loadFromAChunkedSourceMatchesDecode(chunkSize: Int) throws {
        let bytes = [UInt8](try YAML.encode(Self.inventory, options: YAMLOptions(indent: 3)))
        let source = CountingSource(bytes, chunkSize: chunkSize)
        #expect(try YAML.load(Inventory.self, from: source) == Self.inventory)
        #expect(source.isDrained)
    }

    @Test func dumpContentsOfAndStreamRoundTripThroughAFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("points.yaml")
            try YAML.dump(contentsOf: (0..<3_000).lazy.map { Point(x: $0, y: -$0) }, to: url)
            var points = YAML.stream(Point.self, from: url)
            var count = 0
            while let point = try points.next() {
                #expect(point == Point(x: count, y: -count))
                count += 1
            }
            #expect(count == 3_000)
            #expect(try YAML.load([Point].self, from: url).count == 3_000)
        }
    }

    @Test func dumpDocumentsAndDocumentsRoundTripThroughAFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.yaml")
            let records = (0..<500).map { Record(id: $0, name: $0 % 3 == 0 ? "yes" : "n\($0)") }
            try YAML.dump(documents: records, to: url)
            var stream = YAML.documents(Record.self, from: url)
            var back: [Record] = []
            while let record = try stream.next() { back.append(record) }
            #expect(back == records)
        }
    }

    @Test func streamIteratesWithForTryAwait() async throws {
        var ids: [Int] = []
        for try await record in YAML.stream(Record.self, from: Fixtures.recordSequence(count: 100)) {
            ids.append(record.id)
        }
        #expect(ids == Array(0..<100))
    }

    @Test func streamFromAsyncChunksYieldsEveryElement() async throws {
        let bytes = Fixtures.recordSequence(count: 300)
        let chunks = AsyncStream<[UInt8]> { continuation in
            for start in stride(from: 0, to: bytes.count, by: 13) {
                continuation.yield(Array(bytes[start..<min(start + 13, bytes.count)]))
            }
            continuation.finish()
        }
        var ids: [Int] = []
        for try await record in YAML.stream(Record.self, fromChunks: chunks) { ids.append(record.id) }
        #expect(ids == Array(0..<300))
    }

    // MARK: Value trees

    static let valueTree: Value = yamlObject([
        "null": .null,
        "bool": .bool(true),
        "int": .int(-42),
        "big": .uint(.max),
        "double": .double(2.5),
        "integral double": .double(3),
        "inf": .double(.infinity),
        "string": .string("text"),
        "ambiguous": .string("true"),
        "number text": .string("12"),
        "bytes": .bytes([0, 1, 2, 254, 255]),
        "array": .array([.int(1), .string(""), .null, .array([]), .object([])]),
        "object": yamlObject(["nested": yamlObject(["deep": .array([.double(-0.5)])])]),
    ])

    @Test func valueTreeRoundTripsKeepingKindsAndMemberOrder() throws {
        for options in [YAMLOptions(), YAMLOptions(style: .flow)] {
            let back = try YAML.decode(Value.self, from: YAML.encode(Self.valueTree, options: options))
            #expect(back == Self.valueTree)
            guard case .object(let members) = back, case .object(let expected) = Self.valueTree else {
                Issue.record("not an object: \(back)")
                continue
            }
            #expect(members.map(\.key) == expected.map(\.key))
            // A double with an integral value stays a double: it is written `3.0`.
            #expect(members.first { $0.key == "integral double" }?.value.kind == .double)
            #expect(members.first { $0.key == "number text" }?.value.kind == .string)
            #expect(members.first { $0.key == "bytes" }?.value.kind == .bytes)
        }
    }

    /// A random tree of every kind of value, with awkward strings and keys.
    static func randomValue(depth: Int, using generator: inout SeededGenerator) -> Value {
        let alphabet: [Character] = ["a", "Z", " ", "\n", ":", "#", "-", "'", "\"", "&", "*", "!", "[", "{", ",", "0", ".", "é", "😀", "\t", "~"]
        func text() -> String {
            String((0..<Int.random(in: 0..<8, using: &generator)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        }
        let choice = Int.random(in: 0..<(depth > 0 ? 11 : 9), using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64(bitPattern: generator.next()) >> Int64.random(in: 0..<64, using: &generator))
        case 3: return .uint(UInt64(Int64.max) + generator.next() % UInt64(Int64.max))
        case 4: return .double(Double(bitPattern: generator.next()))
        case 5: return .double([0.5, -0.0, .infinity, -.infinity, 1e300, 3][Int.random(in: 0..<6, using: &generator)])
        case 6, 7: return .string(text())
        case 8: return .bytes((0..<Int.random(in: 0..<10, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        case 9: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in randomValue(depth: depth - 1, using: &generator) })
        default:
            var keys = Set<String>()
            var members: [Value.Member] = []
            for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                let key = text()
                guard keys.insert(key).inserted else { continue }
                members.append(Value.Member(key: key, value: randomValue(depth: depth - 1, using: &generator)))
            }
            return .object(members)
        }
    }

    @Test func randomValueTreesRoundTripInEveryStyle() throws {
        var generator = SeededGenerator(seed: 0x7EE5)
        let trees = (0..<600).map { _ in Self.randomValue(depth: 5, using: &generator) }
        for options in [YAMLOptions(), YAMLOptions(style: .flow), YAMLOptions(indent: 7, lineWidth: 12)] {
            for tree in trees {
                let text = try YAML.encodeString(tree, options: options)
                #expect(try YAML.decode(Value.self, from: text) == tree, "\(text.debugDescription)")
            }
            let sink = RecordingSink()
            try YAML.dump(documents: trees, to: sink, options: options)
            var documents = YAML.documents(Value.self, from: sink.bytes)
            var back: [Value] = []
            while let value = try documents.next() { back.append(value) }
            #expect(back == trees)
        }
    }

    @Test func valueReadsTheKindsOfPlainScalars() throws {
        let value = try YAML.decode(Value.self, from: "[1, -2, 0x1F, 0o17, 1.5, .inf, -.Inf, .NaN, true, False, null, ~, word, '1', \"true\", 18446744073709551615]")
        guard case .array(let elements) = value else {
            Issue.record("not an array: \(value)")
            return
        }
        #expect(elements.map(\.kind) == [.int, .int, .int, .int, .double, .double, .double, .double, .bool, .bool, .null, .null, .string, .string, .string, .uint])
        #expect(elements[2] == .int(31))
        #expect(elements[3] == .int(15))
        #expect(elements[5] == .double(.infinity))
        #expect(elements[6] == .double(-.infinity))
        if case .double(let nan) = elements[7] { #expect(nan.isNaN) }
    }

    // MARK: Codable

    static let order = CodableOrder(
        id: .max, status: .shipped, lines: [CodableLine(product: "tea", count: -3), CodableLine(product: "", count: 127)],
        notes: ["gift": "yes", "null": "~"], discount: nil, origin: Location(x: 1, y: -1))

    @Test func codableTypeRoundTripsThroughEncodeAndDecode() throws {
        #expect(try YAML.decode(CodableOrder.self, from: YAML.encode(Self.order)) == Self.order)
        #expect(try YAML.decode(CodableOrder.self, from: YAML.encodeString(Self.order, options: YAMLOptions(style: .flow))) == Self.order)
    }

    @Test func codableTypeEncodesLikeTheEquivalentLodumType() throws {
        #expect(try YAML.encodeString(CodableRecord(id: 7, name: "seven")) == YAML.encodeString(Record(id: 7, name: "seven")))
    }

    @Test func codableRoundTripsThroughDumpLoadStreamAndDocuments() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("order.yaml")
            try YAML.dump(Self.order, to: url)
            #expect(try YAML.load(CodableOrder.self, from: url) == Self.order)

            let records = (0..<50).map { CodableRecord(id: $0, name: "n\($0)") }
            try YAML.dump(contentsOf: records, to: url)
            var stream = YAML.stream(CodableRecord.self, from: url)
            var back: [CodableRecord] = []
            while let record = try stream.next() { back.append(record) }
            #expect(back == records)

            try YAML.dump(documents: records, to: url)
            var documents = YAML.documents(CodableRecord.self, from: url)
            back = []
            while let record = try documents.next() { back.append(record) }
            #expect(back == records)
        }
    }

    @Test func codableMismatchIsALodumErrorWithThePath() {
        let error = expectLodumError { _ = try YAML.decode([CodableRecord].self, from: "- {id: 1, name: a}\n- {id: x, name: b}\n") }
        #expect(error?.path.description == "[1].id")
    }
}
