// The examples of README.md and Docs/, compiled and run so they cannot rot.

import Foundation
import Lodum
import LodumTestSupport
import Testing

@Lodum struct DocsPoint { var x: Int; var y: Int }

@Lodum struct DocsDataset {
    var name: String = "untitled"
    var points: [DocsPoint]
    var note: String?
}

@Lodum struct DocsRecord { var id: Int; var value: String }

struct DocsLegacy: Codable, Equatable { var id: Int; var tags: [String] }

@Suite("Documentation examples")
struct DocumentationExamplesTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-docs-\(UUID().uuidString)")

    @Test func gettingStartedVerbs() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dataset = DocsDataset(points: [DocsPoint(x: 1, y: 2)])

        let data = try JSON.encode(dataset)
        let text = try JSON.encodeString(dataset)
        #expect(text == #"{"name":"untitled","points":[{"x":1,"y":2}],"note":null}"#)
        let back = try JSON.decode(DocsDataset.self, from: data)
        #expect(back.points[0].y == 2)

        let url = directory.appendingPathComponent("dataset.json")
        try JSON.dump(dataset, to: url)
        let loaded = try JSON.load(DocsDataset.self, from: url)
        #expect(loaded.name == "untitled")

        let pretty = try JSON.encodeString(dataset, options: JSONOptions(indent: 2, sortedKeys: true))
        #expect(pretty.hasPrefix("{\n  \"name\": \"untitled\""))
    }

    @Test func sameTypeAsYAML() throws {
        let dataset = DocsDataset(points: [DocsPoint(x: 1, y: 2)])
        let config = try YAML.encodeString(dataset)
        #expect(config == "name: untitled\npoints:\n- x: 1\n  y: 2\nnote: null\n")
        let again = try YAML.decode(DocsDataset.self, from: config)
        #expect(again.points[0].x == 1)
    }

    @Test func missingKeysTakeDefaults() throws {
        let dataset = try JSON.decode(DocsDataset.self, from: #"{"points":[]}"#)
        #expect(dataset.name == "untitled")
        #expect(dataset.note == nil)
    }

    @Test func codableTypesUseTheSameVerbs() throws {
        let legacyData = try JSON.encode(DocsLegacy(id: 1, tags: ["a"]))
        let legacy = try JSON.decode(DocsLegacy.self, from: legacyData)
        #expect(legacy == DocsLegacy(id: 1, tags: ["a"]))
    }

    @Test func valueDecodesAnyJSON() throws {
        let value = try JSON.decode(Value.self, from: #"{"a": [1, 2.5, null]}"#)
        #expect(value["a"] == .array([.int(1), .double(2.5), .null]))
    }

    @Test func everyFormatAlike() throws {
        let dataset = DocsDataset(points: [DocsPoint(x: 1, y: 2)])
        for format in Lodum.formats {
            let bytes = try format.encode(dataset)
            let back = try format.decode(DocsDataset.self, from: bytes)
            #expect(back.points[0].x == 1)
        }
    }

    static func save<F: Format>(_ points: [DocsPoint], as format: F.Type, in directory: URL) throws -> Int {
        let url = directory.appendingPathComponent("points." + F.fileExtensions[0])
        try F.dump(contentsOf: points, to: url)
        var stream = F.stream(DocsPoint.self, from: url)
        var count = 0
        while try stream.next() != nil { count += 1 }
        return count
    }

    @Test func everyVerbThroughAGenericFunction() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let points = (0..<5).map { DocsPoint(x: $0, y: $0) }
        for format in Lodum.formats {
            #expect(try Self.save(points, as: format, in: directory) == 5)
        }
    }

    @Test func streamingExamples() async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big.json")
        let points = (0..<10_000).lazy.map { DocsPoint(x: $0, y: 2 * $0) }
        try JSON.dump(contentsOf: points, to: big)

        var count = 0
        var stream = JSON.stream(DocsPoint.self, from: big)
        while let point = try stream.next() {
            #expect(point.y == 2 * point.x)
            count += 1
        }
        #expect(count == 10_000)

        var asyncCount = 0
        for try await _ in JSON.stream(DocsPoint.self, from: big) { asyncCount += 1 }
        #expect(asyncCount == 10_000)

        let loaded = try JSON.load([DocsPoint].self, from: big, limits: Limits(maxInputSize: 64 << 20))
        #expect(loaded.count == 10_000)
    }

    @Test func errorExampleReadsAsDocumented() throws {
        do {
            _ = try JSON.decode(DocsDataset.self, from: #"{"points":[{"x":"abc","y":1}]}"#)
            Issue.record("decoding should have failed")
        } catch let error as LodumError {
            #expect(error.description == #"Error at points[0].x (line 1, column 17): expected Int, found String "abc""#)
            #expect(error.path.description == "points[0].x")
            guard case .typeMismatch(let expected, _) = error.kind else {
                Issue.record("expected a type mismatch, got \(error.kind)")
                return
            }
            #expect(expected == "Int")
        }
    }
}
