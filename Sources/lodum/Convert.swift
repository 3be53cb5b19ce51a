import ArgumentParser
import Foundation
import Lodum

/// `lodum convert`: one format to another, reader events straight into the writer.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a document from one format to another, as a stream.",
        discussion: """
            Formats come from the file extensions unless --from or --to names them. \
            The input is read as it is written out, so memory stays constant whatever \
            the size. An output file is written whole or not at all: on an error, an \
            existing file is left as it was.

            Examples:
              lodum convert config.yaml config.json --pretty
              lodum convert events.jsonl events.yaml --documents
              lodum convert big.json - --to msgpack > big.msgpack
              curl -s https://example.com/data.json | lodum convert - --from json --to yaml
            """)

    @Argument(help: "The input file, or - for standard input.", completion: .file())
    var input: String

    @Argument(help: "The output file, or - for standard output (the default).", completion: .file())
    var output: String = "-"

    @Option(help: "The input format, if its extension does not say.")
    var from: FormatArgument?

    @Option(help: "The output format, if its extension does not say.")
    var to: FormatArgument?

    @Flag(help: "Indent the output, where the format can be indented (JSON).")
    var pretty = false

    @Flag(help: "Convert a stream of documents, one by one: JSON Lines, YAML --- streams, concatenated MessagePack.")
    var documents = false

    @Flag(inversion: .prefixedNo, help: "Show progress on standard error when it is a terminal and the conversion takes over a second.")
    var progress = true

    /// Usage problems, found before anything is opened, so the help shows this command's.
    func validate() throws {
        _ = try formats()
    }

    func formats() throws -> (input: any Format.Type, output: any Format.Type) {
        let inputFormat = try FilePath(input).format(given: from, optionName: "--from")
        let outputFormat = try FilePath(output).format(given: to, optionName: "--to")
        if case .standardStream = FilePath(output), outputFormat.capabilities.contains(.binary), isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("\(outputFormat.name) is binary: give an output file, or redirect standard output")
        }
        return (inputFormat, outputFormat)
    }

    func run() throws {
        let inputPath = FilePath(input)
        let outputPath = FilePath(output)
        let (inputFormat, outputFormat) = try formats()
        let source = try openInput(inputPath)
        let total = inputPath.byteCount
        let meter = progress ? ProgressMeter(totalBytes: total) : nil
        let counted = CountingSource(source, meter: meter)
        defer { meter?.finish() }
        do {
            try Self.transcode(
                from: inputFormat, to: outputFormat, source: counted, output: outputPath,
                layout: documents ? .multiple : .single, pretty: pretty)
        } catch let error as LodumError {
            meter?.finish()
            if case .io = error.kind, error.position == nil {
                // Reading or writing failed, not the document: no place in the input to name.
                printError("lodum: \(error.reason)")
                throw ExitStatus.cannotCreate
            }
            printError(describe(error, in: inputPath.displayName))
            throw ExitStatus.dataError
        }
    }

    /// Opens both formats and transcodes with the output's readable options when asked.
    static func transcode(
        from inputFormat: any Format.Type, to outputFormat: any Format.Type, source: CountingSource,
        output: FilePath, layout: DocumentLayout, pretty: Bool
    ) throws {
        switch output {
        case .standardStream:
            try transcode(inputFormat, outputFormat, source, FileHandle.standardOutput, layout, pretty)
        case .file(let url):
            try transcode(inputFormat, outputFormat, source, url, layout, pretty)
        }
    }

    static func transcode<Input: Format, Output: Format>(
        _ input: Input.Type, _ output: Output.Type, _ source: CountingSource, _ destination: some OutputDestination,
        _ layout: DocumentLayout, _ pretty: Bool
    ) throws {
        try Input.transcode(
            from: source, to: Output.self, into: destination, layout: layout,
            inputOptions: Input.Options(), outputOptions: pretty ? Output.Options.readable : Output.Options())
    }
}

extension FilePath {
    /// The file's size, when it is a regular file: what a progress bar measures against.
    var byteCount: Int? {
        guard case .file(let url) = self,
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }
}
