import SwiftDiagnostics
import SwiftSyntax

/// The declaration `@Lodum` is attached to, reduced to what code generation needs.
///
/// Parsing happens once, up front, so the generators never inspect raw syntax and
/// every problem is found before any code is produced.
struct AnnotatedType {
    /// The kinds of type `@Lodum` can serialize.
    enum Kind {
        case structure
        /// Only final classes: a subclass would inherit conformances that ignore its own properties.
        case finalClass
    }

    let kind: Kind
    /// The type's name without generic arguments or backticks: the name formats see.
    let name: String
    /// The access modifier generated members carry.
    let memberAccess: MemberAccess
    /// Whether the type may be generic, directly or through an enclosing declaration.
    /// Swift has no static stored properties in generic types.
    let mayBeGeneric: Bool
    /// Every stored instance property, in declaration order.
    let properties: [StoredProperty]
    /// The options of the `@Lodum(...)` attribute.
    let options: TypeOptions

    /// The properties with a field in serialized data. A property's position in this
    /// array is its index into the generated `lodumFields` table.
    var fields: [StoredProperty] { properties.filter(\.hasField) }
}

extension AnnotatedType {
    /// Parses `declaration`, throwing every diagnostic that stops `@Lodum` from supporting it.
    ///
    /// - Parameters:
    ///   - declaration: The declaration the attribute is attached to.
    ///   - attribute: The `@Lodum` attribute, where declaration-level diagnostics point.
    ///   - lexicalContext: The declarations enclosing `declaration`, innermost first.
    init(
        parsing declaration: some DeclGroupSyntax,
        attribute: AttributeSyntax,
        lexicalContext: [Syntax]
    ) throws(DiagnosticsError) {
        let nameToken: TokenSyntax
        let genericParameters: GenericParameterClauseSyntax?
        if let structure = declaration.as(StructDeclSyntax.self) {
            kind = .structure
            nameToken = structure.name
            genericParameters = structure.genericParameterClause
        } else if let classDecl = declaration.as(ClassDeclSyntax.self) {
            guard classDecl.modifiers.contains(where: { $0.name.tokenKind == .keyword(.final) }) else {
                throw DiagnosticsError(diagnostics: [Self.nonFinalClassDiagnostic(classDecl, attribute: attribute)])
            }
            kind = .finalClass
            nameToken = classDecl.name
            genericParameters = classDecl.genericParameterClause
        } else {
            let unsupported = LodumDiagnostic.unsupportedDeclaration(Self.unsupportedKind(of: declaration))
            throw DiagnosticsError(diagnostics: [Diagnostic(node: attribute, message: unsupported)])
        }

        var diagnostics: [Diagnostic] = []
        let options = TypeOptions(parsing: attribute, diagnostics: &diagnostics)
        var properties: [StoredProperty] = []
        for member in declaration.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
            properties += StoredProperty.properties(declaredBy: variable, typeOptions: options, diagnostics: &diagnostics)
        }
        Self.checkKeysAreDistinct(properties, diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics: diagnostics) }
        self.options = options

        self.name = nameToken.identifier?.name ?? nameToken.text
        self.memberAccess = MemberAccess(typeModifiers: declaration.modifiers)
        self.mayBeGeneric = genericParameters != nil || lexicalContext.contains(where: \.mayIntroduceGenericParameters)
        self.properties = properties
    }

    /// Reports a key (a field's key or an alias) that an earlier field already has:
    /// decoding could not tell the two apart.
    private static func checkKeysAreDistinct(_ properties: [StoredProperty], diagnostics: inout [Diagnostic]) {
        var owners: [String: String] = [:]
        for property in properties where property.hasField {
            for key in [property.wireKey] + property.aliases {
                if let other = owners[key] {
                    diagnostics.append(Diagnostic(
                        node: property.keySyntax, message: LodumDiagnostic.duplicateKey(key, property: property.name, other: other)))
                } else {
                    owners[key] = property.name
                }
            }
        }
    }

    private static func unsupportedKind(of declaration: some DeclGroupSyntax) -> LodumDiagnostic.UnsupportedKind {
        if declaration.is(EnumDeclSyntax.self) { return .enum }
        if declaration.is(ActorDeclSyntax.self) { return .actor }
        if declaration.is(ProtocolDeclSyntax.self) { return .protocol }
        if declaration.is(ExtensionDeclSyntax.self) { return .extension }
        return .other
    }

    /// The non-final class diagnostic, with a Fix-It that inserts `final` among the class's modifiers.
    private static func nonFinalClassDiagnostic(
        _ classDecl: ClassDeclSyntax,
        attribute: AttributeSyntax
    ) -> Diagnostic {
        let finalModifier = DeclModifierSyntax(name: .keyword(.final), trailingTrivia: .space)
        var modifiers = classDecl.modifiers
        modifiers.append(finalModifier)
        return Diagnostic(
            node: attribute,
            message: LodumDiagnostic.nonFinalClass(name: classDecl.name.text),
            fixIt: FixIt(
                message: LodumFixIt.addFinal,
                changes: [.replace(oldNode: Syntax(classDecl.modifiers), newNode: Syntax(modifiers))]
            )
        )
    }
}

extension Syntax {
    /// Whether an enclosing declaration can make a nested type generic. An extension
    /// counts because its extended type may be generic, which syntax alone cannot tell.
    fileprivate var mayIntroduceGenericParameters: Bool {
        if self.is(ExtensionDeclSyntax.self) || self.is(ProtocolDeclSyntax.self) { return true }
        return self.asProtocol((any WithGenericParametersSyntax).self)?.genericParameterClause != nil
    }
}
