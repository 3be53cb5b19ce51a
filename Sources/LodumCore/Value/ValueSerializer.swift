/// A ``Serializer`` that builds a ``Value`` tree instead of bytes.
///
/// Used by the Codable bridge and by backends that must see a whole container before
/// writing it (sorted keys).
public struct ValueSerializer: Serializer {
    @usableFromInline
    struct Frame {
        var isObject: Bool
        var elements: [Value] = []
        var members: [Value.Member] = []
        var pendingKey: String?
    }

    public var context: CodingContext
    @usableFromInline var frames: [Frame] = []
    /// The finished value, once a complete top-level value has been written.
    public private(set) var value: Value?

    /// Creates a serializer that checks `limits` as it builds.
    public init(limits: Limits = .default) {
        context = CodingContext(limits: limits)
    }

    /// Whether a container is still open.
    public var isInsideContainer: Bool { !frames.isEmpty }

    mutating func emit(_ produced: Value) throws {
        guard !frames.isEmpty else {
            value = produced
            return
        }
        let top = frames.count - 1
        if frames[top].isObject {
            guard let key = frames[top].pendingKey else {
                throw error(.unsupportedValue("a map value was written without a key"))
            }
            frames[top].members.append(Value.Member(key: key, value: produced))
            frames[top].pendingKey = nil
        } else {
            frames[top].elements.append(produced)
        }
    }

    mutating func closeFrame() throws {
        guard let frame = frames.popLast() else {
            throw error(.unsupportedValue("a container was closed that was never opened"))
        }
        try emit(frame.isObject ? .object(frame.members) : .array(frame.elements))
    }

    public mutating func beginStruct(_ name: StaticString, fieldCount: Int) throws {
        frames.append(Frame(isObject: true))
    }

    public mutating func field(_ key: StaticString) throws {
        try mapKey(key.description)
    }

    public mutating func endStruct() throws { try closeFrame() }

    public mutating func beginSeq(count: Int?) throws {
        frames.append(Frame(isObject: false))
    }

    public mutating func endSeq() throws { try closeFrame() }

    public mutating func beginMap(count: Int?) throws {
        frames.append(Frame(isObject: true))
    }

    public mutating func mapKey(_ key: String) throws {
        guard let top = frames.indices.last, frames[top].isObject else {
            throw error(.unsupportedValue("a key was written outside a map"))
        }
        frames[top].pendingKey = key
    }

    public mutating func endMap() throws { try closeFrame() }

    public mutating func writeNil() throws { try emit(.null) }
    public mutating func write(_ value: Bool) throws { try emit(.bool(value)) }
    public mutating func write(_ value: Int64) throws { try emit(.int(value)) }

    public mutating func write(_ value: UInt64) throws {
        try emit(value <= UInt64(Int64.max) ? .int(Int64(value)) : .uint(value))
    }

    public mutating func write(_ value: Double) throws { try emit(.double(value)) }
    public mutating func write(_ value: Float) throws { try emit(.double(Double(value))) }
    public mutating func write(_ value: String) throws { try emit(.string(value)) }
    public mutating func write(bytes: [UInt8]) throws { try emit(.bytes(bytes)) }
    public mutating func write(_ value: Timestamp) throws { try emit(.timestamp(value)) }
    public mutating func write(_ value: ExtensionValue) throws { try emit(.extension(value)) }
}
