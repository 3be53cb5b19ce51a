import Foundation
import LodumTestSupport
import Testing

/// Every Swift sample in Docs/ and the README is compiled code: each ```swift block is an
/// excerpt of a Swift file of a test or example target, so a sample cannot rot.
@Suite("Docs: every Swift sample is compiled code")
struct DocumentationCompilesTests {
    static let compiledFolders = [
        "Tests/LodumCoreTests", "Tests/LodumJSONTests", "Tests/LodumYAMLTests", "Tests/LodumMsgPackTests",
        "Tests/ConformanceTests", "Tests/LodumCLITests", "Examples/StreamPoints",
    ]

    static var pages: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("Docs").path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test(arguments: pages)
    func everySwiftBlockIsCompiled(_ page: String) throws {
        let document = try DocumentationPage(page)
        #expect(document.unclosedBlockLine == nil, "a code block of \(page) never closes")
        for problem in try document.uncompiledBlocks(in: Self.compiledFolders) {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
