// Docs/WritingABackend.md may show only code that compiles: every ```swift block in it must
// be an excerpt of a Swift file of this test target (see DocumentationPage). The one block
// that cannot be compiled here, a user's Package.swift (tagged ```swift manifest), is
// checked against the products this package really has.

import Foundation
import LodumTestSupport
import Testing

@Suite("Writing a backend: the tutorial shows only compiled code")
struct WritingABackendDocTests {
    @Test func everySwiftBlockIsAnExcerptOfCompiledCode() throws {
        let page = try DocumentationPage("WritingABackend.md")
        #expect(page.unclosedBlockLine == nil)
        #expect(page.swiftBlocks.count >= 20, "expected the tutorial's code, found \(page.swiftBlocks.count) swift blocks")
        let thisFile = URL(fileURLWithPath: #filePath).lastPathComponent
        for problem in try page.uncompiledBlocks(in: ["Tests/ConformanceTests"], excluding: [thisFile]) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func theManifestBlockDependsOnProductsThePackageHas() throws {
        let manifests = try DocumentationPage("WritingABackend.md").blocks.filter { $0.info == "swift manifest" }
        try #require(manifests.count == 1, "expected one ```swift manifest block, found \(manifests.count)")
        let manifest = manifests[0].lines.joined(separator: "\n")
        let ourManifest = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)

        let toolsVersion = try Self.toolsVersion(of: manifest)
        #expect(!toolsVersion.lexicographicallyPrecedes(try Self.toolsVersion(of: ourManifest)),
                "the tutorial's manifest asks for an older tools version than Lodum needs")

        let libraries = Set(try Self.captures(#"\.library\(\s*name:\s*"([^"]+)""#, in: ourManifest))
        let dependencyPaths = try Self.captures(#"\.package\(\s*path:\s*"([^"]+)""#, in: manifest)
        try #require(dependencyPaths.count == 1, "the manifest should depend on Lodum by path, once")
        // A path dependency's package is named for the path's last component.
        let packageName = URL(fileURLWithPath: dependencyPaths[0]).lastPathComponent

        let products = try Self.products(in: manifest)
        #expect(products.contains { $0.name == "LodumConformance" }, "the manifest should use LodumConformance")
        #expect(products.contains { $0.name == "LodumCore" }, "the manifest should use LodumCore")
        for product in products {
            #expect(libraries.contains(product.name), "Lodum has no library product \(product.name)")
            #expect(product.package == packageName, "\(product.name) names package \(product.package), not \(packageName)")
        }
    }

    // MARK: Reading manifests

    static func captures(_ pattern: String, in text: String) throws -> [String] {
        try text.matches(of: Regex(pattern)).compactMap { $0.output[1].substring.map(String.init) }
    }

    static func products(in manifest: String) throws -> [(name: String, package: String)] {
        let pattern = try Regex(#"\.product\(\s*name:\s*"([^"]+)",\s*package:\s*"([^"]+)"\s*\)"#)
        return manifest.matches(of: pattern).compactMap { match in
            guard let name = match.output[1].substring, let package = match.output[2].substring else { return nil }
            return (String(name), String(package))
        }
    }

    /// The `// swift-tools-version:` of a manifest, as numbers to compare.
    static func toolsVersion(of manifest: String) throws -> [Int] {
        let versions = try captures(#"^// swift-tools-version:\s*([0-9.]+)"#, in: manifest)
        let version = try #require(versions.first, "a manifest without a swift-tools-version line")
        let parts = version.split(separator: ".").compactMap { Int($0) }
        return parts + Array(repeating: 0, count: max(0, 3 - parts.count))
    }
}
