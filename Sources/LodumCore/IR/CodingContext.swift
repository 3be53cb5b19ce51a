/// The state every serializer and deserializer shares: where it is (the coding path) and
/// how deep it may go (the depth limit).
///
/// Backends store one and expose it through their `context` property; the core's
/// drivers (``Serializer/encodeStruct(_:fieldCount:_:)``,
/// ``Deserializer/decodeStruct(_:fields:_:)`` and the standard conformances) keep it up to
/// date, so no backend re-implements paths or limits.
///
/// The path is kept cheaply: a container pushes one slot when entered and overwrites it
/// for each field or element, so the happy path never builds a string.
public struct CodingContext: Sendable {
    /// One level of the path. Kept trivial (no reference-counted payload) so the hot path
    /// overwrites it with a plain store; map keys live in ``mapKeys``.
    @usableFromInline
    enum Step: Sendable {
        case root
        case field(StaticString)
        case index(Int)
        /// A map entry whose key is `mapKeys[level]`.
        case key
        /// A field whose name is known only at run time (Codable keys), in `mapKeys[level]`.
        case namedField
    }

    @usableFromInline var steps: [Step]
    /// The current key of each map level, indexed by level (empty where the level is not
    /// a map); an array, so recording a key costs a store, not a hash.
    @usableFromInline var mapKeys: [String] = []
    /// The limits in force for this operation.
    public let limits: Limits

    /// Creates a context at the top level.
    public init(limits: Limits) {
        self.limits = limits
        self.steps = []
        self.steps.reserveCapacity(16)
    }

    /// How many containers enclose the current value.
    @inlinable public var depth: Int { steps.count }

    /// The current coding path, built only when asked (usually for an error).
    public var path: CodingPath {
        var components: [PathComponent] = []
        components.reserveCapacity(steps.count)
        for (level, step) in steps.enumerated() {
            switch step {
            case .root: continue
            case .field(let name): components.append(.field(name.description))
            case .index(let index): components.append(.index(index))
            case .key: components.append(.key(level < mapKeys.count ? mapKeys[level] : ""))
            case .namedField: components.append(.field(level < mapKeys.count ? mapKeys[level] : ""))
            }
        }
        return CodingPath(components)
    }

    /// Enters a container, failing when that would pass ``Limits/maxDepth``.
    @inlinable
    public mutating func enterContainer() throws(LodumError) {
        guard steps.count < limits.maxDepth else {
            throw LodumError(.limitExceeded(.depth(limits.maxDepth)), path: path)
        }
        steps.append(.root)
    }

    /// Leaves the innermost container.
    @inlinable
    public mutating func exitContainer() {
        if !steps.isEmpty { steps.removeLast() }
    }

    /// Records that the value being coded is the struct field `name`.
    @inlinable
    public mutating func atField(_ name: StaticString) {
        if !steps.isEmpty { steps[steps.count - 1] = .field(name) }
    }

    /// Records that the value being coded is element `index` of a sequence.
    @inlinable
    public mutating func atIndex(_ index: Int) {
        if !steps.isEmpty { steps[steps.count - 1] = .index(index) }
    }

    /// Records that the value being coded belongs to the map key `key`.
    @inlinable
    public mutating func atKey(_ key: String) {
        atKey(key, isField: false)
    }

    /// Records a map key, named in paths as a field when `isField` (for Codable's keyed
    /// containers, which stand for structs as often as for dictionaries).
    @inlinable
    public mutating func atKey(_ key: String, isField: Bool) {
        let level = steps.count - 1
        guard level >= 0 else { return }
        steps[level] = isField ? .namedField : .key
        while mapKeys.count <= level { mapKeys.append("") }
        mapKeys[level] = key
    }

    /// Runs `body`, giving a ``LodumError`` it throws this context's path: for errors raised
    /// below the coder (a C library, a byte source), which know where in the input they are
    /// but not where in the value.
    @inlinable
    public func locatingErrors<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch var failure as LodumError {
            failure.path = path
            throw failure
        }
    }

    /// The path extended by one field, for errors about a field that is absent.
    public func path(appending field: StaticString) -> CodingPath {
        var result = path
        result.components.append(.field(field.description))
        return result
    }
}
