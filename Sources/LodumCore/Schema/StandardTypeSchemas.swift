import Foundation

// The schemas of the types the core writes, as JSON writes them (Docs/StandardTypes.md):
// integers with their ranges, dates as ISO 8601 text, bytes as base64, `Decimal` as a bare
// number. Containers conform whatever their elements are, and look their elements up when
// the schema is built, so `[Item]` in a generic `@Lodum` type finds `Item`'s schema.

extension Bool: JSONSchemaDescribable {
    /// `true` or `false`.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "boolean"] }
}

extension String: JSONSchemaDescribable {
    /// Any text.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "string"] }
}

extension Double: JSONSchemaDescribable {
    /// A number. JSON has no NaN or infinity, so writing either is an error, not a value.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "number"] }
}

extension Float: JSONSchemaDescribable {
    /// A number; reading rounds it to the nearest `Float`.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "number"] }
}

extension Decimal: JSONSchemaDescribable {
    /// A number, written with every digit.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "number"] }
}

extension _LodumSignedInteger {
    /// An integer between the type's `min` and `max`: reading rejects any other.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        ["type": "integer", "minimum": .int(Int64(Self.min)), "maximum": .int(Int64(Self.max))]
    }
}

extension _LodumUnsignedInteger {
    /// An integer between 0 and the type's `max`: reading rejects any other.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        let maximum = UInt64(Self.max)
        return ["type": "integer", "minimum": 0, "maximum": Int64(exactly: maximum).map(Value.int) ?? .uint(maximum)]
    }
}

extension Int: JSONSchemaDescribable {}
extension Int8: JSONSchemaDescribable {}
extension Int16: JSONSchemaDescribable {}
extension Int32: JSONSchemaDescribable {}
extension Int64: JSONSchemaDescribable {}
extension UInt: JSONSchemaDescribable {}
extension UInt8: JSONSchemaDescribable {}
extension UInt16: JSONSchemaDescribable {}
extension UInt32: JSONSchemaDescribable {}
extension UInt64: JSONSchemaDescribable {}

extension Date: JSONSchemaDescribable {
    /// ISO 8601 text (RFC 3339's `date-time`), as JSON writes timestamps. A year outside
    /// 0000…9999 is written in ISO 8601's expanded form, which `date-time` lacks.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { JSONSchema.dateTime }
}

extension Timestamp: JSONSchemaDescribable {
    /// ISO 8601 text (RFC 3339's `date-time`), as JSON writes timestamps.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { JSONSchema.dateTime }
}

extension UUID: JSONSchemaDescribable {
    /// The 8-4-4-4-12 text. The pattern checks it even where a validator treats `format`
    /// as a note, and takes either case, as reading does.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        [
            "type": "string",
            "format": "uuid",
            "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
        ]
    }
}

extension URL: JSONSchemaDescribable {
    /// A URI reference (RFC 3986 §4.1): reading accepts relative references such as
    /// `docs/a.html`, which the stricter `uri` format would not.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "string", "format": "uri-reference"] }
}

extension Data: JSONSchemaDescribable {
    /// Base64 text; see ``JSONSchema/bytes``.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { JSONSchema.bytes }
}

extension Value: JSONSchemaDescribable {
    /// Any value: `{}`.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { [:] }
}

extension ExtensionValue: JSONSchemaDescribable {
    /// The object of `type` and `data` that formats without extension types write.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        JSONSchema.object(properties: [
            .required("type", context.schema(for: Int8.self)),
            .required("data", JSONSchema.bytes),
        ])
    }
}

extension EpochNumber: JSONSchemaDescribable {
    /// An integer: `EpochSeconds` and `EpochMilliseconds` write whole units.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value { ["type": "integer"] }
}

// MARK: Containers

extension Optional: JSONSchemaDescribable {
    /// The wrapped type's schema or null.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        JSONSchema.nullable(context.schema(for: Wrapped.self))
    }
}

extension Array: JSONSchemaDescribable {
    /// An array of the elements' schema; base64 text for `[UInt8]`, which is written as bytes.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        JSONSchema.sequence(of: Element.self, in: &context)
    }
}

extension ContiguousArray: JSONSchemaDescribable {
    /// An array of the elements' schema; base64 text for bytes.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        JSONSchema.sequence(of: Element.self, in: &context)
    }
}

extension ArraySlice: JSONSchemaDescribable {
    /// An array of the elements' schema; base64 text for bytes.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        JSONSchema.sequence(of: Element.self, in: &context)
    }
}

extension Set: JSONSchemaDescribable {
    /// An array of distinct elements: reading rejects a repeat.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> Value {
        ["type": "array", "items": context.schema(for: Element.self), "uniqueItems": true]
    }
}

extension Dictionary: JSONSchemaDescribable {
    /// An object whose values have the `Value` type's schema, and whose keys, for keys
    /// other than `String`, are the text of a key: `"^-?[0-9]+$"` for `Int`.
    public static func jsonSchema(in context: inout JSONSchemaContext) -> LodumCore.Value {
        var members: [LodumCore.Value.Member] = [
            .init(key: "type", value: "object"),
            .init(key: "additionalProperties", value: context.schema(for: Value.self)),
        ]
        if let keys = JSONSchema.keyText(of: Key.self) {
            members.append(.init(key: "propertyNames", value: keys))
        }
        return .object(members)
    }
}

extension JSONSchema {
    /// ISO 8601 text, RFC 3339's `date-time`: how JSON writes a timestamp.
    static let dateTime: Value = ["type": "string", "format": "date-time"]

    /// The schema of a sequence of `Element`s: bytes for `UInt8`, else an array.
    static func sequence<Element>(of element: Element.Type, in context: inout JSONSchemaContext) -> Value {
        if Element.self == UInt8.self { return bytes }
        return ["type": "array", "items": context.schema(for: Element.self)]
    }

    /// The schema of a map key's text, from the schema of the key type's values: JSON
    /// writes every key as text (`{"1": …}`). `nil` for keys any text may be.
    static func keyText<Key>(of type: Key.Type) -> Value? {
        guard Key.self != String.self else { return nil }
        // A context of its own: the key type's definition is read here, not referred to.
        var keyContext = JSONSchemaContext()
        let reference = keyContext.schema(for: Key.self)
        let schema = keyContext.resolved(reference)
        if let values = schema["enum"]?.arrayValue {
            let texts = values.compactMap(keyText(ofValue:))
            return texts.count == values.count ? ["enum": .array(texts)] : nil
        }
        switch schema["type"]?.stringValue {
        case "integer":
            let isUnsigned = (schema["minimum"]?.doubleValue ?? -1) >= 0
            return ["pattern": isUnsigned ? "^[0-9]+$" : "^-?[0-9]+$"]
        case "string":
            let textKeywords = (schema.objectValue ?? []).filter { ["pattern", "format", "minLength", "maxLength"].contains($0.key) }
            return textKeywords.isEmpty ? nil : .object(textKeywords)
        default:
            return nil
        }
    }

    /// A key value's text, as `mapKeyText` writes it.
    private static func keyText(ofValue value: Value) -> Value? {
        switch value {
        case .string: return value
        case .int(let number): return .string(String(number))
        case .uint(let number): return .string(String(number))
        default: return nil
        }
    }
}
