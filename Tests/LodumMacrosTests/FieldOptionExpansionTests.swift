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

                extension User: LodumCore.Serializable, LodumCore.Deserializable {
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
}
