import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("@Field options")
struct FieldOptionExpansionTests {
    @Test func skipIfNilWritesTheFieldOnlyWhenPresentAndCountsOnlyWrittenFields() {
        assertLodumExpansion(
            """
            @Lodum struct User {
                var name: String
                @Field(skipIfNil: true) var nickname: String?
            }
            """,
            expandsTo: """
                struct User {
                    var name: String
                    var nickname: String?
                }

                extension User: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["name", "nickname"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        let _lodum_positional = !serializer.writesFieldNames
                        var _lodum_fieldCount = 1
                        if _lodum_positional || self.nickname != nil {
                            _lodum_fieldCount += 1
                        }
                        try serializer.encodeStruct("User", fieldCount: _lodum_fieldCount) { serializer in
                            try serializer.encodeField("name", self.name)
                            if _lodum_positional || self.nickname != nil {
                                try serializer.encodeField("nickname", self.nickname)
                            }
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_name: String? = nil
                        var _lodum_pending_nickname: String?? = nil
                        try deserializer.decodeStruct("User", fields: Self.lodumFields) { deserializer, field in
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

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
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
                """
        )
    }

    @Test func skipIfNilOnANonOptionalPropertyIsRejected() {
        assertLodumExpansion(
            """
            @Lodum struct User {
                @Field(skipIfNil: true) var name: String
            }
            """,
            expandsTo: """
                struct User {
                    var name: String
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@Field(skipIfNil: true) needs an Optional type on 'name', spelled 'T?' or 'Optional<T>'",
                    line: 2,
                    column: 33
                )
            ]
        )
    }

    @Test func nonLiteralOptionIsRejected() {
        assertLodumExpansion(
            """
            @Lodum struct User {
                @Field(skipIfNil: flag) var nickname: String?
            }
            """,
            expandsTo: """
                struct User {
                    var nickname: String?
                }
                """,
            diagnostics: [
                DiagnosticSpec(message: "@Field(skipIfNil:) must be a literal 'true' or 'false'", line: 2, column: 23)
            ]
        )
    }

    @Test func everyOptionShapesTheGeneratedCode() {
        // Keys follow rename, then renameAll; aliases and the unknown-key flag go in the
        // table; a skipped property is neither written nor read and takes its initial value;
        // a default replaces the missing-field error; a coding wraps the value both ways;
        // a validator runs after the value is read, before it is kept.
        assertLodumExpansion(
            """
            @Lodum(renameAll: .snakeCase, denyUnknownFields: true)
            struct User {
                @Field(rename: "id", aliases: ["userId"]) var identifier: Int
                var displayName: String
                @Field(skip: true) var cache: [Int] = []
                @Field(default: 18) var age: Int
                @Field(using: EpochSeconds.self) var joined: Date?
                @Field(validate: { (code: String) in code.count == 2 }) var region: String
                @Field(using: EpochSeconds.self, validate: .range(Date.distantPast...)) var seen: Date
            }
            """,
            expandsTo: """

                struct User {
                    var identifier: Int
                    var displayName: String
                    var cache: [Int] = []
                    var age: Int
                    var joined: Date?
                    var region: String
                    var seen: Date
                }

                extension User: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = LodumCore.FieldNames(["id", "display_name", "age", "joined", "region", "seen"], aliases: [LodumCore.FieldNames.Alias("userId", field: 0)], namesUnknownKeys: true)

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("User", fieldCount: 6) { serializer in
                            try serializer.encodeField("id", self.identifier)
                            try serializer.encodeField("display_name", self.displayName)
                            try serializer.encodeField("age", self.age)
                            try serializer.encodeField("joined", self.joined, using: EpochSeconds.self)
                            try serializer.encodeField("region", self.region)
                            try serializer.encodeField("seen", self.seen, using: EpochSeconds.self)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_identifier: Int? = nil
                        var _lodum_pending_displayName: String? = nil
                        var _lodum_pending_age: Int? = nil
                        var _lodum_pending_joined: Date?? = nil
                        var _lodum_pending_region: String? = nil
                        var _lodum_pending_seen: Date? = nil
                        try deserializer.decodeStruct("User", fields: Self.lodumFields, denyUnknownFields: true) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_identifier = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_displayName = try deserializer.decode(String.self)
                            case 2:
                                _lodum_pending_age = try deserializer.decode(Int.self)
                            case 3:
                                _lodum_pending_joined = try deserializer.decode(Date?.self, using: EpochSeconds.self)
                            case 4:
                                let _lodum_decoded = try deserializer.decode(String.self)
                                try deserializer.validate(_lodum_decoded, rule: "{ (code: String) in code.count == 2 }", by: { (code: String) in
                                        code.count == 2
                                    })
                                _lodum_pending_region = _lodum_decoded
                            case 5:
                                let _lodum_decoded = try deserializer.decode(Date.self, using: EpochSeconds.self)
                                try deserializer.validate(_lodum_decoded, rule: ".range(Date.distantPast...)", by: .range(Date.distantPast...))
                                _lodum_pending_seen = _lodum_decoded
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_identifier = _lodum_pending_identifier ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("id")
                        }
                        self.identifier = _lodum_value_identifier
                        guard let _lodum_value_displayName = _lodum_pending_displayName ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("display_name")
                        }
                        self.displayName = _lodum_value_displayName
                        self.cache = []
                        self.age = _lodum_pending_age ?? 18
                        guard let _lodum_value_joined = _lodum_pending_joined ?? LodumCore.defaultForMissingField(Date?.self) else {
                            throw deserializer.missingField("joined")
                        }
                        self.joined = _lodum_value_joined
                        guard let _lodum_value_region = _lodum_pending_region ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("region")
                        }
                        self.region = _lodum_value_region
                        guard let _lodum_value_seen = _lodum_pending_seen ?? LodumCore.defaultForMissingField(Date.self) else {
                            throw deserializer.missingField("seen")
                        }
                        self.seen = _lodum_value_seen
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("id", context.schema(for: Int.self)),
                                    .required("display_name", context.schema(for: String.self)),
                                    .optional("age", context.schema(for: Int.self)),
                                    .optional("joined", context.schema(for: Optional<EpochSeconds.Representation>.self)),
                                    .required("region", context.schema(for: String.self)),
                                    .required("seen", context.schema(for: EpochSeconds.Representation.self)),
                                ],
                                additionalProperties: false
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func flattenReadsAndWritesTheNestedFieldsThroughTheParentsStruct() {
        assertLodumExpansion(
            """
            @Lodum struct User {
                var name: String
                @Flatten var address: Address
                @Field(skipIfNil: true) var email: String?
            }
            """,
            expandsTo: """
                struct User {
                    var name: String
                    var address: Address
                    var email: String?
                }

                extension User: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = LodumCore.FieldNames(["name", "email"]).extended(
                        by: Address.lodumFields.names, aliases: Address.lodumFields.aliases, namesUnknownKeys: false)

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        let _lodum_positional = !serializer.writesFieldNames
                        var _lodum_fieldCount = try serializer.flattenedFieldCount(of: self.address) + 1
                        if _lodum_positional || self.email != nil {
                            _lodum_fieldCount += 1
                        }
                        try serializer.encodeStruct("User", fieldCount: _lodum_fieldCount) { serializer in
                            try serializer.encodeField("name", self.name)
                            if _lodum_positional || self.email != nil {
                                try serializer.encodeField("email", self.email)
                            }
                            try serializer.encodeFlattenedFields(of: self.address)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_name: String? = nil
                        var _lodum_pending_email: String?? = nil
                        let _lodum_flattened = try deserializer.decodeStruct("User", fields: Self.lodumFields, ownCount: 2, flattening: Address.self) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_name = try deserializer.decode(String.self)
                            case 1:
                                _lodum_pending_email = try deserializer.decode(String?.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_name = _lodum_pending_name ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("name")
                        }
                        self.name = _lodum_value_name
                        self.address = _lodum_flattened
                        guard let _lodum_value_email = _lodum_pending_email ?? LodumCore.defaultForMissingField(String?.self) else {
                            throw deserializer.missingField("email")
                        }
                        self.email = _lodum_value_email
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            let _lodum_borrowed0 = context.objectProperties(of: Address.self)
                            return LodumCore.JSONSchema.object(
                                properties: [
                                    .required("name", context.schema(for: String.self)),
                                    .optional("email", context.schema(for: String?.self)),
                                ] + _lodum_borrowed0.properties,
                                additionalProperties: _lodum_borrowed0.allowsOthers
                            )
                        }
                    }
                }
                """
        )
    }
}
