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
