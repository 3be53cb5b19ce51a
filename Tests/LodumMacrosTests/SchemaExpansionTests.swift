import Testing

@Suite("@Lodum's JSON Schema member")
struct SchemaExpansionTests {
    @Test func fieldOptionsAndValidatorsShapeTheSchema() {
        // Required only without a default, an initial value or an Optional type; a skipped
        // property is absent; a regex literal's text becomes the pattern; a closure adds
        // nothing; a coding's representation replaces the type and its validator.
        assertLodumExpansion(
            """
            @Lodum(denyUnknownFields: true)
            struct User {
                @Field(rename: "id", aliases: ["userId"]) var identifier: Int
                @Field(skip: true) var cache: [Int] = []
                @Field(default: 18, validate: .range(0...150)) var age: Int
                @Field(validate: .length(3...50)) var name: String
                @Field(validate: .match(#/^[A-Z]{2}$/#)) var country: String?
                @Field(validate: .match("[a-z]+")) var handle: String
                @Field(validate: .oneOf(["red", "green"])) var color: String
                @Field(validate: { (code: String) in code.count == 2 }) var region: String
                @Field(using: EpochSeconds.self, validate: .range(Date.distantPast...)) var seen: Date
                var nickname: String!
                let version = 2
            }
            """,
            expandsTo: """
                struct User {
                    var identifier: Int
                    var cache: [Int] = []
                    var age: Int
                    var name: String
                    var country: String?
                    var handle: String
                    var color: String
                    var region: String
                    var seen: Date
                    var nickname: String!
                    let version = 2
                }

                extension User: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = LodumCore.FieldNames(["id", "age", "name", "country", "handle", "color", "region", "seen", "nickname", "version"], aliases: [LodumCore.FieldNames.Alias("userId", field: 0)], namesUnknownKeys: true)

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("User", fieldCount: 10) { serializer in
                            try serializer.encodeField("id", self.identifier)
                            try serializer.encodeField("age", self.age)
                            try serializer.encodeField("name", self.name)
                            try serializer.encodeField("country", self.country)
                            try serializer.encodeField("handle", self.handle)
                            try serializer.encodeField("color", self.color)
                            try serializer.encodeField("region", self.region)
                            try serializer.encodeField("seen", self.seen, using: EpochSeconds.self)
                            try serializer.encodeField("nickname", self.nickname)
                            try serializer.encodeField("version", self.version)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_identifier: Int? = nil
                        var _lodum_pending_age: Int? = nil
                        var _lodum_pending_name: String? = nil
                        var _lodum_pending_country: String?? = nil
                        var _lodum_pending_handle: String? = nil
                        var _lodum_pending_color: String? = nil
                        var _lodum_pending_region: String? = nil
                        var _lodum_pending_seen: Date? = nil
                        var _lodum_pending_nickname: String?? = nil
                        try deserializer.decodeStruct("User", fields: Self.lodumFields, denyUnknownFields: true) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_identifier = try deserializer.decode(Int.self)
                            case 1:
                                let _lodum_decoded = try deserializer.decode(Int.self)
                                try deserializer.validate(_lodum_decoded, rule: ".range(0...150)", by: .range(0 ... 150))
                                _lodum_pending_age = _lodum_decoded
                            case 2:
                                let _lodum_decoded = try deserializer.decode(String.self)
                                try deserializer.validate(_lodum_decoded, rule: ".length(3...50)", by: .length(3 ... 50))
                                _lodum_pending_name = _lodum_decoded
                            case 3:
                                let _lodum_decoded = try deserializer.decode(String?.self)
                                try deserializer.validate(_lodum_decoded, rule: ".match(#/^[A-Z]{2}$/#)", by: .match(#/^[A-Z]{2}$/#))
                                _lodum_pending_country = _lodum_decoded
                            case 4:
                                let _lodum_decoded = try deserializer.decode(String.self)
                                try deserializer.validate(_lodum_decoded, rule: #".match("[a-z]+")"#, by: .match("[a-z]+"))
                                _lodum_pending_handle = _lodum_decoded
                            case 5:
                                let _lodum_decoded = try deserializer.decode(String.self)
                                try deserializer.validate(_lodum_decoded, rule: #".oneOf(["red", "green"])"#, by: .oneOf(["red", "green"]))
                                _lodum_pending_color = _lodum_decoded
                            case 6:
                                let _lodum_decoded = try deserializer.decode(String.self)
                                try deserializer.validate(_lodum_decoded, rule: "{ (code: String) in code.count == 2 }", by: { (code: String) in
                                        code.count == 2
                                    })
                                _lodum_pending_region = _lodum_decoded
                            case 7:
                                let _lodum_decoded = try deserializer.decode(Date.self, using: EpochSeconds.self)
                                try deserializer.validate(_lodum_decoded, rule: ".range(Date.distantPast...)", by: .range(Date.distantPast...))
                                _lodum_pending_seen = _lodum_decoded
                            case 8:
                                _lodum_pending_nickname = try deserializer.decode(String?.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_identifier = _lodum_pending_identifier ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("id")
                        }
                        self.identifier = _lodum_value_identifier
                        self.cache = []
                        self.age = _lodum_pending_age ?? 18
                        guard let _lodum_value_name = _lodum_pending_name ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("name")
                        }
                        self.name = _lodum_value_name
                        guard let _lodum_value_country = _lodum_pending_country ?? LodumCore.defaultForMissingField(String?.self) else {
                            throw deserializer.missingField("country")
                        }
                        self.country = _lodum_value_country
                        guard let _lodum_value_handle = _lodum_pending_handle ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("handle")
                        }
                        self.handle = _lodum_value_handle
                        guard let _lodum_value_color = _lodum_pending_color ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("color")
                        }
                        self.color = _lodum_value_color
                        guard let _lodum_value_region = _lodum_pending_region ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("region")
                        }
                        self.region = _lodum_value_region
                        guard let _lodum_value_seen = _lodum_pending_seen ?? LodumCore.defaultForMissingField(Date.self) else {
                            throw deserializer.missingField("seen")
                        }
                        self.seen = _lodum_value_seen
                        guard let _lodum_value_nickname = _lodum_pending_nickname ?? LodumCore.defaultForMissingField(String?.self) else {
                            throw deserializer.missingField("nickname")
                        }
                        self.nickname = _lodum_value_nickname
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("id", context.schema(for: Int.self)),
                                    .optional("age", context.schema(for: Int.self, validatedBy: .range(0 ... 150))),
                                    .required("name", context.schema(for: String.self, validatedBy: .length(3 ... 50))),
                                    .optional("country", context.schema(for: String?.self, matching: "^[A-Z]{2}$")),
                                    .required("handle", context.schema(for: String.self, validatedBy: .match("[a-z]+"))),
                                    .required("color", context.schema(for: String.self, validatedBy: .oneOf(["red", "green"]))),
                                    .required("region", context.schema(for: String.self)),
                                    .required("seen", context.schema(for: EpochSeconds.Representation.self)),
                                    .optional("nickname", context.schema(for: String?.self)),
                                    .optional("version", context.schema(for: \\User.version)),
                                ],
                                additionalProperties: false
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func enumSchemaListsItsCasesInItsTagging() {
        assertLodumExpansion(
            """
            @Lodum(tag: "t", content: "c")
            enum Message {
                case text(String)
                case ping
            }
            """,
            expandsTo: """
                enum Message {
                    case text(String)
                    case ping
                }

                extension Message: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumCases: LodumCore.FieldNames = ["text", "ping"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        switch self {
                        case .text(let _lodum_0):
                            try serializer.encodeStruct("Message", fieldCount: 2) { serializer in
                                try serializer.encodeField("t", "text" as String)
                                try serializer.encodeField("c", writing: { serializer in
                                        try serializer.encode(_lodum_0)
                                    })
                            }
                        case .ping:
                            try serializer.encodeStruct("Message", fieldCount: 1) { serializer in
                                try serializer.encodeField("t", "ping" as String)
                            }
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        self = try deserializer.decodeAdjacentlyTagged(Self.lodumEnumCases(D.self), name: "Message", tag: "t", content: "c")
                    }

                    static func lodumUnitCase(_ index: Int) -> Self? {
                        switch index {
                        case 1:
                            return Self.ping
                        default:
                            return nil
                        }
                    }

                    static func lodumDecodeContent<D: LodumCore.Deserializer>(case index: Int, from deserializer: inout D) throws -> Self {
                        switch index {
                        case 0:
                            return Self.text(try deserializer.decode(String.self))
                        case 1:
                            try deserializer.decodeUnitContent()
                            return Self.ping
                        default:
                            throw deserializer.noCase(index, of: Self.self)
                        }
                    }

                    static func lodumEnumCases<D: LodumCore.Deserializer>(_ reader: D.Type) -> LodumCore.EnumCases<Self, D> {
                        LodumCore.EnumCases(
                            names: Self.lodumCases,
                            unitCase: {
                                Self.lodumUnitCase($0)
                            },
                            content: {
                                try Self.lodumDecodeContent(case: $1, from: &$0)
                            },
                            heldContent: {
                                try Self.lodumDecodeContent(case: $1, from: &$0)
                            },
                            fields: {
                                try Self.lodumDecodeContent(case: $1, from: &$0)
                            },
                            heldFields: {
                                try Self.lodumDecodeContent(case: $1, from: &$0)
                            }
                        )
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.union(
                                of: [
                                    .value("text", context.schema(for: String.self)),
                                    .unit("ping"),
                                ],
                                tagging: .adjacent(tag: "t", content: "c")
                            )
                        }
                    }
                }
                """, conformances: enumConformances
        )
    }
}
