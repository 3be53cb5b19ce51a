// Enums in JSON Schema: raw-value enums as `enum` of their raw values, and enums with
// cases as a union of one schema per case, in the tagging `@Lodum` writes (see
// `LodumEnum`). Tags are `const`s, so a tagged value matches exactly one case.

extension JSONSchema {
    /// How an enum marks which case a value is; see ``LodumEnum`` for the shapes.
    public enum Tagging: Sendable, Hashable {
        /// `{"circle": {"radius": 1}}`, and `"none"` for a case without values.
        case external
        /// `{"type": "circle", "radius": 1}`: the tag beside the case's labeled values.
        case `internal`(tag: String)
        /// `{"t": "circle", "c": {"radius": 1}}`: the tag and the values under two keys.
        case adjacent(tag: String, content: String)
        /// The values alone, `{"radius": 1}`; `null` for a case without values.
        case untagged
    }

    /// One case of an enum: its name on the wire and the schema of its associated values.
    public struct Case {
        /// The case's name on the wire.
        public var name: String
        /// The schema of the case's associated values.
        public var payload: Payload

        /// The associated values of a case.
        public enum Payload {
            /// No associated values.
            case none
            /// One unlabeled value, written as itself.
            case value(Value)
            /// Several unlabeled values, written as an array.
            case elements([Value])
            /// Labeled values, written as an object keyed by label.
            case fields([Property])
        }

        /// A case.
        public init(name: String, payload: Payload) {
            self.name = name
            self.payload = payload
        }

        /// A case without associated values: `case none`.
        public static func unit(_ name: String) -> Case { Case(name: name, payload: .none) }
        /// A case with one unlabeled value: `case label(String)`.
        public static func value(_ name: String, _ schema: Value) -> Case { Case(name: name, payload: .value(schema)) }
        /// A case with several unlabeled values: `case point(Int, Int)`.
        public static func elements(_ name: String, _ schemas: [Value]) -> Case { Case(name: name, payload: .elements(schemas)) }
        /// A case with labeled values: `case circle(radius: Double)`.
        public static func fields(_ name: String, _ properties: [Property]) -> Case { Case(name: name, payload: .fields(properties)) }
    }

    /// The schema of an enum with these cases, in `tagging`.
    ///
    /// Tagged cases are alternatives of a `oneOf`, since their tags tell them apart.
    /// Untagged cases are alternatives of an `anyOf`: reading takes the first case that
    /// fits, and a value may fit several (`5` is both an `Int` and a `Double` case).
    public static func union(of cases: [Case], tagging: Tagging) -> Value {
        guard !cases.isEmpty else { return ["not": [:]] }  // An enum without cases has no values.
        let alternatives = Value.array(cases.map { schema(of: $0, tagging: tagging) })
        if case .untagged = tagging { return ["anyOf": alternatives] }
        return ["oneOf": alternatives]
    }

    /// The schema of one case in `tagging`.
    private static func schema(of enumCase: Case, tagging: Tagging) -> Value {
        let name = Value.string(enumCase.name)
        switch tagging {
        case .external:
            guard let payload = payloadSchema(enumCase.payload) else { return ["const": name] }
            return object(properties: [.required(enumCase.name, payload)], additionalProperties: false)
        case .internal(let tag):
            let tagProperty = Property.required(tag, ["const": name])
            switch enumCase.payload {
            case .none:
                return object(properties: [tagProperty])
            case .fields(let fields):
                return object(properties: [tagProperty] + fields)
            case .value, .elements:
                // `@Lodum` allows only labeled values beside an internal tag; a hand-written
                // conformance gets both constraints.
                return ["allOf": [object(properties: [tagProperty]), payloadSchema(enumCase.payload) ?? [:]]]
            }
        case .adjacent(let tag, let content):
            let tagProperty = Property.required(tag, ["const": name])
            guard let payload = payloadSchema(enumCase.payload) else {
                // Reading takes a null content for a case without values, and nothing else.
                return object(properties: [tagProperty, .optional(content, ["type": "null"])])
            }
            return object(properties: [tagProperty, .required(content, payload)])
        case .untagged:
            return payloadSchema(enumCase.payload) ?? ["type": "null"]
        }
    }

    /// The schema of a case's associated values, or `nil` for a case without any.
    private static func payloadSchema(_ payload: Case.Payload) -> Value? {
        switch payload {
        case .none: return nil
        case .value(let schema): return schema
        case .elements(let schemas): return tuple(schemas)
        case .fields(let properties): return object(properties: properties)
        }
    }

    /// The schema of an enum written as its raw value: `{"type": "string", "enum": […]}`.
    public static func rawValues<T: RawRepresentable>(_ type: T.Type, cases: [T]) -> Value where T.RawValue: Serializable {
        let values = cases.compactMap { try? Value(from: $0.rawValue) }
        let kinds = Set(values.map(\.kind))
        let typeName: Value
        if kinds == [.string] {
            typeName = "string"
        } else if kinds.isSubset(of: [.int, .uint]) {
            typeName = "integer"
        } else {
            typeName = "number"
        }
        return ["type": typeName, "enum": .array(values)]
    }
}
