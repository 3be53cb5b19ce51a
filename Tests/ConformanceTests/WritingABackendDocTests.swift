// Docs/WritingABackend.md may show only code that compiles. Every ```swift block in it must
// be an excerpt, line for line, of a Swift file of this test target (all of which SwiftPM
// compiles), so changing the code without the tutorial, or the tutorial without the code,
// fails here. The one block that cannot be compiled here, a user's Package.swift (tagged
// ```swift manifest), is checked against the products this package really has.

import Foundation
import Testing

@Suite("Writing a backend: the tutorial shows only compiled code")
struct WritingABackendDocTests {
    /// A fenced code block of the tutorial.
    struct Block {
        /// The info string after the opening fence: `swift`, `swift manifest`, `sh`.
        var info: String
        /// The 1-based line of the opening fence.
        var line: Int
        var lines: [String]
    }

    /// The package root, three levels above this file (Tests/ConformanceTests/<file>).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tutorial = packageRoot.appendingPathComponent("Docs/WritingABackend.md")

    @Test func everySwiftBlockIsAnExcerptOfCompiledCode() throws {
        let blocks = try Self.blocks().filter { $0.info == "swift" }
        #expect(blocks.count >= 20, "expected the tutorial's code, found \(blocks.count) swift blocks")
        let sources = try Self.compiledSources()
        for block in blocks {
            let excerpt = Self.normalized(block.lines)
            #expect(!excerpt.isEmpty, "the swift block at line \(block.line) is empty")
            let found = sources.contains { Self.contains($0, excerpt) }
            #expect(found, """
                the swift block at line \(block.line) of WritingABackend.md is not an excerpt of any Swift \
                file of Tests/ConformanceTests:
                \(excerpt.joined(separator: "\n"))
                """)
        }
    }

    @Test func theManifestBlockDependsOnProductsThePackageHas() throws {
        let manifests = try Self.blocks().filter { $0.info == "swift manifest" }
        try #require(manifests.count == 1, "expected one ```swift manifest block, found \(manifests.count)")
        let manifest = manifests[0].lines.joined(separator: "\n")
        let ourManifest = try String(contentsOf: Self.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)

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

    // MARK: Reading the tutorial

    /// The fenced code blocks of the tutorial, in order.
    static func blocks() throws -> [Block] {
        let text = try String(contentsOf: tutorial, encoding: .utf8)
        var blocks: [Block] = []
        var open: Block?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var block = open {
                if trimmed == "```" {
                    blocks.append(block)
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if trimmed.hasPrefix("```") {
                let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                open = Block(info: info, line: index + 1, lines: [])
            }
        }
        #expect(open == nil, "a code block opened at line \(open?.line ?? 0) never closes")
        return blocks
    }

    /// Every Swift file of this target but this one, whose string literals prove nothing,
    /// as lines.
    static func compiledSources() throws -> [[String]] {
        let directory = packageRoot.appendingPathComponent("Tests/ConformanceTests")
        let thisFile = URL(fileURLWithPath: #filePath).lastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".swift") && $0 != thisFile }
            .sorted()
        return try names.map { name in
            try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                .components(separatedBy: "\n")
                .map { trimmingTrailingWhitespace($0) }
        }
    }

    // MARK: Comparing

    /// Lines without trailing whitespace, leading and trailing blank lines, or the
    /// indentation they all share.
    static func normalized(_ lines: [String]) -> [String] {
        var lines = lines.map { trimmingTrailingWhitespace($0) }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return dedented(lines)
    }

    static func dedented(_ lines: [String]) -> [String] {
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }
    }

    /// Whether `excerpt` is a run of consecutive lines of `source`, up to indentation
    /// shared by the whole run.
    static func contains(_ source: [String], _ excerpt: [String]) -> Bool {
        guard let first = excerpt.first, source.count >= excerpt.count else { return false }
        let firstContent = first.drop { $0 == " " }
        for start in 0...(source.count - excerpt.count) where source[start].drop(while: { $0 == " " }) == firstContent {
            if dedented(Array(source[start..<(start + excerpt.count)])) == excerpt { return true }
        }
        return false
    }

    static func trimmingTrailingWhitespace(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        return String(line)
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
