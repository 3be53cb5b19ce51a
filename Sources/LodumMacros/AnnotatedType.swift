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
        /// A final class that is no `@Lodum` class's subclass: its members are not overridden.
        case finalClass
        /// A class in a hierarchy: one that may be subclassed, or (`subclass: true`) one whose
        /// superclass is an `@Lodum` class. Its members are overridable and chain to the
        /// superclass's, so a subclass writes and reads its parent's fields too.
        case classInHierarchy
        /// An enum, written as its raw value when it has one, else by ``tagging``.
        case enumeration
    }

    let kind: Kind
    /// The type's name without generic arguments or backticks: the name formats see.
    let name: String
    /// The access modifier generated members carry.
    let memberAccess: MemberAccess
    /// Whether the type may be generic, directly or through an enclosing declaration.
    /// Swift has no static stored properties in generic types.
    let mayBeGeneric: Bool
    /// Whether `serialize(to:)` and `init(from:)` are `@inlinable`, so that other modules
    /// specialize them for the format they use (see ``isInlinable(kind:access:properties:lexicalContext:)``).
    let emitsInlinableMembers: Bool
    /// Every stored instance property, in declaration order.
    var properties: [StoredProperty]
    /// The options of the `@Lodum(...)` attribute.
    let options: TypeOptions
    /// An enum's cases, in declaration order.
    var cases: [EnumCase] = []
    /// An enum's raw-value type, when it has one (`enum Color: String`): it is then written
    /// as its raw value.
    var rawValueType: TypeSyntax?
    /// How an enum without raw values marks its case.
    var tagging: EnumTagging = .external

    /// A subclass's superclass: the first type its declaration inherits.
    var superclass: TypeSyntax?

    /// Type aliases the member role declares in the type's body, one for each property or
    /// payload type the generated extension spells: see ``aliasingTypes()``.
    var typeAliases: [(name: String, type: TypeSyntax)] = []

    /// The `@Flatten` property, whose fields are the type's too; at most one.
    var flattened: StoredProperty? { properties.first(where: \.isFlattened) }

    /// Whether the class's superclass is an `@Lodum` class (`@LodumSubclass`).
    var inheritsFields: Bool { options.subclass }

    /// `@inlinable ` when the members are, else nothing.
    var inlinablePrefix: String { emitsInlinableMembers ? "@inlinable " : "" }

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
        var diagnostics: [Diagnostic] = []
        let options = TypeOptions(parsing: attribute, diagnostics: &diagnostics)
        if let structure = declaration.as(StructDeclSyntax.self) {
            kind = .structure
            nameToken = structure.name
            genericParameters = structure.genericParameterClause
        } else if let classDecl = declaration.as(ClassDeclSyntax.self) {
            let isFinal = classDecl.modifiers.contains { $0.name.tokenKind == .keyword(.final) }
            superclass = options.subclass ? classDecl.inheritanceClause?.inheritedTypes.first?.type.trimmed : nil
            kind = isFinal && !options.subclass ? .finalClass : .classInHierarchy
            nameToken = classDecl.name
            genericParameters = classDecl.genericParameterClause
        } else if let enumDecl = declaration.as(EnumDeclSyntax.self) {
            kind = .enumeration
            nameToken = enumDecl.name
            genericParameters = enumDecl.genericParameterClause
            rawValueType = Self.rawValueType(of: enumDecl)
        } else {
            let unsupported = LodumDiagnostic.unsupportedDeclaration(Self.unsupportedKind(of: declaration))
            throw DiagnosticsError(diagnostics: [Diagnostic(node: attribute, message: unsupported)])
        }

        var properties: [StoredProperty] = []
        var cases: [EnumCase] = []
        for member in declaration.memberBlock.members {
            if let variable = member.decl.as(VariableDeclSyntax.self), kind != .enumeration {
                properties += StoredProperty.properties(declaredBy: variable, typeOptions: options, diagnostics: &diagnostics)
            } else if let caseDecl = member.decl.as(EnumCaseDeclSyntax.self) {
                cases += EnumCase.cases(declaredBy: caseDecl, typeOptions: options, diagnostics: &diagnostics)
            }
        }
        if kind == .enumeration {
            tagging = Self.checkEnum(
                cases: cases, rawValueType: rawValueType, options: options, declaration: declaration,
                attribute: attribute, diagnostics: &diagnostics)
        } else {
            for syntax in options.enumOptionSyntax {
                diagnostics.append(Diagnostic(node: syntax, message: LodumDiagnostic.taggingOnNonEnum))
            }
        }
        if options.subclass, kind == .structure || kind == .enumeration {
            diagnostics.append(Diagnostic(node: attribute, message: LodumDiagnostic.subclassOnNonClass))
        }
        Self.checkKeysAreDistinct(properties, diagnostics: &diagnostics)
        let flattened = properties.filter(\.isFlattened)
        if flattened.count > 1 || (!flattened.isEmpty && kind == .classInHierarchy) {
            for property in flattened.dropFirst(kind == .classInHierarchy ? 0 : 1) {
                diagnostics.append(Diagnostic(node: property.keySyntax, message: LodumDiagnostic.oneFlatten))
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticsError(diagnostics: diagnostics) }
        self.options = options
        self.cases = cases
        self.name = nameToken.identifier?.name ?? nameToken.text
        self.memberAccess = MemberAccess(typeModifiers: declaration.modifiers)
        self.mayBeGeneric = genericParameters != nil || lexicalContext.contains(where: \.mayIntroduceGenericParameters)
        self.properties = properties
        self.emitsInlinableMembers = Self.isInlinable(
            kind: kind, access: memberAccess, properties: properties, lexicalContext: lexicalContext)
        // A class in a hierarchy has its members in its body, where its type names resolve.
        if !lexicalContext.isEmpty, kind != .classInHierarchy { aliasingTypes() }
    }

    /// Makes the generated extension name each property's and payload's type through an
    /// alias declared in the type's body.
    ///
    /// The extension is at file scope, so a type nested in another could not name a sibling
    /// nested type (`var kind: Kind` inside `enum Shop`) bare: in the body, where the user
    /// wrote it, the name resolves; the alias carries it out. Optional wrappers stay outside
    /// the alias, since whether a field is optional is read from its spelling.
    private mutating func aliasingTypes() {
        var aliases: [(name: String, type: TypeSyntax)] = []
        func alias(_ type: TypeSyntax) -> TypeSyntax {
            if let optional = type.as(OptionalTypeSyntax.self) {
                return TypeSyntax(optional.with(\.wrappedType, alias(optional.wrappedType)))
            }
            if let unwrapped = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
                return TypeSyntax(unwrapped.with(\.wrappedType, alias(unwrapped.wrappedType)))
            }
            let name = "_\(aliases.count)"
            aliases.append((name, type.trimmed))
            return TypeSyntax(MemberTypeSyntax(
                baseType: IdentifierTypeSyntax(name: .identifier(Self.typeNamespace)), name: .identifier(name)))
        }
        for index in properties.indices {
            var property = properties[index]
            if let declared = property.declaredType { property.declaredType = alias(declared) }
            if let decoding = property.decoding { property.decoding?.type = property.declaredType ?? alias(decoding.type) }
            properties[index] = property
        }
        for index in cases.indices {
            switch cases[index].payload {
            case .none: break
            case .single(let type): cases[index].payload = .single(alias(type))
            case .tuple(let types): cases[index].payload = .tuple(types.map(alias))
            case .fields(let fields):
                cases[index].payload = .fields(fields.map { EnumCase.Field(label: $0.label, key: $0.key, type: alias($0.type)) })
            }
        }
        typeAliases = aliases
    }

    /// The enum in the type's body that holds the aliases.
    static let typeNamespace = "_LodumTypes"

    /// The member role's declaration of the aliases, in one caseless enum so that the macro
    /// names a single member (none for a top-level type). Naming members the macro cannot list
    /// (`names: arbitrary`) would make the compiler expand it before looking up any member,
    /// which lost a type's own `==` to the synthesized one.
    var typeAliasDeclarations: [DeclSyntax] {
        guard !typeAliases.isEmpty else { return [] }
        let aliases = typeAliases.map { "    typealias \($0.name) = \($0.type.trimmedDescription)" }.joined(separator: "\n")
        return ["enum \(raw: Self.typeNamespace) {\n\(raw: aliases)\n}"]
    }

    /// Whether the generated members can be `@inlinable`: a top-level public struct whose
    /// stored properties are all public and settable, with no option whose expression the
    /// macro cannot see into (a default that is not a literal, `using:`, `validate:`),
    /// since inlinable code may name only public declarations.
    ///
    /// Without it, the members are generic functions whose bodies other modules cannot
    /// see: a model in its own module is read and written through witness tables and
    /// generic metadata lookups, several times slower (Docs/Performance.md).
    private static func isInlinable(
        kind: Kind, access: MemberAccess, properties: [StoredProperty], lexicalContext: [Syntax]
    ) -> Bool {
        guard kind == .structure, access == .public, lexicalContext.isEmpty else { return false }
        return properties.allSatisfy { property in
            property.isPublicAndSettable && property.coding == nil && property.validator == nil
                && (property.decoding?.defaultValue.map(\.isLiteral) ?? true)
        }
    }

    /// The raw-value types Swift allows whose values every format can write.
    private static let rawValueTypes: Set<String> = [
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double", "Float",
    ]

    /// `String` in `enum Color: String, Sendable`, when the first inherited type is a raw-value type.
    private static func rawValueType(of declaration: EnumDeclSyntax) -> TypeSyntax? {
        guard let first = declaration.inheritanceClause?.inheritedTypes.first?.type.trimmed,
              rawValueTypes.contains(first.trimmedDescription)
        else { return nil }
        return first
    }

    /// Checks an enum's options and cases together, returning its tagging.
    private static func checkEnum(
        cases: [EnumCase], rawValueType: TypeSyntax?, options: TypeOptions, declaration: some DeclGroupSyntax,
        attribute: AttributeSyntax, diagnostics: inout [Diagnostic]
    ) -> EnumTagging {
        if rawValueType != nil {
            var misplaced = options.enumOptionSyntax
            if let renameAll = options.renameAllSyntax { misplaced.append(renameAll) }
            for syntax in misplaced {
                let label = syntax.as(LabeledExprSyntax.self)?.label?.text ?? "this option"
                diagnostics.append(Diagnostic(node: syntax, message: LodumDiagnostic.optionOnRawValueEnum("\(label):")))
            }
            return .external
        }
        var names: [String: String] = [:]
        for enumCase in cases {
            if let other = names[enumCase.wireName] {
                diagnostics.append(Diagnostic(
                    node: enumCase.syntax, message: LodumDiagnostic.duplicateCase(enumCase.wireName, caseName: enumCase.name, other: other)))
            } else {
                names[enumCase.wireName] = enumCase.name
            }
        }
        if options.untagged {
            if options.tag != nil || options.content != nil {
                diagnostics.append(Diagnostic(
                    node: attribute, message: LodumDiagnostic.conflictingTagging("untagged: writes no tag, so it cannot be combined with tag: or content:")))
            }
            return .untagged
        }
        guard let tag = options.tag else {
            if options.content != nil {
                diagnostics.append(Diagnostic(
                    node: attribute, message: LodumDiagnostic.conflictingTagging("content: names the payload beside a tag: give tag: too")))
            }
            return .external
        }
        if let content = options.content {
            if content == tag {
                diagnostics.append(Diagnostic(
                    node: attribute, message: LodumDiagnostic.conflictingTagging("tag: and content: must be different keys")))
            }
            return .adjacent(tag: tag, content: content)
        }
        for enumCase in cases {
            switch enumCase.payload {
            case .single, .tuple:
                diagnostics.append(Diagnostic(node: enumCase.syntax, message: LodumDiagnostic.internalTagNeedsLabels(caseName: enumCase.name)))
            case .fields(let fields) where fields.contains(where: { $0.key == tag }):
                diagnostics.append(Diagnostic(
                    node: enumCase.syntax,
                    message: LodumDiagnostic.conflictingTagging("case '\(enumCase.name)' has a value labeled '\(tag)', the tag's own key")))
            default:
                break
            }
        }
        return .internal(tag: tag)
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
        if declaration.is(ActorDeclSyntax.self) { return .actor }
        if declaration.is(ProtocolDeclSyntax.self) { return .protocol }
        if declaration.is(ExtensionDeclSyntax.self) { return .extension }
        return .other
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

extension ExprSyntax {
    /// A literal that names no declaration: a number, a string without interpolation, a
    /// Boolean, `nil`, or an array or dictionary of such.
    fileprivate var isLiteral: Bool {
        if self.is(IntegerLiteralExprSyntax.self) || self.is(FloatLiteralExprSyntax.self)
            || self.is(BooleanLiteralExprSyntax.self) || self.is(NilLiteralExprSyntax.self) {
            return true
        }
        if let prefix = self.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" {
            return prefix.expression.isLiteral
        }
        if let string = self.as(StringLiteralExprSyntax.self) {
            return string.segments.allSatisfy { $0.is(StringSegmentSyntax.self) }
        }
        if let array = self.as(ArrayExprSyntax.self) {
            return array.elements.allSatisfy { $0.expression.isLiteral }
        }
        if let dictionary = self.as(DictionaryExprSyntax.self) {
            switch dictionary.content {
            case .colon: return true
            case .elements(let elements): return elements.allSatisfy { $0.key.isLiteral && $0.value.isLiteral }
            }
        }
        return false
    }
}
