import Foundation

// Dates travel as the IR's timestamp: native where the format has one, ISO 8601 text where
// it does not.

extension Timestamp: Serializable, Deserializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(self) }
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws { self = try deserializer.readTimestamp() }
}

extension Date: Serializable, Deserializable {
    public func serialize<S: Serializer>(to serializer: inout S) throws {
        guard let timestamp = Timestamp(self) else {
            throw serializer.error(.unsupportedValue("the date \(timeIntervalSince1970) seconds from 1970 has no timestamp"))
        }
        try serializer.write(timestamp)
    }

    public init<D: Deserializer>(from deserializer: inout D) throws {
        self = try deserializer.readTimestamp().date
    }
}

extension ExtensionValue: Serializable, Deserializable {
    @inlinable public func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(self) }
    @inlinable public init<D: Deserializer>(from deserializer: inout D) throws { self = try deserializer.readExtension() }
}
