import ArgumentParser
import Foundation
import Lodum

/// `lodum validate`: is the document well formed and within the limits?
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that a document is well formed and within the limits.",
        discussion: """
            Reads the whole input as a stream, keeping nothing, and reports the first \
            problem as FILE:LINE:COLUMN: error: message (a byte offset for binary formats). \
            Exits 0 when the document is valid, 65 when it is not.

            Examples:
              lodum validate config.yaml
              lodum validate events.jsonl --documents
              lodum validate payload.bin --format msgpack --max-depth 32
            """)

    @Argument(help: "The file to check, or - for standard input.", completion: .file())
    var file: String

    @Option(help: "The format, if the file's extension does not say.")
    var format: FormatArgument?

    @Flag(help: "The input is a stream of documents: JSON Lines, YAML --- streams, concatenated MessagePack.")
    var documents = false

    @Option(help: "The largest input accepted, in bytes.")
    var maxSize = Limits.default.maxInputSize

    @Option(help: "The deepest nesting accepted.")
    var maxDepth = Limits.default.maxDepth

    func validate() throws {
        _ = try FilePath(file).format(given: format, optionName: "--format")
        guard maxSize > 0, maxDepth > 0 else { throw ValidationError("--max-size and --max-depth must be positive") }
    }

    func run() throws {
        let path = FilePath(file)
        let inputFormat = try path.format(given: format, optionName: "--format")
        let limits = Limits(maxInputSize: maxSize, maxDepth: maxDepth)
        let source = try openInput(path)
        do {
            try Self.check(inputFormat, source: source, layout: documents ? .multiple : .single, limits: limits)
        } catch let error as LodumError {
            printError(describe(error, in: path.displayName))
            throw ExitStatus.dataError
        }
        print("\(path.displayName): valid \(inputFormat.name)")
    }

    static func check<F: Format>(_ format: F.Type, source: any ByteSource, layout: DocumentLayout, limits: Limits) throws {
        // Transcoding into a sink that keeps nothing reads every event in constant memory;
        // the size limit is counted on the way, since a stream has no size up front.
        let limited = CountingSource(source, limit: limits.maxInputSize)
        try F.transcode(from: limited, to: F.self, into: DiscardingSink(), layout: layout, limits: limits)
    }
}

/// A sink that drops what it is given.
final class DiscardingSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws {}
}
