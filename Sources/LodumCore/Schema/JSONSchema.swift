/// JSON Schema (Draft 2020-12) for the types Lodum writes: what their values look like as
/// JSON, and which values reading accepts, where a schema can say it.
///
/// ```swift
/// @Lodum struct User {
///     @Field(validate: .length(1...40)) var name: String
///     var email: String?
/// }
///
/// let schema = JSONSchema.generate(for: User.self)
/// try JSON.encodeString(schema)
/// // {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
/// //  "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 40},
/// //                 "email": {"type": ["string", "null"]}},
/// //  "required": ["name"]}
/// ```
///
/// The schema is a ``Value``, so any format writes it: JSON for validators and editors,
/// YAML for an OpenAPI document. The building blocks here (``object(properties:additionalProperties:)``,
/// ``nullable(_:)``, ``union(of:tagging:)``) are what `@Lodum`'s generated code calls, and
/// serve hand-written ``JSONSchemaDescribable`` conformances too.
public enum JSONSchema {
    /// The dialect every generated document declares in `$schema`: Draft 2020-12.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The JSON Schema document of `type`: its schema at the root, with the `$schema`
    /// keyword and the named types it contains in `$defs`.
    ///
    /// A type that contains itself, directly or through others, stays a `$ref` at the
    /// root (`{"$ref": "#/$defs/Tree", "$defs": {"Tree": …}}`), so recursion ends.
    public static func generate<T: JSONSchemaDescribable>(for type: T.Type) -> Value {
        var context = JSONSchemaContext()
        let root = context.schema(for: T.self)
        return context.document(root: root)
    }

    // MARK: Objects

    /// One property of an object schema: its key, the schema of its value, and whether an
    /// object must have it.
    public struct Property {
        /// The key on the wire.
        public var key: String
        /// The schema of the value.
        public var schema: Value
        /// Whether the key must be present: reading fails without it.
        public var isRequired: Bool

        /// A property.
        public init(key: String, schema: Value, isRequired: Bool) {
            self.key = key
            self.schema = schema
            self.isRequired = isRequired
        }

        /// A property every object must have.
        public static func required(_ key: String, _ schema: Value) -> Property {
            Property(key: key, schema: schema, isRequired: true)
        }

        /// A property an object may leave out: an Optional, or one with a default.
        public static func optional(_ key: String, _ schema: Value) -> Property {
            Property(key: key, schema: schema, isRequired: false)
        }
    }

    /// An object schema: `{"type": "object", "properties": …, "required": […]}`.
    ///
    /// - Parameter additionalProperties: Whether keys other than `properties`' are allowed;
    ///   `false` for a type that denies unknown fields.
    public static func object(properties: [Property], additionalProperties: Bool = true) -> Value {
        var members: [Value.Member] = [Value.Member(key: "type", value: "object")]
        if !properties.isEmpty {
            members.append(Value.Member(key: "properties", value: .object(properties.map { Value.Member(key: $0.key, value: $0.schema) })))
        }
        let required = properties.filter(\.isRequired).map { Value.string($0.key) }
        if !required.isEmpty {
            members.append(Value.Member(key: "required", value: .array(required)))
        }
        if !additionalProperties {
            members.append(Value.Member(key: "additionalProperties", value: false))
        }
        return .object(members)
    }

    // MARK: Null

    /// `schema` or null: `{"type": ["string", "null"]}` where the schema only constrains
    /// values of its own type, else `{"anyOf": [schema, {"type": "null"}]}`.
    public static func nullable(_ schema: Value) -> Value {
        if schema == false { return ["type": "null"] }
        guard case .object(var members) = schema, !members.isEmpty else {
            return schema  // `{}` and `true` already allow null.
        }
        if Self.allowsNull(schema) { return schema }
        if let typeIndex = members.firstIndex(where: { $0.key == "type" }),
           members.allSatisfy({ keywordsOfOneType.contains($0.key) })
        {
            switch members[typeIndex].value {
            case .string(let name):
                members[typeIndex].value = [.string(name), "null"]
                return .object(members)
            case .array(let names):
                members[typeIndex].value = .array(names + ["null"])
                return .object(members)
            default:
                break
            }
        }
        return ["anyOf": [schema, ["type": "null"]]]
    }

    /// Whether `schema` plainly allows null: its `type` names it, or it is a `nullable(_:)`
    /// already (as for `Int??`).
    private static func allowsNull(_ schema: Value) -> Bool {
        switch schema["type"] {
        case .string("null")?: return true
        case .array(let names)?: return names.contains("null")
        default: return schema["anyOf"]?.arrayValue?.contains(["type": "null"]) ?? false
        }
    }

    /// Keywords that apply to values of one JSON type only (or to none, as annotations),
    /// so adding `"null"` to the schema's `type` lets null through without other changes.
    private static let keywordsOfOneType: Set<String> = [
        "type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format", "contentEncoding", "contentMediaType",
        "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains",
        "properties", "required", "additionalProperties", "propertyNames", "patternProperties",
        "minProperties", "maxProperties", "title", "description", "$comment", "examples",
    ]

    // MARK: Standard shapes

    /// Bytes as JSON writes them: base64 text (RFC 4648 §4, padded), as `contentEncoding`
    /// says and a pattern checks.
    public static let bytes: Value = [
        "type": "string",
        "contentEncoding": "base64",
        "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    ]

    /// A fixed-length array whose elements have these schemas in order: a tuple.
    public static func tuple(_ elements: [Value]) -> Value {
        [
            "type": "array",
            "prefixItems": .array(elements),
            "items": false,
            "minItems": .int(Int64(elements.count)),
        ]
    }

    /// A regular expression matching what `pattern` wholly matches: JSON Schema's `pattern`
    /// may match anywhere in the text (ECMA-262 search), Lodum's `match` the whole text.
    static func wholeMatch(_ pattern: String) -> String {
        let anchored = pattern.hasPrefix("^") && pattern.hasSuffix("$") && !pattern.hasSuffix("\\$")
        // `^a|b$` is anchored at one end in each alternative, so alternation is wrapped too.
        if anchored && !pattern.contains("|") { return pattern }
        return "^(?:" + pattern + ")$"
    }
}
