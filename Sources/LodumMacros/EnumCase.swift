import SwiftDiagnostics
import SwiftSyntax

/// One case of an `@Lodum` enum, as code generation sees it.
struct EnumCase {
    /// The case's name token as written, for `.name` patterns and values.
    let identifier: TokenSyntax
    /// The case's name without backticks.
    let name: String
    /// The case's name on the wire, after `@Field(rename:)` or the type's `renameAll`.
    var wireName: String
    /// The associated values.
    var payload: Payload
    /// Where diagnostics about the case point.
    let syntax: Syntax

    /// A case's associated values, which decide how its payload is written.
    enum Payload {
        /// No associated values: a unit case.
        case none
        /// One unlabeled value, written as itself.
        case single(TypeSyntax)
        /// Several unlabeled values, written as an array.
        case tuple([TypeSyntax])
        /// Labeled values, written as a struct keyed by label.
        case fields([Field])
    }

    /// A labeled associated value.
    struct Field {
        /// The label as written, for the case pattern and constructor.
        let label: TokenSyntax
        /// The label as a key.
        let key: String
        let type: TypeSyntax
    }

    var isUnit: Bool {
        if case .none = payload { return true }
        return false
    }
}

extension EnumCase {
    /// Reads the cases one `case` declaration introduces.
    static func cases(
        declaredBy declaration: EnumCaseDeclSyntax,
        typeOptions: TypeOptions,
        diagnostics: inout [Diagnostic]
    ) -> [EnumCase] {
        let options = FieldOptions(parsing: declaration.attributes, diagnostics: &diagnostics)
        var cases: [EnumCase] = []
        for element in declaration.elements {
            let name = element.name.identifier?.name ?? element.name.text
            let payload: Payload
            let parameters = Array(element.parameterClause?.parameters ?? [])
            let labels = parameters.map { parameter -> TokenSyntax? in
                guard let first = parameter.firstName, first.tokenKind != .wildcard else { return nil }
                return first.trimmed
            }
            if parameters.isEmpty {
                payload = .none
            } else if labels.allSatisfy({ $0 != nil }) {
                payload = .fields(zip(parameters, labels).compactMap { parameter, label in
                    guard let label else { return nil }
                    return Field(label: label, key: label.identifier?.name ?? label.text, type: parameter.type.trimmed)
                })
            } else if labels.allSatisfy({ $0 == nil }) {
                payload = parameters.count == 1 ? .single(parameters[0].type.trimmed) : .tuple(parameters.map { $0.type.trimmed })
            } else {
                diagnostics.append(Diagnostic(node: element, message: LodumDiagnostic.mixedLabels(caseName: name)))
                continue
            }
            cases.append(EnumCase(
                identifier: element.name.trimmed,
                name: name,
                wireName: options.rename ?? typeOptions.renameAll?.apply(to: name) ?? name,
                payload: payload,
                syntax: Syntax(element)
            ))
        }
        return cases
    }
}

/// How an `@Lodum` enum marks which case a value is.
enum EnumTagging {
    /// `{"circle": {...}}`, or `"none"` for a unit case.
    case external
    /// `{"type": "circle", ...fields}`.
    case `internal`(tag: String)
    /// `{"t": "circle", "c": payload}`.
    case adjacent(tag: String, content: String)
    /// The payload alone; unit cases are null.
    case untagged
}
