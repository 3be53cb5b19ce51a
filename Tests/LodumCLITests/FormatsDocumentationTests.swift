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

    @Test func gettingStartedsManifestNamesProductsThePackageHas() throws {
        let manifests = try DocumentationPage("GettingStarted.md").blocks.filter { $0.info == "swift manifest" }
        try #require(manifests.count == 1)
        let ours = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let text = manifests[0].lines.joined(separator: "\n")
        for product in ["Lodum"] {
            #expect(text.contains(#".product(name: "\#(product)", package: "Lodum")"#))
            #expect(ours.contains(#".library(name: "\#(product)""#))
        }
        for product in ["LodumCore", "LodumJSON", "LodumYAML", "LodumMsgPack"] {
            #expect(ours.contains(#".library(name: "\#(product)""#), "the page names \(product)")
        }
        #expect(ours.contains(#".executable(name: "lodum""#))
    }
}
