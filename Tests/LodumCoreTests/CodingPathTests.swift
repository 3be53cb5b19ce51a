import Lodum
import Testing

@Suite("CodingPath: where in a value, written the way Swift code reaches it")
struct CodingPathTests {
    @Test func rootPathIsWrittenAsRoot() {
        #expect(CodingPath.root.description == "<root>")
        #expect(CodingPath().components.isEmpty)
    }

    @Test func fieldsAreJoinedWithDotsAndIndicesWithBrackets() {
        let path = CodingPath([.field("points"), .index(2), .field("x")])
        #expect(path.description == "points[2].x")
    }

    @Test func leadingIndexHasNoDot() {
        #expect(CodingPath([.index(0), .field("id")]).description == "[0].id")
        #expect(CodingPath([.index(3), .index(4)]).description == "[3][4]")
    }

    @Test func mapKeysAreQuotedSoAnyKeyIsUnambiguous() {
        #expect(CodingPath([.field("tags"), .key("a.b")]).description == #"tags["a.b"]"#)
        #expect(CodingPath([.key("quote\"")]).description == #"["quote\""]"#)
        #expect(CodingPath([.key("x"), .field("y")]).description == #"["x"].y"#)
    }

    @Test func componentsDescribeThemselves() {
        #expect(PathComponent.field("name").description == "name")
        #expect(PathComponent.index(12).description == "[12]")
        #expect(PathComponent.key("k").description == #"["k"]"#)
    }

    @Test func pathsCompareByComponents() {
        #expect(CodingPath([.field("a"), .index(1)]) == CodingPath([.field("a"), .index(1)]))
        #expect(CodingPath([.field("a")]) != CodingPath([.key("a")]))
    }

    @Test func contextTracksThePathAsContainersAreEnteredAndLeft() throws {
        var context = CodingContext(limits: .default)
        #expect(context.path == .root)
        try context.enterContainer()
        context.atField("points")
        try context.enterContainer()
        context.atIndex(2)
        try context.enterContainer()
        context.atField("x")
        #expect(context.path.description == "points[2].x")
        #expect(context.depth == 3)
        context.exitContainer()
        #expect(context.path.description == "points[2]")
        context.atIndex(3)
        #expect(context.path.description == "points[3]")
        #expect(context.path(appending: "y").description == "points[3].y")
        context.exitContainer()
        context.exitContainer()
        #expect(context.path == .root)
        #expect(context.depth == 0)
    }

    @Test func contextRefusesToEnterPastMaxDepth() throws {
        var context = CodingContext(limits: Limits(maxDepth: 2))
        try context.enterContainer()
        context.atKey("k")
        try context.enterContainer()
        context.atIndex(0)
        #expect(throws: LodumError.self) { try context.enterContainer() }
        do {
            try context.enterContainer()
        } catch {
            #expect(error.kind == .limitExceeded(.depth(2)))
            #expect(error.path.description == #"["k"][0]"#)
        }
        #expect(context.depth == 2)
    }

    @Test func exitingMoreThanEnteredIsHarmless() {
        var context = CodingContext(limits: .default)
        context.exitContainer()
        context.atField("ignored")
        #expect(context.path == .root)
    }
}
