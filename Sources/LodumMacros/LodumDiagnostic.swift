import SwiftDiagnostics

/// The reasons `@Lodum` refuses a declaration, worded for the person who wrote it.
enum LodumDiagnostic: DiagnosticMessage {
    /// `@Lodum` was attached to something other than a struct or a class.
    case unsupportedDeclaration(UnsupportedKind)
    /// A decodable stored property has no type annotation, so the macro cannot name its type.
    case missingTypeAnnotation(property: String)
    /// A stored property is bound by a tuple or wildcard pattern instead of a single name.
    case unsupportedPattern
    /// `@Field(skipIfNil: true)` on a property whose declared type is not an Optional.
    case skipIfNilOnNonOptional(property: String)
    /// An option whose value is not a literal the macro can read.
    case nonLiteralOption(String)
    /// `rename:` or `aliases:` with something other than plain string literals.
    case nonLiteralString(String)
    /// `using:` with something other than `SomeType.self`.
    case codingNotAType
    /// `renameAll:` with something other than one of the rules.
    case unknownRenameRule
    /// `@Field` on a computed, `static` or `lazy` property.
    case fieldOnNonStoredProperty
    /// `@Field(skip: true)` on a property that has no value without its key.
    case skipWithoutDefault(property: String)
    /// Two fields (or aliases) share a key.
    case duplicateKey(String, property: String, other: String)
    /// `tag:` or `content:` with something other than a plain string literal.
    case nonLiteralTypeString(String)
    /// `tag`, `content` or `untagged` on a struct or class.
    case taggingOnNonEnum
    /// `content` without `tag`, or `tag` with `untagged`.
    case conflictingTagging(String)
    /// An internally tagged case whose payload has no field names to sit beside the tag.
    case internalTagNeedsLabels(caseName: String)
    /// `@Flatten` on an Optional, or beside `@Field`.
    case flattenMisuse
    /// More than one `@Flatten` in a type, or one in a class hierarchy.
    case oneFlatten
    /// `@LodumSubclass` on a struct or an enum.
    case subclassOnNonClass
    /// A case with some associated values labeled and some not.
    case mixedLabels(caseName: String)
    /// A raw-value enum with tagging or renaming options, which do not apply to it.
    case optionOnRawValueEnum(String)
    /// Two cases share a name on the wire.
    case duplicateCase(String, caseName: String, other: String)

    /// The declaration kinds `@Lodum` can be attached to but does not handle yet.
    enum UnsupportedKind: String {
        case actor
        case `protocol`
        case `extension`
        case other
    }

    var message: String {
        switch self {
        case .unsupportedDeclaration(.actor):
            """
            @Lodum supports structs, final classes and enums, not actors, \
            whose state cannot be read synchronously
            """
        case .unsupportedDeclaration(.protocol):
            """
            @Lodum supports structs, final classes and enums; \
            attach it to each conforming type instead of the protocol
            """
        case .unsupportedDeclaration(.extension):
            """
            @Lodum supports structs, final classes and enums; \
            attach it to the type's declaration, not an extension
            """
        case .unsupportedDeclaration(.other):
            "@Lodum supports structs, final classes and enums"
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
            "\(option) must be a literal 'true' or 'false'"
        case .nonLiteralString(let option):
            "@Field(\(option):) must be written as string literals, without interpolation"
        case .codingNotAType:
            "@Field(using:) takes a FieldCoding type, written 'SomeCoding.self'"
        case .unknownRenameRule:
            "renameAll: must be one of .snakeCase, .camelCase, .pascalCase, .kebabCase, .screamingSnakeCase"
        case .fieldOnNonStoredProperty:
            "@Field applies only to stored instance properties; computed, static and lazy properties are not serialized"
        case .skipWithoutDefault(let property):
            "@Field(skip: true) needs a value for '\(property)' when it is not read: give it an initial value or an Optional type"
        case .duplicateKey(let key, let property, let other):
            "'\(property)' uses the key \"\(key)\", which '\(other)' already has"
        case .nonLiteralTypeString(let option):
            "@Lodum(\(option):) must be a string literal, without interpolation"
        case .taggingOnNonEnum:
            "tag, content and untagged apply to enums with associated values; a struct or class is always a struct"
        case .conflictingTagging(let reason):
            reason
        case .internalTagNeedsLabels(let caseName):
            """
            an internally tagged enum writes each case's values beside the tag, so they need labels; \
            label the values of '\(caseName)', or use 'content:' for adjacent tagging
            """
        case .flattenMisuse:
            "@Flatten takes a non-Optional @Lodum struct, and no @Field options: its fields keep their own keys"
        case .oneFlatten:
            "a struct or final class can flatten one property; a class that may be subclassed, none"
        case .subclassOnNonClass:
            "@LodumSubclass applies to a class whose superclass is an @Lodum class; use @Lodum here"
        case .mixedLabels(let caseName):
            "label all of the associated values of '\(caseName)', or none of them"
        case .optionOnRawValueEnum(let option):
            "\(option) does not apply to an enum with raw values, which is written as its raw value; set the raw values instead"
        case .duplicateCase(let name, let caseName, let other):
            "case '\(caseName)' is written \"\(name)\", as '\(other)' already is"
        }
    }

    var diagnosticID: MessageID {
        let id =
            switch self {
            case .unsupportedDeclaration: "unsupportedDeclaration"
            case .missingTypeAnnotation: "missingTypeAnnotation"
            case .unsupportedPattern: "unsupportedPattern"
            case .skipIfNilOnNonOptional: "skipIfNilOnNonOptional"
            case .nonLiteralOption: "nonLiteralOption"
            case .nonLiteralString: "nonLiteralString"
            case .codingNotAType: "codingNotAType"
            case .unknownRenameRule: "unknownRenameRule"
            case .fieldOnNonStoredProperty: "fieldOnNonStoredProperty"
            case .skipWithoutDefault: "skipWithoutDefault"
            case .duplicateKey: "duplicateKey"
            case .nonLiteralTypeString: "nonLiteralTypeString"
            case .taggingOnNonEnum: "taggingOnNonEnum"
            case .conflictingTagging: "conflictingTagging"
            case .internalTagNeedsLabels: "internalTagNeedsLabels"
            case .flattenMisuse: "flattenMisuse"
            case .oneFlatten: "oneFlatten"
            case .subclassOnNonClass: "subclassOnNonClass"
            case .mixedLabels: "mixedLabels"
            case .optionOnRawValueEnum: "optionOnRawValueEnum"
            case .duplicateCase: "duplicateCase"
            }
        return MessageID(domain: "LodumMacros", id: id)
    }

    var severity: DiagnosticSeverity { .error }
}
