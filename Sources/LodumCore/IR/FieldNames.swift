/// The wire keys of a struct's fields, in declaration order, known at compile time.
///
/// `@Lodum` emits one table per type as a `static let`. A reader matches the key bytes it
/// sees against the table without building a `String`, trying the field after the last
/// match first, since inputs usually list fields in declaration order.
public struct FieldNames: Sendable, ExpressibleByArrayLiteral {
    /// The keys, in declaration order.
    public let names: [StaticString]
    /// Further keys accepted on read (`@Field(aliases:)`), each with the index of its field.
    public let aliases: [Alias]
    /// Whether readers report the text of keys the table does not hold
    /// (``FieldMatch/unknownNamed(_:)``), for types that reject unknown fields. Other
    /// types skip such keys without building a `String`.
    public let namesUnknownKeys: Bool

    /// A further key for a field.
    public struct Alias: Sendable {
        /// The key.
        public let key: StaticString
        /// The index of the field in ``FieldNames/names``.
        public let field: Int

        /// An alias `key` for the field at index `field`.
        public init(_ key: StaticString, field: Int) {
            self.key = key
            self.field = field
        }
    }

    /// Creates a table from the keys in declaration order, with any aliases.
    public init(_ names: [StaticString], aliases: [Alias] = [], namesUnknownKeys: Bool = false) {
        self.names = names
        self.aliases = aliases
        self.namesUnknownKeys = namesUnknownKeys
    }

    public init(arrayLiteral names: StaticString...) {
        self.init(names)
    }

    /// This table followed by a subclass's own fields: their aliases' field indices, counted
    /// from the first own field, are moved past this table's fields.
    public func extended(by ownNames: [StaticString], aliases ownAliases: [Alias], namesUnknownKeys: Bool) -> FieldNames {
        FieldNames(
            names + ownNames,
            aliases: aliases + ownAliases.map { Alias($0.key, field: $0.field + names.count) },
            namesUnknownKeys: namesUnknownKeys || self.namesUnknownKeys)
    }

    /// The number of fields (aliases are not fields).
    @inlinable public var count: Int { names.count }

    /// The index of the field whose key is exactly `key`'s UTF-8 bytes, trying `hint` first.
    @inlinable
    public func index(of key: UnsafeRawBufferPointer, hint: Int) -> Int? {
        let count = names.count
        if count == 0 { return nil }
        var candidate = hint < count && hint >= 0 ? hint : 0
        for _ in 0..<count {
            if Self.matches(names[candidate], key) { return candidate }
            candidate += 1
            if candidate == count { candidate = 0 }
        }
        return aliases.isEmpty ? nil : aliasedField(of: key)
    }

    /// The field an alias names, if `key` is one.
    @usableFromInline
    func aliasedField(of key: UnsafeRawBufferPointer) -> Int? {
        aliases.first { Self.matches($0.key, key) }?.field
    }

    /// What a reader reports for a key the table does not hold: its text when the type
    /// asks for it (``namesUnknownKeys``), else nothing but the fact.
    @inlinable
    public func unknownKey(_ key: UnsafeRawBufferPointer) -> FieldMatch {
        namesUnknownKeys ? .unknownNamed(String(decoding: key, as: UTF8.self)) : .unknown
    }

    /// The index of the field whose key is `key`.
    public func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: UnsafeRawBufferPointer($0), hint: 0) }
    }

    @inlinable
    static func matches(_ name: StaticString, _ key: UnsafeRawBufferPointer) -> Bool {
        let length = name.utf8CodeUnitCount
        guard length == key.count else { return false }
        guard length > 0, let keyBase = key.baseAddress else { return true }
        // Word by word: keys such as `profile_background_image_url_https` compared byte
        // by byte were a tenth of decoding twitter.json.
        return UnsafeRawPointer(name.utf8Start).hasSameBytes(as: keyBase, count: length)
    }
}

/// What a reader found at a struct key.
public enum FieldMatch: Sendable {
    /// The key of the field at this index of the ``FieldNames`` table.
    case known(Int)
    /// A key the type does not declare. It carries no name: building a `String` for every
    /// skipped key would cost an allocation for a value nobody reads.
    case unknown
    /// A key the type does not declare, named, for a table with
    /// ``FieldNames/namesUnknownKeys``.
    case unknownNamed(String)
}
