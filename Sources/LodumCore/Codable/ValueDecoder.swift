/// A `Decoder` over a ``Value`` tree; the Codable bridge's reading half.
///
/// Errors are ``LodumError``s whose path continues the path of the Lodum value that holds
/// the Codable one, and whose position is where that value starts in the input.
final class ValueDecoder: Decoder {
    let value: Value
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let basePath: CodingPath
    let position: InputPosition?
    let limits: Limits

    init(value: Value, codingPath: [any CodingKey], basePath: CodingPath, position: InputPosition?, limits: Limits) {
        self.value = value
        self.codingPath = codingPath
        self.basePath = basePath
        self.position = position
        self.limits = limits
    }

    static func decode<T: Decodable>(
        _ type: T.Type, from value: Value, basePath: CodingPath, position: InputPosition?, limits: Limits
    ) throws -> T {
        let decoder = ValueDecoder(value: value, codingPath: [], basePath: basePath, position: position, limits: limits)
        return try decoder.decodeValue(type, from: value, at: [])
    }

    func error(_ kind: LodumError.Kind, at path: [any CodingKey]) -> LodumError {
        LodumError(kind, path: basePath.appending(path), position: position)
    }

    func mismatch(_ expected: String, _ found: Value, at path: [any CodingKey]) -> LodumError {
        error(.typeMismatch(expected: expected, found: found.summary), at: path)
    }

    /// Decodes a child value, taking the direct path for Lodum types.
    func decodeValue<T: Decodable>(_ type: T.Type, from value: Value, at path: [any CodingKey]) throws -> T {
        guard path.count < limits.maxDepth else {
            throw error(.limitExceeded(.depth(limits.maxDepth)), at: path)
        }
        if let lodumType = type as? any Deserializable.Type {
            var deserializer = ValueDeserializer(value, limits: limits)
            do {
                guard let decoded = try lodumType.init(from: &deserializer) as? T else {
                    throw error(.typeMismatch(expected: "\(T.self)", found: value.summary), at: path)
                }
                return decoded
            } catch var lodumError as LodumError {
                lodumError.path = CodingPath(basePath.appending(path).components + lodumError.path.components)
                lodumError.position = lodumError.position ?? position
                throw lodumError
            }
        }
        return try T(from: ValueDecoder(value: value, codingPath: path, basePath: basePath, position: position, limits: limits))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw mismatch("Object", value, at: codingPath) }
        return KeyedDecodingContainer(KeyedValueDecodingContainer<Key>(decoder: self, members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch("Array", value, at: codingPath) }
        return UnkeyedValueDecodingContainer(decoder: self, elements: elements, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueDecodingContainerImpl(decoder: self)
    }

    // MARK: Scalars

    func unbox(_ value: Value, as type: Bool.Type, at path: [any CodingKey]) throws -> Bool {
        do { return try value.bridgedBool() } catch { throw self.error(error.kind, at: path) }
    }

    func unbox(_ value: Value, as type: String.Type, at path: [any CodingKey]) throws -> String {
        do { return try value.bridgedString() } catch { throw self.error(error.kind, at: path) }
    }

    func unbox(_ value: Value, as type: Double.Type, at path: [any CodingKey]) throws -> Double {
        do { return try value.bridgedDouble() } catch { throw self.error(error.kind, at: path) }
    }

    func unbox<I: FixedWidthInteger>(_ value: Value, as type: I.Type, at path: [any CodingKey]) throws -> I {
        do { return try value.bridgedInteger(type) } catch { throw self.error(error.kind, at: path) }
    }
}

/// Why a value cannot be read as the scalar Codable asked for; the decoder places it.
struct ScalarMismatch: Error {
    let kind: LodumError.Kind

    static func expected(_ expected: String, _ found: Value) -> ScalarMismatch {
        ScalarMismatch(kind: .typeMismatch(expected: expected, found: found.summary))
    }
}

extension Value {
    // The Codable bridge's readings of scalars, shared by the tree and streaming decoders so
    // both report the same errors.

    func bridgedBool() throws(ScalarMismatch) -> Bool {
        guard case .bool(let flag) = self else { throw .expected("Bool", self) }
        return flag
    }

    func bridgedString() throws(ScalarMismatch) -> String {
        guard case .string(let text) = self else { throw .expected("String", self) }
        return text
    }

    func bridgedDouble() throws(ScalarMismatch) -> Double {
        switch self {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case .uint(let number): return Double(number)
        default: throw .expected("Double", self)
        }
    }

    /// Inlined at each call, where `I` is a concrete type: unspecialized, it looks up type
    /// metadata for every number.
    @inline(__always)
    func bridgedInteger<I: FixedWidthInteger>(_ type: I.Type) throws(ScalarMismatch) -> I {
        let exact: I?
        switch self {
        case .int(let number): exact = I(exactly: number)
        case .uint(let number): exact = I(exactly: number)
        case .double(let number):
            guard number.rounded(.towardZero) == number else { throw .expected("\(I.self)", self) }
            exact = I(exactly: number)
        default: throw .expected("\(I.self)", self)
        }
        guard let exact else {
            throw ScalarMismatch(kind: .numberOutOfRange(summary.replacingPrefix("Number "), type: "\(I.self)"))
        }
        return exact
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

struct KeyedValueDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ValueDecoder
    let members: [Value.Member]
    let codingPath: [any CodingKey]
    /// Built once for objects large enough that a linear search per key would cost more.
    let index: [String: Int]?

    init(decoder: ValueDecoder, members: [Value.Member], codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.members = members
        self.codingPath = codingPath
        if members.count > 12 {
            self.index = Dictionary(members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { _, last in last })
        } else {
            self.index = nil
        }
    }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func lookup(_ key: Key) -> Value? { lookup(named: key.stringValue) }

    func lookup(named name: String) -> Value? {
        if let index { return index[name].map { members[$0].value } }
        return members.last { $0.key == name }?.value
    }

    func require(_ key: Key) throws -> Value {
        guard let value = lookup(key) else {
            throw decoder.error(.missingField(key.stringValue), at: codingPath + [key])
        }
        return value
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try require(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, forKey: key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.unbox(require(key), as: type, at: codingPath + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeValue(type, from: require(key), at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let value = try require(key)
        guard case .object(let nested) = value else { throw decoder.mismatch("Object", value, at: codingPath + [key]) }
        return KeyedDecodingContainer(KeyedValueDecodingContainer<NestedKey>(decoder: decoder, members: nested, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let value = try require(key)
        guard case .array(let elements) = value else { throw decoder.mismatch("Array", value, at: codingPath + [key]) }
        return UnkeyedValueDecodingContainer(decoder: decoder, elements: elements, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: lookup(named: "super") ?? .null, codingPath: codingPath + [BridgeKey.super],
                     basePath: decoder.basePath, position: decoder.position, limits: decoder.limits)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: lookup(key) ?? .null, codingPath: codingPath + [key],
                     basePath: decoder.basePath, position: decoder.position, limits: decoder.limits)
    }
}

struct UnkeyedValueDecodingContainer: UnkeyedDecodingContainer {
    let decoder: ValueDecoder
    let elements: [Value]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(decoder: ValueDecoder, elements: [Value], codingPath: [any CodingKey]) {
        self.decoder = decoder
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }
    var currentPath: [any CodingKey] { codingPath + [BridgeKey(index: currentIndex)] }

    mutating func next() throws -> Value {
        guard !isAtEnd else {
            throw decoder.error(.typeMismatch(expected: "another element", found: "end of array"), at: currentPath)
        }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = elements[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: String.Type) throws -> String { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: Double.Type) throws -> Double { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    mutating func decode(_ type: Int.Type) throws -> Int { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { let path = currentPath; return try decoder.unbox(next(), as: type, at: path) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = currentPath
        return try decoder.decodeValue(type, from: next(), at: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let path = currentPath
        let value = try next()
        guard case .object(let members) = value else { throw decoder.mismatch("Object", value, at: path) }
        return KeyedDecodingContainer(KeyedValueDecodingContainer<NestedKey>(decoder: decoder, members: members, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = currentPath
        let value = try next()
        guard case .array(let nested) = value else { throw decoder.mismatch("Array", value, at: path) }
        return UnkeyedValueDecodingContainer(decoder: decoder, elements: nested, codingPath: path)
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = currentPath
        return ValueDecoder(value: try next(), codingPath: path, basePath: decoder.basePath, position: decoder.position, limits: decoder.limits)
    }
}

struct SingleValueDecodingContainerImpl: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var value: Value { decoder.value }

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.unbox(value, as: type, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.unbox(value, as: type, at: codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decodeValue(type, from: value, at: codingPath)
    }
}
