import SwiftDiagnostics
import SwiftSyntax

/// One stored instance property of an `@Lodum` type, as code generation sees it.
///
/// Generators work only from this model. Options such as a future `@Field(rename:)`
/// or `@Lodum(renameAll:)` adjust `wireKey`, `isEncoded` and `decoding` here, and
/// the generated code follows without further changes.
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
    /// How `init(from:)` reads the property, or `nil` if it never does: a `let` with an
    /// initializer keeps its value, because Swift does not let an initializer overwrite it.
    var decoding: Decoding?

    /// What `init(from:)` needs to read one property.
    struct Decoding {
        /// The declared type, taken from a later binding in `var a, b: Int`.
        let type: TypeSyntax
        /// The value used when the key is missing from the input. `nil` asks the core's
        /// `defaultForMissingField`, which supplies `nil` for Optionals and nothing otherwise.
        var defaultValue: ExprSyntax?
    }

    /// Whether the property has a field in the type's field table.
    var hasField: Bool { isEncoded || decoding != nil }
}

extension StoredProperty {
    /// Reads the stored instance properties one member declaration introduces.
    ///
    /// Static, computed and `lazy` properties are not part of a value's serialized
    /// state and yield no properties. Problems are appended to `diagnostics` and the
    /// offending binding is left out, so every problem in a type is reported at once.
    static func properties(
        declaredBy variable: VariableDeclSyntax,
        diagnostics: inout [Diagnostic]
    ) -> [StoredProperty] {
        guard !variable.isStatic, !variable.isLazy else { return [] }
        let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
        let options = FieldOptions(parsing: variable.attributes, diagnostics: &diagnostics)
        let declaredTypes = variable.bindings.declaredTypes

        var properties: [StoredProperty] = []
        for (binding, declaredType) in zip(variable.bindings, declaredTypes) where binding.isStored {
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
                decoding = Decoding(type: declaredType, defaultValue: initializer)
            }
            var property = StoredProperty(
                identifier: pattern.identifier.trimmed,
                name: name,
                wireKey: name,
                isEncoded: true,
                decoding: decoding
            )
            if options.skipIfNil {
                guard let declaredType, declaredType.isOptional else {
                    diagnostics.append(
                        Diagnostic(node: binding, message: LodumDiagnostic.skipIfNilOnNonOptional(property: name))
                    )
                    continue
                }
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
