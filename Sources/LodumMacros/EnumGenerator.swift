import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates an enum's members: for a raw-value enum, `serialize(to:)` and `init(from:)`
/// through its raw value; otherwise the case table, a reader per case and the `EnumCases`
/// that hands them to the core's tagging drivers, and `serialize(to:)`/`init(from:)` in the
/// enum's tagging.
struct EnumGenerator {
    let type: AnnotatedType

    private var access: String { type.memberAccess.headerPrefix }
    private var isRawValueEnum: Bool { type.rawValueType != nil }
    /// Whether `lodumDecodeFields` (internal tagging's reader) is generated.
    private var readsFieldsAfterTag: Bool {
        if case .internal = type.tagging { return true }
        return false
    }

    @MemberBlockItemListBuilder
    func makeMembers() throws -> MemberBlockItemListSyntax {
        if isRawValueEnum {
            try rawValueSerialize()
            try rawValueInitializer()
        } else {
            try caseTables()
            try serializeFunction()
            try initializer()
            try unitCaseFunction()
            try decodeContentFunction()
            if readsFieldsAfterTag {
                try decodeFieldsFunction()
            }
            try enumCasesFunction()
        }
    }

    // MARK: Raw values

    private func rawValueSerialize() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax("\(raw: access)func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws") {
            "try serializer.encode(self.rawValue)"
        }
    }

    private func rawValueInitializer() throws -> InitializerDeclSyntax {
        let cases = ArrayExprSyntax(expressions: type.cases.map { ExprSyntax(".\($0.identifier)") })
        return try InitializerDeclSyntax("\(raw: access)init<D: LodumCore.Deserializer>(from deserializer: inout D) throws") {
            "self = try deserializer.decodeRawValue(Self.self, cases: \(cases))"
        }
    }

    // MARK: Tables

    @MemberBlockItemListBuilder
    private func caseTables() throws -> MemberBlockItemListSyntax {
        let names = ArrayExprSyntax(expressions: type.cases.map { ExprSyntax(literal: $0.wireName) })
        try staticTable("lodumCases", type: "LodumCore.FieldNames", value: ExprSyntax(names))
        if type.cases.contains(where: { if case .fields = $0.payload { return true } else { return false } }) {
            let tables = ArrayExprSyntax(expressions: type.cases.map { enumCase in
                guard case .fields(let fields) = enumCase.payload else { return ExprSyntax("[]") }
                return ExprSyntax(ArrayExprSyntax(expressions: fields.map { ExprSyntax(literal: $0.key) }))
            })
            try staticTable("lodumCaseFields", type: "[LodumCore.FieldNames]", value: ExprSyntax(tables))
        }
    }

    private func staticTable(_ name: String, type tableType: String, value: ExprSyntax) throws -> VariableDeclSyntax {
        if type.mayBeGeneric {
            // Swift has no static stored properties in generic types.
            return try VariableDeclSyntax("\(raw: access)static var \(raw: name): \(raw: tableType) { \(value) }")
        }
        return try VariableDeclSyntax("\(raw: access)static let \(raw: name): \(raw: tableType) = \(value)")
    }

    // MARK: Writing

    private func serializeFunction() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax("\(raw: access)func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws") {
            try SwitchExprSyntax("switch self") {
                for enumCase in type.cases {
                    SwitchCaseSyntax("\(enumCase.pattern):") {
                        writeStatement(enumCase)
                    }
                }
            }
        }
    }

    /// The statement that writes one case in the enum's tagging.
    private func writeStatement(_ enumCase: EnumCase) -> CodeBlockItemSyntax {
        let name = enumCase.wireName
        switch type.tagging {
        case .external:
            if enumCase.isUnit { return "try serializer.encodeCaseName(\(literal: name))" }
            return "try serializer.encodeExternallyTaggedCase(\(literal: name)) { serializer in \(payloadWriter(enumCase)) }"
        case .internal(let tag):
            var fieldWrites: [String] = ["try serializer.encodeField(\(StringLiteralExprSyntax(content: tag)), \(StringLiteralExprSyntax(content: name)) as String)"]
            var count = 1
            if case .fields(let fields) = enumCase.payload {
                for (index, field) in fields.enumerated() {
                    fieldWrites.append("try serializer.encodeField(\(StringLiteralExprSyntax(content: field.key)), _lodum_\(index))")
                }
                count += fields.count
            }
            return """
                try serializer.encodeStruct(\(literal: type.name), fieldCount: \(literal: count)) { serializer in
                \(raw: fieldWrites.joined(separator: "\n"))
                }
                """
        case .adjacent(let tag, let content):
            if enumCase.isUnit {
                return """
                    try serializer.encodeStruct(\(literal: type.name), fieldCount: 1) { serializer in
                        try serializer.encodeField(\(literal: tag), \(literal: name) as String)
                    }
                    """
            }
            return """
                try serializer.encodeStruct(\(literal: type.name), fieldCount: 2) { serializer in
                    try serializer.encodeField(\(literal: tag), \(literal: name) as String)
                    try serializer.encodeField(\(literal: content), writing: { serializer in \(payloadWriter(enumCase)) })
                }
                """
        case .untagged:
            if enumCase.isUnit { return "try serializer.writeNil()" }
            return "\(payloadWriter(enumCase))"
        }
    }

    /// The statement that writes a case's associated values (bound as `_lodum_0`, …).
    private func payloadWriter(_ enumCase: EnumCase) -> ExprSyntax {
        switch enumCase.payload {
        case .none:
            return "try serializer.writeNil()"
        case .single:
            return "try serializer.encode(_lodum_0)"
        case .tuple(let types):
            let elements = types.indices.map { "try serializer.encodeElement(_lodum_\($0), at: \($0))" }.joined(separator: "\n")
            return "try serializer.encodeSeq(count: \(literal: types.count)) { serializer in\n\(raw: elements)\n}"
        case .fields(let fields):
            let writes = fields.enumerated().map { index, field in
                "try serializer.encodeField(\(StringLiteralExprSyntax(content: field.key)), _lodum_\(index))"
            }.joined(separator: "\n")
            return "try serializer.encodeStruct(\(literal: enumCase.wireName), fieldCount: \(literal: fields.count)) { serializer in\n\(raw: writes)\n}"
        }
    }

    // MARK: Reading

    private func initializer() throws -> InitializerDeclSyntax {
        let read: ExprSyntax
        let cases = "Self.lodumEnumCases(D.self)"
        switch type.tagging {
        case .external: read = "try deserializer.decodeExternallyTagged(\(raw: cases))"
        case .internal(let tag): read = "try deserializer.decodeInternallyTagged(\(raw: cases), name: \(literal: type.name), tag: \(literal: tag))"
        case .adjacent(let tag, let content):
            read = "try deserializer.decodeAdjacentlyTagged(\(raw: cases), name: \(literal: type.name), tag: \(literal: tag), content: \(literal: content))"
        case .untagged: read = "try deserializer.decodeUntagged(\(raw: cases))"
        }
        return try InitializerDeclSyntax("\(raw: access)init<D: LodumCore.Deserializer>(from deserializer: inout D) throws") {
            "self = \(read)"
        }
    }

    private func unitCaseFunction() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax("\(raw: access)static func lodumUnitCase(_ index: Int) -> Self?") {
            try SwitchExprSyntax("switch index") {
                for (index, enumCase) in type.cases.enumerated() where enumCase.isUnit {
                    SwitchCaseSyntax("case \(literal: index): return Self.\(enumCase.identifier)")
                }
                SwitchCaseSyntax("default: return nil")
            }
        }
    }

    private func decodeContentFunction() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax(
            "\(raw: access)static func lodumDecodeContent<D: LodumCore.Deserializer>(case index: Int, from deserializer: inout D) throws -> Self"
        ) {
            try SwitchExprSyntax("switch index") {
                for (index, enumCase) in type.cases.enumerated() {
                    SwitchCaseSyntax("case \(literal: index):") {
                        contentReader(enumCase, index: index)
                    }
                }
                SwitchCaseSyntax("default: throw deserializer.noCase(index, of: Self.self)")
            }
        }
    }

    /// `lodumEnumCases(_:)`: the case table and readers for one reader type, which the
    /// tagging drivers take. (A protocol would carry them more simply, but declaring its
    /// conformance made the compiler crash on subclasses of `@Lodum` classes.)
    private func enumCasesFunction() throws -> FunctionDeclSyntax {
        let fieldsReader = readsFieldsAfterTag ? "lodumDecodeFields" : "lodumDecodeContent"
        return try FunctionDeclSyntax(
            "\(raw: access)static func lodumEnumCases<D: LodumCore.Deserializer>(_ reader: D.Type) -> LodumCore.EnumCases<Self, D>"
        ) {
            """
            LodumCore.EnumCases(
                names: Self.lodumCases,
                unitCase: { Self.lodumUnitCase($0) },
                content: { try Self.lodumDecodeContent(case: $1, from: &$0) },
                heldContent: { try Self.lodumDecodeContent(case: $1, from: &$0) },
                fields: { try Self.\(raw: fieldsReader)(case: $1, from: &$0) },
                heldFields: { try Self.\(raw: fieldsReader)(case: $1, from: &$0) }
            )
            """
        }
    }

    private func decodeFieldsFunction() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax(
            "\(raw: access)static func lodumDecodeFields<D: LodumCore.Deserializer>(case index: Int, from deserializer: inout D) throws -> Self"
        ) {
            try SwitchExprSyntax("switch index") {
                for (index, enumCase) in type.cases.enumerated() {
                    SwitchCaseSyntax("case \(literal: index):") {
                        if case .fields(let fields) = enumCase.payload {
                            fieldsReader(enumCase, fields: fields, index: index, reading: "try deserializer.decodeFields(Self.lodumCaseFields[\(index)])")
                        } else {
                            // A unit case: whatever else the struct holds is skipped.
                            "try deserializer.decodeFields([]) { _, _ in }"
                            "return Self.\(enumCase.identifier)"
                        }
                    }
                }
                SwitchCaseSyntax("default: throw deserializer.noCase(index, of: Self.self)")
            }
        }
    }

    /// Statements that read a case's payload as one value and return the case.
    @CodeBlockItemListBuilder
    private func contentReader(_ enumCase: EnumCase, index: Int) -> CodeBlockItemListSyntax {
        switch enumCase.payload {
        case .none:
            "try deserializer.decodeUnitContent()"
            "return Self.\(enumCase.identifier)"
        case .single(let valueType):
            "return Self.\(enumCase.identifier)(try deserializer.decode(\(valueType.metatypeExpression)))"
        case .tuple(let types):
            for (position, valueType) in types.enumerated() {
                "var _lodum_pending_\(raw: position): \(valueType.wrappedInOptional) = nil"
            }
            "var _lodum_count = 0"
            let reads = types.enumerated().map { position, valueType in
                "case \(position): _lodum_pending_\(position) = try deserializer.decode(\(valueType.metatypeExpression))"
            }.joined(separator: "\n")
            """
            try deserializer.decodeSeq { deserializer in
                switch _lodum_count {
                \(raw: reads)
                default: try deserializer.skipValue()
                }
                _lodum_count += 1
            }
            """
            let unwraps = types.indices.map { "let _lodum_value_\($0) = _lodum_pending_\($0)" }.joined(separator: ", ")
            """
            guard _lodum_count == \(literal: types.count), \(raw: unwraps) else {
                throw deserializer.wrongElementCount(expected: \(literal: types.count), found: _lodum_count)
            }
            """
            let values = types.indices.map { "_lodum_value_\($0)" }.joined(separator: ", ")
            "return Self.\(enumCase.identifier)(\(raw: values))"
        case .fields(let fields):
            fieldsReader(
                enumCase, fields: fields, index: index,
                reading: "try deserializer.decodeStruct(\(StringLiteralExprSyntax(content: enumCase.wireName)), fields: Self.lodumCaseFields[\(index)])")
        }
    }

    /// Statements that read a labeled case's fields with `reading` (a struct, or the rest
    /// of one) and return the case.
    @CodeBlockItemListBuilder
    private func fieldsReader(_ enumCase: EnumCase, fields: [EnumCase.Field], index: Int, reading: String) -> CodeBlockItemListSyntax {
        for (position, field) in fields.enumerated() {
            "var _lodum_pending_\(raw: position): \(field.type.implicitUnwrapSpelledAsOptional.wrappedInOptional) = nil"
        }
        let reads = fields.enumerated().map { position, field in
            "case \(position): _lodum_pending_\(position) = try deserializer.decode(\(field.type.implicitUnwrapSpelledAsOptional.metatypeExpression))"
        }.joined(separator: "\n")
        """
        \(raw: reading) { deserializer, field in
            switch field {
            \(raw: reads)
            default: try deserializer.skipValue()
            }
        }
        """
        for (position, field) in fields.enumerated() {
            let fallback = "LodumCore.defaultForMissingField(\(field.type.implicitUnwrapSpelledAsOptional.metatypeExpression))"
            """
            guard let _lodum_value_\(raw: position) = _lodum_pending_\(raw: position) ?? \(raw: fallback) else {
                throw deserializer.missingField(\(literal: field.key))
            }
            """
        }
        let arguments = fields.enumerated().map { "\($1.label.text): _lodum_value_\($0)" }.joined(separator: ", ")
        "return Self.\(enumCase.identifier)(\(raw: arguments))"
    }
}

extension EnumCase {
    /// `case .circle(let _lodum_0)`: the pattern that binds the associated values.
    var pattern: SyntaxNodeString {
        switch payload {
        case .none:
            return "case .\(identifier)"
        case .single:
            return "case .\(identifier)(let _lodum_0)"
        case .tuple(let types):
            return "case .\(identifier)(\(raw: types.indices.map { "let _lodum_\($0)" }.joined(separator: ", ")))"
        case .fields(let fields):
            return "case .\(identifier)(\(raw: fields.indices.map { "let _lodum_\($0)" }.joined(separator: ", ")))"
        }
    }
}
