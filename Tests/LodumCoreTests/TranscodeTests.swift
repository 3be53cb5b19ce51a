import Foundation
import Lodum
import LodumTestSupport
import Testing

/// Transcoding copies a value between any two formats without building it: the output
/// reads back as the input's value, up to each format's documented fallbacks.
@Suite("Transcode: every pair of formats")
struct TranscodeTests {
    @Test(arguments: FormatPair.all)
    func outputReadsBackAsTheInputsValue(pair: FormatPair) throws {
        let input = try Transcoding.encode(Transcoding.sample, as: pair.input)
        let output = try Transcoding.transcode(input, through: pair)
        let value = try Transcoding.decode(output, as: pair.output)
        #expect(value == Transcoding.expected(Transcoding.sample, through: pair))
    }

    @Test(arguments: FormatPair.all)
    func numbersKeepTheirExactValues(pair: FormatPair) throws {
        let input = try Transcoding.encode(Transcoding.sample, as: pair.input)
        let value = try Transcoding.decode(Transcoding.transcode(input, through: pair), as: pair.output)
        #expect(value["uint64Max"] == .uint(.max))
        #expect(value["int64Min"] == .int(.min))
        #expect(value["huge"] == .double(1e300))
        #expect(value["tiny"] == .double(.leastNonzeroMagnitude))
        // -0.0 == 0.0, so the sign is checked on its own.
        #expect(value["negativeZero"]?.doubleValue?.sign == .minus)
    }

    @Test(arguments: FormatPair.all)
    func outputIsWhatDecodingAndReencodingTheTreeWrites(pair: FormatPair) throws {
        let input = try Transcoding.encode(Transcoding.sample, as: pair.input)
        let viaTree = try Transcoding.encode(Transcoding.decode(input, as: pair.input), as: pair.output)
        #expect(try Transcoding.transcode(input, through: pair) == viaTree)
    }

    @Test(arguments: FormatPair.all)
    func objectMembersKeepTheirOrder(pair: FormatPair) throws {
        let input = try Transcoding.encode(["z": 1, "a": 2, "m": ["y": 1, "b": 2]], as: pair.input)
        let value = try Transcoding.decode(Transcoding.transcode(input, through: pair), as: pair.output)
        #expect(value.objectValue?.map(\.key) == ["z", "a", "m"])
        #expect(value["m"]?.objectValue?.map(\.key) == ["y", "b"])
    }

    @Test(arguments: FormatPair.all)
    func everyDocumentBecomesADocumentOfTheOutput(pair: FormatPair) throws {
        let input = try Transcoding.encodeDocuments(Transcoding.documents, as: pair.input)
        let output = try Transcoding.transcode(input, through: pair, layout: .multiple)
        let values = try Transcoding.decodeDocuments(output, as: pair.output)
        #expect(values == Transcoding.documents.map { Transcoding.expected($0, through: pair) })
        #expect(output == (try Transcoding.encodeDocuments(values, as: pair.output)))
    }

    @Test(arguments: FormatPair.all)
    func emptyInputGivesNoDocuments(pair: FormatPair) throws {
        #expect(try Transcoding.transcode(Data(), through: pair, layout: .multiple).isEmpty)
    }

    @Test(arguments: FormatPair.all)
    func emptyInputIsNoSingleValue(pair: FormatPair) {
        let error = expectLodumError { _ = try Transcoding.transcode(Data(), through: pair) }
        #expect(error?.kind == .unexpectedEndOfInput)
    }

    @Test(arguments: FormatPair.all)
    func singleLayoutRefusesASecondDocument(pair: FormatPair) throws {
        let input = try Transcoding.encodeDocuments([1, 2], as: pair.input)
        _ = expectLodumError { _ = try Transcoding.transcode(input, through: pair) }
    }

    @Test func concreteFormatsTakeTheirOwnOptions() throws {
        let yaml = try YAML.transcode(from: "a: [1, 2]\nb: {c: true}\n", to: JSON.self, outputOptions: JSONOptions(indent: 2))
        #expect(String(decoding: yaml, as: UTF8.self) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {\n    \"c\": true\n  }\n}")
        let compact = try JSON.transcode(from: #"{"x":1,"y":2}"#, to: MsgPack.self)
        #expect(Array(compact) == [0x82, 0xA1, 0x78, 0x01, 0xA1, 0x79, 0x02])
    }

    @Test func inMemoryInputLargerThanTheLimitIsRefused() {
        let error = expectLodumError {
            _ = try JSON.transcode(from: "[1, 2, 3]", to: YAML.self, limits: Limits(maxInputSize: 4))
        }
        #expect(error?.kind == .limitExceeded(.inputSize(4)))
    }
}

/// Each format's exact fallback for what it cannot hold, checked on the bytes written.
@Suite("Transcode: what each format makes of values it has no form for")
struct TranscodeFallbackTests {
    @Test func bytesBecomeBase64TextInJSON() throws {
        let input = try MsgPack.encode(Value.bytes([0, 1, 2, 250]))
        #expect(String(decoding: try MsgPack.transcode(from: input, to: JSON.self), as: UTF8.self) == #""AAEC+g==""#)
        let yaml = try MsgPack.transcode(from: input, to: YAML.self)
        #expect(String(decoding: yaml, as: UTF8.self).contains("!!binary"))
        #expect(try YAML.decode(Value.self, from: yaml) == .bytes([0, 1, 2, 250]))
    }

    @Test func base64TextStaysTextOnTheWayBackFromJSON() throws {
        let value = try MsgPack.decode(Value.self, from: JSON.transcode(from: #""AAEC+g==""#, to: MsgPack.self))
        #expect(value == "AAEC+g==")
    }

    @Test func timestampsBecomeISO8601TextInJSONAndTaggedScalarsInYAML() throws {
        let instant = Timestamp(seconds: 1_514_862_245, nanoseconds: 500_000_000) ?? Timestamp(seconds: 0)
        let input = try MsgPack.encode(Value.timestamp(instant))
        #expect(String(decoding: try MsgPack.transcode(from: input, to: JSON.self), as: UTF8.self) == #""2018-01-02T03:04:05.5Z""#)
        let yaml = try MsgPack.transcode(from: input, to: YAML.self)
        #expect(String(decoding: yaml, as: UTF8.self).contains("!!timestamp"))
        #expect(try YAML.transcode(from: yaml, to: MsgPack.self) == input)
    }

    @Test func extensionValuesBecomeATypeAndDataStructOutsideMessagePack() throws {
        let input = try MsgPack.encode(Value.extension(ExtensionValue(type: 5, data: [1, 2, 3])))
        #expect(String(decoding: try MsgPack.transcode(from: input, to: JSON.self), as: UTF8.self) == #"{"type":5,"data":"AQID"}"#)
        #expect(try YAML.decode(Value.self, from: MsgPack.transcode(from: input, to: YAML.self)) == ["type": 5, "data": .bytes([1, 2, 3])])
        #expect(try MsgPack.transcode(from: input, to: MsgPack.self) == input)
    }

    @Test func messagePackIntegerKeysBecomeTextKeys() throws {
        let input = try MsgPack.encode([1: "one", -2: "minus two"] as [Int: String])
        let json = try MsgPack.transcode(from: input, to: JSON.self)
        #expect(try JSON.decode([String: String].self, from: json) == ["1": "one", "-2": "minus two"])
        let again = try MsgPack.decode(Value.self, from: MsgPack.transcode(from: input, to: MsgPack.self))
        #expect(Set(again.objectValue?.map(\.key) ?? []) == ["1", "-2"])
    }

    @Test func messagePackFloat32IsWrittenAsADouble() throws {
        let input = try MsgPack.encode(Float(1.5))
        #expect(Array(input) == [0xCA, 0x3F, 0xC0, 0x00, 0x00])
        #expect(Array(try MsgPack.transcode(from: input, to: MsgPack.self)) == [0xCB, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0])
        #expect(String(decoding: try MsgPack.transcode(from: input, to: JSON.self), as: UTF8.self) == "1.5")
    }

    @Test func yamlAnchorsAndMergeKeysArriveResolved() throws {
        let yaml = "base: &base {a: 1, b: 2}\ncopy: *base\nmerged:\n  <<: *base\n  c: 3\n"
        let json = try YAML.transcode(from: yaml, to: JSON.self)
        #expect(try JSON.decode(Value.self, from: json) == ["base": ["a": 1, "b": 2], "copy": ["a": 1, "b": 2], "merged": ["a": 1, "b": 2, "c": 3]])
    }
}

/// The registry entries transcode into one another with the same calls: what a converter
/// that picks both formats at run time does.
@Suite("Transcode: through the registry")
struct TranscodeRegistryTests {
    @Test func everyRegistryPairTranscodesFilesInPlaceOfOneAnother() throws {
        try Fixtures.withTemporaryDirectory { directory in
            for input in Lodum.formats {
                let source = directory.appendingPathComponent("in." + input.fileExtensions[0])
                try Transcoding.encode(Transcoding.sample, as: input).write(to: source)
                for output in Lodum.formats {
                    let destination = directory.appendingPathComponent("\(input.name)-to." + output.fileExtensions[0])
                    try input.transcode(from: source, to: output, into: destination)
                    let value = try Transcoding.decode(Data(contentsOf: destination), as: output)
                    #expect(value == Transcoding.expected(Transcoding.sample, through: FormatPair(input: input, output: output)))
                }
            }
        }
    }

    @Test func aFileCanBeTranscodedOntoItself() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("data.json")
            try Data(#"{"b":[1,2],"a":null}"#.utf8).write(to: url)
            try JSON.transcode(from: url, to: JSON.self, into: url, outputOptions: JSONOptions(indent: 1))
            #expect(try String(contentsOf: url, encoding: .utf8) == "{\n \"b\": [\n  1,\n  2\n ],\n \"a\": null\n}")
            #expect(try Fixtures.entries(of: directory) == ["data.json"])
        }
    }
}
