import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum final class YChain {
    var id: Int
    var next: YChain?

    init(id: Int, next: YChain?) {
        self.id = id
        self.next = next
    }

    static func chain(length: Int) -> YChain {
        var head = YChain(id: length - 1, next: nil)
        for id in stride(from: length - 2, through: 0, by: -1) { head = YChain(id: id, next: head) }
        return head
    }
}

/// A typed model of any nesting: a mapping's `children` or a sequence's elements.
struct YNestAny: Deserializable {
    var children: [YNestAny] = []

    init<D: Deserializer>(from deserializer: inout D) throws {
        if try deserializer.peekKind() == .map {
            children = try YNest(from: &deserializer).children.map { _ in YNestAny() }
        } else {
            children = try [YNestAny](from: &deserializer)
        }
    }

    init() {}
}

@Suite("YAML limits: nesting depth and input size")
struct YAMLLimitsTests {
    static func expectDepthLimit(_ error: LodumError?, _ limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.kind == .limitExceeded(.depth(limit)), "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains("maxDepth") == true, sourceLocation: sourceLocation)
    }

    /// Flow collections and block sequences nest a million levels deep. A block mapping
    /// needs a line of its own and one more space of indentation per level, so its size
    /// grows with the square of its depth: 1,000 levels are half a megabyte, a million would
    /// be 500 GB, so block mappings stay at 1,000.
    static let levels = 1_000_000
    static let blockMappingLevels = 1_000
    static let deepKinds = ["flow sequences", "flow mappings", "block sequences", "block mappings"]

    /// One kind of nesting, every line indented by `indent` spaces. A test argument is
    /// described in the test's identity, which megabytes of input should not be, so the
    /// tests take the kind's name.
    static func nesting(_ kind: String, indentedBy indent: Int = 0) -> String {
        let margin = String(repeating: " ", count: indent)
        switch kind {
        case "flow sequences": return margin + String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        case "flow mappings": return margin + String(repeating: "{a: ", count: levels) + "1" + String(repeating: "}", count: levels)
        case "block sequences": return margin + String(repeating: "- ", count: levels) + "x\n"
        default:
            var text = ""
            for level in 0..<blockMappingLevels { text += margin + String(repeating: " ", count: level) + "a:\n" }
            return text + margin + String(repeating: " ", count: blockMappingLevels) + "1\n"
        }
    }

    @Test(arguments: deepKinds)
    func deepNestingIsALimitErrorNotACrash(_ kind: String) {
        let input = Self.nesting(kind)
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try YAML.decode(Value.self, from: input) }, 100)
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try YAML.decode(YNestAny.self, from: input) }, 100)
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try YAML.load(Value.self, from: CountingSource(Fixtures.bytes(input), chunkSize: 4096)) }, 100)
        // Inside a key the type skips.
        let skipped = "x: 1\ny: 2\nz:\n" + Self.nesting(kind, indentedBy: 1)
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try YAML.decode(Point.self, from: skipped) }, 100)
    }

    @Test(arguments: deepKinds)
    func streamedElementsAndDocumentsAreBoundedByMaxDepth(_ kind: String) throws {
        let sequence = Fixtures.bytes("- 1\n-\n" + Self.nesting(kind, indentedBy: 2))
        var values = YAML.stream(Value.self, from: sequence)
        #expect(try values.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try values.next() }, 100)
        var chunked = YAML.stream(Value.self, from: CountingSource(sequence, chunkSize: 4096))
        #expect(try chunked.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try chunked.next() }, 100)
        var documents = YAML.documents(Value.self, from: CountingSource(Fixtures.bytes("--- 1\n---\n" + Self.nesting(kind)), chunkSize: 4096))
        #expect(try documents.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try documents.next() }, 100)
    }

    @Test func deepNestingInsideAnAnchorOrAMergeIsALimitError() {
        let deep = Self.nesting("flow sequences")
        Self.expectDepthLimit(expectLodumError { _ = try YAML.decode(Value.self, from: "a: &d \(deep)\n") }, 100)
        Self.expectDepthLimit(expectLodumError { _ = try YAML.decode(Point.self, from: "x: 1\ny: 2\na: &d \(deep)\nb: *d\n") }, 100)
        Self.expectDepthLimit(expectLodumError { _ = try YAML.decode(Value.self, from: "m: {<<: {k: \(deep)}}\n") }, 100)
        Self.expectDepthLimit(expectLodumError { _ = try YAML.decode(Value.self, from: "m: {<<: {k: 1}, rest: \(deep)}\n") }, 100)
    }

    @Test func deeplyNestedAliasesAreALimitError() {
        // Each level's alias replays the previous level inside one more sequence.
        var input = "l0: &l0 [x]\n"
        for level in 1...150 { input += "l\(level): &l\(level) [*l\(level - 1)]\n" }
        Self.expectDepthLimit(expectLodumError { _ = try YAML.decode(Value.self, from: input) }, 100)
    }

    @Test func nestingUpToMaxDepthIsAcceptedAndOneMoreIsNot() throws {
        let limits = Limits(maxDepth: 8)
        _ = try YAML.decode(Value.self, from: String(repeating: "[", count: 8) + String(repeating: "]", count: 8), limits: limits)
        _ = try YAML.decode(Value.self, from: String(repeating: "- ", count: 8) + "x", limits: limits)
        Self.expectDepthLimit(expectLodumError { _ = try YAML.decode(Value.self, from: String(repeating: "- ", count: 9) + "x", limits: limits) }, 8)
    }

    @Test func encodingDeeperThanTheLimitIsAnError() throws {
        Self.expectDepthLimit(expectLodumError { _ = try YAML.encode(YChain.chain(length: 150)) }, 100)
        var value = Value.null
        for _ in 0..<500 { value = .array([value]) }
        Self.expectDepthLimit(expectLodumError { _ = try YAML.encode(value) }, 100)
        #expect(try YAML.decode(YChain.self, from: YAML.encode(YChain.chain(length: 90))).id == 0)
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("deep.yaml")
            Self.expectDepthLimit(expectLodumError { try YAML.dump(YChain.chain(length: 150), to: url) }, 100)
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    // MARK: maxInputSize

    @Test func decodeOfInputLargerThanMaxInputSizeThrowsNamingTheLimit() throws {
        let input = Fixtures.recordSequence(count: 10)
        let error = expectLodumError { _ = try YAML.decode([Record].self, from: input, limits: Limits(maxInputSize: input.count - 1)) }
        #expect(error?.kind == .limitExceeded(.inputSize(input.count - 1)))
        #expect(error?.description.contains("maxInputSize") == true)
        #expect(try YAML.decode([Record].self, from: input, limits: Limits(maxInputSize: input.count)).count == 10)
    }

    @Test func loadOfAFileLargerThanMaxInputSizeThrowsNamingTheLimit() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("big.yaml")
            let bytes = Fixtures.recordSequence(count: 5_000)
            try Data(bytes).write(to: url)
            let limit = bytes.count / 2
            let error = expectLodumError { _ = try YAML.load([Record].self, from: url, limits: Limits(maxInputSize: limit)) }
            #expect(error?.kind == .limitExceeded(.inputSize(limit)))
            #expect(error?.description.contains("maxInputSize (\(limit) bytes)") == true, "\(String(describing: error))")
            #expect(try YAML.load([Record].self, from: url, limits: Limits(maxInputSize: bytes.count)).count == 5_000)
        }
    }

    @Test func loadFromASourceServingSmallChunksStopsAtTheLimit() {
        let source = CountingSource(Fixtures.recordSequence(count: 2_000), chunkSize: 100)
        let error = expectLodumError { _ = try YAML.load([Record].self, from: source, limits: Limits(maxInputSize: 5_000)) }
        #expect(error?.kind == .limitExceeded(.inputSize(5_000)))
        #expect(!source.isDrained, "the load should stop reading once past the limit")
    }

    @Test func streamAndDocumentsAreNotBoundedByMaxInputSize() throws {
        var records = YAML.stream(Record.self, from: Fixtures.recordSequence(count: 1_000), limits: Limits(maxInputSize: 64))
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 1_000)
        var documents = YAML.documents(Record.self, from: Fixtures.recordDocuments(count: 1_000), limits: Limits(maxInputSize: 64))
        count = 0
        while try documents.next() != nil { count += 1 }
        #expect(count == 1_000)
    }

    @Test func anchoredContentInAStreamIsBoundedByMaxInputSize() {
        let big = String(repeating: "x", count: 2_000)
        var records = YAML.stream(Value.self, from: Fixtures.bytes("- &a \(big)\n- *a\n"), limits: Limits(maxInputSize: 1_000))
        let error = expectLodumError { _ = try records.next() }
        #expect(error?.kind == .limitExceeded(.inputSize(1_000)))
    }
}
