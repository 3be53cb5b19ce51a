/// Describes a struct or final class once, for every format.
///
/// `@Lodum` generates ``Serializable`` and ``Deserializable`` conformances at compile
/// time: the wire keys become static strings, and decoding matches keys with a switch over
/// field indices, with no reflection and no dictionary per value.
///
/// ```swift
/// @Lodum struct Point { var x: Int; var y: Int }
/// @Lodum struct Dataset { var points: [Point] }
///
/// let data = try JSON.encode(Dataset(points: [Point(x: 1, y: 2)]))
/// ```
///
/// - A stored property with an initial value takes it when its key is missing; an
///   `Optional` property without one is `nil`; any other missing key is an error naming
///   the field.
/// - Unknown keys are skipped.
/// - A `let` with an initial value is written but never read (it cannot be reassigned).
/// - Computed, `static` and `lazy` properties are not part of the wire form.
@attached(extension, conformances: Serializable, Deserializable, names: named(serialize), named(init), named(lodumFields))
@attached(member, names: named(init))
public macro Lodum() = #externalMacro(module: "LodumMacros", type: "LodumMacro")

/// Options for one stored property of an `@Lodum` type, applied at compile time.
///
/// ```swift
/// @Lodum struct User {
///     var name: String
///     @Field(skipIfNil: true) var nickname: String?   // absent from the output when nil
/// }
/// ```
///
/// - Parameter skipIfNil: When `true`, a `nil` value leaves the field out of the output
///   instead of writing a null. The property must be declared as an Optional. On input, a
///   missing key still reads as `nil`.
@attached(peer)
public macro Field(skipIfNil: Bool = false) = #externalMacro(module: "LodumMacros", type: "FieldMacro")
