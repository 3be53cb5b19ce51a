import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Input whose header claims far more than it holds.
struct MPHostileHeader: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    /// The offset of the lying header: where the error must point.
    var offset: Int

    var testDescription: String { name }
}

@Suite("MessagePack hostile headers are refused fast, before anything is allocated")
struct MsgPackHostileHeaderTests {
    static let fourGiB: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    static let billion: [UInt8] = [0x3B, 0x9A, 0xCA, 0x00]

    static let headers: [MPHostileHeader] = [
        MPHostileHeader(name: "str 32 of 4 GiB", bytes: [0xDB] + fourGiB + [0x61], offset: 0),
        MPHostileHeader(name: "bin 32 of 4 GiB", bytes: [0xC6] + fourGiB + [0x00], offset: 0),
        MPHostileHeader(name: "ext 32 of 4 GiB", bytes: [0xC9, 0xFF, 0xFF, 0xFF, 0xFE, 0x01, 0x00], offset: 0),
        MPHostileHeader(name: "ext 32 whose length wraps to 0", bytes: [0xC9] + fourGiB + [0x01], offset: 0),
        MPHostileHeader(name: "str 16 of 64 KiB holding 3 bytes", bytes: [0xDA, 0xFF, 0xFF, 0x61, 0x62, 0x63], offset: 0),
        MPHostileHeader(name: "array 32 of a billion", bytes: [0xDD] + billion + [0x01], offset: 0),
        MPHostileHeader(name: "map 32 of a billion", bytes: [0xDF] + billion + [0x01, 0x02], offset: 0),
        MPHostileHeader(name: "array 32 of 4 billion", bytes: [0xDD] + fourGiB, offset: 0),
        MPHostileHeader(name: "array 16 of 65535 holding 2", bytes: [0xDC, 0xFF, 0xFF, 0x01, 0x02], offset: 0),
        MPHostileHeader(name: "str 32 of 4 GiB inside an array", bytes: [0x93, 0x01, 0x02] + [0xDB] + fourGiB + [0x61], offset: 3),
        MPHostileHeader(name: "bin 32 of 4 GiB as a map value", bytes: [0x81, 0xA1, 0x61, 0xC6] + fourGiB, offset: 3),
        MPHostileHeader(name: "map 32 of a billion inside an array", bytes: [0x92, 0xC0, 0xDF] + billion + [0x01, 0x02], offset: 2),
        MPHostileHeader(name: "array 32 of a billion as a map value", bytes: [0x81, 0xA1, 0x61, 0xDD] + billion, offset: 3),
    ]

    @Test(arguments: headers)
    func decodeThrowsAtTheHeader(_ hostile: MPHostileHeader) {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let error = expectLodumError { _ = try MsgPack.decode(Value.self, from: hostile.bytes) }
            #expect(error?.position == .binary(offset: hostile.offset), "\(String(describing: error))")
            _ = expectLodumError { _ = try MsgPack.decode([String: [String]].self, from: hostile.bytes) }
            _ = expectLodumError { _ = try MsgPack.decode([Value].self, from: hostile.bytes) }
        }
        #expect(elapsed < .seconds(1))
    }

    @Test(arguments: headers)
    func loadStreamAndDocumentsThrowWithoutGrowingTheWindow(_ hostile: MPHostileHeader) {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for chunk in [1, 3, 4096] {
                let source = CountingSource(hostile.bytes, chunkSize: chunk)
                _ = expectLodumError("load, chunk \(chunk)") { _ = try MsgPack.load(Value.self, from: source) }
                #expect(source.largestRequest <= InputBuffer.defaultCapacity)
                let streamed = CountingSource(hostile.bytes, chunkSize: chunk)
                _ = expectLodumError("stream, chunk \(chunk)") { _ = try mpDrain(MsgPack.stream(Value.self, from: streamed)) }
                #expect(streamed.largestRequest <= InputBuffer.defaultCapacity)
                let documents = CountingSource(hostile.bytes, chunkSize: chunk)
                _ = expectLodumError("documents, chunk \(chunk)") { _ = try mpDrain(MsgPack.documents(Value.self, from: documents)) }
                #expect(documents.largestRequest <= InputBuffer.defaultCapacity)
            }
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func payloadClaimInAStreamIsBoundedByMaxInputSize() throws {
        // A stream has no known end: the claim is held to maxInputSize instead.
        let bytes: [UInt8] = [0x92, 0x01, 0xDA, 0x10, 0x00] + [UInt8](repeating: 0x61, count: 100)
        var strings = MsgPack.stream(Value.self, from: CountingSource(bytes, chunkSize: 8), limits: Limits(maxInputSize: 1_000))
        #expect(try strings.next() == .int(1))
        let error = expectLodumError { _ = try strings.next() }
        #expect(error?.kind == .limitExceeded(.inputSize(1_000)))
        #expect(error?.position == .binary(offset: 2))
        #expect(error?.path.description == "[1]")
    }

    @Test func theNeverUsedByteC1IsASyntaxErrorAtItsOffset() throws {
        let alone = expectLodumError { _ = try MsgPack.decode(Value.self, from: [0xC1]) }
        guard case .syntax(let message)? = alone?.kind else {
            Issue.record("expected a syntax error, got \(String(describing: alone))")
            return
        }
        #expect(message.contains("c1"), "\(message)")
        #expect(alone?.position == .binary(offset: 0))
        let inArray: [UInt8] = [0x93, 0x01, 0x02, 0xC1]
        for decodeIt in [{ _ = try MsgPack.decode(Value.self, from: inArray) }, { _ = try MsgPack.decode([Int].self, from: inArray) }] as [() throws -> Void] {
            let error = expectLodumError { try decodeIt() }
            #expect(error?.position == .binary(offset: 3))
            #expect(error?.path.description == "[2]")
        }
        let loaded = expectLodumError { _ = try MsgPack.load([Int].self, from: CountingSource(inArray, chunkSize: 1)) }
        #expect(loaded?.position == .binary(offset: 3))
        // Skipped in a field a struct does not know: still an error.
        _ = expectLodumError { _ = try MsgPack.decode(Point.self, from: [0x83, 0xA1, 0x78, 0x01, 0xA1, 0x7A, 0xC1, 0xA1, 0x79, 0x02]) }
        // After a complete value: trailing garbage.
        let trailing = expectLodumError { _ = try MsgPack.decode(Int.self, from: [0x01, 0xC1]) }
        #expect(trailing?.position == .binary(offset: 1))
    }
}

@Suite("MessagePack nesting depth and input size")
struct MsgPackLimitsTests {
    static func expectDepthLimit(_ error: LodumError?, _ limit: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.kind == .limitExceeded(.depth(limit)), "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains("maxDepth") == true, sourceLocation: sourceLocation)
    }

    @Test(arguments: [("arrays", 100), ("maps", 300), ("struct children", 550)])
    func theDepthLimitErrorPointsAtTheContainerThatPassesIt(_ name: String, _ offset: Int) {
        // The 101st container: after 100 one-byte arrays, 100 three-byte maps, or 50
        // eleven-byte units of a struct and its array.
        let bytes = Self.deepInputs[name] ?? []
        for error in [
            expectLodumError("\(name)") { _ = try MsgPack.decode(Value.self, from: bytes, limits: Self.roomForDeepInputs) },
            expectLodumError("\(name)") { _ = try MsgPack.decode(MPNestAny.self, from: bytes, limits: Self.roomForDeepInputs) },
            expectLodumError("\(name)") { _ = try MsgPack.load(Value.self, from: CountingSource(bytes, chunkSize: 7)) },
        ] {
            Self.expectDepthLimit(error, 100)
            #expect(error?.position == .binary(offset: offset), "\(String(describing: error))")
        }
    }

    static let levels = 1_000_000
    static let deepArrays = [UInt8](repeating: 0x91, count: levels) + [0xC0]
    static let deepMaps = repeated([0x81, 0xA1, 0x61], levels) + [0xC0]
    static let deepStructs = repeated([0x81, 0xA8] + Array("children".utf8) + [0x91], levels) + [0x90]
    /// The default depth limit, with room for the struct children (11 MB), which would
    /// otherwise stop at the 10 MiB size limit before a byte is read.
    static let roomForDeepInputs = Limits(maxInputSize: 16 << 20)

    /// `count` copies of `unit`, doubling what is there: twenty copies of a growing array
    /// for a million units, where appending one unit at a time takes seconds in a debug build.
    static func repeated(_ unit: [UInt8], _ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = unit
        bytes.reserveCapacity(unit.count * count)
        while bytes.count * 2 <= unit.count * count {
            let copy = bytes
            bytes.append(contentsOf: copy)
        }
        let rest = bytes[0..<(unit.count * count - bytes.count)]
        bytes.append(contentsOf: rest)
        return bytes
    }

    /// The deep inputs by name: a test argument is described in the test's identity, which
    /// a megabyte of bytes should not be.
    static let deepInputs = ["arrays": deepArrays, "maps": deepMaps, "struct children": deepStructs]

    @Test(arguments: ["arrays", "maps", "struct children"])
    func nestingAMillionDeepIsALimitErrorNotACrash(_ name: String) {
        let bytes = Self.deepInputs[name] ?? []
        #expect(bytes.count > Self.levels)
        let limits = Self.roomForDeepInputs
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try MsgPack.decode(Value.self, from: bytes, limits: limits) }, 100)
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try MsgPack.decode(MPNestAny.self, from: bytes, limits: limits) }, 100)
        // The default size limit holds: the load stops at the depth error, long before it.
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try MsgPack.load(Value.self, from: CountingSource(bytes, chunkSize: 4096)) }, 100)
        // Inside a field the type skips.
        let skipped = [0x83, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02, 0xA1, 0x7A] + bytes
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try MsgPack.decode(Point.self, from: skipped, limits: limits) }, 100)
        // Higher limits than the state machine's stack hold are a depth error too.
        let high = expectLodumError("\(name)") {
            _ = try MsgPack.decode(Value.self, from: bytes, limits: Limits(maxInputSize: limits.maxInputSize, maxDepth: 5_000))
        }
        guard case .limitExceeded(.depth(let limit))? = high?.kind else {
            Issue.record("expected a depth limit, got \(String(describing: high))")
            return
        }
        #expect(limit <= 5_000)
    }

    @Test func nestingUpToMaxDepthIsAcceptedAndOneMoreIsNot() throws {
        let limits = Limits(maxDepth: 8)
        let eight = [UInt8](repeating: 0x91, count: 7) + [0x90]
        _ = try MsgPack.decode(Value.self, from: eight, limits: limits)
        _ = try MsgPack.decode(MPNestAny.self, from: eight, limits: limits)
        Self.expectDepthLimit(expectLodumError { _ = try MsgPack.decode(Value.self, from: [0x91] + eight, limits: limits) }, 8)
        // Nesting the state machine holds whole, with a limit to match.
        let deep = [UInt8](repeating: 0x91, count: 999) + [0x90]
        _ = try MsgPack.decode(Value.self, from: deep, limits: Limits(maxDepth: 1_000))
        _ = try MsgPack.load(Value.self, from: CountingSource(deep, chunkSize: 7), limits: Limits(maxDepth: 1_000))
    }

    @Test(arguments: ["arrays", "maps", "struct children"])
    func streamedElementsAndDocumentsAreBoundedByMaxDepth(_ name: String) throws {
        let bytes = Self.deepInputs[name] ?? []
        var values = MsgPack.stream(Value.self, from: [0x92, 0x01] + bytes)
        #expect(try values.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try values.next() }, 100)
        var chunked = MsgPack.stream(Value.self, from: CountingSource([0x92, 0x01] + bytes, chunkSize: 4096))
        #expect(try chunked.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try chunked.next() }, 100)
        var documents = MsgPack.documents(Value.self, from: CountingSource([0x01] + bytes, chunkSize: 100))
        #expect(try documents.next() == .int(1))
        Self.expectDepthLimit(expectLodumError("\(name)") { _ = try documents.next() }, 100)
    }

    @Test func encodingDeeperThanTheLimitIsAnErrorAndLeavesNoFile() throws {
        Self.expectDepthLimit(expectLodumError { _ = try MsgPack.encode(MPChain.chain(length: 150)) }, 100)
        #expect(try MsgPack.decode(MPChain.self, from: MsgPack.encode(MPChain.chain(length: 90))).id == 0)
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("deep.msgpack")
            Self.expectDepthLimit(expectLodumError { try MsgPack.dump(MPChain.chain(length: 150), to: url) }, 100)
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    // MARK: maxInputSize

    @Test func decodeOfInputLargerThanMaxInputSizeThrowsNamingTheLimit() throws {
        let input = try Fixtures.msgpackRecords(count: 10)
        let error = expectLodumError { _ = try MsgPack.decode([Record].self, from: input, limits: Limits(maxInputSize: input.count - 1)) }
        #expect(error?.kind == .limitExceeded(.inputSize(input.count - 1)))
        #expect(error?.description.contains("maxInputSize") == true)
        #expect(try MsgPack.decode([Record].self, from: input, limits: Limits(maxInputSize: input.count)).count == 10)
    }

    @Test func loadOfAFileLargerThanMaxInputSizeThrowsNamingTheLimit() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("big.msgpack")
            let bytes = try Fixtures.msgpackRecords(count: 5_000)
            try Data(bytes).write(to: url)
            let limit = bytes.count / 2
            let error = expectLodumError { _ = try MsgPack.load([Record].self, from: url, limits: Limits(maxInputSize: limit)) }
            #expect(error?.kind == .limitExceeded(.inputSize(limit)))
            #expect(try MsgPack.load([Record].self, from: url, limits: Limits(maxInputSize: bytes.count)).count == 5_000)
        }
    }

    @Test func loadFromASourceServingSmallChunksStopsAtTheLimit() throws {
        let source = CountingSource(try Fixtures.msgpackRecords(count: 2_000), chunkSize: 100)
        let error = expectLodumError { _ = try MsgPack.load([Record].self, from: source, limits: Limits(maxInputSize: 5_000)) }
        #expect(error?.kind == .limitExceeded(.inputSize(5_000)))
        #expect(!source.isDrained, "the load should stop reading once past the limit")
    }

    @Test func streamAndDocumentsAreNotBoundedByMaxInputSize() throws {
        let records = try Fixtures.msgpackRecords(count: 1_000)
        #expect(try mpDrain(MsgPack.stream(Record.self, from: records, limits: Limits(maxInputSize: 64))).count == 1_000)
        let sink = RecordingSink()
        try MsgPack.dump(documents: (0..<1_000).map { Record(id: $0, name: "r") }, to: sink)
        #expect(try mpDrain(MsgPack.documents(Record.self, from: sink.bytes, limits: Limits(maxInputSize: 64))).count == 1_000)
    }
}

@Suite("Malformed MessagePack throws a LodumError, never crashes")
struct MsgPackTruncationTests {
    static let documents: [(String, [UInt8])] = {
        let maps = (try? MsgPack.encode(MPInventory.sample)).map(Array.init) ?? []
        let arrays = (try? MsgPack.encode(MPInventory.sample, options: MsgPackOptions(structs: .arrays))).map(Array.init) ?? []
        return [("maps", maps), ("arrays", arrays)]
    }()

    @Test func sampleDocumentsDecodeWhole() throws {
        for (name, bytes) in Self.documents {
            #expect(bytes.count > 250, "\(name)")
            #expect(try MsgPack.decode(MPInventory.self, from: bytes) == MPInventory.sample, "\(name)")
            _ = try MsgPack.decode(Value.self, from: bytes)
        }
    }

    @Test func everyTruncationThrowsForATypedModelAndIsDecodedOrRejectedAsAValue() {
        for (name, bytes) in Self.documents {
            for length in 0..<bytes.count {
                let prefix = Array(bytes[..<length])
                _ = expectLodumError("\(name): prefix of \(length) bytes") { _ = try MsgPack.decode(MPInventory.self, from: prefix) }
                expectSuccessOrLodumError("\(name): prefix of \(length) bytes") { _ = try MsgPack.decode(Value.self, from: prefix) }
            }
        }
    }

    /// The same error from memory and from a stream, except where only memory can know: a
    /// container claiming more elements than the input's remaining bytes is refused at its
    /// header in memory, while a stream reads on to the end of its input.
    static func expectAlike(_ decoded: LodumError?, _ loaded: LodumError?, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if case .syntax(let message)? = decoded?.kind, message.contains("claims more elements") {
            #expect(loaded?.kind == .unexpectedEndOfInput, "\(comment)", sourceLocation: sourceLocation)
            #expect((loaded?.position?.offset ?? -1) > (decoded?.position?.offset ?? .max), "\(comment)", sourceLocation: sourceLocation)
        } else {
            #expect(decoded?.description == loaded?.description, "\(comment)", sourceLocation: sourceLocation)
        }
    }

    @Test func everyTruncationReadByteAtATimeFailsLikeDecode() {
        for (name, bytes) in Self.documents {
            for length in 0..<bytes.count {
                let prefix = Array(bytes[..<length])
                let decoded = expectLodumError("\(name): prefix of \(length) bytes") { _ = try MsgPack.decode(Value.self, from: prefix) }
                let loaded = expectLodumError("\(name): prefix of \(length) bytes") { _ = try MsgPack.load(Value.self, from: CountingSource(prefix, chunkSize: 1)) }
                Self.expectAlike(decoded, loaded, "\(name): prefix of \(length) bytes")
                let typedDecoded = expectLodumError("\(name): prefix of \(length) bytes") { _ = try MsgPack.decode(MPInventory.self, from: prefix) }
                let typedLoaded = expectLodumError("\(name): prefix of \(length) bytes") { _ = try MsgPack.load(MPInventory.self, from: CountingSource(prefix, chunkSize: 1)) }
                Self.expectAlike(typedDecoded, typedLoaded, "\(name): prefix of \(length) bytes")
            }
        }
    }

    @Test func everyPrefixOfAStreamEndsOrFailsWithALodumError() throws {
        let bytes = try Fixtures.msgpackRecords(count: 4)
        for length in 0..<bytes.count {
            expectSuccessOrLodumError("prefix of \(length) bytes") { _ = try mpDrain(MsgPack.stream(Record.self, from: Array(bytes[..<length]))) }
            expectSuccessOrLodumError("prefix of \(length) bytes") { _ = try mpDrain(MsgPack.documents(Value.self, from: CountingSource(Array(bytes[..<length]), chunkSize: 1))) }
        }
    }

    @Test func randomByteFlipsNeverCrash() {
        var generator = SeededGenerator(seed: 0xF11B)
        let replacements: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC4, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB,
                                     0xCF, 0xD3, 0xD4, 0xD8, 0xD9, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xE0, 0xFF]
        for (_, bytes) in Self.documents {
            for _ in 0..<300 {
                var mutated = bytes
                for _ in 0..<3 {
                    mutated[Int.random(in: 0..<mutated.count, using: &generator)] = replacements[Int.random(in: 0..<replacements.count, using: &generator)]
                }
                expectSuccessOrLodumError { _ = try MsgPack.decode(Value.self, from: mutated) }
                expectSuccessOrLodumError { _ = try MsgPack.decode(MPInventory.self, from: mutated) }
                expectSuccessOrLodumError { _ = try MsgPack.load(Value.self, from: CountingSource(mutated, chunkSize: 5)) }
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 0xB17E5)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            expectSuccessOrLodumError { _ = try MsgPack.decode(Value.self, from: bytes) }
            expectSuccessOrLodumError { _ = try mpDrain(MsgPack.documents(Value.self, from: CountingSource(bytes, chunkSize: 2))) }
        }
    }
}
