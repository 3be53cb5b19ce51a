// Between typed values and trees, like Python lodum's `asdict` and `fromdict`: the tree is
// what every format would write for the value, so `Value(from: user)` equals
// `JSON.decode(Value.self, from: JSON.encode(user))` up to what JSON cannot hold.

extension Value {
    /// Builds the tree of a value: what any format would write for it.
    ///
    /// ```swift
    /// let tree = try Value(from: User(name: "Ada", tags: ["admin"]))
    /// tree["tags"]?[0]   // "admin"
    /// ```
    ///
    /// - Throws: ``LodumError`` with the coding path of a value that cannot be written, or
    ///   when nesting passes ``Limits/maxDepth``.
    public init<T: Serializable>(from value: T, limits: Limits = .default) throws {
        var serializer = ValueSerializer(limits: limits)
        try value.serialize(to: &serializer)
        guard let built = serializer.value else {
            throw LodumError(.unsupportedValue("\(T.self) wrote no value"))
        }
        self = built
    }

    /// Builds the tree of an `Encodable` value, through the Codable bridge.
    @_disfavoredOverload
    public init<T: Encodable>(from value: T, limits: Limits = .default) throws {
        self = try CodableBridge.tree(of: value, basePath: .root, limits: limits)
    }
}

extension Deserializable {
    /// Reads a typed value from a tree, as a format's `decode` reads it from bytes.
    ///
    /// ```swift
    /// let tree: Value = ["name": "Ada", "tags": ["admin"]]
    /// let user = try User(from: tree)
    /// ```
    ///
    /// - Throws: ``LodumError`` with the coding path of the problem (`tags[1]`); a tree has
    ///   no byte positions, so its ``LodumError/position`` is `nil`.
    public init(from tree: Value, limits: Limits = .default) throws {
        var deserializer = ValueDeserializer(tree, limits: limits)
        self = try Self(from: &deserializer)
    }
}

extension Decodable {
    /// Reads a `Decodable` value from a tree, through the Codable bridge.
    @_disfavoredOverload
    public init(from tree: Value, limits: Limits = .default) throws {
        self = try CodableBridge.decode(Self.self, fromTree: tree, basePath: .root, position: nil, limits: limits)
    }
}
