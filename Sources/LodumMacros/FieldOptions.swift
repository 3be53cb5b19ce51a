import SwiftDiagnostics
import SwiftSyntax

/// The options of a property's `@Field(...)` attribute, read at compile time.
///
/// Options the macro must know to shape the code (`rename`, `aliases`, `skip`,
/// `skipIfNil`) must be literals. Expressions the generated code evaluates (`default`,
/// `using`, `validate`) are copied into it as written.
struct FieldOptions {
    /// The `@Field` attribute itself, where diagnostics about it point.
    var attribute: AttributeSyntax?
    /// `rename: "id"`: the property's key on the wire.
    var rename: String?
    /// `aliases: ["userId"]`: further keys accepted on read.
    var aliases: [String] = []
    /// `skip: true`: never written; never read (the key is treated as unknown).
    var skip = false
    /// `skipIfNil: true`: a `nil` value leaves the field out instead of writing a null.
    var skipIfNil = false
    /// `default: expr`: the value when the key is missing.
    var defaultValue: ExprSyntax?
    /// `using: SomeCoding.self`: the coding type, without `.self`.
    var coding: ExprSyntax?
    /// `validate: rule`: a `Validator` or a closure, as written.
    var validator: ExprSyntax?

    /// Reads the `@Field` attribute among `attributes`, if any.
    init(parsing attributes: AttributeListSyntax, diagnostics: inout [Diagnostic]) {
        for element in attributes {
            guard case .attribute(let attribute) = element, attribute.isNamed("Field") else { continue }
            self.attribute = attribute
            guard case .argumentList(let arguments) = attribute.arguments else { continue }
            for argument in arguments {
                let expression = argument.expression
                switch argument.label?.text {
                case "rename":
                    guard let text = expression.stringLiteralValue else {
                        diagnostics.append(Diagnostic(node: expression, message: LodumDiagnostic.nonLiteralString("rename")))
                        continue
                    }
                    rename = text
                case "aliases":
                    guard let array = expression.as(ArrayExprSyntax.self) else {
                        diagnostics.append(Diagnostic(node: expression, message: LodumDiagnostic.nonLiteralString("aliases")))
                        continue
                    }
                    for element in array.elements {
                        guard let text = element.expression.stringLiteralValue else {
                            diagnostics.append(Diagnostic(node: element.expression, message: LodumDiagnostic.nonLiteralString("aliases")))
                            continue
                        }
                        aliases.append(text)
                    }
                case "skip":
                    if let flag = expression.literalFlag(option: "@Field(skip:)", diagnostics: &diagnostics) { skip = flag }
                case "skipIfNil":
                    if let flag = expression.literalFlag(option: "@Field(skipIfNil:)", diagnostics: &diagnostics) { skipIfNil = flag }
                case "default":
                    defaultValue = expression.trimmed
                case "using":
                    guard let member = expression.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "self",
                          let base = member.base
                    else {
                        diagnostics.append(Diagnostic(node: expression, message: LodumDiagnostic.codingNotAType))
                        continue
                    }
                    coding = base.trimmed
                case "validate":
                    validator = expression.trimmed
                default:
                    continue
                }
            }
        }
    }
}

/// The options of the `@Lodum(...)` attribute itself.
struct TypeOptions {
    /// `renameAll: .snakeCase`: how property names become keys.
    var renameAll: RenameRule?
    /// `omitNil: true`: every Optional property is left out when `nil`.
    var omitNil = false
    /// `denyUnknownFields: true`: a key the type does not declare is an error.
    var denyUnknownFields = false
    /// `tag: "type"`: an enum's case is named by this field (internal, or with `content`
    /// adjacent, tagging).
    var tag: String?
    /// `content: "c"`: with `tag`, the field holding the case's payload.
    var content: String?
    /// `untagged: true`: an enum is written as its payload alone.
    var untagged = false
    /// Where each enum-only option was written, for diagnostics on other types.
    var enumOptionSyntax: [Syntax] = []
    /// Where `renameAll:` was written.
    var renameAllSyntax: Syntax?
    /// Whether the attribute is `@LodumSubclass`: a class whose superclass is an `@Lodum`
    /// class, which writes and reads the superclass's fields before its own.
    var subclass = false

    init(parsing attribute: AttributeSyntax, diagnostics: inout [Diagnostic]) {
        subclass = attribute.isNamed("LodumSubclass")
        guard case .argumentList(let arguments) = attribute.arguments else { return }
        for argument in arguments {
            let expression = argument.expression
            switch argument.label?.text {
            case "renameAll":
                renameAllSyntax = Syntax(argument)
                let name = expression.as(MemberAccessExprSyntax.self)?.declName.baseName.text
                guard let name, let rule = RenameRule(rawValue: name) else {
                    diagnostics.append(Diagnostic(node: expression, message: LodumDiagnostic.unknownRenameRule))
                    continue
                }
                renameAll = rule
            case "omitNil":
                if let flag = expression.literalFlag(option: "@Lodum(omitNil:)", diagnostics: &diagnostics) { omitNil = flag }
            case "denyUnknownFields":
                if let flag = expression.literalFlag(option: "@Lodum(denyUnknownFields:)", diagnostics: &diagnostics) { denyUnknownFields = flag }
            case "tag", "content":
                enumOptionSyntax.append(Syntax(argument))
                guard let text = expression.stringLiteralValue else {
                    diagnostics.append(Diagnostic(node: expression, message: LodumDiagnostic.nonLiteralTypeString(argument.label?.text ?? "")))
                    continue
                }
                if argument.label?.text == "tag" { tag = text } else { content = text }
            case "untagged":
                enumOptionSyntax.append(Syntax(argument))
                if let flag = expression.literalFlag(option: "@Lodum(untagged:)", diagnostics: &diagnostics) { untagged = flag }
            default:
                continue
            }
        }
    }
}

extension ExprSyntax {
    /// The text of a string literal without interpolations, or `nil`.
    var stringLiteralValue: String? {
        guard let literal = self.as(StringLiteralExprSyntax.self) else { return nil }
        var text = ""
        for segment in literal.segments {
            guard let plain = segment.as(StringSegmentSyntax.self) else { return nil }
            text += plain.content.text
        }
        return text
    }

    /// The value of a `true` or `false` literal, or `nil`.
    var booleanLiteralValue: Bool? {
        guard let literal = self.as(BooleanLiteralExprSyntax.self) else { return nil }
        return literal.literal.tokenKind == .keyword(.true)
    }

    /// The value of a Boolean option, which must be a literal; otherwise `nil`, with a
    /// diagnostic naming `option`.
    func literalFlag(option: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let flag = booleanLiteralValue else {
            diagnostics.append(Diagnostic(node: self, message: LodumDiagnostic.nonLiteralOption(option)))
            return nil
        }
        return flag
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
