import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite("@Lodum diagnostics")
struct DiagnosticTests {
    @Test func actorIsRejected() {
        assertLodumExpansion(
            """
            @Lodum actor Account {
                var balance: Int
            }
            """,
            expandsTo: """
                actor Account {
                    var balance: Int
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: """
                        @Lodum supports structs, final classes and enums, not actors, \
                        whose state cannot be read synchronously
                        """,
                    line: 1,
                    column: 1
                )
            ]
        )
    }

    @Test func protocolIsRejected() {
        assertLodumExpansion(
            """
            @Lodum protocol Shape {
            }
            """,
            expandsTo: """
                protocol Shape {
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: """
                        @Lodum supports structs, final classes and enums; \
                        attach it to each conforming type instead of the protocol
                        """,
                    line: 1,
                    column: 1
                )
            ]
        )
    }

    @Test func storedPropertyWithoutTypeAnnotationIsRejectedOnePropertyAtATime() {
        assertLodumExpansion(
            """
            @Lodum struct Tally {
                var count = 0
                var total = 0
                let limit = 10
            }
            """,
            expandsTo: """
                struct Tally {
                    var count = 0
                    var total = 0
                    let limit = 10
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@Lodum needs an explicit type annotation on stored property 'count' to decode it",
                    line: 2,
                    column: 9
                ),
                DiagnosticSpec(
                    message: "@Lodum needs an explicit type annotation on stored property 'total' to decode it",
                    line: 3,
                    column: 9
                ),
            ]
        )
    }

    @Test func finalClassWithUnannotatedPropertyIsReportedOnceAndGetsNoInitializer() {
        assertLodumExpansion(
            """
            @Lodum final class Tally {
                var count = 0
            }
            """,
            expandsTo: """
                final class Tally {
                    var count = 0
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@Lodum needs an explicit type annotation on stored property 'count' to decode it",
                    line: 2,
                    column: 9
                )
            ]
        )
    }

    @Test func tuplePatternIsRejected() {
        assertLodumExpansion(
            """
            @Lodum struct Pair {
                var (first, second): (Int, Int)
            }
            """,
            expandsTo: """
                struct Pair {
                    var (first, second): (Int, Int)
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: """
                        @Lodum cannot serialize a property bound by a tuple or wildcard pattern; \
                        declare each property with its own name
                        """,
                    line: 2,
                    column: 9
                )
            ]
        )
    }

    @Test func misusedOptionsPointAtTheirLine() {
        assertLodumExpansion(
            """
            @Lodum(renameAll: .lowercase, omitNil: maybe)
            struct User {
                @Field(rename: "id") var identifier: Int
                @Field(aliases: ["id"]) var other: Int
                @Field var computed: Int { 1 }
                @Field(skip: true) var required: Int
                @Field(rename: "a\\(x)") var interpolated: Int
                @Field(using: EpochSeconds) var when: Date
            }
            """,
            expandsTo: """
                struct User {
                    var identifier: Int
                    var other: Int
                    var computed: Int { 1 }
                    var required: Int
                    var interpolated: Int
                    var when: Date
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "renameAll: must be one of .snakeCase, .camelCase, .pascalCase, .kebabCase, .screamingSnakeCase",
                    line: 1, column: 19),
                DiagnosticSpec(message: "@Lodum(omitNil:) must be a literal 'true' or 'false'", line: 1, column: 40),
                DiagnosticSpec(
                    message: "@Field applies only to stored instance properties; computed, static and lazy properties are not serialized",
                    line: 5, column: 5),
                DiagnosticSpec(
                    message: "@Field(skip: true) needs a value for 'required' when it is not read: give it an initial value or an Optional type",
                    line: 6, column: 28),
                DiagnosticSpec(message: "@Field(rename:) must be written as string literals, without interpolation", line: 7, column: 20),
                DiagnosticSpec(message: "@Field(using:) takes a FieldCoding type, written 'SomeCoding.self'", line: 8, column: 19),
                DiagnosticSpec(message: "'other' uses the key \"id\", which 'identifier' already has", line: 4, column: 5),
            ]
        )
    }

    @Test func lodumSubclassOnAStructIsRejected() {
        assertLodumExpansion(
            """
            @LodumSubclass struct Point {
                var x: Int
            }
            """,
            expandsTo: """
                struct Point {
                    var x: Int
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@LodumSubclass applies to a class whose superclass is an @Lodum class; use @Lodum here",
                    line: 1, column: 1),
            ],
            conformances: []
        )
    }

    @Test func flattenMisuseIsRejected() {
        assertLodumExpansion(
            """
            @Lodum struct User {
                @Flatten var a: A
                @Flatten var b: B
                @Flatten @Field(rename: "x") var c: C
                @Flatten var d: D?
            }
            """,
            expandsTo: """
                struct User {
                    var a: A
                    var b: B
                    var c: C
                    var d: D?
                }
                """,
            diagnostics: [
                DiagnosticSpec(
                    message: "@Flatten takes a non-Optional @Lodum struct, and no @Field options: its fields keep their own keys",
                    line: 4, column: 5),
                DiagnosticSpec(
                    message: "@Flatten takes a non-Optional @Lodum struct, and no @Field options: its fields keep their own keys",
                    line: 5, column: 5),
                DiagnosticSpec(
                    message: "a struct or final class can flatten one property; a class that may be subclassed, none",
                    line: 3, column: 18),
            ]
        )
    }
}
