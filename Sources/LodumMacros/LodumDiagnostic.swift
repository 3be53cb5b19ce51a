import SwiftDiagnostics

/// The reasons `@Lodum` refuses a declaration, worded for the person who wrote it.
enum LodumDiagnostic: DiagnosticMessage {
    /// `@Lodum` was attached to something other than a struct or a class.
    case unsupportedDeclaration(UnsupportedKind)
    /// `@Lodum` was attached to a class that can be subclassed.
    case nonFinalClass(name: String)
    /// A decodable stored property has no type annotation, so the macro cannot name its type.
    case missingTypeAnnotation(property: String)
    /// A stored property is bound by a tuple or wildcard pattern instead of a single name.
    case unsupportedPattern
    /// `@Field(skipIfNil: true)` on a property whose declared type is not an Optional.
    case skipIfNilOnNonOptional(property: String)
    /// An option whose value is not a literal the macro can read.
    case nonLiteralOption(String)

    /// The declaration kinds `@Lodum` can be attached to but does not handle yet.
    enum UnsupportedKind: String {
        case `enum`
        case actor
        case `protocol`
        case `extension`
        case other
    }

    var message: String {
        switch self {
        case .unsupportedDeclaration(.enum):
            "@Lodum currently supports structs and final classes; enums arrive with the data-model issue"
        case .unsupportedDeclaration(.actor):
            """
            @Lodum currently supports structs and final classes, not actors, \
            whose state cannot be read synchronously
            """
        case .unsupportedDeclaration(.protocol):
            """
            @Lodum currently supports structs and final classes; \
            attach it to each conforming type instead of the protocol
            """
        case .unsupportedDeclaration(.extension):
            """
            @Lodum currently supports structs and final classes; \
            attach it to the type's declaration, not an extension
            """
        case .unsupportedDeclaration(.other):
            "@Lodum currently supports structs and final classes"
        case .nonFinalClass(let name):
            """
            @Lodum supports only final classes, because a subclass's own stored properties \
            would be left out; mark '\(name)' as 'final'
            """
        case .missingTypeAnnotation(let property):
            "@Lodum needs an explicit type annotation on stored property '\(property)' to decode it"
        case .unsupportedPattern:
            """
            @Lodum cannot serialize a property bound by a tuple or wildcard pattern; \
            declare each property with its own name
            """
        case .skipIfNilOnNonOptional(let property):
            "@Field(skipIfNil: true) needs an Optional type on '\(property)', spelled 'T?' or 'Optional<T>'"
        case .nonLiteralOption(let option):
            "@Field(\(option):) must be a literal 'true' or 'false'"
        }
    }

    var diagnosticID: MessageID {
        let id =
            switch self {
            case .unsupportedDeclaration: "unsupportedDeclaration"
            case .nonFinalClass: "nonFinalClass"
            case .missingTypeAnnotation: "missingTypeAnnotation"
            case .unsupportedPattern: "unsupportedPattern"
            case .skipIfNilOnNonOptional: "skipIfNilOnNonOptional"
            case .nonLiteralOption: "nonLiteralOption"
            }
        return MessageID(domain: "LodumMacros", id: id)
    }

    var severity: DiagnosticSeverity { .error }
}

/// The edits `@Lodum` offers alongside its diagnostics.
enum LodumFixIt: FixItMessage {
    /// Insert `final` before `class`.
    case addFinal

    var message: String {
        switch self {
        case .addFinal: "add 'final'"
        }
    }

    var fixItID: MessageID {
        switch self {
        case .addFinal: MessageID(domain: "LodumMacros", id: "addFinal")
        }
    }
}
