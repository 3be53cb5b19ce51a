import Foundation
import Lodum
import LodumTestSupport
import Testing
@testable import LodumYAML

/// The YAML suites' own fixtures; the shared ones are in Tests/Support (LodumTestSupport).
extension Fixtures {
    /// `count` records as a block sequence: `- id: 0\n  name: record-0\n…`.
    static func recordSequence(count: Int) -> [UInt8] {
        var text = ""
        text.reserveCapacity(count * 32)
        for index in 0..<count {
            text += "- id: \(index)\n  name: record-\(index)\n"
        }
        return bytes(text)
    }

    /// `count` records as a stream of documents, each starting with `---`.
    static func recordDocuments(count: Int) -> [UInt8] {
        var text = ""
        for index in 0..<count {
            text += "---\nid: \(index)\nname: record-\(index)\n"
        }
        return bytes(text)
    }

    /// The 1-based line and column of the first occurrence of `needle` in `text`.
    static func lineAndColumn(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.count { $0 == "\n" } + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text.utf8.distance(from: lineStart, to: range.lowerBound) + 1)
    }
}

/// A `Value` object from key-value pairs, in order.
func yamlObject(_ members: KeyValuePairs<String, Value>) -> Value {
    .object(members.map { Value.Member(key: $0.key, value: $0.value) })
}

/// How each scalar of `yaml` is written, read with libyaml's raw events: whether output
/// quoting chose a plain, quoted or block style.
func yamlScalarStyles(_ yaml: String) throws -> [(text: String, isPlain: Bool)] {
    var bytes = Array(yaml.utf8)
    return try bytes.withUnsafeMutableBytes { buffer in
        let reader = YAMLEventReader(input: InputBuffer(borrowing: UnsafeRawBufferPointer(buffer)), limits: .default, resolvesReferences: false)
        var scalars: [(text: String, isPlain: Bool)] = []
        while true {
            let event = try reader.nextRawEvent()
            if event.kind == .streamEnd { return scalars }
            if event.kind == .scalar { scalars.append((event.text ?? "", event.scalarStyle == .plain)) }
        }
    }
}
