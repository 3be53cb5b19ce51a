import SwiftSyntax

extension TypeSyntax {
    /// The type with a top-level `T!` spelled `T?`. Both decode the same way, and an
    /// implicitly unwrapped Optional may not appear in an expression such as `T!.self`.
    var implicitUnwrapSpelledAsOptional: TypeSyntax {
        guard let implicitlyUnwrapped = self.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) else { return self }
        return TypeSyntax(OptionalTypeSyntax(wrappedType: implicitlyUnwrapped.wrappedType))
    }

    /// `T?`, parenthesized where `?` would otherwise bind to only part of the type, as in `(any P)?`.
    var wrappedInOptional: TypeSyntax {
        TypeSyntax(OptionalTypeSyntax(wrappedType: parenthesizedForPostfix))
    }

    /// The expression `T.self`, parenthesized where needed, as in `(any P).self`.
    var metatypeExpression: ExprSyntax {
        ExprSyntax(
            MemberAccessExprSyntax(
                base: TypeExprSyntax(type: parenthesizedForPostfix),
                declName: DeclReferenceExprSyntax(baseName: .keyword(.self))
            )
        )
    }

    /// The type, wrapped in parentheses unless a postfix `?` or `.self` applies to all of it.
    private var parenthesizedForPostfix: TypeSyntax {
        switch kind {
        case .identifierType, .memberType, .optionalType, .implicitlyUnwrappedOptionalType,
            .arrayType, .dictionaryType, .tupleType, .metatypeType:
            return self
        default:
            return TypeSyntax(TupleTypeSyntax(elements: [TupleTypeElementSyntax(type: self)]))
        }
    }
}

extension ExprSyntax {
    /// The expression, parenthesized unless it is a single operand that no infix
    /// operator around it can split (so `x ?? a ? b : c` cannot happen).
    var parenthesizedAsOperand: ExprSyntax {
        switch kind {
        case .integerLiteralExpr, .floatLiteralExpr, .stringLiteralExpr, .booleanLiteralExpr,
            .nilLiteralExpr, .arrayExpr, .dictionaryExpr, .declReferenceExpr, .memberAccessExpr,
            .functionCallExpr, .subscriptCallExpr, .tupleExpr, .closureExpr, .macroExpansionExpr:
            return self
        default:
            return ExprSyntax(TupleExprSyntax(elements: [LabeledExprSyntax(expression: self)]))
        }
    }
}
