/// A wire format: its identity, its capabilities, and factories for its writer and reader.
///
/// A backend conforms a caseless enum to `Format`; the user-facing verbs (`encode`,
/// `decode`, `dump`, `load`, `stream`, `documents`) are written once, in extensions on this
/// protocol, so every format offers the same API and none can drift.
///
/// ```swift
/// let data = try JSON.encode(dataset)
/// for format in Lodum.formats { print(format.name, try format.encode(dataset).count) }
/// ```
public protocol Format: Sendable {
    /// Format-specific options, such as pretty printing.
    associatedtype Options: FormatOptions
    /// The backend's serializer.
    associatedtype Writer: FormatWriter
    /// The backend's deserializer.
    associatedtype Reader: FormatReader

    /// The format's short name: `"json"`.
    static var name: String { get }
    /// File extensions without the dot, preferred first: `["json"]`.
    static var fileExtensions: [String] { get }
    /// The IANA media type: `"application/json"`.
    static var mediaType: String { get }
    /// What this format can do.
    static var capabilities: FormatCapabilities { get }

    /// Creates a writer that appends to `output`.
    static func makeWriter(output: OutputBuffer, options: Options, limits: Limits, layout: DocumentLayout) -> Writer
    /// Creates a reader that scans `input`.
    static func makeReader(input: InputBuffer, options: Options, limits: Limits) -> Reader
}

/// Options of a format; every option has a default.
public protocol FormatOptions: Sendable {
    /// The default options.
    init()

    /// Options for output meant for people: indented where the format can be, and the
    /// defaults where it has no such choice. Converters use it for a `--pretty` flag on any
    /// format; the default implementation is `Self()`.
    static var readable: Self { get }
}

extension FormatOptions {
    public static var readable: Self { Self() }
}

/// Whether a writer produces one document or a stream of them.
public enum DocumentLayout: Sendable {
    /// One value: `encode`, `dump`.
    case single
    /// A stream of documents: `dump(documents:)` (JSON Lines, YAML `---`, concatenated MessagePack).
    case multiple
}

/// A backend's serializer, with the framing the core's verbs need around each value.
public protocol FormatWriter: Serializer {
    /// Starts a top-level document.
    mutating func beginDocument() throws
    /// Ends a top-level document.
    mutating func endDocument() throws
    /// Ends the output and hands every buffered byte to the sink.
    mutating func finish() throws
}

/// A backend's deserializer, with the framing the core's verbs need around each value.
public protocol FormatReader: Deserializer {
    /// Moves to the next top-level document; `false` when the input holds no more.
    mutating func beginDocument() throws -> Bool
    /// Ends the current top-level document.
    mutating func endDocument() throws
    /// Checks that nothing but insignificant bytes follow the last document.
    mutating func finish() throws
}
