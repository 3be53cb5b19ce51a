import Foundation
import Lodum
import LodumConformance

/// Writes a starting corpus for each harness: the shared conformance suites' inputs, the
/// standard corpora, and the conformance catalogue written in every format, so fuzzing
/// starts from documents that reach deep into each reader.
public enum Seeds {
    public static func write(to directory: URL, shared: URL) throws {
        let files = FileManager.default
        func folder(_ harness: Harness) throws -> URL {
            let url = directory.appendingPathComponent(harness.rawValue, isDirectory: true)
            try files.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        func save(_ bytes: Data, _ name: String, for harnesses: [Harness]) throws {
            for harness in harnesses { try bytes.write(to: try folder(harness).appendingPathComponent(name)) }
        }

        // The catalogue in every format: what the typed harnesses decode.
        let typed: [String: [Harness]] = ["json": [.jsonValue, .jsonTyped], "yaml": [.yamlValue, .yamlTyped], "msgpack": [.msgpackValue, .msgpackTyped]]
        let formats = Lodum.formats
        for (input, format) in formats.enumerated() {
            let model = try format.encode(ConformanceModel())
            try save(model, "catalogue.\(format.name)", for: typed[format.name] ?? [])
            // The transcode harness reads its first byte as the pair of formats.
            for output in formats.indices {
                try save(Data([UInt8(input + formats.count * output)]) + model, "catalogue-to-\(formats[output].name).\(format.name)", for: [.transcode])
            }
        }

        // JSONTestSuite and the corpora, as they are.
        let parsing = shared.appendingPathComponent("conformance/json/test_parsing")
        for name in (try? files.contentsOfDirectory(atPath: parsing.path)) ?? [] where name.hasSuffix(".json") {
            if let bytes = files.contents(atPath: parsing.appendingPathComponent(name).path) {
                try save(bytes, name, for: [.jsonValue])
            }
        }
        for name in ["twitter.json", "citm_catalog.json"] {
            if let bytes = files.contents(atPath: shared.appendingPathComponent("corpora/\(name)").path) {
                try save(bytes, name, for: [.jsonValue])
            }
        }

        // Every encoding of the msgpack-test-suite, as bytes.
        let suite = shared.appendingPathComponent("conformance/msgpack/msgpack-test-suite.json")
        if let data = files.contents(atPath: suite.path), case .object(let groups) = try JSON.decode(Value.self, from: data) {
            var count = 0
            for group in groups {
                guard case .array(let cases) = group.value else { continue }
                for entry in cases {
                    guard case .array(let hexes)? = entry["msgpack"] else { continue }
                    for case .string(let hex) in hexes {
                        count += 1
                        try save(Data(bytes(fromHex: hex)), "suite-\(count).msgpack", for: [.msgpackValue])
                    }
                }
            }
        }

        // The yaml-test-suite's inputs.
        let yamlSuite = shared.appendingPathComponent("conformance/yaml/yaml-test-suite")
        if let walker = files.enumerator(at: yamlSuite, includingPropertiesForKeys: nil) {
            var count = 0
            while let url = walker.nextObject() as? URL {
                guard url.lastPathComponent == "in.yaml", let bytes = files.contents(atPath: url.path) else { continue }
                count += 1
                try save(bytes, "suite-\(count).yaml", for: [.yamlValue])
            }
        }
    }

    /// `"a1 00 ff"` or `"a100ff"` as bytes; pairs that are not hex are skipped.
    static func bytes(fromHex text: String) -> [UInt8] {
        let digits = text.filter(\.isHexDigit)
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex, let next = digits.index(index, offsetBy: 2, limitedBy: digits.endIndex) {
            if let byte = UInt8(digits[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        return bytes
    }
}
