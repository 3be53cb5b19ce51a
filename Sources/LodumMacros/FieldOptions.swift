import SwiftDiagnostics
import SwiftSyntax

/// The options of a property's `@Field(...)` attribute, read as literals at compile time.
struct FieldOptions {
    /// `skipIfNil: true`: a `nil` value leaves the field out instead of writing a null.
    var skipIfNil = false

    /// Reads the `@Field` attribute among `attributes`, if any. An argument that is not a
    /// literal is reported, because the macro must know its value while generating code.
    init(parsing attributes: AttributeListSyntax, diagnostics: inout [Diagnostic]) {
        for element in attributes {
            guard case .attribute(let attribute) = element, attribute.isNamed("Field"),
                  case .argumentList(let arguments) = attribute.arguments
            else { continue }
            for argument in arguments {
                switch argument.label?.text {
                case "skipIfNil":
                    guard let literal = argument.expression.as(BooleanLiteralExprSyntax.self) else {
                        diagnostics.append(Diagnostic(node: argument.expression, message: LodumDiagnostic.nonLiteralOption("skipIfNil")))
                        continue
                    }
                    skipIfNil = literal.literal.tokenKind == .keyword(.true)
                default:
                    continue
                }
            }
        }
    }
}

extension AttributeSyntax {
    /// Whether the attribute is spelled `@name` or `@Module.name`.
    func isNamed(_ name: String) -> Bool {
        if let identifier = attributeName.as(IdentifierTypeSyntax.self) { return identifier.name.text == name }
        if let member = attributeName.as(MemberTypeSyntax.self) { return member.name.text == name }
        return false
    }
}

extension TypeSyntax {
    /// Whether the type is spelled as an Optional: `T?`, `T!` or `Optional<T>`.
    var isOptional: Bool {
        switch kind {
        case .optionalType, .implicitlyUnwrappedOptionalType:
            return true
        case .identifierType:
            return self.as(IdentifierTypeSyntax.self)?.name.text == "Optional"
        case .memberType:
            return self.as(MemberTypeSyntax.self)?.name.text == "Optional"
        default:
            return false
        }
    }
}
