import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates `init(from:)`.
///
/// The initializer collects each decoded property into an Optional local while the
/// core walks the input's keys, then assigns every property from its local, its
/// default, or the core's fallback for missing fields, throwing when none applies.
/// Collecting first keeps decoding independent of the order keys arrive in.
struct DeserializeGenerator {
    let type: AnnotatedType

    /// Whether the initializer is `required`: in a class that may be subclassed, every
    /// subclass must be decodable too.
    private var isRequired: Bool { type.kind == .classInHierarchy }

    func makeInitializer() throws -> InitializerDeclSyntax {
        let header: SyntaxNodeString = """
            \(raw: type.inlinablePrefix)\(raw: type.memberAccess.headerPrefix)\(raw: isRequired ? "required " : "")\
            init<D: LodumCore.Deserializer>(from deserializer: inout D) throws
            """
        return try InitializerDeclSyntax(header) {
            if type.inheritsFields {
                // The table holds the superclass's fields first, then this class's own: a
                // superclass field is held as a Value and handed to the superclass's
                // initializer, which reads it by name.
                "let _lodum_fields = \(raw: type.name).lodumAllFields"
                "let _lodum_inheritedCount = _lodum_fields.count - \(literal: type.fields.count)"
                "var _lodum_inherited: [LodumCore.Value.Member] = []"
                "let _lodum_start = deserializer.position"
            }
            for property in type.properties {
                if let decoding = property.decoding, decoding.readsKey {
                    "var \(property.pendingLocal): \(decoding.decodedType.wrappedInOptional) = nil"
                }
            }
            try readFieldsStatement()
            for property in type.properties {
                if let decoding = property.decoding {
                    if property.isFlattened {
                        "self.\(property.identifier) = _lodum_flattened"
                    } else if decoding.readsKey {
                        try assignment(of: property, decoding: decoding)
                    } else {
                        // A skipped property is never read: it takes its default, or nil.
                        "self.\(property.identifier) = \(decoding.defaultValue ?? "nil")"
                    }
                }
            }
            if type.inheritsFields {
                "var _lodum_parent = deserializer.inheritedFields(_lodum_inherited)"
                """
                do {
                    try super.init(from: &_lodum_parent)
                } catch {
                    throw deserializer.located(error, at: _lodum_start)
                }
                """
            }
        }
    }

    /// `try deserializer.decodeStruct(...) { deserializer, field in switch field { ... } }`,
    /// storing each recognized field into its property's local.
    private func readFieldsStatement() throws -> CodeBlockItemListSyntax {
        let inherits = type.inheritsFields
        let dispatchOnField = try SwitchExprSyntax(inherits ? "switch field - _lodum_inheritedCount" : "switch field") {
            for (index, property) in type.fields.enumerated() {
                if let decoding = property.decoding {
                    if let validator = property.validator {
                        SwitchCaseSyntax(
                            """
                            case \(literal: index):
                                let _lodum_decoded = \(property.decodeExpression(decoding))
                                try deserializer.validate(_lodum_decoded, rule: \(literal: validator.trimmedDescription), by: \(validator))
                                \(property.pendingLocal) = _lodum_decoded
                            """
                        )
                    } else {
                        SwitchCaseSyntax(
                            """
                            case \(literal: index): \
                            \(property.pendingLocal) = \(property.decodeExpression(decoding))
                            """
                        )
                    }
                }
            }
            // Fields that are encoded but never decoded still have a slot in the table,
            // so their values must be consumed to keep the input in step.
            if inherits {
                SwitchCaseSyntax(
                    """
                    default:
                        if field < _lodum_inheritedCount {
                            let _lodum_key = _lodum_fields.names[field].description
                            _lodum_inherited.append(LodumCore.Value.Member(key: _lodum_key, value: try LodumCore.Value(from: &deserializer)))
                        } else {
                            try deserializer.skipValue()
                        }
                    """
                )
            } else {
                SwitchCaseSyntax("default: try deserializer.skipValue()")
            }
        }
        let readField = ClosureExprSyntax(
            signature: ClosureSignatureSyntax(
                parameterClause: .simpleInput([
                    ClosureShorthandParameterSyntax(name: "deserializer", trailingComma: .commaToken()),
                    ClosureShorthandParameterSyntax(name: "field"),
                ])
            )
        ) {
            dispatchOnField
        }
        // Built nodes carry no whitespace; format before splicing them into source text.
        if let flattened = type.flattened, let nestedType = flattened.decoding?.type {
            let deny = type.options.denyUnknownFields ? ", denyUnknownFields: true" : ""
            return """
                let _lodum_flattened = try deserializer.decodeStruct(\(literal: type.name), fields: Self.lodumFields, \
                ownCount: \(literal: type.fields.count), flattening: \(nestedType.metatypeExpression)\(raw: deny)) \
                \(readField.formatted())
                """
        }
        let table = inherits ? "_lodum_fields" : "Self.lodumFields"
        if type.options.denyUnknownFields {
            return """
                try deserializer.decodeStruct(\(literal: type.name), fields: \(raw: table), denyUnknownFields: true) \
                \(readField.formatted())
                """
        }
        return "try deserializer.decodeStruct(\(literal: type.name), fields: \(raw: table)) \(readField.formatted())"
    }

    /// Assigns `property` from its local, falling back to its default value when the
    /// key was missing, or else to the core's answer for missing fields.
    @CodeBlockItemListBuilder
    private func assignment(
        of property: StoredProperty,
        decoding: StoredProperty.Decoding
    ) throws -> CodeBlockItemListSyntax {
        if let defaultValue = decoding.defaultValue {
            "self.\(property.identifier) = \(property.pendingLocal) ?? \(defaultValue.parenthesizedAsOperand)"
        } else {
            let fallback = "LodumCore.defaultForMissingField(\(decoding.decodedType.metatypeExpression))"
            try GuardStmtSyntax(
                "guard let \(property.resolvedLocal) = \(property.pendingLocal) ?? \(raw: fallback) else"
            ) {
                "throw deserializer.missingField(\(literal: property.wireKey))"
            }
            "self.\(property.identifier) = \(property.resolvedLocal)"
        }
    }
}

extension StoredProperty.Decoding {
    /// The type `init(from:)` decodes: the declared type, with `T!` spelled `T?`.
    fileprivate var decodedType: TypeSyntax { type.implicitUnwrapSpelledAsOptional }
}

extension StoredProperty {
    /// `try deserializer.decode(T.self)`, through the property's coding if it has one.
    fileprivate func decodeExpression(_ decoding: Decoding) -> ExprSyntax {
        if let coding {
            return "try deserializer.decode(\(decoding.decodedType.metatypeExpression), using: \(coding).self)"
        }
        return "try deserializer.decode(\(decoding.decodedType.metatypeExpression))"
    }

    /// The local holding the decoded value, `nil` until the key is seen.
    ///
    /// Locals are named `_lodum_pending_<name>` and `_lodum_value_<name>`: the two
    /// prefixes differ right after `_lodum_`, so no pending name equals a value name,
    /// and neither can equal `deserializer` or `field`. Properties are always reached
    /// through `self.`, so a property with the same name as a local is harmless.
    fileprivate var pendingLocal: TokenSyntax { local(prefix: "_lodum_pending_") }

    /// The local holding the value after defaults are applied.
    fileprivate var resolvedLocal: TokenSyntax { local(prefix: "_lodum_value_") }

    private func local(prefix: String) -> TokenSyntax {
        let isPlainIdentifier = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        // A raw identifier such as `my field` only forms a valid name inside backticks.
        return .identifier(isPlainIdentifier ? prefix + name : "`\(prefix + name)`")
    }
}
