import Foundation

// `@Field(validate:)` rules in a property's schema. The built-in rules know what they
// check (`Validator.SchemaConstraint`); here that becomes keywords, chosen by the JSON type
// the property is written as: a length is `minLength` on a string, `minItems` on an array.
// Closures say nothing a schema can read, so they add nothing.

extension JSONSchemaContext {
    /// The schema of `type` with what `validator` checks: `.range(0...150)` adds
    /// `"minimum": 0, "maximum": 150`.
    ///
    /// Where the type's own schema is already narrower (an `Int8`'s `maximum` of 127 and a
    /// range up to 1000), the narrower bound stays, as reading enforces both.
    public mutating func schema<T>(for type: T.Type, validatedBy validator: Validator<T>) -> Value {
        let base = schema(for: T.self)
        let keywords = self.keywords(for: validator.schemaConstraint, on: resolved(base))
        return JSONSchema.merging(keywords, into: base)
    }

    /// The schema of an Optional `type` with what `validator` checks of its value; null
    /// stays valid, as a `nil` is not validated.
    public mutating func schema<T>(for type: T?.Type, validatedBy validator: Validator<T>) -> Value {
        JSONSchema.nullable(schema(for: T.self, validatedBy: validator))
    }

    /// The schema of `type`: a closure's rule cannot be stated in a schema.
    public mutating func schema<T>(for type: T.Type, validatedBy isSatisfied: (T) throws -> Bool) -> Value {
        schema(for: T.self)
    }

    /// The schema of an Optional `type`: a closure's rule cannot be stated in a schema.
    public mutating func schema<T>(for type: T?.Type, validatedBy isSatisfied: (T) throws -> Bool) -> Value {
        schema(for: T?.self)
    }

    /// The schema of a string that `pattern`, a regular expression, matches whole:
    /// `@Field(validate: .match(#/^[A-Z]{2}$/#))` passes its literal's text here.
    public mutating func schema(for type: String.Type, matching pattern: String) -> Value {
        JSONSchema.merging([Value.Member(key: "pattern", value: .string(JSONSchema.wholeMatch(pattern)))], into: schema(for: String.self))
    }

    /// The schema of an Optional string whose value `pattern` matches whole.
    public mutating func schema(for type: String?.Type, matching pattern: String) -> Value {
        JSONSchema.nullable(schema(for: String.self, matching: pattern))
    }

    /// The keywords stating `constraint` on values whose schema is `base`, or none where
    /// the schema's type has no keyword for it (a length on bytes, a range of dates).
    private func keywords<T>(for constraint: Validator<T>.SchemaConstraint, on base: Value) -> [Value.Member] {
        let type = base["type"]?.stringValue
        switch constraint {
        case .none:
            return []
        case .keywords(let keywords):
            return keywords.objectValue ?? []
        case .bounds(let lower, let upper, let upperIsExclusive):
            guard type == "integer" || type == "number" else { return [] }
            var keywords: [Value.Member] = []
            if let lower, let number = JSONSchema.number(lower) {
                keywords.append(Value.Member(key: "minimum", value: number))
            }
            if let upper, let number = JSONSchema.number(upper) {
                keywords.append(Value.Member(key: upperIsExclusive ? "exclusiveMaximum" : "maximum", value: number))
            }
            return keywords
        case .count(let minimum, let maximum):
            let names: (minimum: String, maximum: String)
            switch type {
            // Bytes are base64 text, whose length is not the count of bytes.
            case "string" where base["contentEncoding"] == nil: names = ("minLength", "maxLength")
            case "array": names = ("minItems", "maxItems")
            case "object": names = ("minProperties", "maxProperties")
            default: return []
            }
            var keywords: [Value.Member] = []
            if let minimum { keywords.append(Value.Member(key: names.minimum, value: .int(Int64(minimum)))) }
            if let maximum { keywords.append(Value.Member(key: names.maximum, value: .int(Int64(maximum)))) }
            return keywords
        case .wholeMatch(let pattern):
            guard type == "string", base["contentEncoding"] == nil else { return [] }
            return [Value.Member(key: "pattern", value: .string(JSONSchema.wholeMatch(pattern)))]
        case .oneOf(let values):
            var trees: [Value] = []
            for value in values {
                guard let serializable = value as? any Serializable, let tree = JSONSchema.tree(of: serializable) else { return [] }
                trees.append(tree)
            }
            return [Value.Member(key: "enum", value: .array(trees))]
        }
    }
}

extension JSONSchema {
    /// `schema` with `keywords` added. Where both give a bound, the narrower one stays;
    /// any other keyword both give is kept from each, through `allOf`.
    static func merging(_ keywords: [Value.Member], into schema: Value) -> Value {
        guard !keywords.isEmpty else { return schema }
        guard case .object(var members) = schema else { return ["allOf": [schema, .object(keywords)]] }
        var conflicting: [Value.Member] = []
        for keyword in keywords {
            guard let index = members.firstIndex(where: { $0.key == keyword.key }) else {
                members.append(keyword)
                continue
            }
            if lowerBounds.contains(keyword.key) {
                if isLess(members[index].value, than: keyword.value) { members[index].value = keyword.value }
            } else if upperBounds.contains(keyword.key) {
                if isLess(keyword.value, than: members[index].value) { members[index].value = keyword.value }
            } else if members[index].value != keyword.value {
                conflicting.append(keyword)
            }
        }
        guard !conflicting.isEmpty else { return .object(members) }
        return ["allOf": [.object(members), .object(conflicting)]]
    }

    private static let lowerBounds: Set<String> = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]
    private static let upperBounds: Set<String> = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]

    /// Whether number `a` is below number `b`, exactly for integers of any size.
    private static func isLess(_ a: Value, than b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.uint(let x), .uint(let y)): return x < y
        case (.int, .uint): return true  // `.uint` holds only integers above Int64.max.
        case (.uint, .int): return false
        default: return (a.doubleValue ?? 0) < (b.doubleValue ?? 0)
        }
    }

    /// A bound as a JSON number, or `nil` when it is no number (a date, a string).
    static func number(_ bound: Any) -> Value? {
        switch bound {
        case let integer as any BinaryInteger:
            return integerTree(integer)
        case let floatingPoint as any BinaryFloatingPoint:
            let double = Double(floatingPoint)
            return double.isFinite ? .double(double) : nil
        case let decimal as Decimal:
            return Double(decimal.description).map(Value.double)
        default:
            return nil
        }
    }

    private static func integerTree<N: BinaryInteger>(_ integer: N) -> Value? {
        if let small = Int64(exactly: integer) { return .int(small) }
        return UInt64(exactly: integer).map(Value.uint)
    }

    /// What JSON writes for `value`, as a tree; `nil` when it cannot be written.
    static func tree<S: Serializable>(of value: S) -> Value? {
        try? Value(from: value)
    }
}
