/// Bounds that keep hostile or accidental input from exhausting memory or the stack.
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

    /// Creates limits; every parameter defaults to the safe value.
    public init(maxInputSize: Int = 10 << 20, maxDepth: Int = 100, maxAliasExpansion: Int = 100_000) {
        self.maxInputSize = maxInputSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// The default limits: 10 MiB of input, 100 levels of nesting, 100,000 nodes of alias
    /// expansion.
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
