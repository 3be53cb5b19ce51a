import LodumCore

/// MessagePack, written with msgpack-c's packer and read with msgpack-c's unpacking state
/// machine, one event at a time.
///
/// `MsgPack` offers every binary Lodum verb: `encode`, `decode`, `dump`,
/// `dump(contentsOf:)`, `dump(documents:)` (concatenated values), `load`, `stream` and
/// `documents`.
///
/// ```swift
/// let bytes = try MsgPack.encode(dataset)
/// let back = try MsgPack.decode(Dataset.self, from: bytes)
/// let compact = try MsgPack.encode(dataset, options: MsgPackOptions(structs: .arrays))
/// ```
///
/// Every integer and length takes its smallest encoding, `Float` stays float32 and
/// `Double` float64, and bytes are `bin`. Claimed lengths are checked against the input
/// before anything is allocated.
public enum MsgPack: Format {
    public typealias Options = MsgPackOptions
    public typealias Writer = MsgPackWriter
    public typealias Reader = MsgPackReader

    public static let name = "msgpack"
    public static let fileExtensions = ["msgpack", "mpk"]
    public static let mediaType = "application/vnd.msgpack"
    public static let capabilities: FormatCapabilities = [
        .streamingDump, .lazyLoad, .multiDocument, .binary, .nativeBytes, .nativeTimestamp, .nonStringKeys,
        .requiresLengths,
    ]

    public static func makeWriter(output: OutputBuffer, options: MsgPackOptions, limits: Limits, layout: DocumentLayout) -> MsgPackWriter {
        MsgPackWriter(output: output, options: options, limits: limits)
    }

    public static func makeReader(input: InputBuffer, options: MsgPackOptions, limits: Limits) -> MsgPackReader {
        MsgPackReader(input: input, limits: limits)
    }
}

/// How MessagePack is written. Reading accepts structs in either layout.
public struct MsgPackOptions: FormatOptions, Hashable {
    /// How a struct is laid out.
    public enum StructLayout: Sendable, Hashable {
        /// A map from field names to values: self-describing, tolerant of added fields.
        case maps
        /// An array of the values in field order, without names: smaller and faster, like
        /// msgspec's `array_like` and rmp-serde's default. Fields may only be added at the end.
        case arrays
    }

    /// How structs are written. Default: `.maps`.
    public var structs: StructLayout

    /// Creates options; the default writes structs as maps.
    public init(structs: StructLayout = .maps) {
        self.structs = structs
    }

    public init() {
        self.init(structs: .maps)
    }
}
