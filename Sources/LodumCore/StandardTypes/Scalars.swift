// The standard library's scalars map onto the IR's handful of primitives. Every integer
// width decodes through Int64/UInt64 with an exactness check, so out-of-range input is a
// thrown error naming the type, never a trap.

extension Bool: Serializable, Deserializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(self) }
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws { self = try deserializer.readBool() }
}

extension String: Serializable, Deserializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(self) }
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws { self = try deserializer.readString() }
}

extension Double: Serializable, Deserializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(self) }
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws { self = try deserializer.readDouble() }
}

extension Float: Serializable, Deserializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(self) }
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws { self = try deserializer.readFloat() }
}

/// Signed integers travel as `Int64`.
public protocol _LodumSignedInteger: FixedWidthInteger & SignedInteger {}
extension Int: _LodumSignedInteger {}
extension Int8: _LodumSignedInteger {}
extension Int16: _LodumSignedInteger {}
extension Int32: _LodumSignedInteger {}
extension Int64: _LodumSignedInteger {}

/// Unsigned integers travel as `UInt64`.
public protocol _LodumUnsignedInteger: FixedWidthInteger & UnsignedInteger {}
extension UInt: _LodumUnsignedInteger {}
extension UInt8: _LodumUnsignedInteger {}
extension UInt16: _LodumUnsignedInteger {}
extension UInt32: _LodumUnsignedInteger {}
extension UInt64: _LodumUnsignedInteger {}

extension Int: Serializable, Deserializable {}
extension Int8: Serializable, Deserializable {}
extension Int16: Serializable, Deserializable {}
extension Int32: Serializable, Deserializable {}
extension Int64: Serializable, Deserializable {}
extension UInt: Serializable, Deserializable {}
extension UInt8: Serializable, Deserializable {}
extension UInt16: Serializable, Deserializable {}
extension UInt32: Serializable, Deserializable {}
extension UInt64: Serializable, Deserializable {}

extension _LodumSignedInteger {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(Int64(self))
    }

    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        let wide = try deserializer.readInt64()
        guard let narrow = Self(exactly: wide) else {
            throw LodumError(.numberOutOfRange(String(wide), type: String(describing: Self.self)),
                             path: deserializer.path, position: deserializer.positionOfLastValue)
        }
        self = narrow
    }
}

extension _LodumUnsignedInteger {
    @inlinable
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(UInt64(self))
    }

    @inlinable
    public init<D: Deserializer>(from deserializer: inout D) throws {
        let wide = try deserializer.readUInt64()
        guard let narrow = Self(exactly: wide) else {
            throw LodumError(.numberOutOfRange(String(wide), type: String(describing: Self.self)),
                             path: deserializer.path, position: deserializer.positionOfLastValue)
        }
        self = narrow
    }
}
