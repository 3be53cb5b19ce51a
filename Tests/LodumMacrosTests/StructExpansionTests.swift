import Testing

@Suite("@Lodum on structs")
struct StructExpansionTests {
    @Test func plainStructEncodesAndDecodesEveryStoredPropertyInDeclarationOrder() {
        assertLodumExpansion(
            """
            @Lodum struct Point {
                var x: Int
                var y: Int
            }
            """,
            expandsTo: """
                struct Point {
                    var x: Int
                    var y: Int
                }

                extension Point: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["x", "y"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Point", fieldCount: 2) { serializer in
                            try serializer.encodeField("x", self.x)
                            try serializer.encodeField("y", self.y)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_x: Int? = nil
                        var _lodum_pending_y: Int? = nil
                        try deserializer.decodeStruct("Point", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_x = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_y = try deserializer.decode(Int.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_x = _lodum_pending_x ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("x")
                        }
                        self.x = _lodum_value_x
                        guard let _lodum_value_y = _lodum_pending_y ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("y")
                        }
                        self.y = _lodum_value_y
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("x", context.schema(for: Int.self)),
                                    .required("y", context.schema(for: Int.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func publicStructGetsPublicMembersAndSkipsWhatIsNotStoredState() {
        assertLodumExpansion(
            """
            @Lodum public struct Point {
                public var x: Int
                public var y: Int = 7
                var label: String?
                let version = 2
                var computed: Int { x + y }
                static var shared = 0
            }
            """,
            expandsTo: """
                public struct Point {
                    public var x: Int
                    public var y: Int = 7
                    var label: String?
                    let version = 2
                    var computed: Int { x + y }
                    static var shared = 0
                }

                extension Point: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    public static let lodumFields: LodumCore.FieldNames = ["x", "y", "label", "version"]

                    public func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Point", fieldCount: 4) { serializer in
                            try serializer.encodeField("x", self.x)
                            try serializer.encodeField("y", self.y)
                            try serializer.encodeField("label", self.label)
                            try serializer.encodeField("version", self.version)
                        }
                    }

                    public init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_x: Int? = nil
                        var _lodum_pending_y: Int? = nil
                        var _lodum_pending_label: String?? = nil
                        try deserializer.decodeStruct("Point", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_x = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_y = try deserializer.decode(Int.self)
                            case 2:
                                _lodum_pending_label = try deserializer.decode(String?.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_x = _lodum_pending_x ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("x")
                        }
                        self.x = _lodum_value_x
                        self.y = _lodum_pending_y ?? 7
                        guard let _lodum_value_label = _lodum_pending_label ?? LodumCore.defaultForMissingField(String?.self) else {
                            throw deserializer.missingField("label")
                        }
                        self.label = _lodum_value_label
                    }

                    public static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("x", context.schema(for: Int.self)),
                                    .optional("y", context.schema(for: Int.self)),
                                    .optional("label", context.schema(for: String?.self)),
                                    .optional("version", context.schema(for: \\Point.version)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test(arguments: [
        (typeModifier: "package ", memberModifier: "package "),
        (typeModifier: "", memberModifier: ""),
        (typeModifier: "internal ", memberModifier: ""),
        (typeModifier: "fileprivate ", memberModifier: ""),
        (typeModifier: "private ", memberModifier: ""),
    ])
    func generatedMembersAreAsVisibleAsTheType(typeModifier: String, memberModifier: String) {
        assertLodumExpansion(
            """
            @Lodum \(typeModifier)struct Flag {
            }
            """,
            expandsTo: """
                \(typeModifier)struct Flag {
                }

                extension Flag: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    \(memberModifier)static let lodumFields: LodumCore.FieldNames = []

                    \(memberModifier)func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Flag", fieldCount: 0) { _ in
                        }
                    }

                    \(memberModifier)init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        try deserializer.decodeStruct("Flag", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            default:
                                try deserializer.skipValue()
                            }
                        }
                    }

                    \(memberModifier)static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: []
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func propertyWithInitializerFallsBackToItWhenMissing() {
        assertLodumExpansion(
            """
            @Lodum struct Settings {
                var retries: Int = 3
                var timeout: Double? = 1.5
                var offset: Int = -1
                var tags: [String] = []
            }
            """,
            expandsTo: """
                struct Settings {
                    var retries: Int = 3
                    var timeout: Double? = 1.5
                    var offset: Int = -1
                    var tags: [String] = []
                }

                extension Settings: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["retries", "timeout", "offset", "tags"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Settings", fieldCount: 4) { serializer in
                            try serializer.encodeField("retries", self.retries)
                            try serializer.encodeField("timeout", self.timeout)
                            try serializer.encodeField("offset", self.offset)
                            try serializer.encodeField("tags", self.tags)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_retries: Int? = nil
                        var _lodum_pending_timeout: Double?? = nil
                        var _lodum_pending_offset: Int? = nil
                        var _lodum_pending_tags: [String]? = nil
                        try deserializer.decodeStruct("Settings", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_retries = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_timeout = try deserializer.decode(Double?.self)
                            case 2:
                                _lodum_pending_offset = try deserializer.decode(Int.self)
                            case 3:
                                _lodum_pending_tags = try deserializer.decode([String].self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        self.retries = _lodum_pending_retries ?? 3
                        self.timeout = _lodum_pending_timeout ?? 1.5
                        self.offset = _lodum_pending_offset ?? (-1)
                        self.tags = _lodum_pending_tags ?? []
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .optional("retries", context.schema(for: Int.self)),
                                    .optional("timeout", context.schema(for: Double?.self)),
                                    .optional("offset", context.schema(for: Int.self)),
                                    .optional("tags", context.schema(for: [String].self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func optionalPropertyDefaultsToNilWhenMissing() {
        assertLodumExpansion(
            """
            @Lodum struct Profile {
                var nickname: String?
                var avatar: URL!
                let motto: Optional<String>
            }
            """,
            expandsTo: """
                struct Profile {
                    var nickname: String?
                    var avatar: URL!
                    let motto: Optional<String>
                }

                extension Profile: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["nickname", "avatar", "motto"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Profile", fieldCount: 3) { serializer in
                            try serializer.encodeField("nickname", self.nickname)
                            try serializer.encodeField("avatar", self.avatar)
                            try serializer.encodeField("motto", self.motto)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_nickname: String?? = nil
                        var _lodum_pending_avatar: URL?? = nil
                        var _lodum_pending_motto: Optional<String>? = nil
                        try deserializer.decodeStruct("Profile", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_nickname = try deserializer.decode(String?.self)
                            case 1:
                                _lodum_pending_avatar = try deserializer.decode(URL?.self)
                            case 2:
                                _lodum_pending_motto = try deserializer.decode(Optional<String>.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_nickname = _lodum_pending_nickname ?? LodumCore.defaultForMissingField(String?.self) else {
                            throw deserializer.missingField("nickname")
                        }
                        self.nickname = _lodum_value_nickname
                        guard let _lodum_value_avatar = _lodum_pending_avatar ?? LodumCore.defaultForMissingField(URL?.self) else {
                            throw deserializer.missingField("avatar")
                        }
                        self.avatar = _lodum_value_avatar
                        guard let _lodum_value_motto = _lodum_pending_motto ?? LodumCore.defaultForMissingField(Optional<String>.self) else {
                            throw deserializer.missingField("motto")
                        }
                        self.motto = _lodum_value_motto
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .optional("nickname", context.schema(for: String?.self)),
                                    .optional("avatar", context.schema(for: URL?.self)),
                                    .optional("motto", context.schema(for: Optional<String>.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func letWithInitializerIsEncodedButNeverDecoded() {
        assertLodumExpansion(
            """
            @Lodum struct Record {
                var id: Int
                let version = 2
                let schema: String = "v1"
            }
            """,
            expandsTo: """
                struct Record {
                    var id: Int
                    let version = 2
                    let schema: String = "v1"
                }

                extension Record: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["id", "version", "schema"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Record", fieldCount: 3) { serializer in
                            try serializer.encodeField("id", self.id)
                            try serializer.encodeField("version", self.version)
                            try serializer.encodeField("schema", self.schema)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_id: Int? = nil
                        try deserializer.decodeStruct("Record", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_id = try deserializer.decode(Int.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_id = _lodum_pending_id ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("id")
                        }
                        self.id = _lodum_value_id
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("id", context.schema(for: Int.self)),
                                    .optional("version", context.schema(for: \\Record.version)),
                                    .optional("schema", context.schema(for: String.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func computedStaticAndLazyPropertiesAreSkippedButObservedOnesAreKept() {
        assertLodumExpansion(
            """
            @Lodum struct Counter {
                var count: Int {
                    didSet { changes += 1 }
                }
                var changes: Int = 0
                var doubled: Int { count * 2 }
                var label: String {
                    get { String(count) }
                    set { }
                }
                static var instances = 0
                class var kind: String { "counter" }
                lazy var cache: [Int] = []
            }
            """,
            expandsTo: """
                struct Counter {
                    var count: Int {
                        didSet { changes += 1 }
                    }
                    var changes: Int = 0
                    var doubled: Int { count * 2 }
                    var label: String {
                        get { String(count) }
                        set { }
                    }
                    static var instances = 0
                    class var kind: String { "counter" }
                    lazy var cache: [Int] = []
                }

                extension Counter: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["count", "changes"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Counter", fieldCount: 2) { serializer in
                            try serializer.encodeField("count", self.count)
                            try serializer.encodeField("changes", self.changes)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_count: Int? = nil
                        var _lodum_pending_changes: Int? = nil
                        try deserializer.decodeStruct("Counter", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_count = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_changes = try deserializer.decode(Int.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_count = _lodum_pending_count ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("count")
                        }
                        self.count = _lodum_value_count
                        self.changes = _lodum_pending_changes ?? 0
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("count", context.schema(for: Int.self)),
                                    .optional("changes", context.schema(for: Int.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func multipleBindingsShareTheTrailingTypeAnnotation() {
        assertLodumExpansion(
            """
            @Lodum struct Rect {
                var width, height: Int
                var origin: Int = 0, name: String
            }
            """,
            expandsTo: """
                struct Rect {
                    var width, height: Int
                    var origin: Int = 0, name: String
                }

                extension Rect: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["width", "height", "origin", "name"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Rect", fieldCount: 4) { serializer in
                            try serializer.encodeField("width", self.width)
                            try serializer.encodeField("height", self.height)
                            try serializer.encodeField("origin", self.origin)
                            try serializer.encodeField("name", self.name)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_width: Int? = nil
                        var _lodum_pending_height: Int? = nil
                        var _lodum_pending_origin: Int? = nil
                        var _lodum_pending_name: String? = nil
                        try deserializer.decodeStruct("Rect", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_width = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_height = try deserializer.decode(Int.self)
                            case 2:
                                _lodum_pending_origin = try deserializer.decode(Int.self)
                            case 3:
                                _lodum_pending_name = try deserializer.decode(String.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_width = _lodum_pending_width ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("width")
                        }
                        self.width = _lodum_value_width
                        guard let _lodum_value_height = _lodum_pending_height ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("height")
                        }
                        self.height = _lodum_value_height
                        self.origin = _lodum_pending_origin ?? 0
                        guard let _lodum_value_name = _lodum_pending_name ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("name")
                        }
                        self.name = _lodum_value_name
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("width", context.schema(for: Int.self)),
                                    .required("height", context.schema(for: Int.self)),
                                    .optional("origin", context.schema(for: Int.self)),
                                    .required("name", context.schema(for: String.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func genericStructComputesItsFieldTableBecauseGenericTypesHaveNoStaticStorage() {
        assertLodumExpansion(
            """
            @Lodum struct Box<Wrapped: LodumCore.Serializable & LodumCore.Deserializable> {
                var value: Wrapped
            }
            """,
            expandsTo: """
                struct Box<Wrapped: LodumCore.Serializable & LodumCore.Deserializable> {
                    var value: Wrapped
                }

                extension Box: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static var lodumFields: LodumCore.FieldNames {
                        ["value"]
                    }

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Box", fieldCount: 1) { serializer in
                            try serializer.encodeField("value", self.value)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_value: Wrapped? = nil
                        try deserializer.decodeStruct("Box", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_value = try deserializer.decode(Wrapped.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_value = _lodum_pending_value ?? LodumCore.defaultForMissingField(Wrapped.self) else {
                            throw deserializer.missingField("value")
                        }
                        self.value = _lodum_value_value
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("value", context.schema(for: Wrapped.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func nestedTypeIsExtendedByItsQualifiedNameAndEncodedByItsOwnName() {
        assertLodumExpansion(
            """
            struct Drawing {
                @Lodum struct Stroke {
                    var width: Double
                }
            }
            """,
            expandsTo: """
                struct Drawing {
                    struct Stroke {
                        var width: Double

                        enum _LodumTypes {
                            typealias _0 = Double
                        }
                    }
                }

                extension Drawing.Stroke: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["width"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Stroke", fieldCount: 1) { serializer in
                            try serializer.encodeField("width", self.width)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_width: _LodumTypes._0? = nil
                        try deserializer.decodeStruct("Stroke", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_width = try deserializer.decode(_LodumTypes._0.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_width = _lodum_pending_width ?? LodumCore.defaultForMissingField(_LodumTypes._0.self) else {
                            throw deserializer.missingField("width")
                        }
                        self.width = _lodum_value_width
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("width", context.schema(for: _LodumTypes._0.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func typeNestedInAnExtensionComputesItsFieldTableSinceTheExtendedTypeMayBeGeneric() {
        assertLodumExpansion(
            """
            extension Drawing {
                @Lodum struct Layer {
                    var name: String
                }
            }
            """,
            expandsTo: """
                extension Drawing {
                    struct Layer {
                        var name: String

                        enum _LodumTypes {
                            typealias _0 = String
                        }
                    }
                }

                extension Drawing.Layer: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static var lodumFields: LodumCore.FieldNames {
                        ["name"]
                    }

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Layer", fieldCount: 1) { serializer in
                            try serializer.encodeField("name", self.name)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_name: _LodumTypes._0? = nil
                        try deserializer.decodeStruct("Layer", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_name = try deserializer.decode(_LodumTypes._0.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_name = _lodum_pending_name ?? LodumCore.defaultForMissingField(_LodumTypes._0.self) else {
                            throw deserializer.missingField("name")
                        }
                        self.name = _lodum_value_name
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("name", context.schema(for: _LodumTypes._0.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func generatedLocalsNeverCollideWithPropertyOrParameterNames() {
        assertLodumExpansion(
            """
            @Lodum struct Awkward {
                var deserializer: Int
                var field: Int
                var x: Int
                var _lodum_pending_x: Int
                var `default`: Int
            }
            """,
            expandsTo: """
                struct Awkward {
                    var deserializer: Int
                    var field: Int
                    var x: Int
                    var _lodum_pending_x: Int
                    var `default`: Int
                }

                extension Awkward: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    static let lodumFields: LodumCore.FieldNames = ["deserializer", "field", "x", "_lodum_pending_x", "default"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Awkward", fieldCount: 5) { serializer in
                            try serializer.encodeField("deserializer", self.deserializer)
                            try serializer.encodeField("field", self.field)
                            try serializer.encodeField("x", self.x)
                            try serializer.encodeField("_lodum_pending_x", self._lodum_pending_x)
                            try serializer.encodeField("default", self.`default`)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_deserializer: Int? = nil
                        var _lodum_pending_field: Int? = nil
                        var _lodum_pending_x: Int? = nil
                        var _lodum_pending__lodum_pending_x: Int? = nil
                        var _lodum_pending_default: Int? = nil
                        try deserializer.decodeStruct("Awkward", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_deserializer = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_field = try deserializer.decode(Int.self)
                            case 2:
                                _lodum_pending_x = try deserializer.decode(Int.self)
                            case 3:
                                _lodum_pending__lodum_pending_x = try deserializer.decode(Int.self)
                            case 4:
                                _lodum_pending_default = try deserializer.decode(Int.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_deserializer = _lodum_pending_deserializer ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("deserializer")
                        }
                        self.deserializer = _lodum_value_deserializer
                        guard let _lodum_value_field = _lodum_pending_field ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("field")
                        }
                        self.field = _lodum_value_field
                        guard let _lodum_value_x = _lodum_pending_x ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("x")
                        }
                        self.x = _lodum_value_x
                        guard let _lodum_value__lodum_pending_x = _lodum_pending__lodum_pending_x ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("_lodum_pending_x")
                        }
                        self._lodum_pending_x = _lodum_value__lodum_pending_x
                        guard let _lodum_value_default = _lodum_pending_default ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("default")
                        }
                        self.`default` = _lodum_value_default
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("deserializer", context.schema(for: Int.self)),
                                    .required("field", context.schema(for: Int.self)),
                                    .required("x", context.schema(for: Int.self)),
                                    .required("_lodum_pending_x", context.schema(for: Int.self)),
                                    .required("default", context.schema(for: Int.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    @Test func conformanceTheTypeAlreadyDeclaresIsNotRestated() {
        assertLodumExpansion(
            """
            @Lodum struct Tag: LodumCore.Serializable {
                let name: String
            }
            """,
            expandsTo: """
                struct Tag: LodumCore.Serializable {
                    let name: String
                }

                extension Tag: LodumCore.Deserializable {
                    static let lodumFields: LodumCore.FieldNames = ["name"]

                    func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Tag", fieldCount: 1) { serializer in
                            try serializer.encodeField("name", self.name)
                        }
                    }

                    init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_name: String? = nil
                        try deserializer.decodeStruct("Tag", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_name = try deserializer.decode(String.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_name = _lodum_pending_name ?? LodumCore.defaultForMissingField(String.self) else {
                            throw deserializer.missingField("name")
                        }
                        self.name = _lodum_value_name
                    }

                    static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("name", context.schema(for: String.self)),
                                ]
                            )
                        }
                    }
                }
                """,
            conformances: ["Deserializable"]
        )
    }
}

@Suite("@Lodum on public structs: inlinable members when other modules may inline them")
struct InlinableExpansionTests {
    @Test func topLevelPublicStructWithPublicPropertiesGetsInlinableMembers() {
        assertLodumExpansion(
            """
            @Lodum public struct Point {
                public var x: Int
                public var y: Int = -1
            }
            """,
            expandsTo: """
                public struct Point {
                    public var x: Int
                    public var y: Int = -1
                }

                extension Point: LodumCore.Serializable, LodumCore.Deserializable, LodumCore.JSONSchemaDescribable {
                    public static let lodumFields: LodumCore.FieldNames = ["x", "y"]

                    @inlinable public func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws {
                        try serializer.encodeStruct("Point", fieldCount: 2) { serializer in
                            try serializer.encodeField("x", self.x)
                            try serializer.encodeField("y", self.y)
                        }
                    }

                    @inlinable public init<D: LodumCore.Deserializer>(from deserializer: inout D) throws {
                        var _lodum_pending_x: Int? = nil
                        var _lodum_pending_y: Int? = nil
                        try deserializer.decodeStruct("Point", fields: Self.lodumFields) { deserializer, field in
                            switch field {
                            case 0:
                                _lodum_pending_x = try deserializer.decode(Int.self)
                            case 1:
                                _lodum_pending_y = try deserializer.decode(Int.self)
                            default:
                                try deserializer.skipValue()
                            }
                        }
                        guard let _lodum_value_x = _lodum_pending_x ?? LodumCore.defaultForMissingField(Int.self) else {
                            throw deserializer.missingField("x")
                        }
                        self.x = _lodum_value_x
                        self.y = _lodum_pending_y ?? (-1)
                    }

                    public static func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value {
                        context.definition(of: Self.self) { context in
                            LodumCore.JSONSchema.object(
                                properties: [
                                    .required("x", context.schema(for: Int.self)),
                                    .optional("y", context.schema(for: Int.self)),
                                ]
                            )
                        }
                    }
                }
                """
        )
    }

    /// What inlinable code cannot name keeps the members opaque: a setter narrower than
    /// the property, a default that calls a function, a type nested in another.
    @Test(arguments: [
        "@Lodum public struct Point { public private(set) var x: Int }",
        "@Lodum public struct Point { public var x: Int = makeX() }",
        "@Lodum public struct Point { public var x: Int; var y: Int }",
        "@Lodum struct Point { public var x: Int }",
        "enum Outer { @Lodum public struct Point { public var x: Int } }",
    ])
    func membersStayOpaqueWhenInlinableCodeCouldNotCompile(_ source: String) {
        let expanded = lodumExpansionText(source)
        #expect(expanded.contains("func serialize"))
        #expect(!expanded.contains("@inlinable"))
    }

    @Test func literalDefaultsOfEveryKindAllowInlining() {
        let source = """
            @Lodum public struct Settings {
                public var name: String = "a"
                public var ratio: Double = 0.5
                public var on: Bool = false
                public var tags: [String] = []
                public var extra: [String: Int] = [:]
                public var note: String? = nil
            }
            """
        #expect(lodumExpansionText(source).contains("@inlinable public init"))
    }
}
