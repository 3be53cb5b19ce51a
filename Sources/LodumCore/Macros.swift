/// Describes a struct, final class or enum once, for every format.
///
/// `@Lodum` generates ``Serializable`` and ``Deserializable`` conformances at compile
/// time: the wire keys become static strings, and decoding matches keys with a switch over
/// field indices, with no reflection and no dictionary per value. It also generates
/// ``JSONSchemaDescribable``, the type's JSON Schema (``JSONSchema/generate(for:)``).
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
/// - Unknown keys are skipped, or with `denyUnknownFields: true` are an error naming the key.
/// - A `let` with an initial value is written but never read (it cannot be reassigned).
/// - Computed, `static` and `lazy` properties are not part of the wire form.
///
/// - Parameters:
///   - renameAll: How property names become keys (``RenameRule``); `@Field(rename:)` wins.
///   - omitNil: Leave every Optional property out of the output when it is `nil`, as
///     `@Field(skipIfNil: true)` does for one.
///   - denyUnknownFields: Make a key the type does not declare an error naming the key,
///     instead of skipping it.
///   - tag: For an enum: the key naming the case, beside the case's labeled values
///     (internal tagging, `{"type": "circle", "radius": 1}`).
///   - content: For an enum, with `tag`: the key holding the case's values (adjacent
///     tagging, `{"t": "circle", "c": {"radius": 1}}`).
///   - untagged: For an enum: write a case's values alone; reading tries each case in
///     order (`{"radius": 1}`).
///
/// A class that may be subclassed gets overridable members in its body, and a subclass
/// marked ``LodumSubclass(renameAll:omitNil:denyUnknownFields:)`` overrides them, so a
/// `Dog: Animal` writes and reads `Animal`'s fields too. Its initializer is `required`:
/// every subclass of an `@Lodum` class must be `@LodumSubclass` or write `init(from:)` itself.
///
/// An enum with raw values (`enum Color: String`) is written as its raw value; reading
/// any other value is an error listing the valid ones. Any other enum is externally tagged
/// unless `tag` or `untagged` says otherwise: `{"circle": {"radius": 1}}`, with a case
/// without values written as its name, `"none"`. See ``EnumCases``. Case names follow
/// `renameAll` and `@Field(rename:)` on the case.
@attached(
    extension, conformances: Serializable, Deserializable, JSONSchemaDescribable,
    names: named(serialize), named(init), named(lodumFields), named(lodumCases), named(lodumCaseFields),
    named(lodumUnitCase), named(lodumDecodeContent), named(lodumDecodeFields), named(lodumEnumCases), named(jsonSchema))
@attached(member, names: named(init), named(serialize), named(lodumAllFields), named(lodumFieldCount), named(lodumWriteFields), named(jsonSchema), named(_LodumTypes))
public macro Lodum(
    renameAll: RenameRule? = nil, omitNil: Bool = false, denyUnknownFields: Bool = false,
    tag: String? = nil, content: String? = nil, untagged: Bool = false
) = #externalMacro(module: "LodumMacros", type: "LodumMacro")

/// Describes a subclass of an `@Lodum` class: it writes and reads its superclass's fields,
/// then its own, as one struct, in every format.
///
/// ```swift
/// @Lodum class Animal { var name: String; init(name: String) { self.name = name } }
/// @LodumSubclass class Dog: Animal { var breed: String /* … */ }
/// // {"name": "rex", "breed": "lab"}
/// ```
///
/// The options are `@Lodum`'s, for this class's own fields. Reading holds the superclass's
/// fields as a ``Value`` and hands them to the superclass's `init(from:)`; errors in them
/// carry their path, and the subclass's position in the input.
@attached(member, names: named(init), named(lodumAllFields), named(lodumFieldCount), named(lodumWriteFields), named(jsonSchema))
public macro LodumSubclass(renameAll: RenameRule? = nil, omitNil: Bool = false, denyUnknownFields: Bool = false) =
    #externalMacro(module: "LodumMacros", type: "LodumSubclassMacro")

/// Writes and reads a property's fields as fields of the enclosing `@Lodum` type, as serde's
/// `flatten` does.
///
/// ```swift
/// @Lodum struct Address { var street: String; var city: String }
/// @Lodum struct User {
///     var name: String
///     @Flatten var address: Address
/// }
/// // {"name": "ada", "street": "1 Main St", "city": "Springfield"}
/// ```
///
/// The property's type must be an `@Lodum` struct (or final class), not an Optional, and
/// carries no `@Field` options; a type flattens one property. Its fields follow the type's
/// own in the output. Reading is one pass: the flattened type reads its fields as they
/// arrive, among the enclosing type's, with nothing held in a tree.
@attached(peer)
public macro Flatten() = #externalMacro(module: "LodumMacros", type: "FlattenMacro")

/// Options for one stored property of an `@Lodum` type, applied at compile time.
///
/// ```swift
/// @Lodum(renameAll: .snakeCase)
/// struct User {
///     @Field(rename: "id", aliases: ["userId", "user_id"]) var identifier: Int
///     var displayName: String                                    // "display_name"
///     @Field(skipIfNil: true) var nickname: String?              // absent from the output when nil
///     @Field(skip: true) var cache: [String: Int] = [:]          // never written or read
///     @Field(default: 18) var age: Int                           // 18 when the key is missing
///     @Field(using: EpochMilliseconds.self) var joined: Date     // 1514862245500
///     @Field(validate: .length(3...50)) var name: String         // checked on decode
/// }
/// ```
///
/// Arguments go in this order: `rename`, `aliases`, `skip`, `skipIfNil`, `default`,
/// `using`, `validate`. `rename`, `aliases`, `skip` and `skipIfNil` must be literals;
/// `default`, `using` and `validate` are expressions, evaluated by the generated code.
///
/// - Parameters:
///   - rename: The property's key, instead of its name (or the type's `renameAll` form).
///   - aliases: Further keys accepted on read, for old or alternative spellings.
///   - skip: Never write the property, and never read it: the key is treated as unknown,
///     and the property keeps its initial value (or `nil`).
///   - skipIfNil: Leave the field out of the output when it is `nil`, instead of writing a
///     null. The property must be an Optional. A missing key reads as `nil`.
///   - default: The value when the key is missing; an initial value already is one.
///   - using: A ``FieldCoding`` that writes the property in another representation.
///   - validate: A ``Validator`` (`.range(0...150)`, `.length(3...50)`, `.match(regex)`,
///     `.oneOf([...])`) or a closure returning `Bool` or throwing, checked on decode.
///     Annotate a closure's parameter type: `{ (code: String) in code.count == 2 }`.
@attached(peer)
public macro Field(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a built-in rule; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, validate: FieldRule) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a validator; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Value>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, validate: Validator<Value>) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a validating closure; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Value>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, validate: (Value) throws -> Bool) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a coding; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, using: Coding.Type) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a coding and a built-in rule; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, using: Coding.Type, validate: FieldRule) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a coding and a validator; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, using: Coding.Type, validate: Validator<Coding.Value>) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a coding and a validating closure; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, using: Coding.Type, validate: (Coding.Value) throws -> Bool) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Value>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Value) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a built-in rule; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Value>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Value, validate: FieldRule) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a validator; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Value>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Value, validate: Validator<Value>) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a validating closure; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Value>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Value, validate: (Value) throws -> Bool) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a coding; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Coding.Value, using: Coding.Type) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a coding and a built-in rule; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Coding.Value, using: Coding.Type, validate: FieldRule) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a coding and a validator; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Coding.Value, using: Coding.Type, validate: Validator<Coding.Value>) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")

/// `@Field` with a default and a coding and a validating closure; see ``Field(rename:aliases:skip:skipIfNil:)``.
@attached(peer)
public macro Field<Coding: FieldCoding>(rename: String? = nil, aliases: [String] = [], skip: Bool = false, skipIfNil: Bool = false, default: Coding.Value, using: Coding.Type, validate: (Coding.Value) throws -> Bool) =
    #externalMacro(module: "LodumMacros", type: "FieldMacro")
