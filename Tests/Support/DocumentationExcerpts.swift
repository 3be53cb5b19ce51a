import Foundation

// A page of Docs/ may show only Swift that compiles. Its ```swift blocks must each be an
// excerpt, line for line (up to shared indentation), of a Swift file of a test target,
// all of which SwiftPM compiles: changing the code without the page, or the page without
// the code, then fails a test. One copy of the reading and comparing, for every page.

/// The fenced code blocks of a Markdown page, and the check that its Swift is compiled.
public struct DocumentationPage: Sendable {
    /// A fenced code block.
    public struct Block: Sendable {
        /// The info string after the opening fence: `swift`, `swift manifest`, `sh`.
        public var info: String
        /// The 1-based line of the opening fence.
        public var line: Int
        public var lines: [String]
    }

    public let url: URL
    public let blocks: [Block]
    /// A fence that never closes, by its line, if any.
    public let unclosedBlockLine: Int?

    /// Reads `<folder>/<name>` from the package root: a page of Docs/ by default, or the
    /// README with `folder: ""`.
    public init(_ name: String, folder: String = "Docs") throws {
        url = Fixtures.packageRoot.appendingPathComponent(folder).appendingPathComponent(name)
        var blocks: [Block] = []
        var open: Block?
        let text = try String(contentsOf: url, encoding: .utf8)
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
                open = Block(info: trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces), line: index + 1, lines: [])
            }
        }
        self.blocks = blocks
        self.unclosedBlockLine = open?.line
    }

    /// The blocks tagged exactly `swift`: the ones that must be compiled code.
    public var swiftBlocks: [Block] { blocks.filter { $0.info == "swift" } }

    /// Each `swift` block that is not an excerpt of a Swift file in `directories` (relative
    /// to the package root), leaving out `excluded` file names, whose string literals
    /// would prove nothing; as messages, empty when every block is compiled code.
    public func uncompiledBlocks(in directories: [String], excluding excluded: Set<String> = []) throws -> [String] {
        let sources = try Self.sources(in: directories, excluding: excluded)
        return swiftBlocks.compactMap { block in
            let excerpt = Self.normalized(block.lines)
            if excerpt.isEmpty { return "the swift block at line \(block.line) is empty" }
            if sources.contains(where: { Self.contains($0, excerpt) }) { return nil }
            return """
                the swift block at line \(block.line) of \(url.lastPathComponent) is not an excerpt of any Swift \
                file of \(directories.joined(separator: ", ")):
                \(excerpt.joined(separator: "\n"))
                """
        }
    }

    static func sources(in directories: [String], excluding excluded: Set<String>) throws -> [[String]] {
        var sources: [[String]] = []
        for directory in directories {
            let folder = Fixtures.packageRoot.appendingPathComponent(directory)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".swift") && !excluded.contains($0) }
                .sorted()
            for name in names {
                sources.append(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                    .components(separatedBy: "\n").map(trimmingTrailingWhitespace))
            }
        }
        return sources
    }

    /// Lines without trailing whitespace, leading and trailing blank lines, or the
    /// indentation they all share.
    public static func normalized(_ lines: [String]) -> [String] {
        var lines = lines.map(trimmingTrailingWhitespace)
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
}
