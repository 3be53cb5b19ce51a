import ArgumentParser
import Foundation
import Lodum

/// `lodum formats`: every format and what it can do, read from `Format.capabilities`.
struct ListFormats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List every format: name, file extensions, media type and capabilities.",
        discussion: """
            The capabilities are the library's own flags (Format.capabilities), which the \
            conformance suite proves by behaviour.

            Examples:
              lodum formats
              lodum formats --json
              lodum formats --markdown
            """)

    @Flag(help: "Print JSON, for scripts.")
    var json = false

    @Flag(help: "Print a Markdown table, as in Docs/Formats.md.")
    var markdown = false

    func validate() throws {
        if json && markdown { throw ValidationError("give --json or --markdown, not both") }
    }

    func run() throws {
        if json {
            print(try JSON.encodeString(FormatTable.value, options: .readable))
        } else if markdown {
            print(FormatTable.markdown, terminator: "")
        } else {
            print(FormatTable.text, terminator: "")
        }
    }
}

/// The registry as a table: one row a format, one yes/no column a capability.
enum FormatTable {
    static var columns: [String] { ["format", "extensions", "media type"] + FormatCapabilities.named.map(\.name) }

    static var rows: [[String]] {
        Lodum.formats.map { format in
            [format.name, format.fileExtensions.joined(separator: ", "), format.mediaType]
                + FormatCapabilities.named.map { format.capabilities.contains($0.capability) ? "yes" : "no" }
        }
    }

    /// Columns padded to line up, for a terminal.
    static var text: String {
        let table = [columns] + rows
        let widths = columns.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingSuffixSpaces()
        }.joined(separator: "\n") + "\n"
    }

    static var markdown: String {
        var lines = ["| " + columns.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: columns.count)]
        lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[{"name": "json", "extensions": [...], "mediaType": ..., "capabilities": {"streamingDump": true, …}}]`
    static var value: Value {
        .array(Lodum.formats.map { format in
            .object([
                Value.Member(key: "name", value: .string(format.name)),
                Value.Member(key: "extensions", value: .array(format.fileExtensions.map { .string($0) })),
                Value.Member(key: "mediaType", value: .string(format.mediaType)),
                Value.Member(key: "capabilities", value: .object(FormatCapabilities.named.map {
                    Value.Member(key: $0.name, value: .bool(format.capabilities.contains($0.capability)))
                })),
            ])
        })
    }
}

extension String {
    func trimmingSuffixSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
