/// The state every serializer and deserializer shares: where it is (the coding path) and
/// how deep it may go (the depth limit).
///
/// Backends store one and expose it through their `context` property; the core's
/// drivers (``Serializer/encodeStruct(_:fieldCount:_:)``,
/// ``Deserializer/decodeStruct(_:fields:_:)`` and the standard conformances) keep it up to
/// date, so no backend re-implements paths or limits.
///
/// The path is kept cheaply: the step inside the innermost container (the field or index
/// being coded) is a stored property that each field or element overwrites with a plain
/// store, and only entering and leaving a container touch the stack of enclosing steps; the
/// happy path never builds a string.
public struct CodingContext: Sendable {
    /// One level of the path, in two words so that recording a field or an index is two
    /// plain stores, and saving it when a container is entered is a copy the processor can
    /// forward from those stores (an enum with a `StaticString` payload was written in
    /// pieces and read back whole, which stalled). Map keys live in ``mapKeys``.
    @usableFromInline
    struct Step: Sendable {
        /// An index, the address of a field name's UTF-8, or a one-scalar name's scalar.
        @usableFromInline var payload: UInt
        /// The kind in the top byte; a field name's length in the rest.
        @usableFromInline var tagged: UInt

        @usableFromInline static let kindShift: UInt = 56
        /// Computed, not stored: a stored static is reached through an accessor call from
        /// other modules, on every container entered.
        @inlinable static var root: Step { Step(payload: 0, tagged: 0) }
        @usableFromInline static let fieldKind: UInt = 1
        @usableFromInline static let indexKind: UInt = 2
        /// A map entry whose key is `mapKeys[level]`.
        @usableFromInline static let keyKind: UInt = 3
        /// A field whose name is known only at run time (Codable keys), in `mapKeys[level]`.
        @usableFromInline static let namedFieldKind: UInt = 4
        /// A field whose `StaticString` name is a single Unicode scalar, not a pointer.
        @usableFromInline static let scalarFieldKind: UInt = 5

        @inlinable init(payload: UInt, tagged: UInt) {
            self.payload = payload
            self.tagged = tagged
        }

        @inlinable static func field(_ name: StaticString) -> Step {
            guard name.hasPointerRepresentation else {
                return Step(payload: UInt(name.unicodeScalar.value), tagged: scalarFieldKind << kindShift)
            }
            return Step(payload: UInt(bitPattern: name.utf8Start), tagged: fieldKind << kindShift | UInt(name.utf8CodeUnitCount))
        }

        @inlinable static func index(_ index: Int) -> Step {
            Step(payload: UInt(bitPattern: index), tagged: indexKind << kindShift)
        }

        @inlinable static func key(isField: Bool) -> Step {
            Step(payload: 0, tagged: (isField ? namedFieldKind : keyKind) << kindShift)
        }

        /// The path component this step stands for; `nil` for a container not yet inside.
        func component(mapKey: @autoclosure () -> String) -> PathComponent? {
            let length = Int(tagged & (1 << Self.kindShift - 1))
            switch tagged >> Self.kindShift {
            case Self.fieldKind:
                let start = UnsafePointer<UInt8>(bitPattern: payload)
                return .field(String(decoding: UnsafeBufferPointer(start: start, count: start == nil ? 0 : length), as: UTF8.self))
            case Self.scalarFieldKind:
                return .field(Unicode.Scalar(UInt32(truncatingIfNeeded: payload)).map { String($0) } ?? "")
            case Self.indexKind: return .index(Int(bitPattern: payload))
            case Self.keyKind: return .key(mapKey())
            case Self.namedFieldKind: return .field(mapKey())
            default: return nil
            }
        }
    }

    /// The steps of the containers around the innermost one, outermost first: the first
    /// four held inline, the rest in ``deeperSteps``. Entering and leaving a container saves
    /// and restores one step; in an array, each paid a uniqueness check and a call, a tenth
    /// of writing a small struct.
    @usableFromInline var enclosing0 = Step.root
    @usableFromInline var enclosing1 = Step.root
    @usableFromInline var enclosing2 = Step.root
    @usableFromInline var enclosing3 = Step.root
    /// The enclosing steps from the fifth outermost on.
    @usableFromInline var deeperSteps: [Step] = []
    @inlinable static var inlineLevels: Int { 4 }
    /// The step inside the innermost container (meaningless at depth 0), in two words
    /// that are not adjacent: read back whole, just after being written in two stores, the
    /// step stalled the processor; read word by word, each load is forwarded from its store.
    @usableFromInline var currentPayload: UInt = 0
    @usableFromInline var containers = 0
    @usableFromInline var currentTagged: UInt = 0
    /// How many containers enclose the current value.
    @inlinable public var depth: Int { containers }

    @inlinable var current: Step {
        get { Step(payload: currentPayload, tagged: currentTagged) }
        set {
            currentPayload = newValue.payload
            currentTagged = newValue.tagged
        }
    }
    /// The current key of each map level, indexed by level (empty where the level is not
    /// a map); an array, so recording a key costs a store, not a hash.
    @usableFromInline var mapKeys: [String] = []
    /// The limits in force for this operation.
    public let limits: Limits
    /// The tag of an internally tagged enum whose case's fields are read next, from the
    /// struct that held the tag: the fields' reader takes it, to refuse the tag repeated.
    @usableFromInline var tagOfFields: StaticString?

    /// Creates a context at the top level.
    public init(limits: Limits) {
        self.limits = limits
    }

    /// The step of the enclosing container at `level` (0 is the outermost).
    @inlinable
    func enclosingStep(at level: Int) -> Step {
        switch level {
        case 0: enclosing0
        case 1: enclosing1
        case 2: enclosing2
        case 3: enclosing3
        default: deeperSteps[level - Self.inlineLevels]
        }
    }

    /// Saves `step` as the enclosing step at `level`, the next one outward of those saved.
    @inlinable
    mutating func saveEnclosingStep(_ step: Step, at level: Int) {
        switch level {
        case 0: enclosing0 = step
        case 1: enclosing1 = step
        case 2: enclosing2 = step
        case 3: enclosing3 = step
        default: deeperSteps.append(step)
        }
    }

    /// Takes back the innermost saved enclosing step, at `level`.
    @inlinable
    mutating func restoreEnclosingStep(at level: Int) -> Step {
        switch level {
        case 0: enclosing0
        case 1: enclosing1
        case 2: enclosing2
        case 3: enclosing3
        default: deeperSteps.removeLast()
        }
    }

    /// The current coding path, built only when asked (usually for an error).
    public var path: CodingPath {
        var components: [PathComponent] = []
        components.reserveCapacity(depth)
        for level in 0..<depth {
            let step = level < depth - 1 ? enclosingStep(at: level) : current
            if let component = step.component(mapKey: level < mapKeys.count ? mapKeys[level] : "") {
                components.append(component)
            }
        }
        return CodingPath(components)
    }

    /// Enters a container, failing when that would pass ``Limits/maxDepth``.
    @inlinable
    public mutating func enterContainer() throws(LodumError) {
        guard depth < limits.maxDepth else {
            throw LodumError(.limitExceeded(.depth(limits.maxDepth)), path: path)
        }
        if containers > 0 { saveEnclosingStep(current, at: containers - 1) }
        current = .root
        containers += 1
    }

    /// Leaves the innermost container.
    @inlinable
    public mutating func exitContainer() {
        guard containers > 0 else { return }
        containers -= 1
        if containers > 0 { current = restoreEnclosingStep(at: containers - 1) }
    }

    /// Records that the value being coded is the struct field `name`.
    @inlinable
    public mutating func atField(_ name: StaticString) {
        current = .field(name)
    }

    /// Records that the innermost container's current entry is none in particular: for a
    /// struct whose remaining fields follow a tag already read.
    @inlinable
    public mutating func atContainerStart() {
        current = .root
    }

    /// Records that the value being coded is element `index` of a sequence.
    @inlinable
    public mutating func atIndex(_ index: Int) {
        current = .index(index)
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
        let level = depth - 1
        guard level >= 0 else { return }
        current = .key(isField: isField)
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
