import Foundation
import LodumFuzzHarnesses
import LodumTestSupport
import Testing

/// The fuzzing harnesses, run once over their seeds and over every saved finding: each
/// input must end in a value or a `LodumError`, so a fixed finding stays fixed.
@Suite("Fuzzing: the seeds and every saved finding replay cleanly")
struct ReplayTests {
    static let seeds: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lodum-seeds-\(UUID().uuidString)")
        try? Seeds.write(to: directory, shared: Fixtures.shared(""))
        return directory
    }()

    static func inputs(below directory: URL) -> [URL] {
        FuzzInputs.files(at: directory).filter { $0.lastPathComponent != "README.md" }
    }

    @Test(arguments: Harness.allCases.map(\.rawValue))
    func replays(_ name: String) throws {
        let harness = try #require(Harness(rawValue: name))
        let seeds = Self.inputs(below: Self.seeds.appendingPathComponent(name))
        #expect(!seeds.isEmpty, "no seeds were written for \(name)")
        let findings = Self.inputs(below: Fixtures.packageRoot.appendingPathComponent("Fuzz/Findings/\(name)"))
        for input in seeds + findings {
            let data = try Data(contentsOf: input)
            #expect(throws: Never.self, "\(input.path)") { try data.withUnsafeBytes { try harness.run($0) } }
        }
    }
}
