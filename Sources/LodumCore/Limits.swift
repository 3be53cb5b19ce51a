/// Bounds that keep hostile or accidental input from exhausting memory or the stack, and
/// the policy for keys that appear twice.
///
/// Every entry point takes a `Limits`; the defaults are safe for untrusted input.
///
/// ```swift
/// let big = try JSON.load(Dataset.self, from: url, limits: Limits(maxInputSize: 64 << 20))
/// ```
///
/// - ``maxInputSize`` bounds whole-input operations (`decode`, `load`). Streaming reads
///   (`stream`, `documents`) are bounded per element by ``maxDepth`` instead, since their
///   point is input larger than memory.
/// - ``maxDepth`` bounds nesting on both encode and decode, so recursion can never
///   overflow the stack.
/// - ``maxAliasExpansion`` bounds how much formats with references (YAML's aliases and
///   merge keys) may copy, so a small "billion laughs" document cannot expand into a
///   huge value.
/// - ``duplicateKeys`` decides what a key that appears twice in one mapping means: an error
///   by default, since parsers that disagree on which value counts are a classic way to
///   slip a value past a check.
public struct Limits: Sendable, Hashable {
    /// The largest input, in bytes, that `decode` and `load` accept. Default: 10 MiB.
    public var maxInputSize: Int
    /// The deepest nesting of containers accepted on decode and produced on encode.
    /// Default: 100.
    public var maxDepth: Int
    /// The most nodes (scalars and containers) that references may expand to in one
    /// document: each node an alias repeats counts, however deeply aliases nest.
    /// Default: 100,000.
    public var maxAliasExpansion: Int
    /// What a key that appears twice in one struct, dictionary or ``Value`` object means.
    /// Default: ``DuplicateKeyPolicy/reject``.
    public var duplicateKeys: DuplicateKeyPolicy

    /// Creates limits; every parameter defaults to the safe value.
    public init(
        maxInputSize: Int = 10 << 20, maxDepth: Int = 100, maxAliasExpansion: Int = 100_000,
        duplicateKeys: DuplicateKeyPolicy = .reject
    ) {
        self.maxInputSize = maxInputSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.duplicateKeys = duplicateKeys
    }

    /// The default limits: 10 MiB of input, 100 levels of nesting, 100,000 nodes of alias
    /// expansion, duplicate keys refused.
    public static let `default` = Limits()
}

/// Names a limit that an operation ran into, with the value in force.
public enum ExceededLimit: Sendable, Hashable, CustomStringConvertible {
    /// ``Limits/maxInputSize``, in bytes.
    case inputSize(Int)
    /// ``Limits/maxDepth``, in levels.
    case depth(Int)
    /// ``Limits/maxAliasExpansion``, in nodes.
    case aliasExpansion(Int)

    public var description: String {
        switch self {
        case .inputSize(let bytes): return "input exceeds maxInputSize (\(bytes) bytes)"
        case .depth(let levels): return "nesting exceeds maxDepth (\(levels))"
        case .aliasExpansion(let nodes): return "aliases expand to more than maxAliasExpansion (\(nodes) nodes)"
        }
    }
}

/// What a key that appears twice in one mapping of the input means, when it is decoded into
/// a struct, a dictionary or a ``Value`` object.
///
/// JSON and YAML say keys should be unique but leave repeats to the reader, and readers
/// disagree: one takes the first value, another the last. Input that two programs read
/// differently is how a value slips past a check, so Lodum refuses it unless asked.
///
/// ```swift
/// let lenient = Limits(duplicateKeys: .lastWins)
/// ```
///
/// Keys are compared as the type reads them: a field's aliases count as its key, and a
/// dictionary with `Int` keys finds `1` and `01` to be the same key. Transcoding builds no
/// mapping, so `transcode` copies repeated keys as they come.
public enum DuplicateKeyPolicy: Sendable, Hashable {
    /// A repeated key is a ``LodumError/Kind/duplicateKey(_:)`` error at the key's path.
    case reject
    /// The last value read for a key is the one kept (a ``Value`` object keeps the key at
    /// its first place).
    case lastWins
}
