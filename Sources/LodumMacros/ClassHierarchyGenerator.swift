import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates the overridable members of a class in a hierarchy, in the class body (an
/// extension's members cannot be overridden):
///
/// - `lodumAllFields`: the superclass's fields, then this class's own;
/// - `lodumFieldCount(positional:)` and `lodumWriteFields(to:positional:)`, which a
///   subclass overrides to add its own fields after its superclass's;
/// - `serialize(to:)`, in the topmost class only: one struct of every field;
/// - `required init(from:)`.
///
/// `@Lodum` on a class that may be subclassed generates the topmost class's;
/// `@LodumSubclass` a subclass's, which override them.
struct ClassHierarchyGenerator {
    let type: AnnotatedType

    private var access: String { type.memberAccess.headerPrefix }
    /// `override ` in a subclass of an `@Lodum` class.
    private var override: String { type.inheritsFields ? "override " : "" }
    private var encoded: [StoredProperty] { type.fields.filter(\.isEncoded) }

    func makeMembers() throws -> [DeclSyntax] {
        var members: [DeclSyntax] = [
            DeclSyntax(try allFieldsProperty()),
            DeclSyntax(try fieldCountFunction()),
            DeclSyntax(try writeFieldsFunction()),
        ]
        if !type.inheritsFields {
            members.append(DeclSyntax(try serializeFunction()))
        }
        members.append(DeclSyntax(try DeserializeGenerator(type: type).makeInitializer()))
        var schema = SchemaGenerator(type: type, extendedType: TypeSyntax(IdentifierTypeSyntax(name: .identifier(type.name))))
        schema.superclass = type.superclass
        members.append(DeclSyntax(try schema.makeSchemaFunction()))
        return members
    }

    private func allFieldsProperty() throws -> VariableDeclSyntax {
        guard type.inheritsFields else {
            return try VariableDeclSyntax("\(raw: access)class var lodumAllFields: LodumCore.FieldNames { lodumFields }")
        }
        let names = ArrayExprSyntax(expressions: type.fields.map { ExprSyntax(literal: $0.wireKey) })
        let aliases = ArrayExprSyntax(expressions: type.fields.enumerated().flatMap { index, property in
            property.aliases.map { "LodumCore.FieldNames.Alias(\(literal: $0), field: \(literal: index))" as ExprSyntax }
        })
        return try VariableDeclSyntax("""
            \(raw: access)override class var lodumAllFields: LodumCore.FieldNames {
                super.lodumAllFields.extended(by: \(names), aliases: \(aliases), namesUnknownKeys: \(literal: type.options.denyUnknownFields))
            }
            """)
    }

    private func fieldCountFunction() throws -> FunctionDeclSyntax {
        let fixed = encoded.filter { !$0.skipsNil }.count
        let base: ExprSyntax = type.inheritsFields
            ? "super.lodumFieldCount(positional: positional) + \(literal: fixed)"
            : "\(literal: fixed)"
        let optional = encoded.filter(\.skipsNil)
        return try FunctionDeclSyntax("\(raw: access)\(raw: override)func lodumFieldCount(positional: Bool) -> Int") {
            if optional.isEmpty {
                "return \(base)"
            } else {
                "var count = \(base)"
                for property in optional {
                    "if positional || self.\(property.identifier) != nil { count += 1 }"
                }
                "return count"
            }
        }
    }

    private func writeFieldsFunction() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax(
            "\(raw: access)\(raw: override)func lodumWriteFields<S: LodumCore.Serializer>(to serializer: inout S, positional: Bool) throws"
        ) {
            if type.inheritsFields {
                "try super.lodumWriteFields(to: &serializer, positional: positional)"
            }
            for property in encoded {
                if property.skipsNil {
                    """
                    if positional || self.\(property.identifier) != nil {
                        \(property.encodeFieldStatement)
                    }
                    """
                } else {
                    property.encodeFieldStatement
                }
            }
        }
    }

    private func serializeFunction() throws -> FunctionDeclSyntax {
        try FunctionDeclSyntax("\(raw: access)func serialize<S: LodumCore.Serializer>(to serializer: inout S) throws") {
            // A format that writes fields by position keeps every field, nil or not.
            "let positional = !serializer.writesFieldNames"
            """
            try serializer.encodeStruct(\(literal: type.name), fieldCount: self.lodumFieldCount(positional: positional)) { serializer in
                try self.lodumWriteFields(to: &serializer, positional: positional)
            }
            """
        }
    }
}
