/// Connects `Encodable`/`Decodable` types to every Lodum format.
///
/// A Codable type is converted to and from a ``Value`` tree (Codable's keyed containers
/// allow any access order, so they cannot be driven as a stream), and the tree is written
/// to or read from the format's serializer or deserializer. Streaming still holds across
/// elements: `dump(contentsOf:)` and `stream` convert one element at a time.
///
/// A type that is both Codable and ``Serializable`` / ``Deserializable`` (for example an
/// `@Lodum` type that also declares `Codable`) always takes the direct path, even inside a
/// Codable parent.
public enum CodableBridge {
    /// Writes an `Encodable` value to `serializer`.
    public static func encode<T: Encodable, S: Serializer>(_ value: T, to serializer: inout S) throws {
        let tree = try ValueEncoder.encode(value, basePath: serializer.context.path, limits: serializer.context.limits)
        try tree.serialize(to: &serializer)
    }

    /// Reads a `Decodable` value from `deserializer`.
    public static func decode<T: Decodable, D: Deserializer>(_ type: T.Type, from deserializer: inout D) throws -> T {
        let position = deserializer.position
        let basePath = deserializer.context.path
        let tree = try Value(from: &deserializer)
        return try ValueDecoder.decode(type, from: tree, basePath: basePath, position: position, limits: deserializer.context.limits)
    }
}

/// A `CodingKey` for positions and keys the bridge creates itself.
struct BridgeKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
    init(index: Int) { self.init(intValue: index) }

    static let `super` = BridgeKey(stringValue: "super")
}

extension CodingPath {
    /// This path extended by Codable's coding keys.
    func appending(_ keys: [any CodingKey]) -> CodingPath {
        var result = self
        for key in keys {
            if let index = key.intValue, key is BridgeKey {
                result.components.append(.index(index))
            } else {
                result.components.append(.field(key.stringValue))
            }
        }
        return result
    }
}
