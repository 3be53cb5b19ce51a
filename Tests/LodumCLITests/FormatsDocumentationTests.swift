import Foundation
import Lodum
import LodumTestSupport
import Testing

@Suite("Docs/Formats.md: the table and the example are current")
struct FormatsDocumentationTests {
    static let page = Fixtures.packageRoot.appendingPathComponent("Docs/Formats.md")

    @Test func theTableIsWhatTheToolPrints() throws {
        let run = try Fixtures.withTemporaryDirectory { directory in
            try LodumBinary.run(["formats", "--markdown"], in: directory)
        }
        #expect(run.status == 0)
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        #expect(text.contains(run.outputText), """
            Docs/Formats.md's table is not what `lodum formats --markdown` prints; paste this in:
            \(run.outputText)
            """)
    }

    @Test func theExampleCompilesAndRuns() throws {
        // The page's example, exactly as written there.
        if YAML.capabilities.contains(.lazyLoad) { /* stream elements one at a time */ }
        for format in Lodum.formats where format.capabilities.contains(.multiDocument) { print(format.name) }

        let text = try String(contentsOf: Self.page, encoding: .utf8)
        #expect(text.contains("if YAML.capabilities.contains(.lazyLoad) { /* stream elements one at a time */ }"))
        #expect(text.contains("for format in Lodum.formats where format.capabilities.contains(.multiDocument) { print(format.name) }"))
        #expect(Lodum.formats.filter { $0.capabilities.contains(.multiDocument) }.count == Lodum.formats.count)
    }
}
