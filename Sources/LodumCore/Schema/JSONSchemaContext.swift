/// What a schema is being built in: the definitions (`$defs`) collected so far, so a
/// type is described once and referred to by `$ref` everywhere else.
///
/// ``JSONSchema/generate(for:)`` makes one and turns it into a document; a
/// ``JSONSchemaDescribable`` type receives it to reach the schemas of the types it holds:
///
/// ```swift
/// static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
///     context.definition(of: Self.self) { context in
///         JSONSchema.object(properties: [.required("points", context.schema(for: [Point].self))])
///     }
/// }
/// ```
public struct JSONSchemaContext {
    /// One named schema of `$defs`.
    private struct Definition {
        let name: String
        /// `nil` while the schema is being built: a reference to the type from inside its
        /// own schema finds the name registered and stops there.
        var schema: Value?
        /// How many `$ref`s point here, so a document can inline a root used only once.
        var references: Int
    }

    private var definitions: [Definition] = []
    /// Each described type's position in `definitions`. Keyed by the type itself, not its
    /// name, since two types may share a name (`A.Item` and `B.Item`).
    private var indexByType: [ObjectIdentifier: Int] = [:]
    private var indexByName: [String: Int] = [:]

    /// An empty context.
    public init() {}

    /// The schema of `type`'s values: its own schema, a `$ref` to its definition, or `{}`
    /// (any value) when the type does not describe itself.
    ///
    /// The lookup happens when the schema is built, not when the code is compiled, so a
    /// generic parameter (`Page<Item>`'s `Item`) finds its conformance too. A type without
    /// one, such as a type that is only `Codable`, is `{}` rather than a compile error: its
    /// schema is unknown, not empty of values.
    public mutating func schema<T>(for type: T.Type) -> Value {
        guard let describable = T.self as? any JSONSchemaDescribable.Type else { return [:] }
        return describable.jsonSchema(in: &self)
    }

    /// The schema of the values at `keyPath`: what `@Lodum` asks for a property whose
    /// type Swift infers from its initial value (`let version = 2`), which the macro
    /// cannot name.
    public mutating func schema<Root, T>(for keyPath: KeyPath<Root, T>) -> Value {
        schema(for: T.self)
    }

    /// A `$ref` to the definition of `type` in `$defs`, building it with `makeSchema` the
    /// first time the type is met.
    ///
    /// The definition is named after the type (`User`; `Page_Int` for `Page<Int>`), with a
    /// number added when another type already has the name. The name is registered before
    /// `makeSchema` runs, so a type that contains itself refers to its own definition.
    public mutating func definition<T>(of type: T.Type, _ makeSchema: (inout JSONSchemaContext) -> Value) -> Value {
        let key = ObjectIdentifier(T.self)
        if let index = indexByType[key] {
            definitions[index].references += 1
            return Self.reference(to: definitions[index].name)
        }
        let name = uniqueName(for: T.self)
        let index = definitions.count
        indexByType[key] = index
        indexByName[name] = index
        definitions.append(Definition(name: name, schema: nil, references: 1))
        let schema = makeSchema(&self)
        definitions[index].schema = schema
        return Self.reference(to: name)
    }

    /// The `$defs` object: every definition made so far, in the order types were met.
    public var definitionsObject: Value {
        .object(definitions.map { Value.Member(key: $0.name, value: $0.schema ?? [:]) })
    }

    /// The schema a `$ref` made by this context points to, or `schema` itself when it is
    /// no such reference.
    func resolved(_ schema: Value) -> Value {
        guard let name = Self.definitionName(in: schema), let index = indexByName[name] else { return schema }
        return definitions[index].schema ?? [:]
    }

    /// A document for `root`: the `$schema` keyword, the root's own keywords and `$defs`.
    ///
    /// A root that is a reference to a definition used nowhere else is written in place,
    /// so `generate(for: User.self)` reads as User's schema; a recursive root stays a
    /// `$ref`, since its definition is needed by name.
    func document(root: Value) -> Value {
        var root = root
        var remaining = definitions
        if let name = Self.definitionName(in: root), let index = indexByName[name], definitions[index].references == 1,
           let schema = definitions[index].schema
        {
            root = schema
            remaining.remove(at: index)
        }
        var members: [Value.Member] = [Value.Member(key: "$schema", value: .string(JSONSchema.dialect))]
        if case .object(let rootMembers) = root {
            members += rootMembers
        } else {
            members.append(Value.Member(key: "allOf", value: [root]))
        }
        if !remaining.isEmpty {
            let definitions = remaining.map { Value.Member(key: $0.name, value: $0.schema ?? [:]) }
            members.append(Value.Member(key: "$defs", value: .object(definitions)))
        }
        return .object(members)
    }

    // MARK: Names

    /// `{"$ref": "#/$defs/<name>"}`. Names hold no `~` or `/`, so need no JSON Pointer
    /// escaping (RFC 6901 §3), and no character a URI fragment would have to escape.
    private static func reference(to name: String) -> Value {
        ["$ref": .string("#/$defs/" + name)]
    }

    /// The definition a schema of exactly `{"$ref": "#/$defs/<name>"}` points to.
    private static func definitionName(in schema: Value) -> String? {
        guard case .object(let members) = schema, members.count == 1, members[0].key == "$ref",
              let target = members[0].value.stringValue, target.hasPrefix("#/$defs/")
        else { return nil }
        return String(target.dropFirst("#/$defs/".count))
    }

    /// The type's name made safe for a reference (`Page<Int>` is `Page_Int`), numbered
    /// when another type already has it.
    private func uniqueName<T>(for type: T.Type) -> String {
        let base = Self.safeName(String(describing: T.self))
        var name = base
        var number = 2
        while indexByName[name] != nil {
            name = base + String(number)
            number += 1
        }
        return name
    }

    /// Letters, digits, `_`, `.` and `-` kept; every run of anything else becomes one `_`.
    private static func safeName(_ typeName: String) -> String {
        var name = ""
        for character in typeName.unicodeScalars {
            let isSafe = ("a"..."z").contains(character) || ("A"..."Z").contains(character) || ("0"..."9").contains(character)
                || character == "_" || character == "." || character == "-"
            if isSafe {
                name.unicodeScalars.append(character)
            } else if !name.hasSuffix("_") {
                name += "_"
            }
        }
        while name.hasSuffix("_") { name.removeLast() }
        return name.isEmpty ? "Type" : name
    }
}

extension JSONSchemaContext {
    /// The properties of `type`'s object schema and whether it allows others: what a type
    /// that flattens `type` (`@Flatten`), or a subclass of it, adds to its own.
    public mutating func objectProperties<T>(of type: T.Type) -> (properties: [JSONSchema.Property], allowsOthers: Bool) {
        // Two statements: in one, `resolved` would read this context as it was before
        // `schema(for:)` added the definition.
        let reference = schema(for: T.self)
        guard case .object(let members) = resolved(reference) else { return ([], true) }
        let required = Set(members.first { $0.key == "required" }?.value.arrayValue?.compactMap(\.stringValue) ?? [])
        let properties = members.first { $0.key == "properties" }?.value.objectValue ?? []
        let allowsOthers = members.first { $0.key == "additionalProperties" }?.value.boolValue ?? true
        return (properties.map { JSONSchema.Property(key: $0.key, schema: $0.value, isRequired: required.contains($0.key)) }, allowsOthers)
    }
}
