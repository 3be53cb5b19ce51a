import Testing

@Suite("@Lodum on final classes")
struct ClassExpansionTests {
    @Test func finalClassGetsItsInitializerInsideItsBodyAndTheRestInAnExtension() {
        assertLodumExpansion(
            """
            @Lodum final class Node {
                var id: Int
                var parent: Int?
                let kind = "node"
            }
            """,
            expandsTo: """
                final class Node {
                    var id: Int
                    var parent: Int?
                    let kind = "node"

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_id: Int? = nil
                        var _lodum_pending_parent: Int?? = nil
                        try deserializer.decodeStruct("Node", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_id = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_parent = try deserializer.decode(Int?.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_id = _lodum_pending_id ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("id")
                        }
                        self.id = _lodum_value_id
                        guard let _lodum_value_parent = _lodum_pending_parent ?? LodumCore.defaultForMissingField(Int?.self) else {
                            throw deserializer.missingField("parent")
                        }
                        self.parent = _lodum_value_parent
                    }
                }

                extension Node: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["id", "parent", "kind"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Node", fieldCount: 3) { serializer in
                            try serializer.encodeField("id", self.id)
                            try serializer.encodeField("parent", self.parent)
                            try serializer.encodeField("kind", self.kind)
                        }
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("id", context.schema(for: Int.self)),
                                    .optional("parent", context.schema(for: Int?.self)),
                                    .optional("kind", context.schema(for: \\Node.kind)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func publicFinalClassGetsAPublicInitializer() {
        assertLodumExpansion(
            """
            @Lodum public final class Leaf {
                public var weight: Double = 1
            }
            """,
            expandsTo: """
                public final class Leaf {
                    public var weight: Double = 1

                    public init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_weight: Double? = nil
                        try deserializer.decodeStruct("Leaf", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_weight = try deserializer.decode(Double.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        self.weight = _lodum_pending_weight ?? 1
                    }
                }

                extension Leaf: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    public static let lodumFields: LodumCore.FieldNames = ["weight"]

                    public func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Leaf", fieldCount: 1) { serializer in
                            try serializer.encodeField("weight", self.weight)
                        }
                    }

                    public static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .optional("weight", context.schema(for: Double.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }
}

@Suite("@Lodum and @LodumSubclass on class hierarchies")
struct ClassHierarchyExpansionTests {
    @Test func aClassThatMayBeSubclassedGetsOverridableMembersInItsBody() {
        assertLodumExpansion(
            """
            @Lodum public class Animal {
                public var name: String
                @Field(skipIfNil: true) var nickname: String?
            }
            """,
            expandsTo: """
                public class Animal {
                    public var name: String
                    var nickname: String?

                    public class var lodumAllFields: LodumCore.FieldNames {
                        lodumFields
                    }

                    public func lodumFieldCount(positional: Bool) -> Int {
                        var count = 1
                        if positional || self.nickname != nil {
                            count += 1
                        }
                        return count
                    }

                    public func lodumWriteFields<S: LodumCore.Serializer>(to serializer: inout S, positional: Bool) throws {
                        try serializer.encodeField("name", self.name)
                        if positional || self.nickname != nil {
                            try serializer.encodeField("nickname", self.nickname)
                        }
                    }

                    public func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        let positional = !serializer.writesFieldNames
                        try serializer.encodeStruct("Animal", fieldCount: self.lodumFieldCount(positional: positional)) { serializer in
                            try self.lodumWriteFields(to: &serializer, positional: positional)
                        }
                    }

                    public required init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_name: String? = nil
                        var _lodum_pending_nickname: String?? = nil
                        try deserializer.decodeStruct("Animal", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_name = try deserializer.decode(String.self)
                            case 1:
                                _lodum_pending_nickname = try deserializer.decode(String?.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_name = _lodum_pending_name ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("name")
                        }
                        self.name = _lodum_value_name
                        guard let _lodum_value_nickname = _lodum_pending_nickname ?? LodumCore.defaultForMissingField(String?.self) else {
                            throw deserializer.missingField("nickname")
                        }
                        self.nickname = _lodum_value_nickname
                    }

                    public class func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("name", context.schema(for: String.self)),
                                    .optional("nickname", context.schema(for: String?.self)),
                                ]
                            )
                        }
                    }
                }

                extension Animal: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    public static let lodumFields: LodumCore.FieldNames = ["name", "nickname"]
                }
                """
        )
    }

    @Test func aSubclassOverridesThemAndHandsItsParentsFieldsToSuperInit() {
        assertLodumExpansion(
            """
            @LodumSubclass(denyUnknownFields: true)
            final class Dog: Animal {
                @Field(aliases: ["race"]) var breed: String
                var age: Int = 1
            }
            """,
            expandsTo: """
                final class Dog: Animal {
                    var breed: String
                    var age: Int = 1

                    override class var lodumAllFields: LodumCore.FieldNames {
                        super.lodumAllFields.extended(by: ["breed", "age"], aliases: [LodumCore.FieldNames.Alias("race", field: 0)], namesUnknownKeys: true)
                    }

                    override func lodumFieldCount(positional: Bool) -> Int {
                        return super.lodumFieldCount(positional: positional) + 2
                    }

                    override func lodumWriteFields<S: LodumCore.Serializer>(to serializer: inout S, positional: Bool) throws {
                        try super.lodumWriteFields(to: &serializer, positional: positional)
                        try serializer.encodeField("breed", self.breed)
                        try serializer.encodeField("age", self.age)
                    }

                    required init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        let _lodum_fields = Dog.lodumAllFields
                        let _lodum_inheritedCount = _lodum_fields.count - 2
                        var _lodum_inherited: [LodumCore.Value.Member] = []
                        let _lodum_start = deserializer.position
                        var _lodum_pending_breed: String? = nil
                        var _lodum_pending_age: Int? = nil
                        try deserializer.decodeStruct("Dog", fields: _lodum_fields, denyUnknownFields: true) { deserializer, field in
                            switch field - _lodum_inheritedCount {
                            case 0:
                                _lodum_pending_breed = try deserializer.decode(String.self)
                            case 1:
                                _lodum_pending_age = try deserializer.decode(Int.self)
                            default:
                                if field < _lodum_inheritedCount {
                                    let _lodum_key = _lodum_fields.names[field].description
                                    _lodum_inherited.append(LodumCore.Value.Member(key: _lodum_key, value: try LodumCore.Value(from: &deserializer)))
                                } else {
                                    try deserializer.skipValue()
                                }
                            }
                        }
                        guard let _lodum_value_breed = _lodum_pending_breed ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("breed")
                        }
                        self.breed = _lodum_value_breed
                        self.age = _lodum_pending_age ?? 1
                        var _lodum_parent = deserializer.inheritedFields(_lodum_inherited)
                        do {
                            try super.init(from: &_lodum_parent)
                        } catch {
                            throw deserializer.located(error, at: _lodum_start)
                        }
                    }

                    override class func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            let _lodum_borrowed0 = context.objectProperties(of: Animal.self)
                            return LodumCore.JSONSchema.object(
                                properties: _lodum_borrowed0.properties + [
                                    .required("breed", context.schema(for: String.self)),
                                    .optional("age", context.schema(for: Int.self)),
                                ],
                                additionalProperties: false && _lodum_borrowed0.allowsOthers
                            )
                        }
                    }
                }
                """, conformances: []
        )
    }
}
