import LodumMacros
import SwiftParser
import SwiftSyntax
import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacros
import SwiftSyntaxMacrosGenericTestSupport
import Testing

/// The conformances `@Lodum`'s declaration in LodumCore asks the compiler for.
let lodumConformances: [TypeSyntax] = ["LodumCore.Serializable", "LodumCore.Deserializable", "LodumCore.JSONSchemaDescribable"]

/// Expands `@Lodum` in `source` and records a test issue, at the caller's location,
/// for every difference from `expandedSource`, `diagnostics` and `fixedSource`.
///
/// - Parameter conformances: The protocols the compiler reports the type as not yet
///   conforming to; by default both of Lodum's.
func assertLodumExpansion(
    _ source: String,
    expandsTo expandedSource: String,
    diagnostics: [DiagnosticSpec] = [],
    conformances: [TypeSyntax] = lodumConformances,
    applyFixIts: [String]? = nil,
    fixedSource: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    assertMacroExpansion(
        source,
        expandedSource: expandedSource,
        diagnostics: diagnostics,
        macroSpecs: lodumMacroSpecs(conformances: conformances),
        applyFixIts: applyFixIts,
        fixedSource: fixedSource,
        failureHandler: { failure in
            Issue.record(Comment(rawValue: failure.message), sourceLocation: sourceLocation)
        }
    )
}

/// The macros of Lodum, by the names the tests use them under.
private func lodumMacroSpecs(conformances: [TypeSyntax]) -> [String: MacroSpec] {
    [
        "Lodum": MacroSpec(type: LodumMacro.self, conformances: conformances),
        "LodumSubclass": MacroSpec(type: LodumSubclassMacro.self),
        "Field": MacroSpec(type: FieldMacro.self),
        "Flatten": MacroSpec(type: FlattenMacro.self),
    ]
}

/// The source `@Lodum` expands `source` to, for tests that check one property of it
/// rather than the whole text.
func lodumExpansionText(_ source: String, conformances: [TypeSyntax] = lodumConformances) -> String {
    let file = Parser.parse(source: source)
    let context = BasicMacroExpansionContext()
    let expanded = file.expand(
        macroSpecs: lodumMacroSpecs(conformances: conformances),
        contextGenerator: { syntax in
            BasicMacroExpansionContext(sharingWith: context, lexicalContext: syntax.allMacroLexicalContexts())
        },
        indentationWidth: .spaces(4))
    return expanded.description
}
