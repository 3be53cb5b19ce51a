import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates `lodumFields`: the wire keys of the type's fields in declaration order.
///
/// Decoding matches incoming keys against this table and reports a match by its index,
/// so the generated decoder switches over small integers instead of comparing strings.
struct FieldTableGenerator {
    let type: AnnotatedType

    func makeFieldTable() throws -> VariableDeclSyntax {
        let keys = ArrayExprSyntax(expressions: type.fields.map { ExprSyntax(literal: $0.wireKey) })
        let access = type.memberAccess.headerPrefix
        if type.mayBeGeneric {
            // Swift has no static stored properties in generic types, so the table is
            // rebuilt on each use there; everywhere else it is built once.
            return try VariableDeclSyntax("\(raw: access)static var lodumFields: LodumCore.FieldNames { \(keys) }")
        }
        return try VariableDeclSyntax("\(raw: access)static let lodumFields: LodumCore.FieldNames = \(keys)")
    }
}
