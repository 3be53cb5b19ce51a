import SwiftSyntax
import SwiftSyntaxMacrosGenericTestSupport
import Testing

/// What the compiler asks `@Lodum` to add to an enum without raw values.
let enumConformances: [TypeSyntax] = ["LodumCore.Serializable", "LodumCore.Deserializable", "LodumCore.JSONSchemaDescribable"]

@Suite("@Lodum on enums")
struct EnumExpansionTests {
    @Test func rawValueEnumsAreWrittenAsTheirRawValue() {
        assertLodumExpansion(
            """
            @Lodum enum Color: String {
                case red, green = "g"
            }
            """,
            expandsTo: """
                enum Color: String {
                    case red, green = "g"
                }

                extension Color: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encode(self.rawValue)
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        self = try deserializer.decodeRawValue(Self.self, cases: [.red, .green])
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { _ in
                            LodumCore.JSONSchema.rawValues(Self.self, cases: [.red, .green])
                        }
                    }
                }
                """
        )
    }

    @Test func externallyTaggedCasesWriteTheirPayloadUnderTheirName() {
        assertLodumExpansion(
            """
            @Lodum enum Message {
                case text(String)
                case pair(Int, Int?)
            }
            """,
            expandsTo: """
                enum Message {
                    case text(String)
                    case pair(Int, Int?)
                }

                extension Message: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumCases: LodumCore.FieldNames = ["text", "pair"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        switch self {
                        case .text(let _lodum_0):
                            try serializer.encodeExternallyTaggedCase("text") { serializer in
                                try serializer.encode(_lodum_0)
                            }
                        case .pair(let _lodum_0, let _lodum_1):
                            try serializer.encodeExternallyTaggedCase("pair") { serializer in
                                try serializer.encodeSeq(count: 2) { serializer in
                                    try serializer.encodeElement(_lodum_0, at: 0)
                                    try serializer.encodeElement(_lodum_1, at: 1)
                                }
                            }
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        self = try deserializer.decodeExternallyTagged(Self.lodumEnumCases(D.self))
                    }

                    static func lodumUnitCase(_ index: Int) -> Self? {
                        switch index {
                        default:
                            return nil
                        }
                    }

                    static func lodumDecodeContent<D: LodumCore.Deserializer>(case index: Int, from deserializer: inout D) throws -> Self {
                        switch index {
                        case 0:
                            return Self.text(try deserializer.decode(String.self))
                        case 1:
                            var _lodum_pending_0: Int? = nil
                            var _lodum_pending_1: Int?? = nil
                            var _lodum_count = 0
                            try deserializer.decodeSeq { deserializer in
                                switch _lodum_count {
                                case 0:
                                    _lodum_pending_0 = try deserializer.decode(Int.self)
                                case 1:
                                    _lodum_pending_1 = try deserializer.decode(Int?.self)
                                default:
                                    try deserializer.skipValue()
                                }
                                _lodum_count += 1
                            }
                            guard _lodum_count == 2, let _lodum_value_0 = _lodum_pending_0, let _lodum_value_1 = _lodum_pending_1 else {
                                throw deserializer.wrongElementCount(expected: 2, found: _lodum_count)
                            }
                            return Self.pair(_lodum_value_0, _lodum_value_1)
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
                                    .elements("pair", [context.schema(for: Int.self), context.schema(for: Int?.self)]),
                                ],
                                tagging: .external
                            )
                        }
                    }
                }
                """, conformances: enumConformances
        )
    }

    @Test func internallyTaggedCasesWriteTheirFieldsBesideTheTag() {
        assertLodumExpansion(
            """
            @Lodum(tag: "type")
            enum Shape {
                case circle(radius: Double)
                @Field(rename: "nothing") case none
            }
            """,
            expandsTo: """
                enum Shape {
                    case circle(radius: Double)
                    case none
                }

                extension Shape: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumCases: LodumCore.FieldNames = ["circle", "nothing"]

                    static let lodumCaseFields: [LodumCore.FieldNames] = [["radius"], []]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        switch self {
                        case .circle(let _lodum_0):
                            try serializer.encodeStruct("Shape", fieldCount: 2) { serializer in
                                try serializer.encodeField("type", "circle" as String)
                                try serializer.encodeField("radius", _lodum_0)
                            }
                        case .none:
                            try serializer.encodeStruct("Shape", fieldCount: 1) { serializer in
                                try serializer.encodeField("type", "nothing" as String)
                            }
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        self = try deserializer.decodeInternallyTagged(Self.lodumEnumCases(D.self), name: "Shape", tag: "type")
                    }

                    static func lodumUnitCase(_ index: Int) -> Self? {
                        switch index {
                        case 1:
                            return Self.none
                        default:
                            return nil
                        }
                    }

                    static func lodumDecodeContent<D: LodumCore.Deserializer>(case index: Int, from deserializer: inout D) throws -> Self {
                        switch index {
                        case 0:
                            var _lodum_pending_0: Double? = nil
                            try deserializer.decodeStruct("circle", fields: Self.lodumCaseFields[0]) { deserializer, field in
                                switch field {
                                case 0:
                                    _lodum_pending_0 = try deserializer.decode(Double.self)
                                default:
                                    try deserializer.skipValue()
                                }
                            }
                            guard let _lodum_value_0 = _lodum_pending_0 ?? LodumCore.defaultForMissingField(Double.self) else {
                                throw deserializer.missingField("radius")
                            }
                            return Self.circle(radius: _lodum_value_0)
                        case 1:
                            try deserializer.decodeUnitContent()
                            return Self.none
                        default:
                            throw deserializer.noCase(index, of: Self.self)
                        }
                    }

                    static func lodumDecodeFields<D: LodumCore.Deserializer>(case index: Int, from deserializer: inout D) throws -> Self {
                        switch index {
                        case 0:
                            var _lodum_pending_0: Double? = nil
                            try deserializer.decodeFields(Self.lodumCaseFields[0]) { deserializer, field in
                                switch field {
                                case 0:
                                    _lodum_pending_0 = try deserializer.decode(Double.self)
                                default:
                                    try deserializer.skipValue()
                                }
                            }
                            guard let _lodum_value_0 = _lodum_pending_0 ?? LodumCore.defaultForMissingField(Double.self) else {
                                throw deserializer.missingField("radius")
                            }
                            return Self.circle(radius: _lodum_value_0)
                        case 1:
                            try deserializer.decodeFields([]) { _, _ in
                            }
                            return Self.none
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
                                try Self.lodumDecodeFields(case: $1, from: &$0)
                            },
                            heldFields: {
                                try Self.lodumDecodeFields(case: $1, from: &$0)
                            }
                        )
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.union(
                                of: [
                                    .fields(
                                        "circle",
                                        [
                                            .required("radius", context.schema(for: Double.self)),
                                        ]
                                    ),
                                    .unit("nothing"),
                                ],
                                tagging: .internal(tag: "type")
                            )
                        }
                    }
                }
                """, conformances: enumConformances
        )
    }
}
