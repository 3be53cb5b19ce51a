import Foundation

/// A custom representation for one field: `@Field(using: SomeCoding.self)` writes the
/// property as ``Representation`` and reads it back, in every format.
///
/// ```swift
/// @Lodum struct Event {
///     @Field(using: EpochMilliseconds.self) var at: Date   // 1514862245500, not ISO text
/// }
/// ```
///
/// An error thrown by ``encode(_:)`` or ``decode(_:)`` is reported at the field's coding
/// path (and, on decode, at the value's input position).
public protocol FieldCoding {
    /// The property's type.
    associatedtype Value
    /// What is written in its place.
    associatedtype Representation: Serializable & Deserializable

    /// The representation of `value`.
    static func encode(_ value: Value) throws -> Representation
    /// The value a representation stands for.
    static func decode(_ representation: Representation) throws -> Value
}

/// A `Date` as whole seconds since 1970 (Unix time), an integer. Fractions of a second are
/// rounded to the nearest second on write; on read, a number with a fraction is accepted.
public enum EpochSeconds: FieldCoding {
    public static func encode(_ value: Date) throws -> EpochNumber {
        EpochNumber(try EpochUnits.count(value, perSecond: 1))
    }

    public static func decode(_ representation: EpochNumber) throws -> Date {
        Date(timeIntervalSince1970: representation.value)
    }
}

/// A `Date` as whole milliseconds since 1970, an integer, as JavaScript's `Date.now()`.
public enum EpochMilliseconds: FieldCoding {
    public static func encode(_ value: Date) throws -> EpochNumber {
        EpochNumber(try EpochUnits.count(value, perSecond: 1000))
    }

    public static func decode(_ representation: EpochNumber) throws -> Date {
        Date(timeIntervalSince1970: representation.value / 1000)
    }
}

/// A number of time units written as an integer and read from any number, so epoch times
/// produced with a fraction (`1514862245.5`) still read.
public struct EpochNumber: Serializable, Deserializable, Sendable, Hashable {
    /// The number of units.
    public let value: Double

    init(_ count: Int64) {
        value = Double(count)
    }

    public func serialize<S: Serializer>(to serializer: inout S) throws {
        try serializer.write(Int64(value))
    }

    public init<D: Deserializer>(from deserializer: inout D) throws {
        value = try deserializer.readDouble()
    }
}

enum EpochUnits {
    /// The date in whole units since 1970, rounded to the nearest; an error for a date no
    /// `Int64` holds.
    static func count(_ date: Date, perSecond: Double) throws -> Int64 {
        let units = (date.timeIntervalSince1970 * perSecond).rounded()
        guard units.isFinite, units >= -9.2e18, units <= 9.2e18 else {
            throw LodumError(.unsupportedValue("the date \(date.timeIntervalSince1970) seconds from 1970 does not fit an Int64 count"))
        }
        return Int64(units)
    }
}

extension Serializer {
    /// Writes one field through its ``FieldCoding`` (`@Field(using:)`).
    @inlinable
    public mutating func encodeField<C: FieldCoding>(_ key: StaticString, _ value: C.Value, using coding: C.Type) throws {
        context.atField(key)
        let representation: C.Representation
        do {
            representation = try C.encode(value)
        } catch let failure as LodumError {
            throw LodumError(failure.kind, path: context.path)
        } catch {
            throw LodumError(.custom(String(describing: error)), path: context.path)
        }
        try field(key)
        try representation.serialize(to: &self)
    }

    /// Writes one Optional field through its ``FieldCoding``: `nil` is written as a null.
    @inlinable
    public mutating func encodeField<C: FieldCoding>(_ key: StaticString, _ value: C.Value?, using coding: C.Type) throws {
        guard let value else {
            context.atField(key)
            try field(key)
            try writeNil()
            return
        }
        try encodeField(key, value, using: coding)
    }
}

extension Deserializer {
    /// Reads one field through its ``FieldCoding`` (`@Field(using:)`); an error the
    /// coding throws gets the field's path and the value's position.
    @inlinable
    public mutating func decode<C: FieldCoding>(_ type: C.Value.Type, using coding: C.Type) throws -> C.Value {
        let representation = try C.Representation(from: &self)
        do {
            return try C.decode(representation)
        } catch {
            throw located(error, at: positionOfLastValue)
        }
    }

    /// Reads one Optional field through its ``FieldCoding``: a null is `nil`.
    @inlinable
    public mutating func decode<C: FieldCoding>(_ type: C.Value?.Type, using coding: C.Type) throws -> C.Value? {
        try decodeNil() ? nil : decode(C.Value.self, using: coding)
    }
}
