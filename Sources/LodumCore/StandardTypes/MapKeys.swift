/// A type that can key a `Dictionary` in every format.
///
/// Strings, every integer type and enums whose raw value is one of them are map keys.
/// Formats with ``FormatCapabilities/nonStringKeys`` (MessagePack) write integer keys as
/// integers; the others write their decimal text (`{"1": …}`), and every format reads
/// either back into the key type the dictionary asks for.
///
/// ```swift
/// enum Weekday: Int, MapKey { case monday = 1, tuesday }
/// let hours: [Weekday: Int] = [.monday: 8]
/// let bytes = try MsgPack.encode(hours) // 81 01 08: the key is the integer 1
/// ```
public protocol MapKey: Hashable {
    /// Writes this value as the key of the next map entry.
    func serializeKey<S: Serializer>(to serializer: inout S) throws
    /// The key as text: how text formats write it and how coding paths name it.
    var mapKeyText: String { get }
    /// The key whose text is `mapKeyText`; `nil` when the text stands for no key.
    init?(mapKeyText: String)
}

extension String: MapKey {
    @inlinable public func serializeKey<S: Serializer>(to serializer: inout S) throws { try serializer.mapKey(self) }
    @inlinable public var mapKeyText: String { self }
    @inlinable public init?(mapKeyText: String) { self = mapKeyText }
}

extension _LodumSignedInteger {
    @inlinable public func serializeKey<S: Serializer>(to serializer: inout S) throws { try serializer.mapKey(Int64(self)) }
    public var mapKeyText: String { String(self) }
    public init?(mapKeyText: String) { self.init(mapKeyText, radix: 10) }
}

extension _LodumUnsignedInteger {
    @inlinable public func serializeKey<S: Serializer>(to serializer: inout S) throws { try serializer.mapKey(UInt64(self)) }
    public var mapKeyText: String { String(self) }
    public init?(mapKeyText: String) { self.init(mapKeyText, radix: 10) }
}

extension Int: MapKey {}
extension Int8: MapKey {}
extension Int16: MapKey {}
extension Int32: MapKey {}
extension Int64: MapKey {}
extension UInt: MapKey {}
extension UInt8: MapKey {}
extension UInt16: MapKey {}
extension UInt32: MapKey {}
extension UInt64: MapKey {}

extension MapKey where Self: RawRepresentable, RawValue: MapKey {
    public func serializeKey<S: Serializer>(to serializer: inout S) throws { try rawValue.serializeKey(to: &serializer) }
    public var mapKeyText: String { rawValue.mapKeyText }
    public init?(mapKeyText: String) {
        guard let raw = RawValue(mapKeyText: mapKeyText) else { return nil }
        self.init(rawValue: raw)
    }
}
