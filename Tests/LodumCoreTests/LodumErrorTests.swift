import Lodum
import Testing

@Suite("LodumError: what, where in the value, where in the input")
struct LodumErrorTests {
    @Test func descriptionHasPathPositionAndReason() {
        let error = LodumError(
            .typeMismatch(expected: "Int", found: #"String "abc""#),
            path: CodingPath([.field("points"), .index(2), .field("x")]),
            position: .text(line: 1, column: 37, offset: 36))
        #expect(error.description == #"Error at points[2].x (line 1, column 37): expected Int, found String "abc""#)
        #expect(error.reason == #"expected Int, found String "abc""#)
    }

    @Test func descriptionWithoutPositionOmitsIt() {
        let error = LodumError(.missingField("y"), path: CodingPath([.field("y")]))
        #expect(error.description == #"Error at y: missing field "y""#)
    }

    @Test func binaryPositionIsAByteOffset() {
        let position = InputPosition.binary(offset: 42)
        #expect(position.description == "byte offset 42")
        #expect(position.offset == 42)
        #expect(InputPosition.text(line: 3, column: 4, offset: 20).offset == 20)
    }

    @Test func everyKindHasAReadableReason() {
        let reasons: [(LodumError.Kind, String)] = [
            (.missingField("id"), #"missing field "id""#),
            (.numberOutOfRange("300", type: "UInt8"), "number 300 does not fit in UInt8"),
            (.syntax("trailing comma before ']'"), "trailing comma before ']'"),
            (.unexpectedEndOfInput, "unexpected end of input"),
            (.unsupportedValue("nan cannot be written"), "nan cannot be written"),
            (.limitExceeded(.depth(100)), "nesting exceeds maxDepth (100)"),
            (.limitExceeded(.inputSize(1024)), "input exceeds maxInputSize (1024 bytes)"),
            (.io("cannot open x"), "cannot open x"),
            (.custom("must be positive"), "must be positive"),
        ]
        for (kind, reason) in reasons {
            #expect(LodumError(kind).reason == reason)
        }
    }

    @Test func foundValuesAreShortenedToOneReadableLine() {
        #expect(LodumError.describeFound("Object") == "Object")
        #expect(LodumError.describeFound("Number", "1.5") == "Number 1.5")
        let long = LodumError.describeFound("String", String(repeating: "x", count: 100))
        #expect(long.count < 60)
        #expect(long.hasSuffix("…"))
    }
}
