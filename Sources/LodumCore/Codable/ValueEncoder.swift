/// An `Encoder` that builds a ``Value`` tree; the Codable bridge's writing half.
final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let node: EncodingNode
    let basePath: CodingPath
    let limits: Limits

    init(node: EncodingNode, codingPath: [any CodingKey], basePath: CodingPath, limits: Limits) {
        self.node = node
        self.codingPath = codingPath
        self.basePath = basePath
        self.limits = limits
    }

    static func encode<T: Encodable>(_ value: T, basePath: CodingPath, limits: Limits) throws -> Value {
        let root = EncodingNode()
        let encoder = ValueEncoder(node: root, codingPath: [], basePath: basePath, limits: limits)
        try encoder.encodeValue(value, into: root, at: [])
        return root.finish()
    }

    func error(_ kind: LodumError.Kind, at path: [any CodingKey]) -> LodumError {
        LodumError(kind, path: basePath.appending(path))
    }

    /// Encodes a child value, taking the direct path for Lodum types.
    func encodeValue<T: Encodable>(_ value: T, into node: EncodingNode, at path: [any CodingKey]) throws {
        guard path.count < limits.maxDepth else {
            throw error(.limitExceeded(.depth(limits.maxDepth)), at: path)
        }
        if let serializable = value as? any Serializable {
            node.content = .value(try Value(from: serializable, limits: limits))
            return
        }
        let child = ValueEncoder(node: node, codingPath: path, basePath: basePath, limits: limits)
        try value.encode(to: child)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedValueEncodingContainer<Key>(encoder: self, node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedValueEncodingContainer(encoder: self, node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueEncodingContainerImpl(encoder: self)
    }
}

/// A node of the tree under construction; containers hold references so nested
/// containers can still be filled after they are handed out, as Codable allows.
/// Scalars are stored in place, so only nested containers cost a node.
final class EncodingNode {
    enum Slot {
        case value(Value)
        case node(EncodingNode)
    }

    enum Content {
        case empty
        case value(Value)
        case array([Slot])
        /// Keys in first-write order; `index` is built once an object is large enough that
        /// finding a rewritten key by scanning would cost more than hashing.
        case object(keys: [String], slots: [Slot], index: [String: Int]?)
    }

    var content: Content = .empty

    func becomeObject() {
        if case .object = content { return }
        content = .object(keys: [], slots: [], index: nil)
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func append(_ slot: Slot) {
        guard case .array(var slots) = content else { return }
        content = .empty
        slots.append(slot)
        content = .array(slots)
    }

    func appendElement() -> EncodingNode {
        let child = EncodingNode()
        append(.node(child))
        return child
    }

    func set(_ slot: Slot, forKey key: String) {
        guard case .object(var keys, var slots, var index) = content else { return }
        content = .empty
        let existing = index.map { $0[key] } ?? (keys.count < 16 ? keys.firstIndex(of: key) : nil)
        if let existing {
            slots[existing] = slot
        } else {
            keys.append(key)
            slots.append(slot)
            if index != nil {
                index?[key] = keys.count - 1
            } else if keys.count == 16 {
                index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, last in last })
            }
        }
        content = .object(keys: keys, slots: slots, index: index)
    }

    func child(forKey key: String) -> EncodingNode {
        let child = EncodingNode()
        set(.node(child), forKey: key)
        return child
    }

    func finish() -> Value {
        switch content {
        case .empty: return .object([])
        case .value(let value): return value
        case .array(let slots): return .array(slots.map(Self.finish))
        case .object(let keys, let slots, _):
            return .object(zip(keys, slots).map { Value.Member(key: $0, value: Self.finish($1)) })
        }
    }

    private static func finish(_ slot: Slot) -> Value {
        switch slot {
        case .value(let value): return value
        case .node(let node): return node.finish()
        }
    }
}

struct KeyedValueEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    let node: EncodingNode
    let codingPath: [any CodingKey]

    func set(_ value: Value, forKey key: Key) {
        node.set(.value(value), forKey: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(Value(unsigned: UInt64(value)), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.int(Int64(value)), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(Value(unsigned: value), forKey: key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.encodeValue(value, into: node.child(forKey: key.stringValue), at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(encoder: encoder, node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedValueEncodingContainer(encoder: encoder, node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(node: node.child(forKey: "super"), codingPath: codingPath + [BridgeKey.super], basePath: encoder.basePath, limits: encoder.limits)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key], basePath: encoder.basePath, limits: encoder.limits)
    }
}

struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    let node: EncodingNode
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(encoder: ValueEncoder, node: EncodingNode, codingPath: [any CodingKey]) {
        self.encoder = encoder
        self.node = node
        self.codingPath = codingPath
    }

    mutating func append(_ value: Value) {
        node.append(.value(value))
        count += 1
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Float) throws { append(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.int(value)) }
    mutating func encode(_ value: UInt) throws { append(Value(unsigned: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { append(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { append(Value(unsigned: value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = node.appendElement()
        let path = codingPath + [BridgeKey(index: count)]
        count += 1
        try encoder.encodeValue(value, into: child, at: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendElement()
        child.becomeObject()
        let path = codingPath + [BridgeKey(index: count)]
        count += 1
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(encoder: encoder, node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendElement()
        child.becomeArray()
        let path = codingPath + [BridgeKey(index: count)]
        count += 1
        return UnkeyedValueEncodingContainer(encoder: encoder, node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = node.appendElement()
        let path = codingPath + [BridgeKey(index: count)]
        count += 1
        return ValueEncoder(node: child, codingPath: path, basePath: encoder.basePath, limits: encoder.limits)
    }
}

struct SingleValueEncodingContainerImpl: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func set(_ value: Value) { encoder.node.content = .value(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.double(value)) }
    mutating func encode(_ value: Float) throws { set(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { set(.int(value)) }
    mutating func encode(_ value: UInt) throws { set(Value(unsigned: UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { set(.int(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { set(Value(unsigned: value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.encodeValue(value, into: encoder.node, at: encoder.codingPath)
    }
}

extension Value {
    /// An unsigned integer in the smallest case that holds it.
    init(unsigned value: UInt64) {
        self = value <= UInt64(Int64.max) ? .int(Int64(value)) : .uint(value)
    }
}
