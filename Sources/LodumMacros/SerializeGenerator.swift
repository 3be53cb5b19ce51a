import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates `serialize(to:)`, which writes each encoded property as a field of one struct.
struct SerializeGenerator {
    let type: AnnotatedType

    func makeSerializeFunction() throws -> FunctionDeclSyntax {
        let encoded = type.fields.filter(\.isEncoded)
        let skippable = encoded.filter(\.skipsNil)
        let flattened = type.flattened
        let header: SyntaxNodeString =
            """
            \(raw: type.inlinablePrefix)\(raw: type.memberAccess.headerPrefix)\
            func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws
            """
        return try FunctionDeclSyntax(header) {
            let writeFields = ClosureExprSyntax(signature: closureSignature(bindingSerializer: !encoded.isEmpty || flattened != nil)) {
                for property in encoded {
                    if property.skipsNil {
                        """
                        if _lodum_positional || self.\(property.identifier) != nil {
                            \(property.encodeFieldStatement)
                        }
                        """
                    } else {
                        property.encodeFieldStatement
                    }
                }
                if let flattened {
                    // The flattened struct's fields follow the type's own, in the order the
                    // table lists them (which positional formats rely on).
                    "try serializer.encodeFlattenedFields(of: self.\(flattened.identifier))"
                }
            }
            if let flattened {
                if !skippable.isEmpty {
                    "let _lodum_positional = !serializer.writesFieldNames"
                }
                let binding: Keyword = skippable.isEmpty ? .let : .var
                "\(raw: binding == .let ? "let" : "var") _lodum_fieldCount = try serializer.flattenedFieldCount(of: self.\(flattened.identifier)) + \(literal: encoded.count - skippable.count)"
                for property in skippable {
                    "if _lodum_positional || self.\(property.identifier) != nil { _lodum_fieldCount += 1 }"
                }
                """
                try serializer.encodeStruct(\(literal: type.name), fieldCount: _lodum_fieldCount) \
                \(writeFields.formatted())
                """
            } else if skippable.isEmpty {
                // Built nodes carry no whitespace; format before splicing them into source text.
                """
                try serializer.encodeStruct(\(literal: type.name), fieldCount: \(literal: encoded.count)) \
                \(writeFields.formatted())
                """
            } else {
                // Formats that state lengths up front need the count of fields actually written.
                // A format that writes fields by position keeps every field, nil or not.
                "let _lodum_positional = !serializer.writesFieldNames"
                "var _lodum_fieldCount = \(literal: encoded.count - skippable.count)"
                for property in skippable {
                    "if _lodum_positional || self.\(property.identifier) != nil { _lodum_fieldCount += 1 }"
                }
                """
                try serializer.encodeStruct(\(literal: type.name), fieldCount: _lodum_fieldCount) \
                \(writeFields.formatted())
                """
            }
        }
    }

    /// `serializer in`, or `_ in` for a type with nothing to write.
    private func closureSignature(bindingSerializer: Bool) -> ClosureSignatureSyntax {
        let name: TokenSyntax = bindingSerializer ? .identifier("serializer") : .wildcardToken()
        return ClosureSignatureSyntax(
            parameterClause: .simpleInput([ClosureShorthandParameterSyntax(name: name)])
        )
    }
}

extension StoredProperty {
    /// `try serializer.encodeField("key", self.name)`, through the property's coding if it has one.
    var encodeFieldStatement: CodeBlockItemSyntax {
        if let coding {
            return "try serializer.encodeField(\(literal: wireKey), self.\(identifier), using: \(coding).self)"
        }
        return "try serializer.encodeField(\(literal: wireKey), self.\(identifier))"
    }
}
