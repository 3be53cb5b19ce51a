/// What a format can do, as promises the conformance suite checks by behaviour.
///
/// ```swift
/// if JSON.capabilities.contains(.lazyLoad) { /* stream elements one at a time */ }
/// ```
public struct FormatCapabilities: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Output leaves as it is produced: memory is O(depth), not O(size of the output).
    public static let streamingDump = FormatCapabilities(rawValue: 1 << 0)
    /// Elements of a top-level sequence (or documents of a stream) are read one at a time:
    /// memory is O(one element).
    public static let lazyLoad = FormatCapabilities(rawValue: 1 << 1)
    /// Text meant for people to read and edit.
    public static let humanReadable = FormatCapabilities(rawValue: 1 << 2)
    /// A binary encoding.
    public static let binary = FormatCapabilities(rawValue: 1 << 3)
    /// Byte strings are stored as bytes, not as encoded text.
    public static let nativeBytes = FormatCapabilities(rawValue: 1 << 4)
    /// Dates are stored in a native timestamp type, not as text.
    public static let nativeTimestamp = FormatCapabilities(rawValue: 1 << 5)
    /// Map keys may be values other than strings.
    public static let nonStringKeys = FormatCapabilities(rawValue: 1 << 6)
    /// One stream can hold many documents (JSON Lines, YAML `---`, concatenated MessagePack).
    public static let multiDocument = FormatCapabilities(rawValue: 1 << 7)
    /// Containers must state their length before their first element; the backend buffers
    /// a container whose length is unknown.
    public static let requiresLengths = FormatCapabilities(rawValue: 1 << 8)

    /// Every capability with its name, in declaration order.
    public static let named: [(name: String, capability: FormatCapabilities)] = [
        ("streamingDump", .streamingDump), ("lazyLoad", .lazyLoad), ("humanReadable", .humanReadable),
        ("binary", .binary), ("nativeBytes", .nativeBytes), ("nativeTimestamp", .nativeTimestamp),
        ("nonStringKeys", .nonStringKeys), ("multiDocument", .multiDocument), ("requiresLengths", .requiresLengths),
    ]

    /// The names of the capabilities in this set: `[streamingDump, lazyLoad, …]`.
    public var description: String {
        "[" + Self.named.filter { contains($0.capability) }.map(\.name).joined(separator: ", ") + "]"
    }
}
