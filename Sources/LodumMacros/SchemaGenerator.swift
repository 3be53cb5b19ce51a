import SwiftSyntax
import SwiftSyntaxBuilder

/// Generates `jsonSchema(in:)`, the type's JSON Schema, from what the macro knows at
/// compile time: the wire keys, which fields reading requires, the validators as written,
/// the enum's tagging.
///
/// The generated code names each property's type and lets the core's
/// `JSONSchemaContext` look the schema up when it runs. So the macro needs no knowledge
/// of other types, and a type the core knows nothing of is `{}` rather than an error.
struct SchemaGenerator {
    let type: AnnotatedType
    /// The type as the extension names it (`Drawing.Stroke`), for key paths to its
    /// properties. `\Self.x` would not do: in a class, `Self` is the dynamic `Self`,
    /// which the runtime fails to resolve in a key path.
    let extendedType: TypeSyntax

    /// The superclass of a subclass of an `@Lodum` class, whose properties come first.
    var superclass: TypeSyntax? = nil

    /// `static func jsonSchema(in:)`; in a class hierarchy an overridable `class func`, so a
    /// subclass's schema has its own fields too.
    func makeSchemaFunction() throws -> FunctionDeclSyntax {
        let kind = type.kind == .classInHierarchy ? (type.inheritsFields ? "override class" : "class") : "static"
        let header: SyntaxNodeString =
            "\(raw: type.memberAccess.headerPrefix)\(raw: kind) func jsonSchema(in context: inout LodumCore.JSONSchemaContext) -> LodumCore.Value"
        let body: String
        if type.kind != .enumeration {
            body = "context in\n" + objectSchema()
        } else if type.rawValueType != nil {
            let cases = type.cases.map { ".\($0.identifier.text)" }.joined(separator: ", ")
            body = "_ in\nLodumCore.JSONSchema.rawValues(Self.self, cases: [\(cases)])"
        } else {
            body = "context in\n" + unionSchema()
        }
        return try FunctionDeclSyntax(header) {
            "context.definition(of: Self.self) { \(raw: body)\n}"
        }
    }

    // MARK: Structs and classes

    /// `JSONSchema.object(...)` of the fields `serialize(to:)` writes: a superclass's first,
    /// then the type's own, then a flattened struct's.
    private func objectSchema() -> String {
        let properties = type.fields.filter(\.isEncoded).map { property in
            let required = property.decoding.map { $0.readsKey && $0.defaultValue == nil } == true
                && property.declaredType?.isOptional != true
            return "\(required ? ".required" : ".optional")(\(StringLiteralExprSyntax(content: property.wireKey)), \(property.schemaExpression(in: extendedType)))"
        }
        var borrowed: [String] = []
        if let superclass { borrowed.append(superclass.trimmedDescription) }
        if let flattened = type.flattened?.declaredType { borrowed.append(flattened.trimmedDescription) }
        guard !borrowed.isEmpty else {
            let additionalProperties = type.options.denyUnknownFields ? ",\nadditionalProperties: false" : ""
            return "LodumCore.JSONSchema.object(\nproperties: \(Self.list(properties))\(additionalProperties)\n)"
        }
        // Properties of other types, known when the schema is built.
        var statements = borrowed.enumerated().map { "let _lodum_borrowed\($0.offset) = context.objectProperties(of: \($0.element).self)" }
        let superclassProperties = superclass == nil ? [] : ["_lodum_borrowed0.properties"]
        let flattenedProperties = type.flattened == nil ? [] : ["_lodum_borrowed\(borrowed.count - 1).properties"]
        let allProperties = (superclassProperties + [Self.list(properties)] + flattenedProperties).joined(separator: " + ")
        let allows = (type.options.denyUnknownFields ? ["false"] : []) + borrowed.indices.map { "_lodum_borrowed\($0).allowsOthers" }
        statements.append("return LodumCore.JSONSchema.object(\nproperties: \(allProperties),\nadditionalProperties: \(allows.joined(separator: " && "))\n)")
        return statements.joined(separator: "\n")
    }

    // MARK: Enums

    /// `JSONSchema.union(of: cases, tagging: ...)`.
    private func unionSchema() -> String {
        let cases = type.cases.map { enumCase -> String in
            let name = StringLiteralExprSyntax(content: enumCase.wireName).description
            switch enumCase.payload {
            case .none:
                return ".unit(\(name))"
            case .single(let valueType):
                return ".value(\(name), \(Self.schemaLookup(valueType)))"
            case .tuple(let types):
                return ".elements(\(name), [\(types.map(Self.schemaLookup).joined(separator: ", "))])"
            case .fields(let fields):
                let properties = fields.map { field in
                    // A missing labeled value reads as nil when it is an Optional, else fails.
                    "\(field.type.isOptional ? ".optional" : ".required")(\(StringLiteralExprSyntax(content: field.key)), \(Self.schemaLookup(field.type)))"
                }
                return ".fields(\n\(name),\n\(Self.list(properties))\n)"
            }
        }
        let tagging: String
        switch type.tagging {
        case .external: tagging = ".external"
        case .internal(let tag): tagging = ".internal(tag: \(StringLiteralExprSyntax(content: tag)))"
        case .adjacent(let tag, let content):
            tagging = ".adjacent(tag: \(StringLiteralExprSyntax(content: tag)), content: \(StringLiteralExprSyntax(content: content)))"
        case .untagged: tagging = ".untagged"
        }
        return "LodumCore.JSONSchema.union(\nof: \(Self.list(cases)),\ntagging: \(tagging)\n)"
    }

    // MARK: Helpers

    /// `context.schema(for: T.self)`.
    fileprivate static func schemaLookup(_ type: TypeSyntax) -> String {
        "context.schema(for: \(type.implicitUnwrapSpelledAsOptional.metatypeExpression))"
    }

    /// An array literal of `elements`, one a line.
    private static func list(_ elements: [String]) -> String {
        elements.isEmpty ? "[]" : "[\n" + elements.map { $0 + ",\n" }.joined() + "]"
    }
}

extension StoredProperty {
    /// The property's schema: its type's, or its coding's representation's, with what its
    /// validator checks where a schema can say it.
    fileprivate func schemaExpression(in extendedType: TypeSyntax) -> String {
        guard let declaredType else {
            // A `let` whose type comes from its initial value: the key path knows the type.
            return "context.schema(for: \\\(extendedType.trimmedDescription).\(identifier.text))"
        }
        let type = declaredType.implicitUnwrapSpelledAsOptional
        if let coding {
            // A validator checks the property's value, not what the coding writes, so it
            // says nothing about the representation.
            let representation = "\(coding.trimmedDescription).Representation"
            return "context.schema(for: \(type.isOptional ? "Optional<\(representation)>" : representation).self)"
        }
        guard let validator, !validator.is(ClosureExprSyntax.self) else {
            return SchemaGenerator.schemaLookup(type)
        }
        if let pattern = validator.regexLiteralPattern {
            return "context.schema(for: \(type.metatypeExpression), matching: \(StringLiteralExprSyntax(content: pattern)))"
        }
        return "context.schema(for: \(type.metatypeExpression), validatedBy: \(validator.trimmedDescription))"
    }
}

extension ExprSyntax {
    /// The text of the regex literal in `.match(#/^[A-Z]{2}$/#)`: a `Regex` does not keep
    /// its source, so only the macro, which sees it, can put it in a schema. `nil` for a
    /// multi-line literal, whose extended syntax a schema's pattern does not share.
    fileprivate var regexLiteralPattern: String? {
        guard let call = self.as(FunctionCallExprSyntax.self),
              let member = call.calledExpression.as(MemberAccessExprSyntax.self),
              member.base?.trimmedDescription.hasPrefix("Validator") ?? true,
              member.declName.baseName.text == "match",
              call.arguments.count == 1,
              let literal = call.arguments.first?.expression.as(RegexLiteralExprSyntax.self)
        else { return nil }
        let pattern = literal.regex.text
        return pattern.contains("\n") ? nil : pattern
    }
}
