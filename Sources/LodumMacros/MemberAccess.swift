import SwiftSyntax

/// The access modifier written on the members `@Lodum` generates, chosen so they are
/// exactly as visible as the type: a public type's conformance needs public witnesses.
enum MemberAccess: Equatable {
    case `public`
    case `package`
    /// No modifier. Members then default to internal, capped by the type's own
    /// access, which is what `internal`, `fileprivate` and `private` types need.
    case implicit

    /// Reads the access level off the modifiers of the annotated type.
    init(typeModifiers: DeclModifierListSyntax) {
        self = .implicit
        for modifier in typeModifiers {
            switch modifier.name.tokenKind {
            // `open` means public here: generated members are not meant to be overridden,
            // and an initializer cannot be `open` at all.
            case .keyword(.open), .keyword(.public):
                self = .public
            case .keyword(.package):
                self = .package
            default:
                continue
            }
        }
    }

    /// The modifier as it starts a declaration header: `"public "`, `"package "` or nothing.
    var headerPrefix: String {
        switch self {
        case .public: "public "
        case .package: "package "
        case .implicit: ""
        }
    }
}
