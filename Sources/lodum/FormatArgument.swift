import ArgumentParser
import Foundation
import Lodum

/// A format named on the command line: by name (`json`) or by file extension (`yml`).
struct FormatArgument: ExpressibleByArgument {
    let format: any Format.Type

    init?(argument: String) {
        guard let format = Lodum.format(named: argument) ?? Lodum.format(forFileExtension: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Lodum.formats.map { $0.name } }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// Where a command reads from or writes to: a file, or `-` for standard input or output.
enum FilePath {
    case standardStream
    case file(URL)

    init(_ argument: String) {
        self = argument == "-" ? .standardStream : .file(URL(fileURLWithPath: argument))
    }

    /// The path as the user gave it, for messages.
    var displayName: String {
        switch self {
        case .standardStream: return "<stdin>"
        case .file(let url): return url.relativePath
        }
    }

    /// The format the file's extension names, if any.
    var inferredFormat: (any Format.Type)? {
        guard case .file(let url) = self, !url.pathExtension.isEmpty else { return nil }
        return Lodum.format(forFileExtension: url.pathExtension)
    }

    /// The format given by an option, else the one the extension names; a usage error
    /// naming the choices otherwise.
    func format(given option: FormatArgument?, optionName: String) throws -> any Format.Type {
        if let option { return option.format }
        if let inferred = inferredFormat { return inferred }
        let choices = FormatArgument.allValueStrings.joined(separator: ", ")
        switch self {
        case .standardStream:
            throw ValidationError("give \(optionName) to name the format of a standard stream (one of \(choices))")
        case .file(let url):
            throw ValidationError("cannot tell the format of \(url.relativePath) from its extension: give \(optionName) (one of \(choices))")
        }
    }
}

/// The tool's exit codes, from BSD's sysexits, so scripts can tell failures apart.
enum ExitStatus {
    /// The input is not a well-formed document, or breaks a limit.
    static let dataError = ExitCode(65)
    /// The input file does not exist or cannot be read.
    static let noInput = ExitCode(66)
    /// The output cannot be created or written.
    static let cannotCreate = ExitCode(73)
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// A problem reading or writing as `file:line:column: message` (text) or
/// `file: byte N: message` (binary), the way compilers report, so editors can jump to it.
func describe(_ error: LodumError, in file: String) -> String {
    let place: String
    switch error.position {
    case .text(let line, let column, _)?: place = "\(file):\(line):\(column)"
    case .binary(let offset)?: place = "\(file): byte \(offset)"
    case nil: place = file
    }
    let path = error.path.components.isEmpty ? "" : " (at \(error.path))"
    return "\(place): error: \(error.reason)\(path)"
}

/// Opens the input for reading, as a `noInput` failure with a clear message when it is
/// missing or unreadable.
func openInput(_ path: FilePath) throws -> any ByteSource {
    switch path {
    case .standardStream:
        return try FileHandle.standardInput.openSource()
    case .file(let url):
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            printError("lodum: \(url.relativePath): \(exists ? "cannot be read" : "no such file")")
            throw ExitStatus.noInput
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            printError("lodum: \(url.relativePath): is a directory")
            throw ExitStatus.noInput
        }
        return try url.openSource()
    }
}
