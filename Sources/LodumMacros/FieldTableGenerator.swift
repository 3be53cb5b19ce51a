import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates `lodumFields`: the wire keys of the type's fields in declaration order.
///
/// Decoding matches incoming keys against this table and reports a match by its index,
/// so the generated decoder switches over small integers instead of comparing strings.
struct FieldTableGenerator {
    let type: AnnotatedType

    func makeFieldTable() throws -> VariableDeclSyntax {
        let fields = type.fields
        let keys = ArrayExprSyntax(expressions: fields.map { ExprSyntax(literal: $0.wireKey) })
        let aliases = fields.enumerated().flatMap { index, property in
            property.aliases.map { "LodumCore.FieldNames.Alias(\(literal: $0), field: \(literal: index))" as ExprSyntax }
        }
        let denies = type.options.denyUnknownFields
        let table: ExprSyntax
        if let flattened = type.flattened, let nestedType = flattened.decoding?.type {
            // The type's own fields, then the flattened struct's, known only at run time.
            var arguments = "\(keys)"
            if !aliases.isEmpty { arguments += ", aliases: \(ArrayExprSyntax(expressions: aliases))" }
            if denies { arguments += ", namesUnknownKeys: true" }
            table = """
                LodumCore.FieldNames(\(raw: arguments)).extended(
                    by: \(nestedType).lodumFields.names, aliases: \(nestedType).lodumFields.aliases, namesUnknownKeys: false)
                """
        } else if aliases.isEmpty && !denies {
            table = ExprSyntax(keys)
        } else {
            var arguments = "\(keys)"
            if !aliases.isEmpty { arguments += ", aliases: \(ArrayExprSyntax(expressions: aliases))" }
            if denies { arguments += ", namesUnknownKeys: true" }
            table = "LodumCore.FieldNames(\(raw: arguments))"
        }
        let access = type.memberAccess.headerPrefix
        if type.mayBeGeneric {
            // Swift has no static stored properties in generic types, so the table is
            // rebuilt on each use there; everywhere else it is built once.
            return try VariableDeclSyntax("\(raw: access)static var lodumFields: LodumCore.FieldNames { \(table) }")
        }
        return try VariableDeclSyntax("\(raw: access)static let lodumFields: LodumCore.FieldNames = \(table)")
    }
}
