import Foundation
import Lodum
import LodumTestSupport
import Testing

/// The built `lodum` binary, run as a subprocess on real files.
enum LodumBinary {
    /// Next to the test bundle, where SwiftPM builds every product of the package.
    static let url: URL = {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("lodum")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/lodum")
    }()

    struct Run {
        var status: Int32
        var output: Data
        var error: String
        var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `lodum` with `arguments` in `directory`, feeding `input` to its standard input.
    static func run(_ arguments: [String], in directory: URL, input: Data = Data()) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Writing and reading on other threads, so a full pipe never stalls the child.
        let writer = Thread { stdin.fileHandleForWriting.write(input); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let errorData = ErrorCollector(stderr.fileHandleForReading)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: output, error: errorData.text())
    }
}

/// Reads a pipe to its end on a thread of its own.
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("lodum: the command-line tool, run as a subprocess")
struct LodumCLITests {
    static let config: Value = [
        "name": "Ada", "age": 36, "ratio": 0.5, "admin": true, "nickname": nil,
        "tags": ["math", "engines"], "limits": ["depth": 3, "size": 1024],
    ]

    static let formatNames = Lodum.formats.map { $0.name }
    static let pairs: [(String, String)] = Lodum.formats.flatMap { input in Lodum.formats.map { (input.name, $0.name) } }

    static func encode(_ value: Value, as name: String) throws -> Data {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format \(name)")) }
        return try format.encode(value)
    }

    static func decode(_ data: Data, as name: String) throws -> Value {
        guard let format = Lodum.format(named: name) else { throw LodumError(.custom("no format \(name)")) }
        return try format.decode(Value.self, from: data)
    }

    @Test(arguments: pairs)
    func convertsBetweenEveryPairOfFormatsByExtension(_ input: String, _ output: String) throws {
        try Fixtures.withTemporaryDirectory { directory in
            try Self.encode(Self.config, as: input).write(to: directory.appendingPathComponent("in.\(input)"))
            let run = try LodumBinary.run(["convert", "in.\(input)", "out.\(output)"], in: directory)
            #expect(run.status == 0, "\(run.error)")
            #expect(run.error.isEmpty, "standard error is a pipe here, so no progress may be drawn")
            let converted = try Data(contentsOf: directory.appendingPathComponent("out.\(output)"))
            #expect(try Self.decode(converted, as: output) == Self.config)
        }
    }

    @Test func convertsStandardInputToStandardOutput() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let run = try LodumBinary.run(["convert", "-", "--from", "json", "--to", "yaml"], in: directory,
                                          input: Data(#"{"name":"Ada","tags":["a","b"]}"#.utf8))
            #expect(run.status == 0, "\(run.error)")
            #expect(run.outputText == "name: Ada\ntags:\n- a\n- b\n")
        }
    }

    @Test func convertsDocumentByDocument() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let lines = Data("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n".utf8)
            let run = try LodumBinary.run(["convert", "-", "--from", "jsonl", "--to", "yaml", "--documents"], in: directory, input: lines)
            #expect(run.status == 0, "\(run.error)")
            var documents = YAML.documents(Value.self, from: run.output)
            var ids: [Value] = []
            while let document = try documents.next() { ids.append(document["id"] ?? .null) }
            #expect(ids == [1, 2, 3])
        }
    }

    @Test func prettyIndentsJSON() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let run = try LodumBinary.run(["convert", "-", "--from", "yaml", "--to", "json", "--pretty"], in: directory,
                                          input: Data("b: 1\na: [2]\n".utf8))
            #expect(run.status == 0, "\(run.error)")
            #expect(run.outputText == "{\n  \"b\": 1,\n  \"a\": [\n    2\n  ]\n}")
        }
    }

    @Test func badInputFailsWithItsPlaceAndLeavesTheOutputAlone() throws {
        try Fixtures.withTemporaryDirectory { directory in
            try Data("{\"a\": [1, 2,\n".utf8).write(to: directory.appendingPathComponent("bad.json"))
            let previous = Data("previous: content\n".utf8)
            try previous.write(to: directory.appendingPathComponent("out.yaml"))
            let run = try LodumBinary.run(["convert", "bad.json", "out.yaml"], in: directory)
            #expect(run.status == 65)
            #expect(run.error.hasPrefix("bad.json:2:1: error: "), "\(run.error)")
            #expect(try Data(contentsOf: directory.appendingPathComponent("out.yaml")) == previous)
        }
    }

    @Test func aMissingInputAndAnUnknownFormatAreClearErrors() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let missing = try LodumBinary.run(["convert", "nothere.json", "out.yaml"], in: directory)
            #expect(missing.status == 66)
            #expect(missing.error.contains("nothere.json: no such file"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.yaml").path))

            try Data("x".utf8).write(to: directory.appendingPathComponent("notes.txt"))
            let unknown = try LodumBinary.run(["convert", "notes.txt", "out.yaml"], in: directory)
            #expect(unknown.status == 64)
            #expect(unknown.error.contains("cannot tell the format of notes.txt"))
            #expect(unknown.error.contains("json, yaml, msgpack"))

            let unwritable = try LodumBinary.run(["convert", "notes.txt", "missing/out.json", "--from", "yaml"], in: directory)
            #expect(unwritable.status == 73)
            #expect(unwritable.error.hasPrefix("lodum: "), "\(unwritable.error)")
            #expect(unwritable.error.contains("missing"), "\(unwritable.error)")

            let badName = try LodumBinary.run(["convert", "notes.txt", "--from", "xml", "--to", "json"], in: directory)
            #expect(badName.status == 64)
            #expect(badName.error.contains("xml"))
        }
    }

    @Test func validateReportsTextPositionsAndBinaryOffsets() throws {
        try Fixtures.withTemporaryDirectory { directory in
            try Data("name: Ada\nlist: [1, 2\n".utf8).write(to: directory.appendingPathComponent("bad.yaml"))
            let text = try LodumBinary.run(["validate", "bad.yaml"], in: directory)
            #expect(text.status == 65)
            #expect(text.error.range(of: #"^bad\.yaml:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(text.error)")

            // A map that claims two entries and holds one.
            try Data([0x82, 0xA1, 0x61, 0x01]).write(to: directory.appendingPathComponent("bad.msgpack"))
            let binary = try LodumBinary.run(["validate", "bad.msgpack"], in: directory)
            #expect(binary.status == 65)
            #expect(binary.error.hasPrefix("bad.msgpack: byte 4: error: "), "\(binary.error)")

            try Self.encode(Self.config, as: "yaml").write(to: directory.appendingPathComponent("good.yaml"))
            let good = try LodumBinary.run(["validate", "good.yaml"], in: directory)
            #expect(good.status == 0)
            #expect(good.outputText == "good.yaml: valid yaml\n")
        }
    }

    @Test func validateEnforcesTheLimits() throws {
        try Fixtures.withTemporaryDirectory { directory in
            try Data("[[[[1]]]]".utf8).write(to: directory.appendingPathComponent("deep.json"))
            let deep = try LodumBinary.run(["validate", "deep.json", "--max-depth", "3"], in: directory)
            #expect(deep.status == 65)
            #expect(deep.error.contains("maxDepth"), "\(deep.error)")
            let large = try LodumBinary.run(["validate", "deep.json", "--max-size", "4"], in: directory)
            #expect(large.status == 65)
            #expect(large.error.contains("maxInputSize"), "\(large.error)")
        }
    }

    @Test func formatsListsTheRegistrysOwnCapabilities() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let run = try LodumBinary.run(["formats", "--json"], in: directory)
            #expect(run.status == 0)
            let listed = try JSON.decode(Value.self, from: run.output)
            for format in Lodum.formats {
                guard case .array(let rows) = listed, let row = rows.first(where: { $0["name"]?.stringValue == format.name }) else {
                    Issue.record("\(format.name) is not listed")
                    continue
                }
                for (name, capability) in FormatCapabilities.named {
                    #expect(row["capabilities"]?[name]?.boolValue == format.capabilities.contains(capability), "\(format.name) \(name)")
                }
            }
            let table = try LodumBinary.run(["formats"], in: directory)
            for name in Self.formatNames { #expect(table.outputText.contains(name)) }
        }
    }

    @Test func helpHasExamplesAndCompletionsAreGenerated() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let help = try LodumBinary.run(["convert", "--help"], in: directory)
            #expect(help.status == 0)
            #expect(help.outputText.contains("Examples:"))
            let completion = try LodumBinary.run(["--generate-completion-script", "bash"], in: directory)
            #expect(completion.status == 0)
            #expect(completion.outputText.contains("convert"))
        }
    }
}
