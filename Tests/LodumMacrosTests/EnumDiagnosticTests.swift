import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("@Lodum diagnostics on enums")
struct EnumDiagnosticTests {
    /// Expands `attribute` on a declaration of `body` lines and expects exactly
    /// `diagnostics`, with no code added.
    func expectRejected(
        _ attribute: String, _ header: String, _ body: [String], leaving expandedBody: [String]? = nil,
        _ diagnostics: [DiagnosticSpec], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let indented = body.map { "    " + $0 }.joined(separator: "\n")
        let expanded = (expandedBody ?? body).map { "    " + $0 }.joined(separator: "\n")
        assertLodumExpansion(
            "\(attribute)\n\(header) {\n\(indented)\n}", expandsTo: "\(header) {\n\(expanded)\n}",
            diagnostics: diagnostics, conformances: enumConformances, sourceLocation: sourceLocation)
    }

    @Test func mixedLabelsAreRejected() {
        expectRejected("@Lodum", "enum A", ["case a(Int), b(x: Int, Int)"], [
            DiagnosticSpec(message: "label all of the associated values of 'b', or none of them", line: 3, column: 18),
        ])
    }

    @Test func untaggedCannotHaveATag() {
        expectRejected("@Lodum(content: \"c\", untagged: true)", "enum A", ["case a"], [
            DiagnosticSpec(message: "untagged: writes no tag, so it cannot be combined with tag: or content:", line: 1, column: 1),
        ])
    }

    @Test func internalTaggingNeedsLabelsAndAFreeTagKey() {
        expectRejected("@Lodum(tag: \"t\")", "enum B", ["case a(Int)", "case b(t: Int)"], [
            DiagnosticSpec(
                message: """
                    an internally tagged enum writes each case's values beside the tag, so they need labels; \
                    label the values of 'a', or use 'content:' for adjacent tagging
                    """,
                line: 3, column: 10),
            DiagnosticSpec(message: "case 'b' has a value labeled 't', the tag's own key", line: 4, column: 10),
        ])
    }

    @Test func adjacentKeysMustDiffer() {
        expectRejected("@Lodum(tag: \"t\", content: \"t\")", "enum C", ["case a"], [
            DiagnosticSpec(message: "tag: and content: must be different keys", line: 1, column: 1),
        ])
    }

    @Test func contentNeedsATag() {
        expectRejected("@Lodum(content: \"c\")", "enum C", ["case a"], [
            DiagnosticSpec(message: "content: names the payload beside a tag: give tag: too", line: 1, column: 1),
        ])
    }

    @Test func rawValueEnumsTakeNoTaggingOrRenaming() {
        expectRejected("@Lodum(renameAll: .snakeCase, tag: \"x\")", "enum D: String", ["case aB"], [
            DiagnosticSpec(
                message: "tag: does not apply to an enum with raw values, which is written as its raw value; set the raw values instead",
                line: 1, column: 31),
            DiagnosticSpec(
                message: "renameAll: does not apply to an enum with raw values, which is written as its raw value; set the raw values instead",
                line: 1, column: 8),
        ])
    }

    @Test func taggingOnAStructIsRejected() {
        expectRejected("@Lodum(tag: \"t\")", "struct E", ["var a: Int"], [
            DiagnosticSpec(
                message: "tag, content and untagged apply to enums with associated values; a struct or class is always a struct",
                line: 1, column: 8),
        ])
    }

    @Test func twoCasesWithOneNameAreRejected() {
        expectRejected("@Lodum", "enum F", ["case a", "@Field(rename: \"a\") case b"], leaving: ["case a", "case b"], [
            DiagnosticSpec(message: "case 'b' is written \"a\", as 'a' already is", line: 4, column: 30),
        ])
    }
}
