import SwiftSyntax
import SwiftSyntaxMacros

/// `@Field(...)`: options for one stored property of an `@Lodum` type.
///
/// The attribute generates nothing itself; `@Lodum` reads it while parsing the type, so the
/// options are applied at compile time in the code `@Lodum` generates.
public struct FieldMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        []
    }
}

/// `@Flatten`: writes and reads a property's fields as the enclosing type's. Like `@Field`,
/// it generates nothing itself; `@Lodum` reads it.
public struct FlattenMacro: PeerMacro {
    public static func expansion(
        of node: AttributeSyntax,
        providingPeersOf declaration: some DeclSyntaxProtocol,
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        []
    }
}
