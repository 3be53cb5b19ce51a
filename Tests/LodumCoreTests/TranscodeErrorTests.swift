import Foundation
import Lodum
import LodumTestSupport
import Testing

/// A transcode that fails says where, in the input and in the value, and never crashes;
/// what already left is a prefix of the output a valid input would give.
@Suite("Transcode: errors and limits")
struct TranscodeErrorTests {
    static func nested(depth: Int) -> Value {
        var value: Value = [1]
        for _ in 1..<depth { value = [value] }
        return value
    }

    @Test(arguments: FormatPair.all)
    func nestingPastTheDepthLimitIsTheReadersErrorWithItsPosition(pair: FormatPair) throws {
        let input = try Transcoding.encode(Self.nested(depth: 30), as: pair.input)
        let error = expectLodumError { _ = try Transcoding.transcode(input, through: pair, limits: Limits(maxDepth: 20)) }
        #expect(error?.kind == .limitExceeded(.depth(20)))
        #expect(error?.path.description == String(repeating: "[0]", count: 20))
        #expect(error?.position != nil)
    }

    @Test(arguments: FormatPair.all)
    func nestingWithinTheDepthLimitTranscodes(pair: FormatPair) throws {
        let input = try Transcoding.encode(Self.nested(depth: 20), as: pair.input)
        let output = try Transcoding.transcode(input, through: pair, limits: Limits(maxDepth: 20))
        #expect(try Transcoding.decode(output, as: pair.output) == Self.nested(depth: 20))
    }

    @Test func hostileNestingStopsAtTheDefaultLimitWithoutExhaustingTheStack() {
        let input = String(repeating: "[", count: 200_000)
        for output in Lodum.formats {
            let error = expectLodumError { _ = try JSON.transcode(from: input, to: output) }
            #expect(error?.kind == .limitExceeded(.depth(Limits.default.maxDepth)))
        }
    }

    @Test func jsonSyntaxErrorHasItsLineColumnAndPath() {
        let input = "{\"a\": [1,\n 2,, 3]}"
        for output in Lodum.formats {
            let error = expectLodumError { _ = try JSON.transcode(from: input, to: output) }
            #expect(error?.path.description == #"["a"][2]"#)
            #expect(error?.position == .text(line: 2, column: 4, offset: 13))
            if case .syntax = error?.kind {} else { Issue.record("expected a syntax error, got \(String(describing: error))") }
        }
    }

    @Test func yamlSyntaxErrorHasItsPositionAndPath() {
        let input = "a:\n  - 1\n  - [2, 3\nb: 1\n"
        for output in Lodum.formats {
            let error = expectLodumError { _ = try YAML.transcode(from: input, to: output) }
            #expect(error?.position != nil)
            #expect(error?.path.description.hasPrefix(#"["a"][1]"#) == true, "\(String(describing: error))")
        }
    }

    @Test func truncatedMessagePackHasItsOffsetAndPath() throws {
        let complete = try MsgPack.encode(["a": ["x", "y", "z"]] as Value)
        let input = complete.dropLast(1)
        for output in Lodum.formats {
            let error = expectLodumError { _ = try MsgPack.transcode(from: input, to: output) }
            #expect(error?.kind == .unexpectedEndOfInput)
            #expect(error?.path.description == #"["a"][2]"#)
            #expect(error?.position == .binary(offset: input.count - 1))
        }
    }

    @Test func aValueTheOutputCannotHoldIsTheWritersErrorWithItsPath() {
        let error = expectLodumError { _ = try YAML.transcode(from: "a: [1, .nan]", to: JSON.self) }
        #expect(error?.path.description == #"["a"][1]"#)
        if case .unsupportedValue = error?.kind {} else { Issue.record("expected unsupportedValue, got \(String(describing: error))") }
    }

    @Test(arguments: FormatPair.all)
    func truncatedInputThrowsOrTranscodesNeverCrashes(pair: FormatPair) throws {
        let input = Array(try Transcoding.encode(Transcoding.sample, as: pair.input))
        for length in stride(from: 0, to: input.count, by: max(1, input.count / 97)) {
            expectSuccessOrLodumError("\(length) of \(input.count) bytes") {
                _ = try Transcoding.transcode(input[..<length], through: pair)
            }
        }
    }

    @Test(arguments: FormatPair.all)
    func corruptedInputThrowsOrTranscodesNeverCrashes(pair: FormatPair) throws {
        let input = Array(try Transcoding.encode(Transcoding.sample, as: pair.input))
        var generator = SeededGenerator(seed: 0x7EA5)
        for _ in 0..<60 {
            var corrupted = input
            for _ in 0..<3 { corrupted[Int.random(in: 0..<corrupted.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            expectSuccessOrLodumError {
                _ = try Transcoding.transcode(corrupted, through: pair)
            }
        }
    }

    @Test(arguments: Lodum.formats.map { FormatPair(input: JSON.self, output: $0) })
    func outputWrittenBeforeAnErrorIsAPrefixOfTheValidOutput(pair: FormatPair) throws {
        let good = (0..<3_000).map { index -> Value in ["id": .int(Int64(index)), "name": .string("record-\(index)")] }
        let goodLines = try Transcoding.encodeDocuments(good, as: JSON.self)
        let input = goodLines + Data("{\"id\": 3000, \"name\": oops}\n".utf8)
        let sink = RecordingSink()
        let error = expectLodumError {
            try Transcoding.transcode(from: CountingSource(Array(input), chunkSize: 4096), into: sink, through: pair, layout: .multiple)
        }
        #expect(error?.path.description == #"["name"]"#)
        #expect(error?.position?.description.contains("line 3001") == true, "\(String(describing: error?.position))")
        #expect(sink.abandoned && !sink.finished)
        #expect(!sink.chunks.isEmpty, "the valid documents should have filled at least one buffer")
        let validOutput = try Transcoding.transcode(goodLines, through: pair, layout: .multiple)
        #expect(validOutput.starts(with: sink.bytes))
    }

    @Test func aFailedTranscodeLeavesTheDestinationFileAsItWas() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let destination = directory.appendingPathComponent("out.yaml")
            try Data("previous: true\n".utf8).write(to: destination)
            let input = Data(("[" + String(repeating: "1,", count: 100_000) + "x]").utf8)
            _ = expectLodumError { try JSON.transcode(from: input, to: YAML.self, into: destination) }
            #expect(try String(contentsOf: destination, encoding: .utf8) == "previous: true\n")
            #expect(try Fixtures.entries(of: directory) == ["out.yaml"])
        }
    }

    @Test func aMissingInputFileLeavesTheDestinationAlone() throws {
        try Fixtures.withTemporaryDirectory { directory throws in
            let destination = directory.appendingPathComponent("out.json")
            let error = expectLodumError {
                try YAML.transcode(from: directory.appendingPathComponent("missing.yaml"), to: JSON.self, into: destination)
            }
            if case .io = error?.kind {} else { Issue.record("expected an io error, got \(String(describing: error))") }
            #expect(try Fixtures.entries(of: directory).isEmpty)
        }
    }
}
