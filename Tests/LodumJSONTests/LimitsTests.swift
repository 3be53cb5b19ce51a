import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct Wrapper {
    var known: Int
}

@Lodum struct Nest {
    var children: [Nest]

    /// `depth` levels of nesting, built without recursion.
    static func nested(depth: Int) -> Nest {
        var nest = Nest(children: [])
        for _ in 1..<depth { nest = Nest(children: [nest]) }
        return nest
    }
}

@Suite("Limits: input size and nesting depth")
struct LimitsTests {
    static func nestedArrays(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    static func expectDepthLimit(_ error: LodumError?, _ limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.kind == .limitExceeded(.depth(limit)), "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains("maxDepth") == true, sourceLocation: sourceLocation)
        #expect(error?.description.contains("\(limit)") == true, sourceLocation: sourceLocation)
    }

    @Test func defaultsAreTenMebibytesAndAHundredLevels() {
        #expect(Limits.default.maxInputSize == 10 * 1024 * 1024)
        #expect(Limits.default.maxDepth == 100)
        #expect(Limits() == Limits.default)
    }

    // MARK: maxInputSize

    @Test func decodeOfInputLargerThanMaxInputSizeThrowsNamingTheLimit() {
        let input = Fixtures.recordArray(count: 10)
        let error = expectLodumError { _ = try JSON.decode([Record].self, from: input, limits: Limits(maxInputSize: input.count - 1)) }
        #expect(error?.kind == .limitExceeded(.inputSize(input.count - 1)))
        #expect(error?.description.contains("maxInputSize") == true)
    }

    @Test func decodeOfInputExactlyMaxInputSizeSucceeds() throws {
        let input = Fixtures.recordArray(count: 10)
        #expect(try JSON.decode([Record].self, from: input, limits: Limits(maxInputSize: input.count)).count == 10)
    }

    @Test func decodeUnderTheDefaultLimitRefusesElevenMebibytes() {
        let input = [UInt8](repeating: 0x20, count: 11 << 20) + [0x31]
        let error = expectLodumError { _ = try JSON.decode(Int.self, from: input) }
        #expect(error?.kind == .limitExceeded(.inputSize(10 << 20)))
    }

    @Test func loadOfAFileLargerThanMaxInputSizeThrowsNamingTheLimit() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("big.json")
            let bytes = Fixtures.recordArray(count: 5_000)
            try Data(bytes).write(to: url)
            let limit = bytes.count / 2
            let error = expectLodumError { _ = try JSON.load([Record].self, from: url, limits: Limits(maxInputSize: limit)) }
            #expect(error?.kind == .limitExceeded(.inputSize(limit)))
            #expect(error?.description.contains("maxInputSize (\(limit) bytes)") == true, "\(String(describing: error))")
            #expect(try JSON.load([Record].self, from: url, limits: Limits(maxInputSize: bytes.count)).count == 5_000)
        }
    }

    @Test func loadOfAFileOneByteOverTheLimitIsRefused() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("small.json")
            let bytes = Fixtures.bytes("[1,2,3]   ")
            try Data(bytes).write(to: url)
            #expect(try JSON.load([Int].self, from: url, limits: Limits(maxInputSize: bytes.count)) == [1, 2, 3])
            let error = expectLodumError { _ = try JSON.load([Int].self, from: url, limits: Limits(maxInputSize: bytes.count - 1)) }
            #expect(error?.kind == .limitExceeded(.inputSize(bytes.count - 1)))
        }
    }

    @Test func loadFromASourceServingSmallChunksIsBoundedToo() {
        let bytes = Fixtures.recordArray(count: 1_000)
        let source = CountingSource(bytes, chunkSize: 100)
        let error = expectLodumError { _ = try JSON.load([Record].self, from: source, limits: Limits(maxInputSize: 5_000)) }
        #expect(error?.kind == .limitExceeded(.inputSize(5_000)))
        #expect(!source.isDrained, "the load should stop reading once past the limit")
    }

    @Test func streamIsNotBoundedByMaxInputSize() throws {
        var records = JSON.stream(Record.self, from: Fixtures.recordArray(count: 1_000), limits: Limits(maxInputSize: 64))
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 1_000)
    }

    @Test func streamFromAFileIsNotBoundedByMaxInputSize() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("records.json")
            try Data(Fixtures.recordArray(count: 3_000)).write(to: url)
            var records = JSON.stream(Record.self, from: url, limits: Limits(maxInputSize: 1_000))
            var count = 0
            while try records.next() != nil { count += 1 }
            #expect(count == 3_000)
        }
    }

    @Test func documentsAreNotBoundedByMaxInputSize() throws {
        var records = JSON.documents(Record.self, from: Fixtures.recordLines(count: 1_000), limits: Limits(maxInputSize: 64))
        var count = 0
        while try records.next() != nil { count += 1 }
        #expect(count == 1_000)
    }

    // MARK: maxDepth on decode

    /// Nesting a million levels deep, of each kind by name: a test argument is described in
    /// the test's identity, which megabytes of input should not be.
    static let levels = 1_000_000
    static let deepKinds = ["arrays", "objects", "struct children", "Codable"]
    static let deepInputs: [String: [UInt8]] = [
        "arrays": nested(open: "[", innermost: "", close: "]"),
        "objects": nested(open: #"{"a":"#, innermost: "1", close: "}"),
        "struct children": nested(open: #"{"children":["#, innermost: "", close: "]}"),
        "Codable": nested(open: #"{"id":1,"next":"#, innermost: "null", close: "}"),
    ]
    /// The default depth limit, with room for the largest deep inputs (15 and 16 MB for
    /// struct children and Codable), which would otherwise stop at the 10 MiB size limit
    /// before a byte is parsed.
    static let roomForDeepInputs = Limits(maxInputSize: 32 << 20)

    static func nested(open: String, innermost: String, close: String) -> [UInt8] {
        Fixtures.bytes(String(repeating: open, count: levels) + innermost + String(repeating: close, count: levels))
    }

    /// Decodes `bytes` into the model its kind of nesting describes.
    static func decodeIntoItsModel(_ kind: String, _ bytes: [UInt8]) throws {
        switch kind {
        case "arrays": _ = try JSON.decode([Value].self, from: bytes, limits: roomForDeepInputs)
        case "objects": _ = try JSON.decode([String: Value].self, from: bytes, limits: roomForDeepInputs)
        case "struct children": _ = try JSON.decode(Nest.self, from: bytes, limits: roomForDeepInputs)
        default: _ = try JSON.decode(CodableChainNode.self, from: bytes, limits: roomForDeepInputs)
        }
    }

    @Test(arguments: deepKinds)
    func nestingAMillionDeepIsADepthErrorNotAStackOverflow(_ kind: String) {
        let bytes = Self.deepInputs[kind] ?? []
        #expect(bytes.count >= 2 * Self.levels)
        let limits = Self.roomForDeepInputs
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try JSON.decode(Value.self, from: bytes, limits: limits) }, 100)
        Self.expectDepthLimit(expectLodumError("\(kind)") { try Self.decodeIntoItsModel(kind, bytes) }, 100)
        // A source serving 4 KiB at a time: the default size limit holds, since the load
        // stops at the depth error, long before it.
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try JSON.load(Value.self, from: CountingSource(bytes, chunkSize: 4096)) }, 100)
        // Inside a key the type skips.
        let skipped = Fixtures.bytes(#"{"known":1,"unknown":"#) + bytes + Fixtures.bytes("}")
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try JSON.decode(Wrapper.self, from: skipped, limits: limits) }, 100)
    }

    @Test(arguments: deepKinds)
    func streamedElementsAndDocumentsAreBoundedByMaxDepth(_ kind: String) throws {
        let bytes = Self.deepInputs[kind] ?? []
        var values = JSON.stream(Value.self, from: Fixtures.bytes("[1,") + bytes + Fixtures.bytes("]"))
        #expect(try values.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try values.next() }, 100)
        var chunked = JSON.stream(Value.self, from: CountingSource(Fixtures.bytes("[1,") + bytes + Fixtures.bytes("]"), chunkSize: 4096))
        #expect(try chunked.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try chunked.next() }, 100)
        var documents = JSON.documents(Value.self, from: CountingSource(Fixtures.bytes("1\n") + bytes, chunkSize: 4096))
        #expect(try documents.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(kind)") { _ = try documents.next() }, 100)
    }

    @Test func nestingUpToMaxDepthIsAcceptedAndOneMoreIsNot() throws {
        let limits = Limits(maxDepth: 8)
        _ = try JSON.decode(Value.self, from: Self.nestedArrays(8), limits: limits)
        let error = expectLodumError { _ = try JSON.decode(Value.self, from: Self.nestedArrays(9), limits: limits) }
        Self.expectDepthLimit(error, 8)
    }

    @Test func defaultDepthAcceptsAHundredLevels() throws {
        _ = try JSON.decode(Value.self, from: Self.nestedArrays(100))
        _ = expectLodumError { _ = try JSON.decode(Value.self, from: Self.nestedArrays(101)) }
    }

    @Test func skippedValueCountsTowardTheSameDepth() throws {
        let limits = Limits(maxDepth: 5)
        _ = try JSON.decode(Wrapper.self, from: #"{"known":1,"skip":"# + Self.nestedArrays(4) + "}", limits: limits)
        let error = expectLodumError { _ = try JSON.decode(Wrapper.self, from: #"{"known":1,"skip":"# + Self.nestedArrays(5) + "}", limits: limits) }
        Self.expectDepthLimit(error, 5)
    }

    // MARK: maxDepth on encode

    @Test func encodingARecursiveLodumStructureDeeperThanTheLimitIsAnError() {
        let chain = ChainNode.chain(length: 150)
        let error = expectLodumError { _ = try JSON.encode(chain) }
        Self.expectDepthLimit(error, 100)
    }

    @Test func encodingARecursiveLodumStructureWithinTheLimitSucceeds() throws {
        let chain = ChainNode.chain(length: 90)
        let back = try JSON.decode(ChainNode.self, from: JSON.encode(chain))
        #expect(back.length == 90)
    }

    @Test func encodingNestedArraysDeeperThanTheLimitIsAnError() {
        let error = expectLodumError { _ = try JSON.encode(Nest.nested(depth: 40), limits: Limits(maxDepth: 30)) }
        Self.expectDepthLimit(error, 30)
    }

    @Test func encodingARecursiveCodableStructureDeeperThanTheLimitIsAnError() {
        let chain = CodableChainNode.chain(length: 150)
        let error = expectLodumError { _ = try JSON.encode(chain) }
        Self.expectDepthLimit(error, 100)
    }

    @Test func encodingADeepValueTreeIsAnError() {
        var value = Value.null
        for _ in 0..<500 { value = .array([value]) }
        let error = expectLodumError { _ = try JSON.encode(value) }
        Self.expectDepthLimit(error, 100)
    }

    @Test func dumpingADeepStructureIsAnErrorAndLeavesNoFile() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("deep.json")
            let error = expectLodumError { try JSON.dump(ChainNode.chain(length: 150), to: url) }
            Self.expectDepthLimit(error, 100)
            #expect(try Fixtures.entries(of: directory).isEmpty)
        }
    }

    @Test func depthLimitErrorNamesThePathWhereItWasReached() {
        let error = expectLodumError { _ = try JSON.encode(ChainNode.chain(length: 10), limits: Limits(maxDepth: 3)) }
        #expect(error?.path.description == "next.next.next")
    }
}
