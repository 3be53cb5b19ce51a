/// A type that can state, in JSON Schema (Draft 2020-12), what its values look like when
/// JSON writes them.
///
/// `@Lodum` generates this conformance for structs, final classes and enums. The standard
/// types have it built in: `Bool`, every integer (with its range), `Float`, `Double`,
/// `Decimal`, `String`, `Date`, ``Timestamp``, `UUID`, `URL`, `Data`, ``Value``,
/// ``ExtensionValue``, and `Optional`, `Array`, `ContiguousArray`, `ArraySlice`, `Set` and
/// `Dictionary` of any of them. Ask for a whole document with ``JSONSchema/generate(for:)``.
///
/// Conform a hand-written ``Serializable`` type by returning the schema of what its
/// `serialize(to:)` writes:
///
/// ```swift
/// struct Celsius: Serializable, JSONSchemaDescribable {
///     var degrees: Double
///     func serialize<S: Serializer>(to serializer: inout S) throws { try serializer.write(degrees) }
///     static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
///         ["type": "number", "minimum": -273.15]
///     }
/// }
/// ```
public protocol JSONSchemaDescribable {
    /// The schema of this type's values as JSON writes them.
    ///
    /// Reach the schemas of other types through ``JSONSchemaContext/schema(for:)``, and
    /// wrap a named type's schema in ``JSONSchemaContext/definition(of:_:)``: it is then
    /// written once, in `$defs`, and a type that contains itself ends in a `$ref` instead
    /// of recursing for ever.
    static func jsonSchema(in context: inout JSONSchemaContext) -> Value
}
