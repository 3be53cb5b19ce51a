/// A type that can write itself into any format's ``Serializer``.
///
/// `@Lodum` generates this conformance, and the standard library's scalars, strings,
/// optionals, arrays, sets and dictionaries, and Foundation's `Date`, `UUID`, `URL`,
/// `Decimal` and `Data`, have it built in. Types that are only `Encodable` still work with
/// every format through the Codable bridge.
///
/// ```swift
/// struct Celsius: Serializable {
///     var degrees: Double
///     func serialize<S: Serializer>(to serializer: inout S) throws {
///         try serializer.write(degrees)
///     }
/// }
/// ```
public protocol Serializable {
    /// Writes this value as a sequence of IR events into `serializer`.
    func serialize<S: Serializer>(to serializer: inout S) throws
}

/// A type that can read itself from any format's ``Deserializer``.
///
/// Decoding is pull-based: the initializer asks the deserializer for exactly the shape it
/// expects, so a reader never builds a tree of the input.
public protocol Deserializable {
    /// Reads a value of this type from `deserializer`.
    init<D: Deserializer>(from deserializer: inout D) throws
}

/// A type that can be both written to and read from every format.
public typealias LodumCodable = Serializable & Deserializable
