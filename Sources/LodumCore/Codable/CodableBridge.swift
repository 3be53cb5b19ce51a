/// Connects `Encodable`/`Decodable` types to every Lodum format.
///
/// A Codable value is streamed: its `encode(to:)` writes to the format's serializer as it
/// goes (``StreamingEncoder``), and its `init(from:)` reads from the format's deserializer
/// as it asks (``StreamingDecoder``). Codable's keyed containers allow any access order,
/// which a stream cannot always follow, so what the stream cannot express is held as a
/// small ``Value`` tree for that container or member only: scalar members until their
/// object ends, members asked for out of order, and containers Codable lets the caller keep
/// (`nestedContainer`, `superEncoder`, `superDecoder`). Streaming holds across elements
/// too: `dump(contentsOf:)` and `stream` bridge one element at a time.
///
/// A type that is both Codable and ``Serializable`` / ``Deserializable`` (for example an
/// `@Lodum` type that also declares `Codable`) always takes the direct path, even inside a
/// Codable parent.
public enum CodableBridge {
    /// Writes an `Encodable` value to `serializer`.
    public static func encode<T: Encodable, S: Serializer>(_ value: T, to serializer: inout S) throws {
        let basePath = serializer.context.path
        let limits = serializer.context.limits
        try withUnsafeMutablePointer(to: &serializer) { pointer in
            let encoder = StreamingEncoder(pointer, basePath: basePath, limits: limits)
            // Containers Codable code kept would otherwise write through a dead pointer.
            defer { encoder.deactivate() }
            do {
                try encoder.encodeRoot(value)
            } catch let error as EncodingError {
                throw LodumError(bridging: error, basePath: basePath, position: nil)
            }
        }
    }

    /// Reads a `Decodable` value from `deserializer`.
    public static func decode<T: Decodable, D: Deserializer>(_ type: T.Type, from deserializer: inout D) throws -> T {
        let basePath = deserializer.context.path
        let limits = deserializer.context.limits
        return try withUnsafeMutablePointer(to: &deserializer) { pointer in
            let decoder = StreamingDecoder(pointer, basePath: basePath, limits: limits)
            defer { decoder.deactivate() }
            do {
                return try decoder.decodeRoot(type)
            } catch let error as DecodingError {
                throw LodumError(bridging: error, basePath: basePath, position: decoder.position)
            }
        }
    }

    /// The tree of an `Encodable` value, with Codable's errors as ``LodumError``s under
    /// `basePath`.
    static func tree<T: Encodable>(of value: T, basePath: CodingPath, limits: Limits) throws -> Value {
        do {
            return try ValueEncoder.encode(value, basePath: basePath, limits: limits)
        } catch let error as EncodingError {
            throw LodumError(bridging: error, basePath: basePath, position: nil)
        }
    }

    /// A `Decodable` value built from `tree`, with Codable's errors as ``LodumError``s under
    /// `basePath`, at `position` (where the tree started in the input, if it came from one).
    static func decode<T: Decodable>(
        _ type: T.Type, fromTree tree: Value, basePath: CodingPath, position: InputPosition?, limits: Limits
    ) throws -> T {
        do {
            return try ValueDecoder.decode(type, from: tree, basePath: basePath, position: position, limits: limits)
        } catch let error as DecodingError {
            throw LodumError(bridging: error, basePath: basePath, position: position)
        }
    }
}

extension LodumError {
    /// Translates an error thrown by Codable code (synthesized or hand-written) into a
    /// Lodum error at the same place.
    init(bridging error: EncodingError, basePath: CodingPath, position: InputPosition?) {
        switch error {
        case .invalidValue(let value, let context):
            self.init(.unsupportedValue("\(context.debugDescription) (\(value))"),
                      path: basePath.appending(context.codingPath), position: position)
        @unknown default:
            self.init(.custom(String(describing: error)), path: basePath, position: position)
        }
    }

    /// Translates a `DecodingError` into a Lodum error at the same place.
    init(bridging error: DecodingError, basePath: CodingPath, position: InputPosition?) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(.typeMismatch(expected: "\(type)", found: context.debugDescription),
                      path: basePath.appending(context.codingPath), position: position)
        case .valueNotFound(let type, let context):
            self.init(.typeMismatch(expected: "\(type)", found: "null"),
                      path: basePath.appending(context.codingPath), position: position)
        case .keyNotFound(let key, let context):
            self.init(.missingField(key.stringValue),
                      path: basePath.appending(context.codingPath + [key]), position: position)
        case .dataCorrupted(let context):
            self.init(.custom(context.debugDescription), path: basePath.appending(context.codingPath), position: position)
        @unknown default:
            self.init(.custom(String(describing: error)), path: basePath, position: position)
        }
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
