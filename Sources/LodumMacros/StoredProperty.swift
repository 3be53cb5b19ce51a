import SwiftDiagnostics
import SwiftSyntax

/// One stored instance property of an `@Lodum` type, as code generation sees it.
///
/// Generators work only from this model. Options (`@Field(...)`, `@Lodum(renameAll:)`,
/// `omitNil`) adjust `wireKey`, `isEncoded` and `decoding` here, and the generated code
/// follows without further changes.
struct StoredProperty {
    /// The property's name token as written, backticks included, for `self.<name>` access.
    let identifier: TokenSyntax
    /// The property's name without backticks.
    let name: String
    /// The key the property has in serialized data.
    var wireKey: String
    /// Whether `serialize(to:)` writes the property.
    var isEncoded: Bool
    /// Whether `serialize(to:)` leaves the field out when the property is `nil`
    /// (`@Field(skipIfNil: true)`), instead of writing a null.
    var skipsNil: Bool = false
    /// Further keys accepted on read.
    var aliases: [String] = []
    /// The `FieldCoding` type that converts the property (`@Field(using:)`).
    var coding: ExprSyntax?
    /// The `@Field(validate:)` expression, checked after each decode.
    var validator: ExprSyntax?
    /// The type as declared, or `nil` for a `let` whose type comes from its initial value.
    var declaredType: TypeSyntax?
    /// The syntax diagnostics about this property's key point at.
    var keySyntax: Syntax
    /// `@Flatten`: the property's fields are written and read as the enclosing struct's.
    var isFlattened = false
    /// How `init(from:)` reads the property, or `nil` if it never does: a `let` with an
    /// initializer keeps its value, because Swift does not let an initializer overwrite it.
    var decoding: Decoding?
    /// Whether code inlined into other modules may read and set the property: it is
    /// `public` (or `open`) with no narrower setter.
    var isPublicAndSettable = false

    /// What `init(from:)` needs to read one property.
    struct Decoding {
        /// The declared type, taken from a later binding in `var a, b: Int`.
        var type: TypeSyntax
        /// The value used when the key is missing from the input. `nil` asks the core's
        /// `defaultForMissingField`, which supplies `nil` for Optionals and nothing otherwise.
        var defaultValue: ExprSyntax?
        /// Whether the key is read at all; a skipped property only takes its default.
        var readsKey = true
    }

    /// Whether the property has a field in the type's field table. A skipped property
    /// (`@Field(skip: true)`) has none: it keeps its initial value on read.
    var hasField: Bool { isEncoded || decoding?.readsKey == true }
}

extension StoredProperty {
    /// Reads the stored instance properties one member declaration introduces.
    ///
    /// Static, computed and `lazy` properties are not part of a value's serialized
    /// state and yield no properties. Problems are appended to `diagnostics` and the
    /// offending binding is left out, so every problem in a type is reported at once.
    static func properties(
        declaredBy variable: VariableDeclSyntax,
        typeOptions: TypeOptions,
        diagnostics: inout [Diagnostic]
    ) -> [StoredProperty] {
        let options = FieldOptions(parsing: variable.attributes, diagnostics: &diagnostics)
        guard !variable.isStatic, !variable.isLazy else {
            if let attribute = options.attribute {
                diagnostics.append(Diagnostic(node: attribute, message: LodumDiagnostic.fieldOnNonStoredProperty))
            }
            return []
        }
        let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
        let declaredTypes = variable.bindings.declaredTypes

        var properties: [StoredProperty] = []
        for (binding, declaredType) in zip(variable.bindings, declaredTypes) {
            guard binding.isStored else {
                if let attribute = options.attribute {
                    diagnostics.append(Diagnostic(node: attribute, message: LodumDiagnostic.fieldOnNonStoredProperty))
                }
                continue
            }
            guard let pattern = binding.pattern.as(IdentifierPatternSyntax.self) else {
                diagnostics.append(Diagnostic(node: binding.pattern, message: LodumDiagnostic.unsupportedPattern))
                continue
            }
            let name = pattern.identifier.identifier?.name ?? pattern.identifier.text
            let initializer = binding.initializer?.value.trimmed
            let isEncodeOnly = isLet && initializer != nil
            var decoding: Decoding?
            if !isEncodeOnly {
                guard let declaredType else {
                    diagnostics.append(
                        Diagnostic(node: binding, message: LodumDiagnostic.missingTypeAnnotation(property: name))
                    )
                    continue
                }
                decoding = Decoding(type: declaredType, defaultValue: options.defaultValue ?? initializer)
            }
            var property = StoredProperty(
                identifier: pattern.identifier.trimmed,
                name: name,
                wireKey: options.rename ?? typeOptions.renameAll?.apply(to: name) ?? name,
                isEncoded: true,
                keySyntax: options.attribute.map(Syntax.init) ?? Syntax(binding.pattern),
                decoding: decoding
            )
            property.aliases = options.aliases
            property.coding = options.coding
            property.validator = options.validator
            property.declaredType = declaredType
            property.isPublicAndSettable = variable.isPublicAndSettable
            if let flatten = variable.attributes.first(where: { $0.as(AttributeSyntax.self)?.isNamed("Flatten") == true }) {
                guard options.attribute == nil, declaredType?.isOptional == false else {
                    diagnostics.append(Diagnostic(node: flatten, message: LodumDiagnostic.flattenMisuse))
                    continue
                }
                // Not a field of its own: its fields are.
                property.isFlattened = true
                property.isEncoded = false
                property.decoding?.readsKey = false
            }
            let isOptional = declaredType?.isOptional == true
            if options.skip {
                // Never written; on read the key is unknown and the property keeps a value it
                // can have without one.
                guard initializer != nil || isOptional else {
                    diagnostics.append(Diagnostic(node: binding, message: LodumDiagnostic.skipWithoutDefault(property: name)))
                    continue
                }
                property.isEncoded = false
                property.decoding?.readsKey = false
            }
            if options.skipIfNil {
                guard isOptional else {
                    diagnostics.append(
                        Diagnostic(node: binding, message: LodumDiagnostic.skipIfNilOnNonOptional(property: name))
                    )
                    continue
                }
                property.skipsNil = true
            } else if typeOptions.omitNil, isOptional {
                property.skipsNil = true
            }
            properties.append(property)
        }
        return properties
    }
}

extension VariableDeclSyntax {
    fileprivate var isStatic: Bool {
        modifiers.contains { [.keyword(.static), .keyword(.class)].contains($0.name.tokenKind) }
    }

    fileprivate var isLazy: Bool {
        modifiers.contains { $0.name.tokenKind == .keyword(.lazy) }
    }

    /// `public var`, `open var`, `public private(set) var` is not: its setter is private.
    fileprivate var isPublicAndSettable: Bool {
        let isPublic = modifiers.contains { [.keyword(.public), .keyword(.open)].contains($0.name.tokenKind) && $0.detail == nil }
        let narrowsSetter = modifiers.contains { $0.detail != nil && $0.name.tokenKind != .keyword(.public) }
        return isPublic && !narrowsSetter
    }
}

extension PatternBindingListSyntax {
    /// Each binding's type, in order. In `var a, b: Int` Swift gives `a` the type of
    /// the next annotated binding, as long as `a` has no initializer of its own.
    fileprivate var declaredTypes: [TypeSyntax?] {
        var types: [TypeSyntax?] = []
        var typeFromLaterBinding: TypeSyntax?
        for binding in reversed() {
            if let annotation = binding.typeAnnotation {
                typeFromLaterBinding = annotation.type.trimmed
                types.append(typeFromLaterBinding)
            } else if binding.initializer != nil {
                typeFromLaterBinding = nil
                types.append(nil)
            } else {
                types.append(typeFromLaterBinding)
            }
        }
        return types.reversed()
    }
}

extension PatternBindingSyntax {
    /// Whether the binding has storage: no accessors at all, or only the
    /// `willSet`/`didSet` observers, which watch storage rather than replace it.
    fileprivate var isStored: Bool {
        guard let accessorBlock else { return true }
        switch accessorBlock.accessors {
        case .getter:
            return false
        case .accessors(let accessors):
            return accessors.allSatisfy {
                [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind)
            }
        }
    }
}
