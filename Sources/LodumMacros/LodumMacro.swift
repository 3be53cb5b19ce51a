import SwiftSyntax
import SwiftSyntaxBuilder
import SwiftSyntaxMacros

/// The `@Lodum` macro: makes a struct or final class `Serializable` and `Deserializable`
/// by generating code that drives the core's `Serializer` and `Deserializer` directly.
///
/// The extension role adds the conformances, the `lodumFields` table, `serialize(to:)`,
/// `jsonSchema(in:)`, and, for structs, `init(from:)`. A class's `init(from:)` is a designated initializer,
/// which an extension cannot add, so the member role puts it in the class body; for
/// structs the member role adds no initializer, keeping the memberwise one. For a type
/// nested in another, the member role also declares an alias for each property or payload
/// type, which the extension names them by (``AnnotatedType/typeAliases``).
///
/// Diagnostics come from the extension role alone: both roles see the same declaration,
/// and reporting from both would show every problem twice.
public struct LodumMacro: ExtensionMacro, MemberMacro {
    public static func expansion(
        of node: AttributeSyntax,
        attachedTo declaration: some DeclGroupSyntax,
        providingExtensionsOf type: some TypeSyntaxProtocol,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [ExtensionDeclSyntax] {
        let annotated = try AnnotatedType(
            parsing: declaration,
            attribute: node,
            lexicalContext: context.lexicalContext
        )
        let conformances = LodumConformance.allCases.filter { conformance in
            protocols.contains { conformance.isNamed(by: $0) }
        }
        let inheritanceClause = conformances.isEmpty
            ? ""
            : ": " + conformances.map(\.qualifiedName).joined(separator: ", ")

        let schema = try SchemaGenerator(type: annotated, extendedType: TypeSyntax(type.trimmed)).makeSchemaFunction()
        if annotated.kind == .enumeration {
            let members = try EnumGenerator(type: annotated).makeMembers()
            let extensionDecl = try ExtensionDeclSyntax("extension \(type.trimmed)\(raw: inheritanceClause)") {
                for (offset, member) in members.enumerated() {
                    offset == 0 ? member.decl : member.decl.separatedByBlankLine
                }
                schema.separatedByBlankLine
            }
            return [extensionDecl]
        }

        if annotated.kind == .classInHierarchy {
            // The members are overridable, so the member role puts them in the class body.
            // A subclass inherits its superclass's conformances and has no table of its own
            // (a static property cannot be redeclared), so it needs no extension.
            let fieldTable = try FieldTableGenerator(type: annotated).makeFieldTable()
            return [try ExtensionDeclSyntax("extension \(type.trimmed)\(raw: inheritanceClause)") { fieldTable }]
        }

        let fieldTable = try FieldTableGenerator(type: annotated).makeFieldTable()
        let serialize = try SerializeGenerator(type: annotated).makeSerializeFunction()
        let initializer: InitializerDeclSyntax? =
            switch annotated.kind {
            case .structure: try DeserializeGenerator(type: annotated).makeInitializer()
            case .finalClass, .classInHierarchy, .enumeration: nil  // The member role puts a class's in its body.
            }

        let extensionDecl = try ExtensionDeclSyntax("extension \(type.trimmed)\(raw: inheritanceClause)") {
            fieldTable
            serialize.separatedByBlankLine
            if let initializer {
                initializer.separatedByBlankLine
            }
            schema.separatedByBlankLine
        }
        return [extensionDecl]
    }

    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        // Problems are reported by the extension role; here they only mean "add nothing".
        guard
            let annotated = try? AnnotatedType(
                parsing: declaration,
                attribute: node,
                lexicalContext: context.lexicalContext
            )
        else {
            return []
        }
        switch annotated.kind {
        case .classInHierarchy:
            return try ClassHierarchyGenerator(type: annotated).makeMembers()
        case .finalClass:
            return annotated.typeAliasDeclarations + [DeclSyntax(try DeserializeGenerator(type: annotated).makeInitializer())]
        case .structure, .enumeration:
            return annotated.typeAliasDeclarations
        }
    }
}

extension DeclSyntaxProtocol {
    /// The declaration with a blank line before it, so generated members read like hand-written ones.
    fileprivate var separatedByBlankLine: Self {
        with(\.leadingTrivia, .newlines(2))
    }
}

/// The protocols `@Lodum` conforms types to.
private enum LodumConformance: CaseIterable {
    case serializable
    case deserializable
    case jsonSchemaDescribable

    /// The name as written in generated code, qualified so a user type of the same name cannot interfere.
    var qualifiedName: String {
        switch self {
        case .serializable: "LodumCore.Serializable"
        case .deserializable: "LodumCore.Deserializable"
        case .jsonSchemaDescribable: "LodumCore.JSONSchemaDescribable"
        }
    }

    /// Whether `type`, one of the protocols the compiler asks the macro to conform to,
    /// names this conformance. The compiler may spell it with or without the module.
    func isNamed(by type: TypeSyntax) -> Bool {
        let lastComponent =
            type.as(MemberTypeSyntax.self)?.name.text ?? type.as(IdentifierTypeSyntax.self)?.name.text
        return switch self {
        case .serializable: lastComponent == "Serializable"
        case .deserializable: lastComponent == "Deserializable"
        case .jsonSchemaDescribable: lastComponent == "JSONSchemaDescribable"
        }
    }
}

/// The `@LodumSubclass` macro: the overriding members of a subclass of an `@Lodum` class.
///
/// It has no extension role: a subclass inherits its superclass's conformances, and asking
/// the compiler which of them a subclass lacks is what an extension role would do.
public struct LodumSubclassMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        let annotated = try AnnotatedType(parsing: declaration, attribute: node, lexicalContext: context.lexicalContext)
        return try ClassHierarchyGenerator(type: annotated).makeMembers()
    }
}
