import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates `serialize(to:)`, which writes each encoded property as a field of one struct.
struct SerializeGenerator {
    let type: AnnotatedType

    func makeSerializeFunction() throws -> FunctionDeclSyntax {
        let encoded = type.fields.filter(\.isEncoded)
        let header: SyntaxNodeString =
            """
            \(raw: type.memberAccess.headerPrefix)\
            func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws
            """
        return try FunctionDeclSyntax(header) {
            let writeFields = ClosureExprSyntax(signature: closureSignature(bindingSerializer: !encoded.isEmpty)) {
                for property in encoded {
                    "try serializer.encodeField(\(literal: property.wireKey), self.\(property.identifier))"
                }
            }
            // Built nodes carry no whitespace; format before splicing them into source text.
            """
            try serializer.encodeStruct(\(literal: type.name), fieldCount: \(literal: encoded.count)) \
            \(writeFields.formatted())
            """
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
