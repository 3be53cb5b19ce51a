/// What `@Lodum` generates for an enum with associated values, for one reader type: its case
/// names and a reader for each case, which the core's tagging drivers call. Not meant to be
/// built by hand.
///
/// An enum is written in one of four shapes, chosen on the attribute:
///
/// | `@Lodum(...)` | `.circle(radius: 1)` | `.none` |
/// |---|---|---|
/// | (default: external tag) | `{"circle": {"radius": 1}}` | `"none"` |
/// | `tag: "type"` (internal) | `{"type": "circle", "radius": 1}` | `{"type": "none"}` |
/// | `tag: "t", content: "c"` (adjacent) | `{"t": "circle", "c": {"radius": 1}}` | `{"t": "none"}` |
/// | `untagged: true` | `{"radius": 1}` | `null` |
///
/// A case's payload is its associated values: one unlabeled value is written as itself
/// (`case id(Int)` → `1`), several unlabeled values as an array (`case point(Int, Int)` →
/// `[1, 2]`), labeled values as a struct keyed by label.
public struct EnumCases<Enum, Reader: Deserializer> {
    /// The wire names of the cases, in declaration order.
    public let names: FieldNames
    /// The value of case `index` when it is a case without associated values, else `nil`.
    public let unitCase: (Int) -> Enum?
    /// Reads case `index`'s payload as one value: what follows an external tag, an adjacent
    /// content key, or the whole input of an untagged enum (where a unit case is a null).
    public let content: (inout Reader, Int) throws -> Enum
    /// ``content``, from input held as a ``Value`` because of its order.
    public let heldContent: (inout ValueDeserializer, Int) throws -> Enum
    /// Reads case `index`'s fields from a struct whose tag has just been read (internal
    /// tagging), up to the struct's end.
    public let fields: (inout Reader, Int) throws -> Enum
    /// ``fields``, from input held as a ``Value`` because the tag came after the fields.
    public let heldFields: (inout ValueDeserializer, Int) throws -> Enum

    /// The readers of an enum's cases. An enum that is not internally tagged passes its
    /// content readers as its field readers too.
    public init(
        names: FieldNames,
        unitCase: @escaping (Int) -> Enum?,
        content: @escaping (inout Reader, Int) throws -> Enum,
        heldContent: @escaping (inout ValueDeserializer, Int) throws -> Enum,
        fields: @escaping (inout Reader, Int) throws -> Enum,
        heldFields: @escaping (inout ValueDeserializer, Int) throws -> Enum
    ) {
        self.names = names
        self.unitCase = unitCase
        self.content = content
        self.heldContent = heldContent
        self.fields = fields
        self.heldFields = heldFields
    }

    /// `"circle", "square"`: the case names, for error messages.
    var list: String {
        names.names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

// MARK: Writing

extension Serializer {
    /// Writes an externally tagged case with a payload: a map of one key, the case name.
    @inlinable
    public mutating func encodeExternallyTaggedCase(_ name: StaticString, _ payload: (inout Self) throws -> Void) throws {
        try encodeMap(count: 1) { serializer in
            serializer.context.atField(name)
            try serializer.mapKey(name.description)
            try payload(&serializer)
        }
    }

    /// Writes a struct field whose value `body` writes: an adjacently tagged case's content.
    @inlinable
    public mutating func encodeField(_ key: StaticString, writing body: (inout Self) throws -> Void) throws {
        context.atField(key)
        try field(key)
        try body(&self)
    }

    /// Writes the name of a case, for a unit case written as a string.
    @inlinable
    public mutating func encodeCaseName(_ name: StaticString) throws {
        try write(name.description)
    }
}

// MARK: Reading

extension Deserializer {
    /// Reads an externally tagged enum: a case name as a string (a case without associated
    /// values), or a map of one key, the case name, to its payload.
    public mutating func decodeExternallyTagged<T>(_ cases: EnumCases<T, Self>) throws -> T {
        if try peekKind() == .string {
            let start = position
            let index = try caseIndex(readString(), of: cases, at: start)
            guard let value = cases.unitCase(index) else {
                throw LodumError(
                    .typeMismatch(expected: "case \"\(cases.names.names[index])\" with its values", found: "the name alone"),
                    path: context.path, position: start)
            }
            return value
        }
        try enterLimitedContainer()
        guard try peekKind() == .map else {
            throw error(.typeMismatch(expected: "a case: one of \(cases.list)", found: "\(try peekKind())"))
        }
        _ = try beginMap()
        let start = position
        guard let name = try nextMapKey() else {
            throw LodumError(.typeMismatch(expected: "one of \(cases.list)", found: "an empty map"), path: context.path, position: start)
        }
        let index = try caseIndex(name, of: cases, at: start)
        context.atField(cases.names.names[index])
        let value = try cases.content(&self, index)
        if try nextMapKey() != nil {
            throw error(.typeMismatch(expected: "a map of one key, the case", found: "a second key"))
        }
        context.exitContainer()
        return value
    }

    /// Reads an internally tagged enum: a struct whose `tag` field names the case, beside
    /// the case's own fields. When the tag comes first the fields are read as they arrive;
    /// otherwise the struct is held as a ``Value`` until the tag is found.
    public mutating func decodeInternallyTagged<T>(_ cases: EnumCases<T, Self>, name: StaticString, tag: StaticString) throws -> T {
        let start = position
        try enterLimitedContainer()
        try beginStruct(name)
        let tagTable = FieldNames([tag], namesUnknownKeys: true)
        var members: [Value.Member] = []
        var caseName: (name: String, position: InputPosition?)?
        while caseName == nil || !members.isEmpty, let match = try nextField(in: tagTable, hint: 0) {
            switch match {
            case .known:
                context.atField(tag)
                if caseName != nil { throw repeatedTag(tag) }
                let at = position
                caseName = (try readString(), at)
                // The tag came first: read the case's fields straight from the input.
                if members.isEmpty, let caseName {
                    let index = try caseIndex(caseName.name, of: cases, at: caseName.position)
                    context.atContainerStart()
                    context.tagOfFields = tag
                    defer { context.tagOfFields = nil }
                    let value = try cases.fields(&self, index)
                    context.exitContainer()
                    return value
                }
            case .unknownNamed(let key):
                context.atKey(key, isField: true)
                members.append(Value.Member(key: key, value: try Value(from: &self)))
            case .unknown:
                try skipValue()
            }
        }
        context.exitContainer()
        guard let caseName else { throw LodumError(.missingField(tag.description), path: context.path(appending: tag), position: start) }
        let index = try caseIndex(caseName.name, of: cases, at: caseName.position)
        return try decodeBuffered(.object(members), at: start) { buffered in
            try buffered.enterLimitedContainer()
            try buffered.beginStruct(name)
            let value = try cases.heldFields(&buffered, index)
            buffered.context.exitContainer()
            return value
        }
    }

    /// Reads an adjacently tagged enum: a struct of `tag`, naming the case, and `content`,
    /// its payload (absent for a case without associated values). Content that comes
    /// before the tag is held as a ``Value`` until the tag is read.
    public mutating func decodeAdjacentlyTagged<T>(
        _ cases: EnumCases<T, Self>, name: StaticString, tag: StaticString, content: StaticString
    ) throws -> T {
        let start = position
        try enterLimitedContainer()
        try beginStruct(name)
        let table = FieldNames([tag, content])
        var index: Int?
        var value: T?
        var buffered: (tree: Value, position: InputPosition?)?
        while let match = try nextField(in: table, hint: 0) {
            switch match {
            case .known(0):
                context.atField(tag)
                if index != nil { throw repeatedTag(tag) }
                let at = position
                index = try caseIndex(readString(), of: cases, at: at)
            case .known:
                context.atField(content)
                if value != nil || buffered != nil { try repeatedField(content) }
                if let index {
                    value = try cases.content(&self, index)
                } else {
                    let at = position
                    buffered = (try Value(from: &self), at)
                }
            default:
                try skipValue()
            }
        }
        context.exitContainer()
        guard let index else { throw LodumError(.missingField(tag.description), path: context.path(appending: tag), position: start) }
        if let value { return value }
        if let buffered {
            return try decodeBuffered(buffered.tree, at: buffered.position, under: .field(content.description)) {
                try cases.heldContent(&$0, index)
            }
        }
        guard let unit = cases.unitCase(index) else {
            throw LodumError(.missingField(content.description), path: context.path(appending: content), position: start)
        }
        return unit
    }

    /// Reads an untagged enum: the input is held as a ``Value`` and each case is tried in
    /// declaration order; the first that reads it wins. When none does, the error lists
    /// each case's failure.
    public mutating func decodeUntagged<T>(_ cases: EnumCases<T, Self>) throws -> T {
        let start = position
        let tree = try Value(from: &self)
        var failures: [String] = []
        for index in 0..<cases.names.count {
            var attempt = ValueDeserializer(tree, limits: context.limits)
            do {
                return try cases.heldContent(&attempt, index)
            } catch let failure as LodumError {
                let place = failure.path.components.isEmpty ? "" : "at \(failure.path) "
                failures.append("\(cases.names.names[index]): \(place)\(failure.reason)")
            }
        }
        throw LodumError(.noMatchingCase("\(T.self)", failures: failures), path: context.path, position: start)
    }

    /// The error for an enum's tag that appears twice. It is refused whatever
    /// ``Limits/duplicateKeys`` says: the first tag has already chosen how the rest of the
    /// struct is read.
    @usableFromInline
    func repeatedTag(_ tag: StaticString) -> LodumError {
        error(.duplicateKey(tag.description))
    }

    /// The index of the case named `name`, or an error listing the valid names.
    @usableFromInline
    func caseIndex<T>(_ name: String, of cases: EnumCases<T, Self>, at position: InputPosition?) throws -> Int {
        guard let index = cases.names.index(of: name) else {
            throw LodumError(
                .typeMismatch(expected: "one of \(cases.list)", found: LodumError.describeFound("String", String(reflecting: name))),
                path: context.path, position: position)
        }
        return index
    }

    /// Reads from a tree held while the input was searched, giving errors this reader's
    /// path before theirs and, having no position of their own, `position`.
    func decodeBuffered<R>(
        _ tree: Value, at position: InputPosition?, under step: PathComponent? = nil, _ body: (inout ValueDeserializer) throws -> R
    ) throws -> R {
        var buffered = ValueDeserializer(tree, limits: context.limits)
        do {
            return try body(&buffered)
        } catch {
            throw located(error, under: step, at: position)
        }
    }
}

// MARK: Helpers of the generated readers

extension Deserializer {
    /// Reads an enum with raw values: its raw value, which must be one of `cases`' (an
    /// error lists them).
    public mutating func decodeRawValue<T: RawRepresentable>(_ type: T.Type, cases: [T]) throws -> T
    where T.RawValue: Deserializable {
        let raw = try T.RawValue(from: &self)
        guard let value = T(rawValue: raw) else {
            let valid = cases.map { LodumError.describeValue($0.rawValue) }.joined(separator: ", ")
            throw LodumError(
                .typeMismatch(expected: "one of \(valid)", found: LodumError.describeValue(raw)),
                path: context.path, position: positionOfLastValue)
        }
        return value
    }

    /// Reads the payload of a case without associated values: a null (or nothing at all,
    /// for an adjacently tagged case without content).
    public mutating func decodeUnitContent() throws {
        guard try decodeNil() else {
            throw error(.typeMismatch(expected: "null (the case has no values)", found: "\(try peekKind())"))
        }
    }

    /// The error for an array payload of the wrong length.
    public func wrongElementCount(expected: Int, found: Int) -> LodumError {
        LodumError(.typeMismatch(expected: "\(expected) elements", found: "\(found)"), path: context.path, position: position)
    }

    /// The error for a case index no case has (a generated reader asked for one it lacks).
    public func noCase<T>(_ index: Int, of type: T.Type) -> LodumError {
        error(.unsupportedValue("\(T.self) has no case number \(index)"))
    }
}
