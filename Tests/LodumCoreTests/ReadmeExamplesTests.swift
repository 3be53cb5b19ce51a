// The README's example, compiled and run; its Swift blocks are excerpts of this file
// (checked below).

import Foundation
import LodumTestSupport
import Testing
// Last, so that it and the declarations below read as the README's first block.
import Lodum

@Lodum struct Temperature { var sensor: String; var celsius: Double }
@Lodum struct Weather { var readings: [Temperature] }

extension Temperature: Equatable {}

@Suite("README: the example")
struct ReadmeExamplesTests {
    @Test func theExampleRuns() async throws {
        let log = Weather(readings: [Temperature(sensor: "kitchen", celsius: 21.5)])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("readings.json")

        let data = try JSON.encode(log)                              // compact UTF-8 JSON
        let back = try JSON.decode(Weather.self, from: data)         // also from String, [UInt8]
        let yaml = try YAML.encodeString(log)                        // the same type, as block YAML
        let packed = try MsgPack.encode(log)                         // and as MessagePack

        try JSON.dump(contentsOf: (0..<1_000_000).lazy.map { Temperature(sensor: "s\($0)", celsius: 20) },
                      to: file)                                      // streamed, never all in memory
        for try await reading in JSON.stream(Temperature.self, from: file) { _ = reading }

        _ = JSON.capabilities.contains(.streamingDump)               // true
        for format in Lodum.formats { print(format.name, format.capabilities) }

        #expect(back.readings == log.readings)
        #expect(yaml == "readings:\n- sensor: kitchen\n  celsius: 21.5\n")
        #expect(try MsgPack.decode(Weather.self, from: packed).readings == log.readings)
    }

    @Test func everySwiftBlockOfTheReadmeIsAnExcerptOfThisFile() throws {
        let page = try DocumentationPage("README.md", folder: "")
        #expect(page.swiftBlocks.count == 2)
        for problem in try page.uncompiledBlocks(in: ["Tests/LodumCoreTests"]) {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
